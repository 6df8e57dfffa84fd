"""Which real-news misses are actor errors: the type was right in the right sentence, the actors not.

Reads the article gold (../shared/data/gold/news_dev_*.jsonl; exits with a message when absent)
and records written by `tacitus code --format jsonl` (`--predictions`), matches them as
`tacitus evaluate --articles` does, and for every unmatched gold event that has an unused
prediction of the gold type in the gold sentence, says which side is wrong (source, target or
both) and prints the gold and predicted actors side by side. Counts are printed per side and per
half of the articles (sorted doc ids; half A = even positions, half B = odd positions), so a fix
can be checked on the half its errors were not read from.

    tacitus code in.jsonl -o pred.jsonl --format jsonl
    python benchmarks/news_actor_errors.py --predictions pred.jsonl [--half A] [--strict] [--list]

With `--mentions` (no predictions needed) it measures the resolver alone: every gold source or
target actor with a code whose own words occur in its gold sentence ("he (Trump)" -> "he";
implicit actors such as "(US, implicit)" are counted apart) is looked up among the mentions the
resolver finds in the article; it is right when an overlapping mention has the gold country (or
any IGO code for an IGO), wrong when the overlapping mentions have other countries, missing when
no mention overlaps it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

from tacitus.events.article_scoring import (
    country,
    event_type,
    is_borderline,
    match_article,
    read_article_gold,
    read_jsonl,
)

# How the resolver explains a country taken from the context (see tacitus.actors.discourse).
CONTEXT_STEPS = ("affiliated", "place", "same sentence", "dominant country", "same person")
GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "gold"


def half_ids(doc_ids: list[str], half: str | None) -> set[str]:
    ordered = sorted(set(doc_ids))
    if half is None:
        return set(ordered)
    return set(ordered[0::2] if half == "A" else ordered[1::2])


def gold_countries(actors: list[dict]) -> set[str | None]:
    return {country(a.get("code")) for a in actors}


def wrong_sides(prediction: dict, gold: dict) -> tuple[bool, bool]:
    """(source wrong, target wrong) for a prediction of the gold type in the gold sentence."""
    sources = gold_countries(gold.get("source") or []) or {None}
    targets = gold_countries(gold.get("target") or [])
    source_wrong = None not in sources and country(prediction.get("source")) not in sources
    target_wrong = bool(targets) and None not in targets and country(prediction.get("target")) not in targets
    return source_wrong, target_wrong


def same_sentence(prediction: dict, gold: dict) -> bool:
    sentence = (prediction.get("sentence") or "").strip()
    return bool(sentence) and (sentence in gold["sentence"] or gold["sentence"] in sentence)


def describe(actor) -> str:
    if not actor:
        return "-"
    return f"{actor.get('text') or actor.get('actorText')}={actor.get('code')}"


def actor_words(actor: dict) -> str | None:
    """The actor's own words in the sentence ("he (Trump)" -> "he"); None for implicit actors."""
    text = (actor.get("actorText") or "").split(" (")[0].strip()
    return None if not text or text.startswith("(") else text


def score_mentions(articles: list[dict], gold: list[dict], chosen: set[str], args) -> int:
    from tacitus.discourse.casing import sentence_case_headline
    from tacitus.pipeline import Engine, EngineConfig
    from tacitus.records import Article

    engine = Engine(EngineConfig(verify=False))
    counts: Counter[str] = Counter()
    for article in articles:
        if article["doc_id"] not in chosen:
            continue
        published = dt.date.fromisoformat(article["published"][:10]) if article.get("published") else None
        record = Article(doc_id=article["doc_id"], text=article["text"], published=published)
        doc = engine.nlp(sentence_case_headline(record.text, engine.lexicon))
        mentions = engine.context(record, doc).mentions
        for event in gold:
            if event["doc_id"] != article["doc_id"] or (args.strict and is_borderline(event)):
                continue
            start = article["text"].find(event["sentence"])
            for side in ("source", "target"):
                for actor in event.get(side) or []:
                    wanted = country(actor.get("code"))
                    if wanted is None:
                        continue
                    words = actor_words(actor)
                    offset = event["sentence"].find(words) if words else -1
                    if offset < 0:
                        counts["implicit or not in the sentence"] += 1
                        continue
                    span = (start + offset, start + offset + len(words))
                    found = [m for m in mentions if m.span[0] < span[1] and span[0] < m.span[1]]
                    if any(country(m.code) == wanted for m in found):
                        verdict = "right"
                    else:
                        verdict = "wrong" if found else "missing"
                    counts[verdict] += 1
                    if found and all(m.country_from_context for m in found):
                        counts[f"{verdict} with a country from context"] += 1
                        step = next((label for label in CONTEXT_STEPS if label in found[0].why), "other")
                        counts[f"{verdict} with a country from context: {step}"] += 1
                    if args.list and verdict != "right":
                        got = ", ".join(f"'{m.text}'={m.code} ({m.why})" for m in found) or "-"
                        print(f"[{event['id']}] {side} {verdict}: '{words}' gold {actor.get('code')} got {got}")
    label = f"half {args.half}" if args.half else "all articles"
    print(f"gold actors, {label}{' (strict)' if args.strict else ''}:")
    for key, value in sorted(counts.items()):
        print(f"  {key:35s} {value}")
    judged = counts["right"] + counts["wrong"] + counts["missing"]
    print(f"  resolver right on {counts['right']}/{judged} = {counts['right'] / max(judged, 1):.3f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--predictions", type=Path)
    parser.add_argument("--mentions", action="store_true", help="score the resolver's mentions of gold actors")
    parser.add_argument("--half", choices=("A", "B"))
    parser.add_argument("--strict", action="store_true", help="leave BORDERLINE gold out")
    parser.add_argument("--list", action="store_true", help="print every actor error")
    args = parser.parse_args()
    events_path, articles_path = GOLD / "news_dev_events.jsonl", GOLD / "news_dev_articles.jsonl"
    if not events_path.exists():
        print(f"article gold not found at {events_path}; nothing to measure")
        return 0
    articles, gold = read_article_gold(events_path, articles_path)
    if args.mentions:
        return score_mentions(articles, gold, half_ids([a["doc_id"] for a in articles], args.half), args)
    if args.predictions is None:
        parser.error("--predictions is required unless --mentions is given")
    predictions = read_jsonl(args.predictions, ("doc_id",))
    chosen = half_ids([a["doc_id"] for a in articles], args.half)
    counts: Counter[str] = Counter()
    for article in articles:
        doc_id = article["doc_id"]
        if doc_id not in chosen:
            continue
        score = match_article(doc_id, article["text"], [g for g in gold if g["doc_id"] == doc_id],
                              [p for p in predictions if p.get("doc_id") == doc_id])
        used = {m.index for m in score.matches if m.index is not None}
        for match in score.matches:
            event = match.gold
            if args.strict and is_borderline(event):
                continue
            counts["gold"] += 1
            if match.prediction is not None:
                counts["matched"] += 1
                continue
            candidates = [p for i, p in enumerate(score.predictions)
                          if i not in used and event_type(p) == event["event"] and same_sentence(p, event)]
            if not candidates:
                counts["no prediction of the type in the sentence"] += 1
                continue
            source_wrong, target_wrong = wrong_sides(candidates[0], event)
            side = ("source and target" if source_wrong and target_wrong
                    else "source" if source_wrong else "target")
            counts[f"actor error: {side}"] += 1
            if args.list:
                p = candidates[0]
                print(f"[{event['id']}] {event['event']} wrong {side} | trigger '{event['trigger']}'")
                print(f"   gold src {[describe(a) for a in event.get('source') or []]} "
                      f"tgt {[describe(a) for a in event.get('target') or []]}")
                print(f"   pred src {describe(p.get('source'))} tgt {describe(p.get('target'))} "
                      f"rule {p.get('evidence', {}).get('rule')}")
                print(f"   {event['sentence'][:300]}")
    label = f"half {args.half}" if args.half else "all articles"
    print(f"{label}{' (strict)' if args.strict else ''}:")
    for key, value in sorted(counts.items()):
        print(f"  {key:45s} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
