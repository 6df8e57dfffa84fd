"""Agreement with the reference scorer (../shared/tools/score_news.py) on the same predictions.

The reference runs `PROJECT/.venv/bin/tacitus code`; here PROJECT is a directory whose `tacitus`
copies a prediction file built from the development gold with seeded perturbations (right
records, wrong types, wrong countries, duplicates, records without a PLOVER type, records
located by sentence text only), so both scorers see identical predictions. Skips without the
shared reference data.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tacitus.events.article_scoring import aggregate, read_article_gold, score_articles

SHARED = Path(__file__).parents[2] / ".." / "shared"
REFERENCE = SHARED / "tools" / "score_news.py"
GOLD = SHARED / "data" / "gold"
pytestmark = pytest.mark.skipif(not (REFERENCE.exists() and (GOLD / "news_dev_events.jsonl").exists()),
                                reason="shared reference scorer or article gold not available")
TYPES = ("ACCUSE", "AGREE", "ASSAULT", "CONSULT", "REQUEST", "REJECT", "THREATEN")


def perturbed_predictions(articles: list[dict], gold: list[dict], seed: int) -> list[dict]:
    rng = random.Random(seed)
    texts = {a["doc_id"]: a["text"] for a in articles}
    predictions = []
    for event in gold:
        start = texts[event["doc_id"]].find(event["sentence"])
        first = lambda side: (event.get(side) or [{}])[0].get("code")  # noqa: E731
        record = {"doc_id": event["doc_id"], "span": [start, start + len(event["sentence"])],
                  "sentence": event["sentence"], "event": event["event"], "cameo": event.get("cameo") or "",
                  "source": {"code": first("source")} if first("source") else None,
                  "target": {"code": first("target")} if first("target") else None,
                  "factuality": rng.choice([event["factuality"], "asserted", "reported"]),
                  "date": rng.choice([event.get("date"), None, "2001-01-01"]),
                  "location": {"name": event["location"]} if event.get("location") and rng.random() < 0.5 else None,
                  "confidence": rng.random()}
        roll = rng.random()
        if roll < 0.15:
            record["event"] = rng.choice(TYPES)
        elif roll < 0.25:
            record["source"] = {"code": rng.choice(["USAGOV", "IGOUNO", "JAPGOV", "SYRREB"])}
        elif roll < 0.3:
            record["event"] = None
        elif roll < 0.35:
            record["span"] = None
        if rng.random() < 0.6:
            predictions.append(record)
        if rng.random() < 0.15:
            predictions.append(dict(record))
    rng.shuffle(predictions)
    return predictions


def run_reference(predictions: list[dict], tmp_path: Path, strict: bool) -> str:
    prediction_file = tmp_path / "predictions.jsonl"
    prediction_file.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
    binary = tmp_path / "project" / ".venv" / "bin" / "tacitus"
    binary.parent.mkdir(parents=True, exist_ok=True)
    binary.write_text(f"#!{sys.executable}\nimport shutil, sys\n"
                      f"shutil.copy({str(prediction_file)!r}, sys.argv[sys.argv.index('-o') + 1])\n",
                      encoding="utf-8")
    binary.chmod(0o755)
    result = subprocess.run([sys.executable, str(REFERENCE), *(["--strict"] if strict else [])],
                            env={"PROJECT": str(binary.parents[2]), "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1) and "matched" in result.stdout, result.stderr[-500:]
    return result.stdout


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_figures_agree_with_the_reference_scorer(tmp_path, seed):
    articles, gold = read_article_gold(GOLD / "news_dev_events.jsonl", GOLD / "news_dev_articles.jsonl")
    predictions = perturbed_predictions(articles, gold, seed)
    # The reference orders each article's predictions as the file does; so does score_articles.
    matched = score_articles(gold, {a["doc_id"]: a["text"] for a in articles}, predictions)
    loose, strict = aggregate(matched, strict=False), aggregate(matched, strict=True)

    for ours, is_strict in ((loose, False), (strict, True)):
        out = run_reference(predictions, tmp_path, is_strict)
        summary = re.search(r"gold (\d+) pred (\d+) matched (\d+)\s+P ([\d.]+) R ([\d.]+) F1 ([\d.]+)\s+"
                            r"factuality acc ([\d.]+)", out)
        gold_n, pred_n, tp = (int(summary.group(i)) for i in (1, 2, 3))
        assert (gold_n, pred_n, tp) == (ours.overall.gold, ours.overall.predicted, ours.overall.matched)
        assert [float(summary.group(i)) for i in (4, 5, 6)] == [
            round(ours.overall.precision, 3), round(ours.overall.recall, 3), round(ours.overall.f1, 3)]
        if not is_strict:
            dates = re.search(r"date acc (\d+)/(\d+)\s+location acc (\d+)/(\d+)", out)
            assert [int(dates.group(i)) for i in (1, 2, 3, 4)] == [
                ours.date.right, ours.date.total, ours.place.right, ours.place.total]
            assert float(summary.group(7)) == round(ours.factuality.value, 3)
            for event_type, hits, total in re.findall(r"^\s+(\w+)\s+recall (\d+)/(\d+)$", out, re.M):
                assert (int(hits), int(total)) == (ours.per_type[event_type].matched, ours.per_type[event_type].gold)
        else:
            # The reference divides factuality hits on every match by the strict match count; ours
            # counts strict matches only, so the two differ exactly by that choice.
            assert float(summary.group(7)) == round(loose.factuality.right / strict.overall.matched, 3)
