"""Writing event records: JSON Lines (the contract), CSV/TSV and Parquet (flattened), tables."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from tacitus.flat import FIELDS, NESTED, flat_columns, flatten  # noqa: F401  (re-exported)

FORMATS = ("jsonl", "csv", "tsv", "parquet", "table")


@contextmanager
def _open_text(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
    else:
        with path.open("w", encoding="utf-8", newline="") as handle:
            yield handle


def write_records(records: Iterable[dict[str, Any]], fmt: str, path: Path | None) -> int:
    """Write records in `fmt` to `path` (stdout when None); returns how many were written."""
    if fmt == "jsonl":
        return _write_jsonl(records, path)
    if fmt in ("csv", "tsv"):
        return _write_delimited(records, path, "\t" if fmt == "tsv" else ",")
    if fmt == "parquet":
        if path is None:
            raise ValueError("Parquet output needs a file: pass -o FILE.parquet")
        return write_parquet(records, path)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _write_jsonl(records: Iterable[dict[str, Any]], path: Path | None) -> int:
    count = 0
    with _open_text(path) as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        handle.flush()
    return count


def _write_delimited(records: Iterable[dict[str, Any]], path: Path | None, delimiter: str) -> int:
    count = 0
    with _open_text(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=flat_columns(), delimiter=delimiter, extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow(flatten(record))
            count += 1
        handle.flush()
    return count


def write_parquet(records: Iterable[dict[str, Any]], path: Path, batch_rows: int = 10_000) -> int:
    """Write records as Parquet with the shared event schema (tacitus.schema_arrow). If the
    records stop with an error, what was coded before it is still written, then the error raised."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tacitus.schema_arrow import EVENT_SCHEMA, event_row

    count = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(path, EVENT_SCHEMA) as writer:
        try:
            for record in records:
                batch.append(event_row(record))
                if len(batch) >= batch_rows:
                    writer.write_table(pa.Table.from_pylist(batch, schema=EVENT_SCHEMA))
                    count += len(batch)
                    batch = []
        finally:
            if batch or count == 0:
                writer.write_table(pa.Table.from_pylist(batch, schema=EVENT_SCHEMA))
                count += len(batch)
    return count


class OutputPathError(ValueError):
    """An output path that cannot be written; the message says why."""


def check_output_path(path: Path | None) -> None:
    """Raise OutputPathError unless `path` (None: stdout) can be created or overwritten as a file."""
    if path is None:
        return
    if path.is_dir():
        raise OutputPathError(f"{path} is a directory; give a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputPathError(f"directory {parent} does not exist")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OutputPathError(f"cannot write {path}: permission denied")
