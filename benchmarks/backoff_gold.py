"""How well the back-off classifier types the PLOVER gold-standard sentences.

Reads ../shared/data/gold/plover_gsr_dev.jsonl (skipped with a message when absent), predicts
each sentence's PLOVER type with the packaged model (or --model PATH) and prints:
  - accuracy over all sentences,
  - coverage and accuracy of the predictions kept at several probability thresholds (what the
    coder would get by using the back-off only above that threshold),
  - per gold type: sentences, correct, and the types most often predicted instead.
The gold file is for measuring only: nothing here feeds back into training.

    PYTHONPATH=src python benchmarks/backoff_gold.py [--model PATH] [--gold PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "gold" / "plover_gsr_dev.jsonl"
THRESHOLDS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--model", type=Path, default=None, help="weights file (default: packaged)")
    args = parser.parse_args()
    if not args.gold.is_file():
        print(f"gold file {args.gold} not found: nothing to measure")
        return 0

    from tacitus.events.backoff import BackoffClassifier
    from tacitus.nlp import load_pipeline

    records = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    model = BackoffClassifier.load(args.model)
    docs = load_pipeline().pipe(record["text"] for record in records)
    results = [(record["event"], model.predict(doc)) for record, doc in zip(records, docs)]

    total = len(results)
    right = sum(gold == p.plover_type for gold, p in results)
    print(f"{total} gold sentences; accuracy {right / total:.3f} ({right}/{total})")
    print(f"uniform chance over {len(model.classes)} types: {1 / len(model.classes):.3f}")

    print(f"\n{'threshold':>9} {'kept':>5} {'coverage':>9} {'accuracy':>9}")
    for threshold in THRESHOLDS:
        kept = [(gold, p) for gold, p in results if p.probability >= threshold]
        correct = sum(gold == p.plover_type for gold, p in kept)
        accuracy = f"{correct / len(kept):.3f}" if kept else "-"
        print(f"{threshold:>9.1f} {len(kept):>5} {len(kept) / total:>9.3f} {accuracy:>9}")

    by_type: dict[str, list[str]] = defaultdict(list)
    for gold, p in results:
        by_type[gold].append(p.plover_type)
    print(f"\n{'type':<10} {'n':>3} {'right':>5} {'acc':>6}  most often predicted instead")
    for gold in model.classes:
        predicted = by_type.get(gold, [])
        if not predicted:
            continue
        correct = predicted.count(gold)
        wrong = Counter(t for t in predicted if t != gold).most_common(3)
        instead = ", ".join(f"{t} {n}" for t, n in wrong)
        print(f"{gold:<10} {len(predicted):>3} {correct:>5} {correct / len(predicted):>6.2f}  {instead}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
