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

FORMATS = ("jsonl", "csv", "tsv", "parquet", "table")

# Flattened column order for CSV/TSV/Parquet: nested objects become prefix_field columns.
NESTED = {
    "span": ("start", "end"),
    "trigger": ("text", "start", "end"),
    "source": ("text", "start", "end", "code", "country", "sector", "name", "actor_id"),
    "target": ("text", "start", "end", "code", "country", "sector", "name", "actor_id"),
    "intermediary": ("text", "start", "end", "code", "country", "sector", "name", "actor_id"),
    "attribution": ("text", "code", "date", "place"),
    "location": ("name", "country", "lat", "lon", "geonameid", "feature", "precision"),
}
FIELDS = (
    "event_id", "doc_id", "sentence_index", "sentence", "span", "trigger", "event", "mode", "cameo",
    "quad_class", "goldstein", "source", "target", "factuality", "attribution", "date", "date_precision",
    "location", "intermediary", "confidence", "evidence", "published", "outlet", "url", "coder_version",
)


def flat_columns() -> list[str]:
    columns = []
    for name in FIELDS:
        if name in NESTED:
            columns += [f"{name}_{part}" for part in NESTED[name]]
        else:
            columns.append(name)
    return columns


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One flat row with the same information as the JSON record (evidence as JSON text)."""
    row: dict[str, Any] = {}
    for name in FIELDS:
        value = record.get(name)
        if name in NESTED:
            value = value or {}
            if name == "span":
                value = {"start": record["span"][0], "end": record["span"][1]}
            elif "span" in value:
                value = {**value, "start": value["span"][0], "end": value["span"][1]}
            for part in NESTED[name]:
                row[f"{name}_{part}"] = value.get(part)
        elif name == "evidence":
            row[name] = json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None
        else:
            row[name] = value
    return row


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
