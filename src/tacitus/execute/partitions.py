"""Coded partitions as Parquet datasets partitioned by publication month.

A worker writes what it coded for one partition of the input into
``DEST/events/month=YYYY-MM/NAME.parquet`` (and, for the store, ``DEST/articles/month=.../NAME.parquet``
with the article rows and their MinHash signatures), one file per month the partition touches;
``month=undated`` holds articles without a publication date. DEST is a local directory or any
fsspec URL (``s3://bucket/run``, ``gcs://...``) the workers can write to.

A file appears under its final name only once it is complete (written under a temporary name,
then moved), and names are fixed by the partition, so a partition coded twice (its worker died
after writing) overwrites its own files instead of adding rows. `remove_strays` then deletes
files of partitions the run gave up on, so the dataset holds each article's rows exactly once.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence

from tacitus.records import Article, EventRecord

EVENTS_DIR = "events"
ARTICLES_DIR = "articles"
UNDATED = "undated"


class OutputExistsError(RuntimeError):
    """The Parquet destination already holds files: a run never mixes its rows with older ones."""


def filesystem(dest: str):
    """The fsspec filesystem of a destination and the destination's path on it."""
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(str(dest))
    return fs, root.rstrip("/")


def month_of(day: dt.date | None) -> str:
    return f"{day:%Y-%m}" if day else UNDATED


def prepare_destination(dest: str) -> None:
    """Create an empty destination; refuse one that already holds Parquet files."""
    fs, root = filesystem(dest)
    if fs.exists(root) and fs.glob(posixpath.join(root, "**", "*.parquet")):
        raise OutputExistsError(f"{dest} already holds Parquet files: choose a new or empty directory")
    fs.makedirs(root, exist_ok=True)


def event_table(events: Iterable[EventRecord]):
    """The Arrow table of coded events, one flat row each (the one event schema of every Parquet
    file tacitus writes, `tacitus.schema_arrow`)."""
    import pyarrow as pa

    from tacitus.schema_arrow import EVENT_SCHEMA, event_row

    return pa.Table.from_pylist([event_row(event.to_dict()) for event in events], schema=EVENT_SCHEMA)


def article_table(coded: Sequence[tuple[Article, Sequence[EventRecord]]], ingested_at: dt.datetime):
    """The Arrow table of the store's article rows for coded articles."""
    import pyarrow as pa

    from tacitus.store.db import ARTICLE_SCHEMA, article_row

    return pa.Table.from_pylist([article_row(article, len(events), ingested_at) for article, events in coded],
                                schema=ARTICLE_SCHEMA)


def write_partition(dest: str, name: str, coded: Sequence[tuple[Article, Sequence[EventRecord]]], *,
                    with_articles: bool = False) -> list[str]:
    """Write one coded partition by publication month; returns the paths of the files written.

    This is the one place coded rows become Parquet files, for `tacitus code --dask` and for
    the Parquet that `tacitus ingest --dask` loads into the store.
    """
    import pyarrow.parquet as pq

    from tacitus.store.schema import utc_now

    fs, root = filesystem(dest)
    by_month: dict[str, list[tuple[Article, Sequence[EventRecord]]]] = defaultdict(list)
    for article, events in coded:
        by_month[month_of(article.published)].append((article, events))
    now = utc_now()
    written = []
    for month, items in sorted(by_month.items()):
        tables = {EVENTS_DIR: event_table(event for _, events in items for event in events)}
        if with_articles:
            tables[ARTICLES_DIR] = article_table(items, now)
        for kind, table in tables.items():
            if kind == EVENTS_DIR and not table.num_rows:
                continue
            folder = posixpath.join(root, kind, f"month={month}")
            fs.makedirs(folder, exist_ok=True)
            final = posixpath.join(folder, f"{name}.parquet")
            partial = posixpath.join(folder, f"{name}.{uuid.uuid4().hex}.tmp")
            with fs.open(partial, "wb") as handle:
                pq.write_table(table, handle)
            fs.mv(partial, final)
            written.append(final)
    return written


def dataset_files(dest: str) -> list[str]:
    fs, root = filesystem(dest)
    return sorted(fs.glob(posixpath.join(root, "**", "*.parquet")))


def remove_strays(dest: str, keep: Iterable[str]) -> list[str]:
    """Delete Parquet files (and leftover partial files) the run did not commit; returns them."""
    fs, root = filesystem(dest)
    kept = {posixpath.normpath(path) for path in keep}
    found = fs.glob(posixpath.join(root, "**", "*.parquet")) + fs.glob(posixpath.join(root, "**", "*.tmp"))
    strays = sorted(path for path in found if posixpath.normpath(path) not in kept)
    for path in strays:
        fs.rm(path)
    return strays
