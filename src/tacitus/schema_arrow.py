"""The one Arrow schema of a flattened event record, shared by the store, `tacitus code --format
parquet` and `tacitus export --format parquet`, so that every Parquet file tacitus writes has the
same column types: offsets as int32, dates as date32, goldstein and confidence as double.

Its types follow the JSON Schema of the record contract (data/event.schema.json); a test checks
that each column's type belongs to the family the JSON Schema names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa

from tacitus.flat import flat_columns, flatten

EVENT_COLUMNS = tuple(flat_columns())
DATE_COLUMNS = ("date", "published", "attribution_date")
_OFFSET_COLUMNS = tuple(name for name in EVENT_COLUMNS if name.endswith(("_start", "_end")))
_TYPES = {
    "sentence_index": pa.int32(), **{name: pa.int32() for name in _OFFSET_COLUMNS},
    "quad_class": pa.int8(), "goldstein": pa.float64(), "confidence": pa.float64(), "location_lat": pa.float64(),
    "location_lon": pa.float64(), "location_geonameid": pa.int64(), "location_precision": pa.int32(),
    **{name: pa.date32() for name in DATE_COLUMNS},
}
EVENT_SCHEMA = pa.schema([(name, _TYPES.get(name, pa.string())) for name in EVENT_COLUMNS])
# What an export adds to each stored record: the cluster, story and claim status it belongs to.
LINK_SCHEMA = pa.schema([("cluster_id", pa.string()), ("story_id", pa.string()), ("claim_status", pa.string()),
                         ("copy_of", pa.string())])
EXPORT_SCHEMA = pa.schema([*EVENT_SCHEMA, *LINK_SCHEMA])


def event_row(record: dict[str, Any]) -> dict[str, Any]:
    """The flat row of a contract record (``EventRecord.to_dict()``), dates as dates."""
    row = flatten(record)
    for name in DATE_COLUMNS:
        row[name] = dt.date.fromisoformat(row[name]) if row[name] else None
    return row
