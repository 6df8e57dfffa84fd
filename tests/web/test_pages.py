"""The server-rendered pages: content, escaping and security headers."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("path", ["/", "/map", "/stories", "/try", "/docs", "/dyads/IRN/USA",
                                  "/?dyad=IRN:USA&type=REJECT", "/map?factuality=reported"])
def test_pages_render_with_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_static_assets_carry_the_policy_too(client):
    response = client.get("/static/style.css")
    assert response.status_code == 200 and "content-security-policy" in response.headers


def test_search_page_lists_events_and_facet_counts(client):
    html = client.get("/", params={"dyad": "IRN:USA", "type": "REJECT"}).text
    total = client.get("/api/events", params={"dyad": "IRN:USA", "type": "REJECT"}).json()["total"]
    assert f"{total} events" in html
    assert re.search(r'<span>REJECT</span><span class="n">' + str(total) + "</span>", html)


def test_event_page_marks_trigger_source_and_target(client, refusals):
    html = client.get(f"/events/{refusals['2017']['event_id']}").text
    assert re.search(r'<mark class="hl trigger"[^>]*>rejected</mark>', html)
    assert re.search(r'<mark class="hl source"[^>]*>Iran</mark>', html)
    assert re.search(r'<mark class="hl target"[^>]*>US</mark>', html)
    assert "denied by The White House (in Capital Times) on 2017-09-22" in html
    assert refusals["2013"]["event_id"] in html.split('id="similar"')[1]


def test_script_in_an_article_is_shown_as_text(client):
    html = client.get("/articles/script-2017").text
    assert "<script>alert(1)</script>" not in html and "<script>window" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Headline" in html
    assert "&lt;script&gt;window.tacitusInjected = true&lt;/script&gt;" in html
    assert "Odd &lt;b&gt;Outlet&lt;/b&gt;" in html
    # The only scripts a page loads are the app's own files.
    for page in ("/", "/articles/script-2017", "/?q=script", "/docs"):
        assert re.findall(r"<script[^>]*>", client.get(page).text) in ([], ['<script src="/static/docs.js">'])


def test_dyad_page_draws_the_timeline(client):
    html = client.get("/dyads/IRN/USA", params={"bin": "day"}).text
    days = client.get("/api/dyads/IRN/USA/timeline", params={"bin": "day"}).json()["bins"]
    assert len(days) >= 2
    assert html.count('<rect class="bar q3"') == len(days)  # one verbal-conflict bar per day
    assert '<polyline class="goldstein"' in html


def test_map_page_draws_countries_and_points(client):
    html = client.get("/map").text
    assert html.count("<path d=") > 150
    assert re.search(r'<circle class="point q4"', html)  # the strike near Damascus


def test_story_and_article_pages(client, refusals):
    story = client.get(f"/stories/{refusals['2017']['story_id']}").text
    assert "Iran rebuffs US meeting request again" in story
    article = client.get("/articles/refusal-2013").text
    assert '<mark class="hl trigger"' in article


def test_try_page_codes_a_pasted_text(client):
    html = client.post("/try", data={"text": "Germany praised <i>Japan</i> on Monday.", "published": "2020-02-05"}).text
    assert re.search(r'<mark class="hl trigger"[^>]*>praised</mark>', html)
    assert "<i>" not in html and "&lt;i&gt;" in html
    refused = client.post("/try", data={"text": "Germany praised Japan.", "published": "yesterday"})
    assert refused.status_code == 422 and "expected YYYY-MM-DD" in refused.text


def test_page_errors_are_pages(client):
    missing = client.get("/events/nope")
    assert missing.status_code == 404 and "no event" in missing.text and missing.headers["content-type"].startswith(
        "text/html")
    bad = client.get("/", params={"since": "never"})
    assert bad.status_code == 422 and "<code>since</code>" in bad.text


def test_docs_page_lists_every_api_operation(client):
    html = client.get("/docs").text
    for path in client.get("/openapi.json").json()["paths"]:
        assert f"<code>{path}</code>" in html


def test_blank_form_fields_mean_no_filter(client):
    html = client.get("/?actor=&dyad=IRN%3AUSA&type=REJECT&factuality=&since=&min_confidence=&q=").text
    total = client.get("/api/events", params={"dyad": "IRN:USA", "type": "REJECT"}).json()["total"]
    assert f"{total} events" in html
    assert client.get("/api/events?min_confidence=").status_code == 422  # the API stays strict
