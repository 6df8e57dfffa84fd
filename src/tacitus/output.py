"""Writing event records: JSON Lines (the contract), CSV/TSV and Parquet (flattened), tables."""

from __future__ import annotations

import csv
import json
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


def parquet_schema():
    import pyarrow as pa

    types = {
        "sentence_index": pa.int32(), "quad_class": pa.int8(), "goldstein": pa.float32(),
        "confidence": pa.float32(), "location_lat": pa.float64(), "location_lon": pa.float64(),
        "location_geonameid": pa.int64(), "location_precision": pa.int32(), "span_start": pa.int64(), "span_end": pa.int64(),
        "trigger_start": pa.int64(), "trigger_end": pa.int64(), "source_start": pa.int64(),
        "source_end": pa.int64(), "target_start": pa.int64(), "target_end": pa.int64(),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in flat_columns()])


def write_parquet(records: Iterable[dict[str, Any]], path: Path, batch_rows: int = 10_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(flatten(record))
            if len(batch) >= batch_rows:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
