"""Bulk ingest: articles coded on a Dask cluster into Parquet, then loaded into the store at once.

The client leaves out articles the store already holds with the same text before a partition is
sent, the workers code the rest into a Parquet dataset (events and article rows, partitioned by
publication month; see `tacitus.execute.partitions`), and the store loads the whole dataset in
one ``INSERT ... SELECT`` transaction. A doc_id read twice in one run keeps its last version,
as in the batch ingest.
"""

from __future__ import annotations

import logging
import posixpath
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from tacitus.execute.partitions import ARTICLES_DIR, EVENTS_DIR, filesystem
from tacitus.pipeline import EngineConfig
from tacitus.records import Article, Skip
from tacitus.store.db import ARTICLE_SCHEMA, EVENT_SCHEMA, EventStore
from tacitus.store.ingest import IngestSummary

log = logging.getLogger(__name__)


def ingest_on_dask(store: EventStore, items: Iterable[Article | Skip], config: EngineConfig, options, *,
                   parquet: str | None = None, client=None,
                   on_progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Code the new and changed articles of `items` on Dask and bulk-load them into `store`.

    `parquet` is where the workers write (a directory or fsspec URL they can all reach); it is
    kept. Without it, a temporary directory beside the store is used and removed after loading.
    """
    from tacitus.execute.cluster import run_on_dask

    summary = IngestSummary()
    changed: set[str] = set()

    def select(batch: list[Article]) -> list[Article]:
        latest = {article.doc_id: article for article in batch}
        states = store.article_states(list(latest.values()))
        chosen = [article for article in latest.values() if states[article.doc_id] != "unchanged"]
        summary.unchanged += len(latest) - len(chosen)
        changed.update(article.doc_id for article in chosen if states[article.doc_id] == "changed")
        return chosen

    dest = parquet or tempfile.mkdtemp(prefix="tacitus-ingest-", dir=store.path.parent)
    try:
        if parquet is None:
            Path(dest).rmdir()  # the run creates it and refuses to mix with existing files
        run = run_on_dask(items, config, dest, options, with_articles=True, client=client, select=select,
                          on_progress=on_progress)
        summary.run = run.summary
        summary.batches = run.partitions
        loaded = load_dataset(store, dest, replace=changed)
        summary.new, summary.replaced, summary.events_stored = loaded
    finally:
        if parquet is None:
            shutil.rmtree(dest, ignore_errors=True)
    return summary


def load_dataset(store: EventStore, dest: str, replace: Iterable[str] = ()) -> tuple[int, int, int]:
    """Load a coded Parquet dataset into the store in one transaction.

    Returns (articles new, articles replaced, events stored). Where one doc_id was coded in two
    partitions, the later partition's article and events are the ones kept.
    """
    con = store.con
    fs, root = filesystem(dest)
    if not _is_local(fs):
        con.register_filesystem(fs)
    articles = _scan(store, fs, posixpath.join(root, ARTICLES_DIR), ARTICLE_SCHEMA, dest)
    events = _scan(store, fs, posixpath.join(root, EVENTS_DIR), EVENT_SCHEMA, dest)
    if articles is None:
        return 0, 0, 0
    latest = con.sql("SELECT * EXCLUDE (part) FROM articles_scan "
                     "QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY part DESC) = 1")
    kept_events = con.sql(
        "SELECT e.* EXCLUDE (part) FROM events_scan e SEMI JOIN "
        "(SELECT doc_id, max(part) AS part FROM articles_scan GROUP BY doc_id) k USING (doc_id, part)"
    ) if events is not None else con.from_arrow(EVENT_SCHEMA.empty_table())
    replaced = set(replace)
    new = con.execute("SELECT count(DISTINCT doc_id) FROM articles_scan").fetchone()[0] - len(replaced)
    stored = store.add_tables(latest, kept_events, replace=replaced)
    return new, len(replaced), stored


def _scan(store: EventStore, fs, folder: str, schema, dest: str):
    """A temporary view over one kind of file of the dataset, with each row's partition name
    (`part`); returns its name, or None when the dataset has no such files."""
    files = sorted(fs.glob(posixpath.join(folder, "**", "*.parquet")))
    if not files:
        return None
    prefix = "" if _is_local(fs) else f"{fs.protocol[0] if isinstance(fs.protocol, tuple) else fs.protocol}://"
    columns = ", ".join(f'"{name}"' for name in schema.names)
    paths = ", ".join(_sql_string(prefix + path) for path in files)
    name = "articles_scan" if schema is ARTICLE_SCHEMA else "events_scan"
    store.con.execute(
        f"CREATE OR REPLACE TEMP VIEW {name} AS "
        f"SELECT {columns}, regexp_extract(filename, '([^/]+)\\.parquet$', 1) AS part "
        f"FROM read_parquet([{paths}], filename = true, hive_partitioning = false, union_by_name = true)")
    log.info("loading %d %s files from %s", len(files), name.split("_")[0], dest)
    return name


def _is_local(fs) -> bool:
    protocols = fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)
    return "file" in protocols or "local" in protocols


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
