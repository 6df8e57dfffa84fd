"""Exports of a store: GDELT 2.0 event table, PLOVER JSON, partitioned Parquet, CSV.

GDELT and PLOVER rows are events as the world saw them, one per cluster (its representative
record with the cluster's counts); Parquet and CSV rows are every stored record, with the
cluster, story and claim status it belongs to. docs/gdelt_mapping.md documents the GDELT columns.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from tacitus.records import HAPPENED_STANCES
from tacitus.store.db import EVENT_COLUMNS, EventStore, fetch_dicts

FORMATS = ("gdelt", "plover-json", "parquet", "csv")
LINK_COLUMNS = ("cluster_id", "story_id", "claim_status", "copy_of")

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{part}" for n in (1, 2) for part in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{part}" for who in ("Actor1", "Actor2", "Action") for part in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

_CLUSTER_ROWS = """
    SELECT e.*, c.cluster_id, c.date AS cluster_date, c.first_seen, c.mentions, c.articles, c.outlets, c.copies,
           c.status, c.claims, c.representative, l.story_id, added.first_added
    FROM clusters c
    JOIN events e ON e.event_id = c.representative
    LEFT JOIN article_links l ON l.doc_id = e.doc_id
    JOIN (SELECT k.cluster_id, min(a.ingested_at) AS first_added FROM event_links k
          JOIN events m USING (event_id) JOIN articles a ON a.doc_id = m.doc_id GROUP BY k.cluster_id) added
      ON added.cluster_id = c.cluster_id
    WHERE coalesce(e.confidence, 0) >= ?
    ORDER BY coalesce(c.date, c.first_seen) NULLS LAST, c.cluster_id
"""

_EVENT_ROWS = f"""
    SELECT {", ".join("e." + c for c in EVENT_COLUMNS)}, k.cluster_id, l.story_id, c.status AS claim_status,
           l.dup_of AS copy_of
    FROM events e
    LEFT JOIN event_links k USING (event_id)
    LEFT JOIN article_links l ON l.doc_id = e.doc_id
    LEFT JOIN clusters c ON c.cluster_id = k.cluster_id
"""


def export(store: EventStore, fmt: str, path: Path | None, min_confidence: float = 0.0, *,
           include_unfactual: bool = False, left_out: Counter | None = None) -> int:
    """Write the store in `fmt` to `path` (stdout when None); returns the rows written. Only
    records (for GDELT and PLOVER: cluster representatives) at least `min_confidence` sure go out.

    The GDELT table has no column for factuality nor a way to leave the date empty, so it gets
    only clusters that happened (unless `include_unfactual`) and have a date; `left_out` counts
    the others by reason.
    """
    left_out = left_out if left_out is not None else Counter()
    min_confidence = float(min_confidence)
    if fmt == "gdelt":
        rows = fetch_dicts(store.con.execute(_CLUSTER_ROWS, [min_confidence]))
        return _write_lines((_gdelt_line(row) for row in _gdelt_rows(rows, include_unfactual, left_out)), path)
    if fmt == "plover-json":
        rows = (row for row in fetch_dicts(store.con.execute(_CLUSTER_ROWS, [min_confidence])) if row["event"])
        return _write_lines((json.dumps(plover_record(row), ensure_ascii=False) for row in rows), path)
    if fmt == "csv":
        return _write_csv(store, path, min_confidence)
    if fmt == "parquet":
        if path is None:
            raise ValueError("Parquet export writes a directory of partitions: pass -o DIRECTORY")
        return _write_parquet(store, path, min_confidence)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


@contextmanager
def _open_text(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
    else:
        with path.open("w", encoding="utf-8", newline="") as handle:
            yield handle


def _write_lines(lines: Iterator[str], path: Path | None) -> int:
    count = 0
    with _open_text(path) as handle:
        for line in lines:
            handle.write(line + "\n")
            count += 1
    return count


def _write_csv(store: EventStore, path: Path | None, min_confidence: float) -> int:
    count = 0
    with _open_text(path) as handle:
        writer = csv.writer(handle)
        writer.writerow([*EVENT_COLUMNS, *LINK_COLUMNS])
        cursor = store.con.execute(_EVENT_ROWS + " WHERE coalesce(e.confidence, 0) >= ?"
                                   " ORDER BY coalesce(e.date, e.published), e.event_id", [min_confidence])
        while rows := cursor.fetchmany(2000):
            writer.writerows(rows)
            count += len(rows)
    return count


def _write_parquet(store: EventStore, path: Path, min_confidence: float) -> int:
    """Every stored record at least `min_confidence` sure, with its links, partitioned by year and
    month of its date (else its publication; year=0/month=0 when dated by neither), in the shared
    event schema."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    from tacitus.schema_arrow import EXPORT_SCHEMA

    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise ValueError(f"{path} exists and is not an empty directory: choose a new path for the partitions")
    written_schema = pa.schema([*EXPORT_SCHEMA, ("year", pa.int32()), ("month", pa.int32())])
    result = store.con.cursor().sql(
        f"SELECT *, coalesce(year(coalesce(date, published)), 0)::INTEGER AS year, "
        f"coalesce(month(coalesce(date, published)), 0)::INTEGER AS month FROM ({_EVENT_ROWS} "
        f"WHERE coalesce(e.confidence, 0) >= ?)", params=[min_confidence]
    )
    count = 0

    def batches() -> Iterator[pa.RecordBatch]:
        nonlocal count
        for batch in result.to_arrow_reader(10_000):
            count += batch.num_rows
            yield batch.select(written_schema.names).cast(written_schema)

    partitioning = ds.partitioning(pa.schema([("year", pa.int32()), ("month", pa.int32())]), flavor="hive")
    ds.write_dataset(batches(), path, schema=written_schema, format="parquet", partitioning=partitioning,
                     basename_template="part-{i}.parquet", existing_data_behavior="overwrite_or_ignore")
    return count


# -- GDELT -------------------------------------------------------------------------------------

def happened(row: dict[str, Any]) -> bool:
    """A cluster someone says happened (asserted, reported or confirmed) and nobody denies."""
    claims = json.loads(row["claims"]) if row["claims"] else []
    return row["status"] in ("reported", "confirmed") and any(c["stance"] in HAPPENED_STANCES for c in claims)


def _gdelt_rows(rows: Iterable[dict[str, Any]], include_unfactual: bool, left_out: Counter) -> Iterator[dict]:
    for row in rows:
        if not include_unfactual and not happened(row):
            left_out["not said to have happened (denied, disputed, hypothetical, future or intended)"] += 1
        elif (row["cluster_date"] or row["first_seen"] or row["published"]) is None:
            left_out["no event or publication date"] += 1
        else:
            yield row


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    """The 61 GDELT 2.0 event-table values of a cluster row (cluster joined with its representative)."""
    day: dt.date | None = row["cluster_date"] or row["first_seen"] or row["published"]
    values: list[Any] = [
        int(row["cluster_id"][1:], 16),
        day.strftime("%Y%m%d") if day else None,
        day.strftime("%Y%m") if day else None,
        day.year if day else None,
        f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else None,
    ]
    for side in ("source", "target"):
        code = row[f"{side}_code"]
        values += [
            code,
            (row[f"{side}_name"] or row[f"{side}_text"] or "").upper() or None,
            row[f"{side}_country"],
            code[3:] if code and code.startswith("IGO") else None,
            None, None, None,
            row[f"{side}_sector"],
            None, None,
        ]
    values += [
        1 if row["sentence_index"] == 0 else 0,
        row["cameo"], row["cameo"][:3], row["cameo"][:2], row["quad_class"], row["goldstein"],
        # Sources: distinct outlets; articles whose outlet is unknown count one source each.
        row["mentions"], row["outlets"] or row["articles"], row["articles"],
        None,
    ]
    values += [None] * 16  # actor geography is not coded: only the event's place
    values += [
        _gdelt_geo_type(row) if row["location_name"] else None,
        row["location_name"],
        None, None, None,
        row["location_lat"], row["location_lon"],
        None,
    ]
    values += [row["first_added"].strftime("%Y%m%d%H%M%S"), row["url"]]
    return values


def _gdelt_geo_type(row: dict[str, Any]) -> int:
    """GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    feature, american = row.get("location_feature"), row["location_country"] == "USA"
    if feature is None:  # stored before places had a feature
        return 4 if row["location_lat"] is not None and row["location_lon"] is not None else 1
    if feature == "country":
        return 1
    if feature in ("admin1", "admin2"):
        return 2 if american else 5
    return 3 if american else 4


def _gdelt_line(row: dict[str, Any]) -> str:
    return "\t".join("" if v is None else _no_tabs(str(v)) for v in gdelt_row(row))


def _no_tabs(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ")


# -- PLOVER ------------------------------------------------------------------------------------

def _plover_actor(row: dict[str, Any], side: str) -> list[dict[str, Any]]:
    if row[f"{side}_text"] is None:
        return []
    return [{
        "code": row[f"{side}_country"] or row[f"{side}_code"],
        "sector": row[f"{side}_sector"],
        "actor_text": row[f"{side}_text"],
        "identifier_id": row[f"{side}_actor_id"],
        "identifier_text": row[f"{side}_name"],
        "tacitus_code": row[f"{side}_code"],
    }]


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER JSON record (PLOVER manual, JSON Data Fields) for a cluster row; fields
    beyond the standard ones are prefixed ``tacitus_`` or named after what they hold."""
    day: dt.date | None = row["cluster_date"] or row["first_seen"]
    location = None
    if row["location_name"]:
        location = {"name": row["location_name"], "latitude": row["location_lat"],
                    "longitude": row["location_lon"], "geonameid": row["location_geonameid"],
                    "cc3": row["location_country"]}
    return {
        "id": row["cluster_id"],
        "has_event": True,
        "date": day.isoformat() if day else None,
        "source": _plover_actor(row, "source"),
        "recipient": _plover_actor(row, "target"),
        "event": [row["event"]],
        "mode": [row["mode"]] if row["mode"] else [],
        "context": [],
        "event_loc": location,
        "event_text": [row["trigger_text"]],
        "quad_code": row["quad_class"],
        "event_scale": row["goldstein"],
        "link": row["story_id"],
        "text_info": {"sequence": row["sentence_index"], "start": row["span_start"], "end": row["span_end"]},
        "cite_info": {"citation": row["doc_id"], "url": row["url"], "publication": row["outlet"],
                      "coder": row["coder_version"], "codebook": "CAMEO/PLOVER (tacitus ontology)"},
        "coder": row["coder_version"],
        "coded_date": row["first_added"].date().isoformat(),
        "comment": row["sentence"],
        "date_resolution": row["date_precision"] or ("publication" if day else None),
        "tacitus_cameo": row["cameo"],
        "tacitus_event_id": row["representative"],
        "tacitus_mentions": row["mentions"],
        "tacitus_articles": row["articles"],
        "tacitus_sources": row["outlets"],
        "tacitus_claim_status": row["status"],
        "tacitus_claims": json.loads(row["claims"]),
    }
