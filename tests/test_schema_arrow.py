"""One Arrow schema for every Parquet file: it follows the JSON Schema of the record contract,
and `code --format parquet` and `export --format parquet` both write it."""

import datetime as dt
import json
from importlib import resources

import jsonschema
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from tacitus.output import NESTED, write_parquet
from tacitus.records import ActorRef, EventRecord, Trigger
from tacitus.schema_arrow import EVENT_COLUMNS, EVENT_SCHEMA

CONTRACT = json.loads(resources.files("tacitus").joinpath("data/event.schema.json").read_text(encoding="utf-8"))


def json_type(column: str) -> tuple[set[str], str | None]:
    """The JSON types (and date format) the contract gives a flattened column."""
    node = CONTRACT["properties"].get(column)
    if node is None:
        prefix, part = column.split("_", 1)
        parent = CONTRACT["properties"][prefix]
        parent = CONTRACT["$defs"]["actor"] if parent.get("$ref") == "#/$defs/actor" else parent
        if part in ("start", "end"):
            return {"integer"}, None
        node = parent["properties"][part]
    if node.get("$ref") == "#/$defs/span" or column == "evidence":
        return {"string"}, None  # evidence is written as JSON text
    types = node["type"] if isinstance(node["type"], list) else [node["type"]]
    is_date = node.get("format") == "date" or node.get("pattern", "").startswith("^[0-9]{4}-")
    return set(types) - {"null"}, "date" if is_date else None


@pytest.mark.parametrize("column", EVENT_COLUMNS)
def test_every_column_has_the_contract_type(column):
    types, fmt = json_type(column)
    arrow = EVENT_SCHEMA.field(column).type
    if fmt == "date":
        assert arrow == pa.date32()
    elif types == {"integer"}:
        assert pa.types.is_integer(arrow)
    elif types == {"number"}:
        assert arrow == pa.float64()
    else:
        assert types == {"string"} and arrow == pa.string()


def record_with_intermediary() -> dict:
    sentence = "Ankara passed a message from Berlin to Moscow on Monday."
    record = EventRecord(
        doc_id="d1", sentence_index=0, sentence=sentence, span=(0, len(sentence)), trigger=Trigger("passed", (7, 13)),
        event="CONSULT", mode=None, cameo="040", quad_class=1, goldstein=1.0,
        source=ActorRef("Berlin", (29, 35), code="DEU", country="DEU"),
        target=ActorRef("Moscow", (39, 45), code="RUS", country="RUS"), factuality="asserted", attribution=None,
        date=dt.date(2024, 5, 6), date_precision="day", location=None, confidence=0.8,
        evidence={"rule": "test"}, published=dt.date(2024, 5, 8), outlet=None, url=None, coder_version="test",
        intermediary=ActorRef("Ankara", (0, 6), code="TUR", country="TUR"),
    )
    return record.to_dict()


def test_a_record_with_an_intermediary_is_valid_and_writes_to_parquet(tmp_path):
    record = record_with_intermediary()
    jsonschema.validate(record, CONTRACT)
    path = tmp_path / "events.parquet"
    assert write_parquet([record], path) == 1
    table = pq.read_table(path)
    assert table.schema.equals(EVENT_SCHEMA)
    row = table.to_pylist()[0]
    assert (row["intermediary_start"], row["intermediary_end"], row["date"]) == (0, 6, dt.date(2024, 5, 6))
    assert set(NESTED["intermediary"]) <= {c.split("_", 1)[1] for c in table.column_names if c.startswith("inter")}


def test_an_error_midway_keeps_what_was_written(tmp_path):
    def records():
        yield record_with_intermediary()
        raise RuntimeError("coder broke")

    path = tmp_path / "events.parquet"
    with pytest.raises(RuntimeError):
        write_parquet(records(), path)
    assert pq.read_table(path).num_rows == 1


def test_code_and_export_write_the_same_schema(tmp_path):
    from tacitus.records import Article
    from tacitus.schema_arrow import event_row
    from tacitus.store import EventStore
    from tacitus.store.exports import export

    record = record_with_intermediary()
    code_path = tmp_path / "code.parquet"
    write_parquet([record], code_path)
    with EventStore(tmp_path / "s.duckdb") as store:
        store.add([(Article("d1", record["sentence"]), [])])
        rows = pa.Table.from_pylist([event_row(record)], schema=EVENT_SCHEMA)  # noqa: F841 - read by DuckDB
        store.con.execute("INSERT INTO events BY NAME SELECT * FROM rows")
        export(store, "parquet", tmp_path / "out")
    exported = ds.dataset(tmp_path / "out", format="parquet", partitioning="hive").to_table()
    written = pq.read_table(code_path)
    for field in written.schema:
        assert exported.schema.field(field.name).type == field.type, field.name
    assert exported.column("intermediary_start").to_pylist() == [0]
