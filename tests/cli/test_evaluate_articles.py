"""`tacitus evaluate EVENTS --articles ARTICLES` on files written for these tests."""

import json

import pytest
from typer.testing import CliRunner

from tacitus.cli import app

runner = CliRunner()
FIRST = "Norway condemned the raid on the border post."
SECOND = "Oslo and Stockholm held talks in Bergen."
TEXT = f"{FIRST} {SECOND}"


def mention(n, event, sentence, source, **extra):
    return {"doc_id": "a1", "id": f"a1-{n}", "sentence": sentence, "trigger": "x", "event": event,
            "source": [{"code": source}], "target": [], "factuality": "asserted", "date": None,
            "location": None, **extra}


def record(event, sentence, source, confidence, rule):
    start = TEXT.index(sentence)
    return {"doc_id": "a1", "span": [start, start + len(sentence)], "sentence": sentence, "event": event,
            "cameo": "", "source": {"code": source}, "target": None, "factuality": "asserted",
            "trigger": {"text": sentence.split()[1]}, "confidence": confidence, "evidence": {"rule": rule}}


@pytest.fixture()
def files(tmp_path):
    articles, events, predictions = (tmp_path / n for n in ("articles.jsonl", "events.jsonl", "pred.jsonl"))
    articles.write_text(json.dumps({"doc_id": "a1", "text": TEXT, "published": "2024-05-07"}) + "\n", encoding="utf-8")
    events.write_text("".join(json.dumps(e) + "\n" for e in (
        mention(1, "ACCUSE", FIRST, "NOR"), mention(2, "CONSULT", SECOND, "NOR", comment="BORDERLINE: talks"),
        mention(3, "ASSAULT", FIRST, None))), encoding="utf-8")
    predictions.write_text("".join(json.dumps(p) + "\n" for p in (
        record("ACCUSE", FIRST, "NORGOV", 0.9, "verb+source:nsubj"),
        record("CONSULT", SECOND, "NORGOV", 0.6, "verb+source:nsubj"),
        record("PROTEST", SECOND, "SWEGOV", 0.2, "noun-rule-x"))), encoding="utf-8")
    return events, articles, predictions


def test_json_scores_all_and_strict_with_errors(files):
    events, articles, predictions = files
    result = runner.invoke(app, ["evaluate", str(events), "--articles", str(articles), "--predictions",
                                 str(predictions), "--json", "--errors", "5"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert (scores["all"]["matched"], scores["all"]["predicted"], scores["all"]["gold"]) == (2, 3, 3)
    assert (scores["strict"]["matched"], scores["strict"]["predicted"], scores["strict"]["gold"]) == (1, 2, 2)
    assert scores["all"]["per_type"]["ACCUSE"]["recall"] == 1.0
    assert [m["id"] for m in scores["misses"]] == ["a1-3"]
    [false_positive] = scores["false_positives"]
    assert "noun-rule-x" in false_positive["coder"] and false_positive["gold"]
    assert {b["low"] for b in scores["all"]["reliability"]} == {0.2, 0.6, 0.9}


def test_min_confidence_scores_only_confident_records(files):
    events, articles, predictions = files
    result = runner.invoke(app, ["evaluate", str(events), "--articles", str(articles), "--predictions",
                                 str(predictions), "--json", "--min-confidence", "0.5"])
    assert json.loads(result.stdout)["all"]["predicted"] == 2


def test_tables_name_the_rule_beside_each_error(files):
    events, articles, predictions = files
    result = runner.invoke(app, ["evaluate", str(events), "--articles", str(articles), "--predictions",
                                 str(predictions), "--strict", "--errors", "3"])
    assert result.exit_code == 0, result.output
    for expected in ("per type", "per article", "reliability", "noun-rule-x", "a1-3", "expected calibration error",
                     "strict (BORDERLINE neutral)"):
        assert expected in result.stdout
    assert "P 0.500" in result.stdout  # strict: one of two counted records matched


def test_gold_naming_unknown_articles_is_a_usage_error(files, tmp_path):
    events, articles, predictions = files
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"doc_id": "zz", "text": "Nothing."}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(events), "--articles", str(other), "--predictions", str(predictions)])
    assert result.exit_code == 2 and "a1" in result.output
