"""The flattened layout of an event record: one column per field of the JSON contract, nested
objects as `prefix_field` columns (CSV, TSV, Parquet and the store share it)."""

from __future__ import annotations

import json
from typing import Any

NESTED = {
    "span": ("start", "end"),
    "trigger": ("text", "start", "end"),
    "source": ("text", "start", "end", "code", "country", "sector", "name", "actor_id"),
    "target": ("text", "start", "end", "code", "country", "sector", "name", "actor_id"),
    "intermediary": ("text", "start", "end", "code", "country", "sector", "name", "actor_id"),
    "attribution": ("text", "code", "date", "place", "verb"),
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
