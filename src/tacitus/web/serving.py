"""Serving tables: narrow, sorted copies of what searches filter on, built in the server's private
snapshot of the store (tacitus.web.snapshot) and never in the store itself.

The events table is wide (sentences, evidence JSON, every actor field) and in insertion order, so
a filtered search over it reads every row, and fetching one row of it decompresses a whole row
group of every column. So a snapshot gets:

- ``serve_events``: one row per event in date order, numbered ``n`` (the default sort), with the
  columns searches filter, sort, count and map on;
- ``serve_actors``: the same per event and actor key (each code, country and actor_id of its
  source or target), sorted by key: the ``actor`` filter reads only that key's rows;
- ``serve_dyads``: the same per event and (source key, target key) pair: the ``dyad`` filter;
- ``serve_words``: one row per event and distinct word of its sentence, sorted by word: text search;
- ``serve_ids``, ``serve_members``, ``serve_docs``: ``n`` by event_id, cluster_id and doc_id, sorted
  by those, so that a look-up reads one small row group;
- ``serve_clusters``: clusters with their representative's sentence and actors, sorted by dyad:
  the recurrence look-up ("earlier events like this");
- next to the database, an Arrow file of the full event rows in ``n`` order (with cluster, story,
  claim status, article title and copy), each row one JSON text, memory-mapped: a page of results
  is the rows at its numbers, read without touching anything else (a column store decompresses a
  whole block of every column to give one row).

- ``serve_facets``: the facet counts of the whole store (the search page without filters).

Min/max statistics per row group let a filtered scan of a sorted table skip every group outside
the value, so a search reads its key's rows and little else.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import time
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from tacitus.schema_arrow import DATE_COLUMNS

# Words of a sentence, as text search splits both the sentences and the query: runs of letters
# and digits, lower-cased. Python's [^\W_] is the same class as RE2's [\pL\pN].
WORD_PATTERN_SQL = r"[\pL\pN]+"
WORD_PATTERN_PY = r"[^\W_]+"

# What the three search tables carry: the columns searches filter, sort, count and map on.
SEARCH_COLUMNS = ("n", "tie", "day", "event", "cameo", "event_label", "factuality", "confidence", "goldstein",
                  "published", "quad_class", "location_country", "location_name", "location_lat", "location_lon",
                  "story_id", "cluster_id")
_COLUMNS = ", ".join(SEARCH_COLUMNS)

_KEYS = "list_distinct(list_filter([e.{side}_code, e.{side}_country, e.{side}_actor_id], lambda k: k IS NOT NULL))"

STATEMENTS = (
    # `tie` orders equal sort values (as `tacitus events`: doc_id, span_start, event_id); `n` is
    # the default order, by date then tie. The keys of each side feed the actor and dyad tables.
    f"""
    CREATE TEMP TABLE serve_keyed AS
    SELECT row_number() OVER (ORDER BY day NULLS LAST, tie)::INTEGER AS n, * FROM (
        SELECT row_number() OVER (ORDER BY e.doc_id, e.span_start, e.event_id)::INTEGER AS tie,
               e.event_id, e.doc_id, coalesce(e.date, e.published) AS day, e.event, e.cameo,
               coalesce(e.event, 'CAMEO ' || substr(e.cameo, 1, 2)) AS event_label, e.factuality, e.confidence,
               e.goldstein, e.published, e.quad_class, e.location_country, e.location_name, e.location_lat,
               e.location_lon, a.story_id, l.cluster_id, e.sentence,
               {_KEYS.format(side="source")} AS source_keys, {_KEYS.format(side="target")} AS target_keys
        FROM events e LEFT JOIN event_links l USING (event_id) LEFT JOIN article_links a ON a.doc_id = e.doc_id)
    """,
    f"CREATE TABLE serve_events AS SELECT {_COLUMNS}, event_id FROM serve_keyed ORDER BY n",
    f"""
    CREATE TABLE serve_actors AS SELECT DISTINCT ON (key, n) key, {_COLUMNS}
    FROM (SELECT unnest(list_concat(source_keys, target_keys)) AS key, * FROM serve_keyed)
    ORDER BY key, n
    """,
    f"""
    CREATE TABLE serve_dyads AS SELECT source_key, target_key, {_COLUMNS}
    FROM (SELECT unnest(target_keys) AS target_key, *
          FROM (SELECT unnest(source_keys) AS source_key, * FROM serve_keyed))
    ORDER BY source_key, target_key, n
    """,
    f"""
    CREATE TABLE serve_words AS SELECT DISTINCT word, n
    FROM (SELECT unnest(regexp_extract_all(lower(sentence), '{WORD_PATTERN_SQL}')) AS word, n FROM serve_keyed)
    ORDER BY word, n
    """,
    "CREATE TABLE serve_ids AS SELECT event_id, n FROM serve_keyed ORDER BY event_id",
    "CREATE TABLE serve_members AS SELECT cluster_id, n FROM serve_keyed WHERE cluster_id IS NOT NULL "
    "ORDER BY cluster_id, n",
    "CREATE TABLE serve_docs AS SELECT doc_id, n FROM serve_keyed ORDER BY doc_id, n",
    """
    CREATE TABLE serve_clusters AS
    SELECT c.cluster_id, c.source_actor, c.target_actor, c.type_key, c.cameo, c.date, c.first_seen,
           c.mentions, c.articles, c.status, e.event_id, e.event, e.sentence, e.source_text, e.target_text
    FROM clusters c JOIN events e ON e.event_id = c.representative
    ORDER BY c.source_actor, c.target_actor, c.type_key
    """,
    # Recurrence looks a cluster up by id first, then its dyad's clusters (found by the order above).
    "CREATE INDEX serve_clusters_id ON serve_clusters (cluster_id)",
    """
    CREATE TABLE serve_facets AS
    SELECT grouping(event_label, factuality, location_country) AS sets, event_label, factuality, location_country,
           count(*) AS n
    FROM serve_events GROUP BY GROUPING SETS ((event_label), (factuality), (location_country))
    """,
)
SERVING_TABLES = ("serve_events", "serve_actors", "serve_dyads", "serve_words", "serve_ids", "serve_members",
                  "serve_docs", "serve_clusters", "serve_facets")

# The full rows a page shows, in `n` order: the event with where it belongs and its article's title.
ROWS_QUERY = """
    SELECT to_json(full_row) AS row FROM (
        SELECT e.*, v.cluster_id, v.story_id, c.status AS claim_status, k.dup_of AS copy_of, r.title
        FROM serve_keyed v JOIN events e USING (event_id) LEFT JOIN clusters c ON c.cluster_id = v.cluster_id
        LEFT JOIN article_links k ON k.doc_id = v.doc_id LEFT JOIN articles r ON r.doc_id = v.doc_id
        ORDER BY v.n) full_row
"""
_BATCH_ROWS = 64_000


def build(con: duckdb.DuckDBPyConnection, rows_path: Path) -> float:
    """Create the serving tables in the writable database of `con` and write its event rows to
    `rows_path`; returns the seconds it took."""
    started = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    try:
        for table in SERVING_TABLES:
            con.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in STATEMENTS:
            con.execute(statement)
        _write_rows(con, rows_path)
        con.execute("DROP TABLE serve_keyed")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    con.execute("CHECKPOINT")
    return time.perf_counter() - started


def _write_rows(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    batches = con.sql(ROWS_QUERY).to_arrow_reader(_BATCH_ROWS)
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, batches.schema) as writer:
        for batch in batches:
            writer.write_batch(batch)


class EventRows:
    """The event rows written by `build`, memory-mapped (read from disk as they are used)."""

    def __init__(self, path: Path):
        self._chunks = pa.ipc.open_file(pa.memory_map(str(path), "r")).read_all().column("row").chunks
        self._starts = list(accumulate((len(chunk) for chunk in self._chunks), initial=0))

    def at(self, numbers: list[int]) -> list[dict[str, Any]]:
        """The rows numbered `numbers`, in that order, as flat rows (dates as dates)."""
        found = []
        for number in numbers:
            chunk = bisect.bisect_right(self._starts, number - 1) - 1
            row = json.loads(self._chunks[chunk][number - 1 - self._starts[chunk]].as_py())
            for name in DATE_COLUMNS:
                if row[name]:
                    row[name] = dt.date.fromisoformat(row[name])
            found.append(row)
        return found


@dataclass
class Reader:
    """What one request reads: a read-only cursor on the snapshot and its event rows by number."""

    con: duckdb.DuckDBPyConnection
    rows: EventRows

    def execute(self, sql: str, params: list[Any] | None = None) -> duckdb.DuckDBPyConnection:
        return self.con.execute(sql, params or [])

    def rows_at(self, numbers: list[int]) -> list[dict[str, Any]]:
        """Full event rows (with cluster_id, story_id, claim_status, copy_of, title), in the order
        of `numbers`."""
        return self.rows.at(numbers)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
