"""One thing of the store with everything around it: an event with its evidence, cluster and
earlier events like it; a cluster with every report and its claim status; a story's timeline;
an article with the spans of its events. Recurrence and cluster look-ups are the link stage's
own (`tacitus similar` uses the same functions)."""

from __future__ import annotations

import json
from typing import Any

import duckdb

from tacitus.link.recurrence import similar_earlier
from tacitus.store.db import fetch_dicts
from tacitus.web.highlight import record_spans
from tacitus.web.queries import EVENT_FROM, record

_STORY_COLUMNS = "story_id, title, first_published, last_published, members, articles, events, actors, terms"


def event(con: duckdb.DuckDBPyConnection, event_id: str, similar_limit: int = 10) -> dict[str, Any] | None:
    rows = list(fetch_dicts(con.execute(
        f"SELECT e.*, l.cluster_id, a.story_id, c.status AS claim_status {EVENT_FROM} WHERE e.event_id = ?", [event_id])))
    if not rows:
        return None
    found = record(rows[0])
    found["article"] = article_header(con, found["doc_id"])
    cluster_id = found["cluster_id"]
    found["cluster"] = cluster(con, cluster_id) if cluster_id else None
    found["similar_earlier"] = [
        {**_plain(item.cluster), "same_code": item.same_code, "same_root": item.same_root,
         "wording": round(item.wording, 3)}
        for item in (similar_earlier(con, cluster_id, similar_limit) if cluster_id else [])
    ]
    return found


def cluster(con: duckdb.DuckDBPyConnection, cluster_id: str) -> dict[str, Any] | None:
    rows = list(fetch_dicts(con.execute("SELECT * FROM clusters WHERE cluster_id = ?", [cluster_id])))
    if not rows:
        return None
    found = _plain(rows[0])
    found["claims"] = json.loads(found["claims"])
    found["reports"] = [_plain(row) for row in fetch_dicts(con.execute(
        "SELECT e.event_id, e.doc_id, r.title, e.outlet, e.published, e.sentence, e.event, e.cameo, "
        "e.factuality, e.attribution_text AS attribution, e.attribution_code, k.dup_of AS copy_of "
        "FROM event_links l JOIN events e USING (event_id) LEFT JOIN articles r ON r.doc_id = e.doc_id "
        "LEFT JOIN article_links k ON k.doc_id = e.doc_id WHERE l.cluster_id = ? "
        "ORDER BY e.published NULLS LAST, e.doc_id, e.span_start, e.event_id", [cluster_id]))]
    return found


def stories(con: duckdb.DuckDBPyConnection, limit: int, offset: int) -> list[dict[str, Any]]:
    """As `tacitus stories`: most recent first."""
    return [_story(row) for row in fetch_dicts(con.execute(
        f"SELECT {_STORY_COLUMNS} FROM stories "
        "ORDER BY last_published DESC NULLS LAST, articles DESC, story_id LIMIT ? OFFSET ?", [limit, offset]))]


def story(con: duckdb.DuckDBPyConnection, story_id: str) -> dict[str, Any] | None:
    rows = list(fetch_dicts(con.execute(f"SELECT {_STORY_COLUMNS} FROM stories WHERE story_id = ?", [story_id])))
    if not rows:
        return None
    found = _story(rows[0])
    found["articles_list"] = [_plain(row) for row in fetch_dicts(con.execute(
        "SELECT r.doc_id, r.title, r.outlet, r.published, r.event_count, k.dup_of AS copy_of "
        "FROM article_links k JOIN articles r USING (doc_id) WHERE k.story_id = ? "
        "ORDER BY r.published NULLS LAST, r.doc_id", [story_id]))]
    found["timeline"] = [_plain(row) for row in fetch_dicts(con.execute(
        "SELECT c.cluster_id, coalesce(c.date, c.first_seen) AS date, c.type_key, c.cameo, c.source_actor, "
        "c.target_actor, c.status, c.mentions, c.articles, c.representative, rep.sentence "
        "FROM clusters c JOIN events rep ON rep.event_id = c.representative "
        "WHERE c.cluster_id IN (SELECT l.cluster_id FROM event_links l JOIN events e USING (event_id) "
        "JOIN article_links k ON k.doc_id = e.doc_id WHERE k.story_id = ?) "
        "ORDER BY coalesce(c.date, c.first_seen) NULLS LAST, c.cluster_id", [story_id]))]
    return found


def article_header(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    rows = list(fetch_dicts(con.execute(
        "SELECT r.doc_id, r.title, r.published, r.outlet, r.url, k.story_id, k.dup_of AS copy_of "
        "FROM articles r LEFT JOIN article_links k USING (doc_id) WHERE r.doc_id = ?", [doc_id])))
    return _plain(rows[0]) if rows else None


def article(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """The article's text and, per event, the character spans of its trigger and actors."""
    header = article_header(con, doc_id)
    if header is None:
        return None
    header["text"] = con.execute("SELECT text FROM articles WHERE doc_id = ?", [doc_id]).fetchone()[0]
    rows = fetch_dicts(con.execute(
        f"SELECT e.*, l.cluster_id, a.story_id, c.status AS claim_status {EVENT_FROM} WHERE e.doc_id = ? "
        "ORDER BY e.span_start, e.trigger_start, e.event_id", [doc_id]))
    header["events"] = [record(row) for row in rows]
    header["spans"] = article_spans(header["events"])
    return header


def article_spans(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every trigger and actor span of the records, in text order."""
    spans = [span for item in records for span in record_spans(item)]
    return sorted(spans, key=lambda s: (s["start"], s["end"], s["role"]))


def _story(row: dict[str, Any]) -> dict[str, Any]:
    found = _plain(row)
    found["actors"] = json.loads(found["actors"])
    found["terms"] = json.loads(found["terms"])
    return found


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """Dates as ISO strings, so that rows serialise the same way in JSON and templates."""
    return {key: value.isoformat() if hasattr(value, "isoformat") else value for key, value in row.items()}
