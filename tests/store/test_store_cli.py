"""The store commands on a store of hand-written reports."""

from __future__ import annotations

import json

import pytest
import typer
from store_samples import all_reports
from typer.testing import CliRunner

from tacitus.cli.store import register
from tacitus.link.linker import link
from tacitus.store import EventStore


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.duckdb"
    with EventStore(path) as store:
        store.add(all_reports())
        link(store)
    return path


@pytest.fixture
def run():
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_events_as_contract_records(run, db):
    result = run("events", "--db", db, "--dyad", "IRN:USA", "--since", "2017-01-01", "--format", "jsonl")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["doc_id"] for r in records) == ["ap-2017", "rouhani-2017"]
    assert set(records[0]) == {"event_id", "doc_id", "sentence_index", "sentence", "span", "trigger", "event", "mode",
                               "cameo", "quad_class", "goldstein", "source", "target", "factuality", "attribution",
                               "date", "date_precision", "location", "intermediary", "confidence", "evidence", "published", "outlet",
                               "url", "coder_version"}


def test_events_table_and_csv(run, db):
    table = run("events", "--db", db, "--type", "CONSULT")  # not a terminal: plain TSV, one line per event
    assert table.exit_code == 0
    header, row = [line.split("\t") for line in table.stdout.splitlines()]
    assert header == ["date", "dyad", "event", "claim", "cluster", "sentence"]
    assert row[1:3] == ["USAGOV→EGYGOV", "CONSULT 042"]
    csv_out = run("events", "--db", db, "--actor", "EGY", "--format", "csv")
    assert csv_out.stdout.splitlines()[0].startswith("event_id,doc_id,")
    assert len(csv_out.stdout.splitlines()) == 2


def test_bad_options_are_usage_errors(run, db, tmp_path):
    assert run("events", "--db", db, "--dyad", "IRN").exit_code == 2
    assert run("events", "--db", db, "--since", "May 2017").exit_code == 2
    assert run("events", "--db", tmp_path / "missing.duckdb").exit_code == 2
    assert run("export", "--db", db, "--format", "parquet").exit_code == 2
    assert run("similar", "no-such-event", "--db", db).exit_code == 2


def test_stories_similar_and_link(run, db):
    stories = run("stories", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in stories.stdout.splitlines()]
    assert sorted(r["articles"] for r in rows) == [1, 1, 1, 2]
    with EventStore(db) as store:
        (event_id,) = store.con.execute("SELECT event_id FROM events WHERE doc_id = 'ap-2017'").fetchone()
    similar = run("similar", event_id, "--db", db)
    assert similar.exit_code == 0
    assert [line.split("\t")[2] for line in similar.stdout.splitlines()] == ["match", "same code"]

    relinked = run("link", "--db", db)
    assert relinked.exit_code == 0 and "4 clusters, 4 stories" in relinked.output


def test_export_to_stdout_and_directory(run, db, tmp_path):
    gdelt = run("export", "--db", db, "--format", "gdelt")
    assert [len(line.split("\t")) for line in gdelt.stdout.splitlines()] == [61] * 4
    parquet = run("export", "--db", db, "--format", "parquet", "-o", tmp_path / "out")
    assert parquet.exit_code == 0 and (tmp_path / "out" / "year=2017" / "month=9").is_dir()
