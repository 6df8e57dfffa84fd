"""Event places on the article-level news gold: how many gold-placed events get a place, and
how often it is the right one, on each half of the articles.

Matches predictions to gold events as the reference scorer does (same sentence, same PLOVER
type, fitting source and target countries; one prediction per gold event; a BORDERLINE gold
event counts like any other here) and compares place names as it does (the predicted name is
part of the gold place, or the gold's first part is part of the predicted name). The articles
are split into two halves by the order of their ids, so rules tuned on the errors of one half
can be checked on the other.

    .venv/bin/python benchmarks/places_news.py [--predictions OUT.jsonl] [--errors first|second]
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "gold"
# Old CAMEO country codes the gold still uses, and old PLOVER names.
COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--predictions", type=Path, help="a `tacitus code --format jsonl` output to score "
                        "(default: code the gold articles now)")
    parser.add_argument("--errors", choices=("first", "second"), help="list the place errors of that half")
    args = parser.parse_args()
    if not (GOLD / "news_dev_articles.jsonl").is_file():
        print(f"no gold at {GOLD}: nothing to measure")
        return 0
    articles = _read(GOLD / "news_dev_articles.jsonl")
    gold = _read(GOLD / "news_dev_events.jsonl")
    predictions = _read(args.predictions) if args.predictions else _code(articles)
    ids = sorted(a["doc_id"] for a in articles)
    halves = {"first": set(ids[::2]), "second": set(ids[1::2])}
    texts = {a["doc_id"]: a["text"] for a in articles}
    pairs = _match(gold, predictions, texts)
    for name, docs in [*halves.items(), ("all", set(ids))]:
        _report(name, [(g, p) for g, p in pairs if g["doc_id"] in docs], predictions, docs)
    if args.errors:
        for g, p in pairs:
            if g["doc_id"] in halves[args.errors] and g.get("location"):
                predicted = (p.get("location") or {}).get("name")
                if not _same_place(predicted, g["location"]):
                    via = (p.get("evidence") or {}).get("place", "")
                    print(f"  {g['doc_id']} gold={g['location']!r} pred={predicted!r} [{via}] {g['sentence'][:100]}")
    return 0


def _report(name: str, pairs: list, predictions: list[dict], docs: set[str]) -> None:
    placed_gold = [(g, p) for g, p in pairs if g.get("location")]
    with_place = sum(1 for _, p in placed_gold if (p.get("location") or {}).get("name"))
    right = sum(1 for g, p in placed_gold if _same_place((p.get("location") or {}).get("name"), g["location"]))
    unplaced_gold = [(g, p) for g, p in pairs if not g.get("location")]
    spurious = sum(1 for _, p in unplaced_gold if p.get("location"))
    placed = sum(1 for p in predictions if p.get("doc_id") in docs and p.get("location"))
    total = sum(1 for p in predictions if p.get("doc_id") in docs)
    n = len(placed_gold)
    by_scope = collections.Counter()
    for g, p in placed_gold:
        scope = (p.get("evidence") or {}).get("place_scope", "none")
        by_scope[scope, _same_place((p.get("location") or {}).get("name"), g["location"])] += 1
    scopes = ", ".join(f"{scope} {by_scope[scope, True]}/{by_scope[scope, True] + by_scope[scope, False]}"
                       for scope in sorted({s for s, _ in by_scope}))
    print(f"{name:6s} matched {len(pairs)}; gold-placed {n}: got a place {with_place}/{n} "
          f"({with_place / n if n else 0:.0%}), right {right}/{n} (accuracy {right / n if n else 0:.3f}); "
          f"placed where gold has none {spurious}/{len(unplaced_gold)}; predictions placed {placed}/{total}\n"
          f"       right by scope: {scopes}")


def _same_place(predicted: str | None, gold: str) -> bool:
    if not predicted:
        return False
    predicted, gold = predicted.lower(), gold.lower()
    return predicted in gold or gold.split(",")[0] in predicted


def _match(gold: list[dict], predictions: list[dict], texts: dict[str, str]) -> list[tuple[dict, dict]]:
    by_doc = collections.defaultdict(list)
    for index, p in enumerate(predictions):
        by_doc[p.get("doc_id")].append((index, p))
    used, pairs = set(), []
    for g in gold:
        start = texts.get(g["doc_id"], "").find(g["sentence"])
        span = (start, start + len(g["sentence"])) if start >= 0 else None
        sources = {_country(a.get("code")) for a in g.get("source") or []} or {None}
        targets = {_country(a.get("code")) for a in g.get("target") or []}
        for index, p in by_doc.get(g["doc_id"], []):
            if index in used or not _in_sentence(p, g, span) or _plover(p) != g["event"]:
                continue
            if None not in sources and _country(p.get("source")) not in sources:
                continue
            if targets and None not in targets and _country(p.get("target")) not in targets:
                continue
            used.add(index)
            pairs.append((g, p))
            break
    return pairs


def _in_sentence(p: dict, g: dict, span: tuple[int, int] | None) -> bool:
    ps = p.get("span")
    if span and ps and len(ps) == 2:
        return ps[0] < span[1] and span[0] < ps[1]
    sentence = p.get("sentence") or ""
    return bool(sentence) and (sentence.strip() in g["sentence"] or g["sentence"] in sentence)


def _plover(p: dict) -> str | None:
    event = p.get("event") or (p.get("plover") or {}).get("event") if isinstance(p.get("plover"), dict) else p.get("event")
    return OLD_TYPES.get(str(event).upper(), str(event).upper()) if event else None


def _country(code) -> str | None:
    if isinstance(code, dict):
        code = code.get("code") or code.get("country")
    if not code:
        return None
    code = str(code).upper()
    return "IGO" if code.startswith("IGO") else COUNTRY_ALIASES.get(code[:3], code[:3])


def _code(articles: list[dict]) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        source, output = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        source.write_text("".join(json.dumps({"id": a["doc_id"], "text": a["text"], "published": a["published"],
                                              "title": a.get("title")}) + "\n" for a in articles))
        subprocess.run([str(ROOT / ".venv/bin/tacitus"), "code", str(source), "-o", str(output), "--format", "jsonl"],
                       cwd=ROOT, check=True, capture_output=True)
        return _read(output)


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


if __name__ == "__main__":
    sys.exit(main())
