"""A real browser (Debian's headless Chromium driven by Playwright) against `tacitus serve`'s app
on loopback: search, filter IRN:USA REJECT, open the event and check its highlighted spans, the
claim status and the earlier refusal, the chart and the map, an inert <script> article, the try-it
page and the API page's try-out. Screenshots go to out/screenshots/ (TACITUS_SCREENSHOTS moves it).

Skips, saying why, only when no Chromium is installed (.ci/run installs Debian's package).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from tacitus.web.app import create_app

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(os.environ.get("TACITUS_SCREENSHOTS", Path(__file__).parents[2] / "out" / "screenshots"))


def chromium_path() -> str | None:
    for candidate in (os.environ.get("TACITUS_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="module")
def server(store_path, tmp_path_factory):
    """The app on a free loopback port, in a thread, for the duration of this module."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(store_path, snapshot_dir=tmp_path_factory.mktemp("browser-snapshots"), refresh_seconds=None)
    uvicorn_server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not uvicorn_server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser_page(server):
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium browser installed (apt-get install chromium; .ci/run does it): browser test skipped")
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.problems = []
        page.on("console", lambda message: page.problems.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: page.problems.append(str(error)))
        page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        yield page
        browser.close()


def shoot(page, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_search_filter_and_event_evidence(server, browser_page):
    page = browser_page
    page.goto(server + "/")
    page.fill("input[name=dyad]", "IRN:USA")
    page.fill("input[name=type]", "REJECT")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*dyad=IRN%3AUSA*")
    shoot(page, "search")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 3
    assert all(text.startswith("REJECT") for text in page.locator("a.event-link").all_inner_texts())
    page.locator("tr", has_text="Levant Wire").locator("a.event-link").first.click()
    page.wait_for_selector("#sentence")
    shoot(page, "event")
    assert page.locator("#sentence mark.trigger").inner_text() == "rejected"
    assert page.locator("#sentence mark.source").inner_text() == "Iran"
    assert page.locator("#sentence mark.target").first.inner_text() == "US"
    assert "denied by The White House" in page.locator(".claim-line").inner_text()
    assert page.locator("#claim .status").inner_text().lower() == "disputed"
    assert "2013-09-25" in page.locator("#similar").inner_text()
    assert "triggers.tsv:" in page.locator("#evidence").inner_text()
    assert page.problems == []


def test_dyad_chart_and_map_render(server, browser_page):
    page = browser_page
    page.goto(server + "/dyads/IRN/USA?bin=day")
    page.wait_for_selector("svg#timeline")
    assert page.locator("svg#timeline rect.bar").count() >= 2
    assert page.locator("svg#timeline polyline.goldstein").count() == 1
    box = page.locator("svg#timeline").bounding_box()
    assert box["width"] > 600 and box["height"] > 150
    shoot(page, "dyad")
    page.goto(server + "/map")
    page.wait_for_selector("svg#map")
    assert page.locator("svg#map .countries path").count() > 150
    assert page.locator("svg#map circle.point").count() >= 2
    shoot(page, "map")
    assert page.problems == []


def test_script_article_is_inert(server, browser_page):
    page = browser_page
    page.goto(server + "/articles/script-2017")
    page.wait_for_selector("#article-text")
    assert page.evaluate("typeof window.tacitusInjected") == "undefined"
    assert "<script>alert(1)</script> Headline" in page.locator("h1.title").inner_text()
    assert "<script>window.tacitusInjected = true</script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text mark.trigger").count() == 2
    shoot(page, "article")
    assert page.problems == []


def test_try_it_and_api_page(server, browser_page):
    from playwright.sync_api import expect

    page = browser_page
    page.goto(server + "/try")
    page.fill("textarea[name=text]", "Chile recalled its ambassador from Peru on Monday.")
    page.fill("input[name=published]", "2021-03-10")
    page.click("form.try button[type=submit]")
    page.wait_for_selector("#try-text")
    assert page.locator("#try-text mark.trigger").count() >= 1
    shoot(page, "try")
    page.goto(server + "/docs")
    health = page.locator("section.op", has_text="/api/health").first
    health.locator("button[type=submit]").click()
    # A locator assertion polls from Playwright's own script world: the page's CSP forbids the
    # string evaluation wait_for_function needs.
    expect(health.locator("pre.response")).to_contain_text('"status": "ok"')
    assert health.locator("pre.response").inner_text().startswith("200")
    shoot(page, "docs")
    assert page.problems == []
