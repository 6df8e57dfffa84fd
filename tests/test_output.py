"""Writing records: JSON Lines as the contract, flat rows for CSV/TSV/Parquet."""

import csv
import io
import json

import pytest

from tacitus.output import FIELDS, NESTED, flat_columns, flatten, write_records

RECORD = {
    "event_id": "e1", "doc_id": "d1", "sentence_index": 2, "sentence": "Peru expelled the envoy.", "span": [10, 34],
    "trigger": {"text": "expelled", "span": [15, 23]}, "event": "SANCTION", "mode": None, "cameo": "161",
    "quad_class": 4, "goldstein": -4.0,
    "source": {"text": "Peru", "span": [10, 14], "code": "PER", "country": "PER", "sector": None, "name": "Peru",
               "actor_id": "PER"},
    "target": None, "factuality": "asserted", "attribution": {"text": "officials", "code": None, "date": None,
                                                             "place": "Lima", "verb": "confirm"},
    "date": "2020-01-02", "date_precision": "day", "location": None, "intermediary": None, "confidence": 0.9,
    "evidence": {"rule": "verb+source:nsubj", "depth": 0}, "published": "2020-01-03", "outlet": None, "url": None,
    "coder_version": "tacitus-test",
}


def test_flat_columns_spell_out_every_nested_field():
    columns = flat_columns()
    assert len(columns) == len(set(columns)) == len(FIELDS) - len(NESTED) + sum(len(p) for p in NESTED.values())
    assert columns[:4] == ["event_id", "doc_id", "sentence_index", "sentence"]


def test_flatten_keeps_every_value_and_the_evidence_as_json():
    row = flatten(RECORD)
    assert (row["span_start"], row["span_end"], row["trigger_start"], row["source_end"]) == (10, 34, 15, 14)
    assert row["target_code"] is None and row["attribution_place"] == "Lima"
    assert row["attribution_verb"] == "confirm"
    assert json.loads(row["evidence"]) == RECORD["evidence"]
    assert list(row) == flat_columns()


def test_jsonl_is_one_record_per_line(tmp_path):
    path = tmp_path / "events.jsonl"
    assert write_records([RECORD, RECORD], "jsonl", path) == 2
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [RECORD, RECORD]


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_delimited_formats_have_a_header_and_flat_rows(tmp_path, fmt, delimiter):
    path = tmp_path / f"events.{fmt}"
    write_records([RECORD], fmt, path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")), delimiter=delimiter))
    assert len(rows) == 1 and rows[0]["source_code"] == "PER" and rows[0]["cameo"] == "161"


def test_parquet_needs_a_file_and_unknown_formats_are_refused(tmp_path):
    with pytest.raises(ValueError, match="Parquet output needs a file"):
        write_records([RECORD], "parquet", None)
    with pytest.raises(ValueError, match="unknown format"):
        write_records([RECORD], "xml", tmp_path / "x")


def test_parquet_round_trips_the_flat_rows(tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert write_records([RECORD], "parquet", path) == 1
    table = pq.read_table(path)
    assert table.column_names == flat_columns() and table.column("source_code").to_pylist() == ["PER"]
