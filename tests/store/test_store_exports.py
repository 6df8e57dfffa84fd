"""Exports: GDELT 2.0 event table, PLOVER JSON, partitioned Parquet, CSV."""

from __future__ import annotations

import csv
import json

import pyarrow.dataset as ds
import pytest

from tacitus.output import flat_columns
from tacitus.store.exports import GDELT_COLUMNS, LINK_COLUMNS, export


def test_gdelt_rows_have_61_columns_with_cluster_counts(filled_store, tmp_path):
    path = tmp_path / "events.export.CSV"
    assert export(filled_store, "gdelt", path) == 4  # five records, four clusters (two 2017 reports of one)
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    assert {len(row) for row in rows} == {61}
    by_date = {row[1]: dict(zip(GDELT_COLUMNS, row)) for row in rows}

    kerry = by_date["20131102"]
    assert (kerry["MonthYear"], kerry["Year"], kerry["FractionDate"]) == ("201311", "2013", "2013.9096")
    assert (kerry["Actor1Code"], kerry["Actor1Name"], kerry["Actor1CountryCode"], kerry["Actor1Type1Code"]) == (
        "USAGOV", "JOHN KERRY", "USA", "GOV")
    assert (kerry["Actor2Code"], kerry["Actor2CountryCode"]) == ("EGYGOV", "EGY")
    assert (kerry["EventCode"], kerry["EventBaseCode"], kerry["EventRootCode"], kerry["QuadClass"]) == (
        "042", "042", "04", "1")
    assert (kerry["IsRootEvent"], kerry["NumMentions"], kerry["NumSources"], kerry["NumArticles"]) == ("1", "1", "1", "1")
    assert (kerry["ActionGeo_Type"], kerry["ActionGeo_FullName"], kerry["ActionGeo_Lat"]) == ("4", "Cairo", "30.0444")
    assert kerry["AvgTone"] == kerry["Actor1Geo_Type"] == kerry["ActionGeo_CountryCode"] == ""
    assert kerry["SOURCEURL"] == "https://example.org/kerry-cairo"
    assert len(kerry["DATEADDED"]) == 14

    rejection = by_date["20170920"]
    assert (rejection["NumMentions"], rejection["NumSources"], rejection["NumArticles"]) == ("2", "2", "2")
    assert int(rejection["GLOBALEVENTID"]) > 0


def test_plover_records(filled_store, tmp_path):
    path = tmp_path / "events.plover.jsonl"
    assert export(filled_store, "plover-json", path) == 3  # the CAMEO 013 statement has no PLOVER type
    records = {r["date"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    kerry = records["2013-11-02"]
    assert kerry["event"] == ["CONSULT"] and kerry["mode"] == ["visit"]
    assert kerry["source"] == [{"code": "USA", "sector": "GOV", "actor_text": "U.S. Secretary of State John Kerry",
                                "identifier_id": "USA", "identifier_text": "John Kerry", "tacitus_code": "USAGOV"}]
    assert kerry["recipient"][0]["code"] == "EGY"
    assert kerry["event_loc"]["name"] == "Cairo" and kerry["event_loc"]["geonameid"] == 360630
    assert kerry["quad_code"] == 1 and kerry["tacitus_cameo"] == "042"
    assert set(kerry) >= {"id", "date", "source", "recipient", "event", "mode", "context", "event_text", "link",
                          "cite_info", "coder"}
    assert records["2017-09-20"]["tacitus_mentions"] == 2


def test_parquet_is_partitioned_by_year_and_month(filled_store, tmp_path):
    out = tmp_path / "parquet"
    assert export(filled_store, "parquet", out) == 5
    partitions = sorted(p.relative_to(out).as_posix() for p in out.glob("year=*/month=*"))
    assert partitions == ["year=2013/month=11", "year=2013/month=2", "year=2017/month=9"]
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 5
    assert set(flat_columns()) | set(LINK_COLUMNS) <= set(table.column_names)
    with pytest.raises(ValueError, match="not an empty directory"):
        export(filled_store, "parquet", out)


def test_csv_has_every_record_with_its_links(filled_store, tmp_path):
    path = tmp_path / "events.csv"
    assert export(filled_store, "csv", path) == 5
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [*flat_columns(), *LINK_COLUMNS]
    assert len({r["cluster_id"] for r in rows}) == 4
    assert all(r["story_id"] for r in rows)


@pytest.mark.parametrize("feature,country,lat,expected", [
    ("country", "SYR", None, 1), ("admin1", "USA", None, 2), ("admin2", "SYR", 33.5, 5), ("city", "USA", 41.9, 3),
    ("village", "SYR", 34.4, 4), ("venue", "USA", 38.9, 3), (None, "EGY", 30.0, 4), (None, "EGY", None, 1),
])
def test_gdelt_geo_type_follows_the_place_feature(feature, country, lat, expected):
    from tacitus.store.exports import _gdelt_geo_type

    row = {"location_feature": feature, "location_country": country, "location_lat": lat,
           "location_lon": None if lat is None else 0.0}
    assert _gdelt_geo_type(row) == expected


def store_with_unfactual_and_undated(tmp_path):
    import datetime as dt

    from store_samples import IRAN, US, all_reports, report

    from tacitus.link.linker import link
    from tacitus.store import EventStore

    invasion = report("if-2024", dt.date(2024, 3, 1), "Wire", "If China invades Taiwan, markets will fall.",
                      "If China invades Taiwan, markets will fall.", "invades", "190",
                      ("China", "CHN", None, "China"), ("Taiwan", "TWN", None, "Taiwan"), factuality="hypothetical")
    attack = report("will-2024", dt.date(2024, 3, 2), "Wire", "Russia will attack Ukraine, the minister warned.",
                    "Russia will attack Ukraine, the minister warned.", "attack", "190",
                    ("Russia", "RUS", None, "Russia"), ("Ukraine", "UKR", None, "Ukraine"), factuality="future")
    undated = report("undated", None, "Wire", "Iran rejected the U.S. offer.", "Iran rejected the U.S. offer.",
                     "rejected", "125", IRAN, US)
    store = EventStore(tmp_path / "events.duckdb")
    store.add([*all_reports(), invasion, attack, undated])
    link(store)
    return store


def test_gdelt_writes_only_what_happened_and_never_an_empty_date(tmp_path):
    from collections import Counter

    with store_with_unfactual_and_undated(tmp_path) as store:
        left_out: Counter = Counter()
        path = tmp_path / "gdelt.tsv"
        assert export(store, "gdelt", path, left_out=left_out) == 4
        rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in path.read_text(encoding="utf-8").splitlines()]
        assert all(row["SQLDATE"] and int(row["NumSources"]) >= 1 for row in rows)
        assert "190" not in {row["EventCode"] for row in rows}
        assert left_out == {"not said to have happened (denied, disputed, hypothetical, future or intended)": 2,
                            "no event or publication date": 1}

        everything = Counter()
        assert export(store, "gdelt", tmp_path / "all.tsv", include_unfactual=True, left_out=everything) == 6
        assert everything == {"no event or publication date": 1}


def test_export_cli_says_what_it_left_out(tmp_path):
    from typer.testing import CliRunner

    from tacitus.cli import app

    store_with_unfactual_and_undated(tmp_path).close()
    result = CliRunner().invoke(app, ["export", "--db", str(tmp_path / "events.duckdb"), "--format", "gdelt"])
    assert result.exit_code == 0
    assert "left out 2 clusters: not said to have happened" in result.output
    assert "--include-unfactual writes them" in result.output


def test_exports_leave_out_records_below_min_confidence(tmp_path):
    from store_samples import all_reports

    from tacitus.link.linker import link
    from tacitus.store import EventStore

    reports = all_reports()
    for (article, records), confidence in zip(reports, (0.3, 0.9, 0.9, 0.9, 0.1)):
        for record in records:
            record.confidence = confidence
    with EventStore(tmp_path / "c.duckdb") as store:
        store.add(reports)
        link(store)
        assert export(store, "csv", tmp_path / "all.csv") == 5
        assert export(store, "csv", tmp_path / "sure.csv", min_confidence=0.5) == 3
        assert export(store, "gdelt", tmp_path / "sure.tsv", min_confidence=0.5) == 2  # the 2013 and 2017 refusals
        assert export(store, "parquet", tmp_path / "parts", min_confidence=0.5) == 3
        assert len(ds.dataset(tmp_path / "parts", partitioning="hive").to_table()) == 3
