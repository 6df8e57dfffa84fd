"""Every endpoint of /api on a store coded from articles written for these tests."""

from __future__ import annotations

import csv
import io

import pyarrow.parquet as pq


def test_health_counts_the_store(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["articles"] == 4
    assert body["counts"]["events"] >= 8


def test_events_filter_by_dyad_and_type(client):
    body = client.get("/api/events", params={"dyad": "IRN:USA", "type": "REJECT"}).json()
    assert body["total"] == len(body["events"]) >= 3
    for event in body["events"]:
        assert event["event"] == "REJECT"
        assert event["source"]["country"] == "IRN" and event["target"]["country"] == "USA"
        assert event["cluster_id"] and event["claim_status"]
    assert {event["date"][:4] for event in body["events"]} == {"2013", "2017"}


def test_events_filters_narrow_the_result(client):
    everything = client.get("/api/events").json()["total"]
    denied = client.get("/api/events", params={"factuality": "denied"}).json()
    assert 0 < denied["total"] < everything
    assert {e["factuality"] for e in denied["events"]} == {"denied"}
    in_2013 = client.get("/api/events", params={"until": "2013-12-31"}).json()["events"]
    assert in_2013 and all(e["date"] <= "2013-12-31" for e in in_2013)
    since_2017 = client.get("/api/events", params={"since": "2017-01-01"}).json()["events"]
    assert since_2017 and all(e["date"] >= "2017-01-01" for e in since_2017)
    damascus = client.get("/api/events", params={"country": "SYR"}).json()["events"]
    assert [e["location"]["name"] for e in damascus] == ["Damascus"]
    by_place_name = client.get("/api/events", params={"country": "damascus"}).json()["events"]
    assert [e["event_id"] for e in by_place_name] == [e["event_id"] for e in damascus]
    words = client.get("/api/events", params={"q": "state media"}).json()["events"]
    assert words and all("state media" in e["sentence"] for e in words)
    by_cameo = client.get("/api/events", params={"cameo": "12"}).json()["events"]
    assert by_cameo and all(e["cameo"].startswith("12") for e in by_cameo)
    by_actor = client.get("/api/events", params={"actor": "FRA"}).json()["events"]
    assert [e["source"]["code"] for e in by_actor] == ["FRA"]
    confident = client.get("/api/events", params={"min_confidence": 0.99}).json()["events"]
    assert all(e["confidence"] >= 0.99 for e in confident)


def test_events_text_search_treats_wildcards_as_text(client):
    assert client.get("/api/events", params={"q": "%"}).json()["total"] == 0
    assert client.get("/api/events", params={"q": "_"}).json()["total"] == 0


def test_events_story_and_cluster_filters(client, refusals):
    latest = refusals["2017"]
    same_cluster = client.get("/api/events", params={"cluster": latest["cluster_id"]}).json()["events"]
    assert latest["event_id"] in {e["event_id"] for e in same_cluster}
    assert {e["cluster_id"] for e in same_cluster} == {latest["cluster_id"]}
    same_story = client.get("/api/events", params={"story": latest["story_id"]}).json()["events"]
    assert {e["story_id"] for e in same_story} == {latest["story_id"]}


def test_events_paging_and_sorting(client):
    total = client.get("/api/events").json()["total"]
    first = client.get("/api/events", params={"page_size": 2, "sort": "-date"}).json()
    second = client.get("/api/events", params={"page_size": 2, "page": 2, "sort": "-date"}).json()
    assert first["total"] == total and len(first["events"]) == 2
    dates = [e["date"] for e in first["events"] + second["events"]]
    assert dates == sorted(dates, reverse=True)
    assert not {e["event_id"] for e in first["events"]} & {e["event_id"] for e in second["events"]}


def test_events_facets_count_types(client):
    facets = client.get("/api/events", params={"facets": "true"}).json()["facets"]
    types = {item["value"]: item["count"] for item in facets["event"]}
    rejects = client.get("/api/events", params={"type": "REJECT"}).json()["total"]
    assert types["REJECT"] == rejects
    assert sum(item["count"] for item in facets["factuality"]) == client.get("/api/events").json()["total"]


def test_events_download_csv_and_parquet(client):
    response = client.get("/api/events", params={"dyad": "IRN:USA", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {row["source_country"] for row in rows} == {"IRN"}
    assert all(row["cluster_id"] for row in rows)
    parquet = client.get("/api/events", params={"dyad": "IRN:USA", "format": "parquet"})
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows == len(rows)
    assert set(table.column("target_country").to_pylist()) == {"USA"}


def test_bad_parameters_get_422_naming_them(client):
    for params, name in (({"since": "last week"}, "since"), ({"page_size": 100000}, "page_size"),
                         ({"dyad": "IRN"}, "dyad"), ({"factuality": "rumoured"}, "factuality"),
                         ({"sort": "colour"}, "sort"), ({"min_confidence": 2}, "min_confidence"),
                         ({"format": "xml"}, "format")):
        response = client.get("/api/events", params=params)
        assert response.status_code == 422, params
        assert response.json()["parameter"] == name
        assert "Traceback" not in response.text


def test_event_has_evidence_cluster_and_the_earlier_refusal(client, refusals):
    latest = refusals["2017"]
    body = client.get(f"/api/events/{latest['event_id']}").json()
    assert body["evidence"]["rule"] and body["evidence"]["lexicon"]["entry"].startswith("triggers.tsv:")
    assert body["cluster"]["cluster_id"] == latest["cluster_id"]
    earlier = body["similar_earlier"]
    assert earlier and earlier[0]["event_id"] == refusals["2013"]["event_id"]
    assert earlier[0]["same_code"]
    assert body["article"]["title"] == "Iran rebuffs US meeting request again"


def test_unknown_ids_get_404(client):
    for path in ("/api/events/nope", "/api/clusters/nope", "/api/stories/nope", "/api/articles/nope"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "nope" in response.json()["error"]


def test_cluster_claim_status_names_who_denied(client, refusals):
    body = client.get(f"/api/clusters/{refusals['2017']['cluster_id']}").json()
    assert body["status"] == "disputed"
    denials = [claim for claim in body["claims"] if claim["stance"] == "denied"]
    assert [(claim["who"], claim["when"]) for claim in denials] == [("The White House", "2017-09-22")]
    assert {report["outlet"] for report in body["reports"]} == {"Levant Wire", "Capital Times"}


def test_stories_list_and_timeline(client, refusals):
    listing = client.get("/api/stories").json()
    assert listing["total"] == len(listing["stories"]) >= 2
    story_id = refusals["2017"]["story_id"]
    story = client.get(f"/api/stories/{story_id}").json()
    assert "refusal-2017" in {a["doc_id"] for a in story["articles_list"]}
    dates = [entry["date"] for entry in story["timeline"]]
    assert dates == sorted(dates)
    assert refusals["2017"]["cluster_id"] in {entry["cluster_id"] for entry in story["timeline"]}


def test_article_spans_point_at_trigger_and_actor_words(client):
    body = client.get("/api/articles/refusal-2017").json()
    text = body["text"]
    assert body["events"]
    roles = set()
    for span in body["spans"]:
        assert text[span["start"]:span["end"]] == span["text"]
        roles.add(span["role"])
    assert {"trigger", "source", "target"} <= roles


def test_dyad_timeline_bins(client):
    months = client.get("/api/dyads/IRN/USA/timeline", params={"bin": "month"}).json()["bins"]
    assert [b["start"] for b in months] == ["2013-09-01", "2017-09-01"]
    assert all(b["by_quad_class"]["3"] == b["events"] for b in months)  # REJECT: verbal conflict
    assert all(b["mean_goldstein"] < 0 for b in months)
    days = client.get("/api/dyads/IRN/USA/timeline", params={"bin": "day"}).json()["bins"]
    assert sum(b["events"] for b in days) == sum(b["events"] for b in months)
    weeks = client.get("/api/dyads/IRN/USA/timeline", params={"bin": "week"}).json()["bins"]
    assert len(weeks) == 2
    assert client.get("/api/dyads/IRN/USA/timeline", params={"bin": "year"}).status_code == 422
    assert client.get("/api/dyads/ZZZ/QQQ/timeline").json()["bins"] == []


def test_map_groups_located_events(client):
    points = client.get("/api/map").json()["points"]
    assert {p["place"] for p in points} >= {"Damascus", "New York City"}
    damascus = next(p for p in points if p["place"] == "Damascus")
    assert damascus["quad_class"] == 4 and damascus["events"] == 1
    only_syria = client.get("/api/map", params={"country": "SYR"}).json()["points"]
    assert [p["place"] for p in only_syria] == ["Damascus"]


def test_actor_lookup_by_date(client):
    body = client.get("/api/actors", params={"q": "Iran", "date": "2017-09-19"}).json()
    assert body["actors"][0]["code"] == "IRN"
    assert client.get("/api/actors").status_code == 422


def test_code_a_pasted_text(client):
    body = client.post("/api/code", json={"text": "Iran rejected a US request for a meeting on Monday.",
                                          "published": "2019-06-12"}).json()
    (event,) = [e for e in body["events"] if e["event"] == "REJECT"]
    assert (event["source"]["code"], event["target"]["code"]) == ("IRN", "USA")
    assert event["date"] == "2019-06-10"
    triggers = [s for s in body["spans"] if s["role"] == "trigger"]
    assert body["text"][triggers[0]["start"]:triggers[0]["end"]] == "rejected"
    assert client.get("/api/health").json()["counts"]["articles"] == 4  # nothing stored


def test_code_refuses_bad_bodies(client):
    assert client.post("/api/code", json={"text": ""}).status_code == 422
    assert client.post("/api/code", json={"text": "x" * 20_001}).status_code == 422
    assert client.post("/api/code", json={"text": "Iran rejected it.", "published": "soon"}).json()["parameter"] \
        == "published"
    too_big = client.post("/api/code", content=b"{" + b" " * 300_000 + b"}",
                          headers={"Content-Type": "application/json"})
    assert too_big.status_code == 413
