import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tacitus import __version__
from tacitus.cli import app

runner = CliRunner()
STORY = "Iran rejected a US proposal for talks on Monday, the foreign ministry said.\n"


@pytest.fixture()
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


def test_code_writes_jsonl_to_stdout_and_a_summary(story):
    result = runner.invoke(app, ["code", str(story), "--published", "2024-05-08"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert any(r["event"] == "REJECT" and r["source"]["country"] == "IRN" for r in lines)
    assert "articles: 1 read, 1 coded, 0 skipped" in result.output


@pytest.mark.parametrize("fmt", ["csv", "tsv", "parquet"])
def test_code_writes_flat_formats(story, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(app, ["code", str(story), "-o", str(out), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "parquet":
        table = pq.read_table(out)
        assert "source_code" in table.column_names and table.num_rows >= 1
    else:
        header = out.read_text(encoding="utf-8").splitlines()[0]
        assert ("\t" if fmt == "tsv" else ",").join(["event_id", "doc_id"]) in header


def test_skipped_inputs_exit_1_but_still_write_the_rest(story, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["code", str(story), str(empty)])
    assert result.exit_code == 1
    assert "REJECT" in result.stdout and "1 skipped" in result.output


def test_usage_errors_exit_2(story):
    assert runner.invoke(app, ["code", str(story), "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["code", str(story), "--published", "yesterday"]).exit_code == 2
    assert runner.invoke(app, ["code", str(story), "--model", "no_such_pipeline"]).exit_code == 2


def test_explain_says_why(tmp_path):
    result = runner.invoke(app, ["explain", "Iran rejected a US proposal for talks.", "--published", "2024-05-08"])
    assert result.exit_code == 0, result.output
    assert "reject" in result.stdout and "event" in result.stdout


def test_evaluate_on_a_small_gold_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"id": "g1", "text": "Iran rejected a US proposal for talks.", "event": "REJECT",
         "source": [{"code": "IRN"}], "target": [{"code": "USA"}]},
        {"id": "g2", "text": "Japan accused China of violating its airspace.", "event": "ACCUSE",
         "source": [{"code": "JPN"}], "target": [{"code": "CHN"}]},
        {"id": "g3", "text": "The weather in Lisbon was mild.", "event": "PROTEST",
         "source": [{"code": "PRT"}], "target": []},
    ]), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["gold_events"] == 3
    assert scores["type_accuracy"] == pytest.approx(2 / 3)
    assert scores["per_type"]["PROTEST"]["recall"] == 0.0


def test_worker_processes_give_the_same_events(tmp_path):
    inputs = []
    for i, text in enumerate([STORY, "Japan accused China of violating its airspace.\n",
                              "Egypt hosted talks between Israel and Hamas in Cairo.\n"]):
        path = tmp_path / f"s{i}.txt"
        path.write_text(text, encoding="utf-8")
        inputs.append(str(path))
    single = runner.invoke(app, ["code", *inputs])
    parallel = runner.invoke(app, ["code", *inputs, "--workers", "2"])
    assert single.exit_code == parallel.exit_code == 0, parallel.output
    ids = lambda out: sorted(json.loads(l)["event_id"] for l in out.splitlines() if l.startswith("{"))
    assert ids(single.stdout) and ids(single.stdout) == ids(parallel.stdout)


def test_code_writes_only_records_at_least_min_confidence(tmp_path):
    path = tmp_path / "two.txt"
    path.write_text("Chile accused Peru of spying. Peru rejected the accusation and recalled its ambassador.\n",
                    encoding="utf-8")
    def confidences(*extra):
        result = runner.invoke(app, ["code", str(path), "--published", "2024-05-08", *extra])
        assert result.exit_code == 0, result.output
        return sorted(json.loads(line)["confidence"] for line in result.stdout.splitlines() if line.startswith("{"))

    everything = confidences()
    assert everything
    middle = everything[len(everything) // 2]
    assert confidences("--min-confidence", str(middle)) == [c for c in everything if c >= middle]


def test_explain_shows_the_verifier_verdict_and_the_factuality():
    result = runner.invoke(app, ["explain", "Peru and Bolivia condemned the raid.", "--published", "2024-05-08"],
                           env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip().startswith("->")]
    assert any("[asserted]" in line and "verifier" in line and ": kept" in line for line in lines)
    assert any("merged into the record with source" in line for line in lines)
