"""One thing of the store with everything around it: an event with its evidence, cluster and
earlier events like it; a cluster with every report and its claim status; a story's timeline;
an article with the spans of its events. Recurrence and cluster look-ups are the link stage's
own (`tacitus similar` uses the same functions), here over the snapshot's serving tables.

Every look-up goes by a primary key (clusters, articles) or through a serving table sorted by its
key (serve_ids, serve_members, serve_docs) to the event rows by number: a join would read a whole
table of a large store to find one row."""

from __future__ import annotations

import json
from typing import Any

from tacitus.link.recurrence import similar_earlier
from tacitus.store.db import fetch_dicts
from tacitus.web.highlight import record_spans
from tacitus.web.queries import record
from tacitus.web.serving import Reader

_STORY_COLUMNS = "story_id, title, first_published, last_published, members, articles, events, actors, terms"


def event(reader: Reader, event_id: str, similar_limit: int = 10) -> dict[str, Any] | None:
    rows = reader.rows_at(_numbers(reader, "serve_ids", "event_id", event_id))
    if not rows:
        return None
    found = record(rows[0])
    found["article"] = article_header(reader, found["doc_id"])
    cluster_id = found["cluster_id"]
    found["cluster"] = cluster(reader, cluster_id) if cluster_id else None
    found["similar_earlier"] = [
        {**_plain(item.cluster), "same_code": item.same_code, "same_root": item.same_root,
         "wording": round(item.wording, 3)}
        for item in (similar_earlier(reader.con, cluster_id, similar_limit, table="serve_clusters")
                     if cluster_id else [])
    ]
    return found


def cluster(reader: Reader, cluster_id: str) -> dict[str, Any] | None:
    found = _one(reader, "SELECT * FROM clusters WHERE cluster_id = ?", [cluster_id])
    if found is None:
        return None
    found = _plain(found)
    found["claims"] = json.loads(found["claims"])
    members = reader.rows_at(_numbers(reader, "serve_members", "cluster_id", cluster_id))
    members.sort(key=lambda row: _nulls_last(row["published"], row["doc_id"], row["span_start"], row["event_id"]))
    found["reports"] = [_plain({
        "event_id": row["event_id"], "doc_id": row["doc_id"], "title": row["title"], "outlet": row["outlet"],
        "published": row["published"], "sentence": row["sentence"], "event": row["event"], "cameo": row["cameo"],
        "factuality": row["factuality"], "attribution": row["attribution_text"],
        "attribution_code": row["attribution_code"], "copy_of": row["copy_of"],
    }) for row in members]
    return found


def stories(reader: Reader, limit: int, offset: int) -> list[dict[str, Any]]:
    """As `tacitus stories`: most recent first."""
    return [_story(row) for row in fetch_dicts(reader.execute(
        f"SELECT {_STORY_COLUMNS} FROM stories "
        "ORDER BY last_published DESC NULLS LAST, articles DESC, story_id LIMIT ? OFFSET ?", [limit, offset]))]


def story(reader: Reader, story_id: str) -> dict[str, Any] | None:
    rows = list(fetch_dicts(reader.execute(f"SELECT {_STORY_COLUMNS} FROM stories WHERE story_id = ?", [story_id])))
    if not rows:
        return None
    found = _story(rows[0])
    found["articles_list"] = [_plain(row) for row in fetch_dicts(reader.execute(
        "SELECT r.doc_id, r.title, r.outlet, r.published, r.event_count, k.dup_of AS copy_of "
        "FROM article_links k JOIN articles r USING (doc_id) WHERE k.story_id = ? "
        "ORDER BY r.published NULLS LAST, r.doc_id", [story_id]))]
    found["timeline"] = [_plain(row) for row in fetch_dicts(reader.execute(
        "SELECT c.cluster_id, coalesce(c.date, c.first_seen) AS date, c.type_key, c.cameo, c.source_actor, "
        "c.target_actor, c.status, c.mentions, c.articles, c.event_id AS representative, c.sentence "
        "FROM serve_clusters c WHERE c.cluster_id IN (SELECT cluster_id FROM serve_events WHERE story_id = ?) "
        "ORDER BY coalesce(c.date, c.first_seen) NULLS LAST, c.cluster_id", [story_id]))]
    return found


def article_header(reader: Reader, doc_id: str) -> dict[str, Any] | None:
    found = _one(reader, "SELECT doc_id, title, published, outlet, url FROM articles WHERE doc_id = ?", [doc_id])
    if found is None:
        return None
    links = _one(reader, "SELECT story_id, dup_of AS copy_of FROM article_links WHERE doc_id = ?", [doc_id])
    return _plain({**found, **(links or {"story_id": None, "copy_of": None})})


def article(reader: Reader, doc_id: str) -> dict[str, Any] | None:
    """The article's text and, per event, the character spans of its trigger and actors."""
    header = article_header(reader, doc_id)
    if header is None:
        return None
    header["text"] = reader.execute("SELECT text FROM articles WHERE doc_id = ?", [doc_id]).fetchone()[0]
    rows = reader.rows_at(_numbers(reader, "serve_docs", "doc_id", doc_id))
    rows.sort(key=lambda row: _nulls_last(row["span_start"], row["trigger_start"], row["event_id"]))
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


def _one(reader: Reader, sql: str, params: list[Any]) -> dict[str, Any] | None:
    return next(fetch_dicts(reader.execute(sql, params)), None)


def _numbers(reader: Reader, table: str, key: str, value: str) -> list[int]:
    """The numbers of the event rows with this key, from a serving table sorted by it."""
    return [row[0] for row in reader.execute(f"SELECT n FROM {table} WHERE {key} = ? ORDER BY n", [value]).fetchall()]


def _nulls_last(*values: Any) -> tuple:
    """A sort key ordering by `values`, a missing value after every present one (as SQL's NULLS LAST)."""
    return tuple(part for value in values for part in (value is None, value if value is not None else 0))


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """Dates as ISO strings, so that rows serialise the same way in JSON and templates."""
    return {key: value.isoformat() if hasattr(value, "isoformat") else value for key, value in row.items()}
