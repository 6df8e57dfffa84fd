"""`tacitus evaluate EVENTS --articles ARTICLES`: mention-level scores on article gold.

Scoring lives in `tacitus.events.article_scoring`; this module codes the articles (or reads
records coded earlier), prints the tables and lists errors beside the rule that fired.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from tacitus.cli.display import safe
from tacitus.events.article_scoring import (
    ArticleGoldScores,
    ArticleScore,
    aggregate,
    country,
    event_type,
    is_borderline,
    read_article_gold,
    read_jsonl,
    score_articles,
)
from tacitus.verify.reliability import expected_calibration_error, reliability


def code_articles(articles: list[dict], config) -> list[dict]:
    from tacitus.pipeline import Engine
    from tacitus.records import Article

    inputs = []
    for a in articles:
        published = a.get("published")
        inputs.append(Article(doc_id=a["doc_id"], text=a["text"], title=a.get("title"), outlet=a.get("outlet"),
                              published=dt.date.fromisoformat(str(published)[:10]) if published else None))
    return [e.to_dict() for result in Engine(config).code_articles(inputs) for e in result.events]


def run(events_path: Path, articles_path: Path, config, *, predictions_path: Path | None, strict: bool,
        errors: int, as_json: bool, min_confidence: float) -> None:
    try:
        articles, gold = read_article_gold(events_path, articles_path)
        predictions = (read_jsonl(predictions_path, ("doc_id",)) if predictions_path
                       else code_articles(articles, config))
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None
    predictions = [p for p in predictions if float(p.get("confidence") or 0.0) >= min_confidence]
    matched = score_articles(gold, {a["doc_id"]: a["text"] for a in articles}, predictions)
    both = {"all": aggregate(matched, strict=False), "strict": aggregate(matched, strict=True)}
    chosen = both["strict" if strict else "all"]
    misses, false_positives = error_lists(matched, strict=strict)
    if as_json:
        typer.echo(json.dumps({
            **{name: {**s.as_dict(), "ece": round(expected_calibration_error(s.judged), 4),
                      "reliability": [b.as_dict() for b in reliability(s.judged)]} for name, s in both.items()},
            "misses": misses[:errors], "false_positives": false_positives[:errors],
        }, indent=2, ensure_ascii=False))
        return
    console = Console(width=max(Console().width, 140), highlight=False, emoji=False)
    print_tables(console, chosen, f"{events_path.name} ({'strict' if strict else 'all records'})")
    if errors:
        print_errors(console, misses[:errors], false_positives[:errors])
    for name, s in both.items():
        label = "all records" if name == "all" else "strict (BORDERLINE neutral)"
        console.print(f"{label:28s} predicted {s.overall.predicted:4d}  gold {s.overall.gold:4d}  matched "
                      f"{s.overall.matched:4d}  P {s.overall.precision:.3f}  R {s.overall.recall:.3f}  "
                      f"F1 {s.overall.f1:.3f}")
    console.print(f"on matched events: factuality {chosen.factuality.value:.3f} ({chosen.factuality.right}/"
                  f"{chosen.factuality.total})  date {chosen.date.value:.3f} ({chosen.date.right}/{chosen.date.total})"
                  f"  place {chosen.place.value:.3f} ({chosen.place.right}/{chosen.place.total})")
    console.print(f"expected calibration error: {expected_calibration_error(chosen.judged):.3f}")


def print_tables(console: Console, scores: ArticleGoldScores, title: str) -> None:
    by_type = Table(title=f"per type: {title}")
    for column in ("type", "gold", "predicted", "matched", "precision", "recall", "F1"):
        by_type.add_column(column, justify="left" if column == "type" else "right")
    for name, counts in scores.per_type.items():
        by_type.add_row(name, str(counts.gold), str(counts.predicted), str(counts.matched),
                        f"{counts.precision:.2f}", f"{counts.recall:.2f}", f"{counts.f1:.2f}")
    console.print(by_type)
    by_article = Table(title="per article")
    for column in ("article", "gold", "predicted", "matched", "precision", "recall"):
        by_article.add_column(column, justify="left" if column == "article" else "right")
    for doc_id, counts in scores.per_article.items():
        by_article.add_row(safe(doc_id), str(counts.gold), str(counts.predicted), str(counts.matched),
                           f"{counts.precision:.2f}", f"{counts.recall:.2f}")
    console.print(by_article)
    bins = Table(title="reliability: confidence vs observed precision")
    for column in ("confidence", "records", "mean confidence", "precision"):
        bins.add_column(column, justify="right")
    for b in reliability(scores.judged):
        bins.add_row(f"{b.low:.1f}-{b.high:.1f}", str(b.records), f"{b.mean_confidence:.2f}", f"{b.precision:.2f}")
    console.print(bins)


def _describe_gold(gold: dict) -> str:
    sources = ",".join(str(a.get("code")) for a in gold.get("source") or []) or "-"
    targets = ",".join(str(a.get("code")) for a in gold.get("target") or []) or "-"
    return f"{gold['event']} {sources} -> {targets} '{gold.get('trigger')}' [{gold.get('factuality')}]"


def _describe_prediction(record: dict) -> str:
    return (f"{event_type(record) or record.get('cameo')} {country(record.get('source')) or '-'} -> "
            f"{country(record.get('target')) or '-'} '{(record.get('trigger') or {}).get('text')}' "
            f"[{record.get('factuality')}] rule {(record.get('evidence') or {}).get('rule')} "
            f"conf {float(record.get('confidence') or 0):.2f}")


def _same_sentence(record: dict, sentence: str, text: str) -> bool:
    start = text.find(sentence)
    span = record.get("span") or (0, 0)
    return start >= 0 and span[0] < start + len(sentence) and start < span[1]


def error_lists(matched: list[ArticleScore], *, strict: bool) -> tuple[list[dict], list[dict]]:
    """Misses (gold no prediction took) beside the coder's records in their sentence, and false
    positives (records no gold took) beside the gold of their sentence."""
    misses, false_positives = [], []
    for article in matched:
        text = article.text
        taken = {m.index for m in article.matches if m.index is not None}
        for match in article.matches:
            if match.prediction is None and not (strict and is_borderline(match.gold)):
                misses.append({"id": match.gold.get("id"), "sentence": match.gold["sentence"],
                               "gold": _describe_gold(match.gold),
                               "coder": [_describe_prediction(p) for p in article.predictions
                                         if _same_sentence(p, match.gold["sentence"], text)]})
        for index, record in enumerate(article.predictions):
            if index not in taken:
                sentence = record.get("sentence") or ""
                false_positives.append({"doc_id": article.doc_id, "sentence": sentence,
                                        "coder": _describe_prediction(record),
                                        "gold": [_describe_gold(g) for g in article.gold if g["sentence"] in sentence
                                                 or sentence in g["sentence"]]})
    return misses, false_positives


def print_errors(console: Console, misses: list[dict], false_positives: list[dict]) -> None:
    _side_by_side(console, f"{len(misses)} misses: gold beside what the coder made of the sentence",
                  ("gold (missed)", "coder in that sentence"),
                  [(f"{m['id']}: {m['gold']}\n{m['sentence']}", "\n".join(m["coder"]) or "(nothing)") for m in misses])
    _side_by_side(console, f"{len(false_positives)} false positives: the record beside the sentence's gold",
                  ("coder (unmatched)", "gold in that sentence"),
                  [(f"{fp['doc_id']}: {fp['coder']}\n{fp['sentence']}", "\n".join(fp["gold"]) or "(no event annotated)")
                   for fp in false_positives])


def _side_by_side(console: Console, title: str, columns: tuple[str, str], rows: list[tuple[str, str]]) -> None:
    table = Table(title=title, show_lines=True)
    for column in columns:
        table.add_column(column, ratio=1, overflow="fold")
    for left, right in rows:
        table.add_row(safe(left), safe(right))
    console.print(table)
