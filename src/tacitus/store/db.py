"""The embedded event store: one DuckDB file holding articles, events, actors and their links.

Writes happen in batches, each batch of articles with all of its events in one transaction, so a
run killed at any point leaves whole articles or none; re-running the same input then adds only
what is missing, because an article is stored once per doc_id and text hash.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from tacitus.link.dedup import signature
from tacitus.output import NESTED
from tacitus.records import Article, EventRecord, content_hash
from tacitus.schema_arrow import EVENT_COLUMNS, EVENT_SCHEMA, event_row  # noqa: F401 - EVENT_COLUMNS re-exported
from tacitus.store.schema import StoreError, migrate, utc_now

DEFAULT_DB = Path("tacitus.duckdb")

ARTICLE_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("content_hash", pa.string()), ("title", pa.string()), ("published", pa.date32()),
    ("published_source", pa.string()), ("outlet", pa.string()), ("url", pa.string()), ("lang", pa.string()),
    ("origin", pa.string()), ("text", pa.string()), ("minhash", pa.binary()), ("shingles", pa.int32()),
    ("event_count", pa.int32()),
    ("ingested_at", pa.timestamp("us")),
])


def text_hash(article: Article) -> str:
    return content_hash(article.text)


class EventStore:
    """A connection to a store file; migrates it to the current schema on open."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"no store at {self.path}: create one with `tacitus ingest INPUT... --db {self.path}`")
        try:
            self.con = duckdb.connect(str(self.path))
        except duckdb.IOException as err:
            raise StoreError(f"cannot open {self.path}: {err}") from None
        try:
            migrate(self.con)
        except Exception:
            self.con.close()
            raise

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def article_states(self, articles: Sequence[Article]) -> dict[str, str]:
        """'new', 'unchanged' or 'changed' (same doc_id, other text) for each article's doc_id."""
        if not articles:
            return {}
        probe = pa.table({"doc_id": [a.doc_id for a in articles], "content_hash": [text_hash(a) for a in articles]})
        stored = dict(self.con.execute(
            "SELECT a.doc_id, a.content_hash FROM articles a JOIN probe p USING (doc_id)"
        ).fetchall())
        return {
            a.doc_id: "new" if a.doc_id not in stored else "unchanged" if stored[a.doc_id] == text_hash(a) else "changed"
            for a in articles
        }

    def add(self, coded: Sequence[tuple[Article, Sequence[EventRecord]]], replace: Iterable[str] = ()) -> int:
        """Store articles with their events in one transaction; `replace` lists doc_ids whose
        earlier version (and its events and links) is removed first. Returns the events stored."""
        now = utc_now()
        article_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        for article, events in coded:
            minhash, shingles = signature(article.text)
            article_rows.append({
                "doc_id": article.doc_id, "content_hash": text_hash(article), "title": article.title,
                "published": article.published, "published_source": article.published_source,
                "outlet": article.outlet, "url": article.url, "lang": article.lang, "origin": article.origin,
                "text": article.text, "minhash": minhash, "shingles": shingles, "event_count": len(events),
                "ingested_at": now,
            })
            event_rows.extend(event_row(event.to_dict()) for event in events)
        new_articles = pa.Table.from_pylist(article_rows, schema=ARTICLE_SCHEMA)
        new_events = pa.Table.from_pylist(event_rows, schema=EVENT_SCHEMA)
        replaced = pa.table({"doc_id": pa.array(list(replace), pa.string())})
        with self.transaction():
            if replaced.num_rows:
                self.con.execute("DELETE FROM event_links WHERE event_id IN "
                                 "(SELECT event_id FROM events JOIN replaced USING (doc_id))")
                self.con.execute("DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM replaced)")
                self.con.execute("DELETE FROM article_links WHERE doc_id IN (SELECT doc_id FROM replaced)")
                self.con.execute("DELETE FROM articles WHERE doc_id IN (SELECT doc_id FROM replaced)")
            self.con.execute("INSERT INTO articles BY NAME SELECT * FROM new_articles")
            # Two records of one article can share an event_id (same trigger, type and actors
            # reached by two rules); the contract makes them the same event.
            before = self.event_count()
            self.con.execute("INSERT INTO events BY NAME SELECT * FROM new_events ON CONFLICT DO NOTHING")
            return self.event_count() - before

    def transaction(self) -> _Transaction:
        return _Transaction(self.con)

    # -- reading -------------------------------------------------------------------------------

    def event_count(self) -> int:
        return self.con.execute("SELECT count(*) FROM events").fetchone()[0]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "events", "actors", "clusters", "stories")
        counts = {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}
        counts["copies"] = self.con.execute("SELECT count(*) FROM article_links WHERE dup_of IS NOT NULL").fetchone()[0]
        counts["unlinked_articles"] = self.con.execute(
            "SELECT count(*) FROM articles ANTI JOIN article_links USING (doc_id)").fetchone()[0]
        return counts

    def events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        """Stored events as contract records (``EventRecord.to_dict()``), oldest first."""
        for row in self.event_rows(query):
            yield record_from_row(row)

    def event_rows(self, query: EventQuery | None = None, extra: str = "") -> Iterator[dict[str, Any]]:
        """Stored events as flat rows, with the cluster, story and claim status of each."""
        where, params = (query or EventQuery()).where()
        sql = (
            f"SELECT e.*, l.cluster_id, a.story_id, c.status AS claim_status {extra} FROM events e "
            "LEFT JOIN event_links l USING (event_id) LEFT JOIN article_links a ON a.doc_id = e.doc_id "
            "LEFT JOIN clusters c ON c.cluster_id = l.cluster_id "
            f"WHERE {where} ORDER BY coalesce(e.date, e.published) NULLS LAST, e.doc_id, e.span_start, e.event_id"
        )
        yield from fetch_dicts(self.con.execute(sql, params))


class _Transaction:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")


def fetch_dicts(cursor: duckdb.DuckDBPyConnection, size: int = 2000) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(size):
        for row in rows:
            yield dict(zip(names, row))


@dataclass
class EventQuery:
    """Filters of `tacitus events`. Actor values match a code, a country or an actor_id."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    event_type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    story: str | None = None
    cluster: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["true"], []

        def side(prefix: str, value: str) -> str:
            params.extend([value] * 3)
            return f"(e.{prefix}_code = ? OR e.{prefix}_country = ? OR e.{prefix}_actor_id = ?)"

        if self.actor:
            clauses.append(f"({side('source', self.actor)} OR {side('target', self.actor)})")
        if self.dyad:
            clauses.append(side("source", self.dyad[0]))
            clauses.append(side("target", self.dyad[1]))
        if self.event_type:
            if self.event_type.isdigit():
                # A CAMEO root or code: "12" matches 12x, "125" matches 125 and 125x.
                clauses.append("starts_with(e.cameo, ?)")
            else:
                clauses.append("e.event = upper(?)")
            params.append(self.event_type)
        if self.since:
            clauses.append("coalesce(e.date, e.published) >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("coalesce(e.date, e.published) <= ?")
            params.append(self.until)
        if self.story:
            clauses.append("a.story_id = ?")
            params.append(self.story)
        if self.cluster:
            clauses.append("l.cluster_id = ?")
            params.append(self.cluster)
        return " AND ".join(clauses), params


def record_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """The contract record (``EventRecord.to_dict()``) of a stored row; the inverse of event_row."""

    def spanned(prefix: str) -> dict[str, Any] | None:
        if row[f"{prefix}_text"] is None:
            return None
        parts = {part: row[f"{prefix}_{part}"] for part in NESTED[prefix] if part not in ("start", "end")}
        parts["span"] = [row[f"{prefix}_start"], row[f"{prefix}_end"]]
        order = ["text", "span", *(p for p in NESTED[prefix] if p not in ("text", "start", "end"))]
        return {key: parts[key] for key in order}

    def plain(prefix: str) -> dict[str, Any] | None:
        if row[f"{prefix}_name" if prefix == "location" else f"{prefix}_text"] is None:
            return None
        parts = {part: row[f"{prefix}_{part}"] for part in NESTED[prefix]}
        if prefix == "attribution":
            parts["date"] = day(parts["date"])
        return parts

    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "event_id": row["event_id"],
        "doc_id": row["doc_id"],
        "sentence_index": row["sentence_index"],
        "sentence": row["sentence"],
        "span": [row["span_start"], row["span_end"]],
        "trigger": {"text": row["trigger_text"], "span": [row["trigger_start"], row["trigger_end"]]},
        "event": row["event"],
        "mode": row["mode"],
        "cameo": row["cameo"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "source": spanned("source"),
        "target": spanned("target"),
        "factuality": row["factuality"],
        "attribution": plain("attribution"),
        "date": day(row["date"]),
        "date_precision": row["date_precision"],
        "location": plain("location"),
        "intermediary": spanned("intermediary"),
        "confidence": row["confidence"],
        "evidence": json.loads(row["evidence"]) if row["evidence"] else {},
        "published": day(row["published"]),
        "outlet": row["outlet"],
        "url": row["url"],
        "coder_version": row["coder_version"],
    }
