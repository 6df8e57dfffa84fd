"""Which people in event arguments the actor knowledge base does not know.

Codes the 249-article corpus (../shared/data/corpus/guardian_sample.csv) and the real-news
development articles (../shared/data/gold/news_dev_articles.jsonl), each part skipped with a
message when absent, with the rules alone (no verifier). For every event candidate (a lexicon
trigger the coder considered) it takes the words in argument or speaker position: the trigger's
subject, object, agent, possessor and prepositional objects, and the subjects of the verbs above
it ("X said ... attacked"). Each such word that spaCy tags as part of a PERSON entity counts once
per entity; it is unresolved when no actor mention with a code covers any of its tokens.

Printed per part: the number of person arguments, the unresolved share, and the most frequent
unresolved names with the title words of their phrase and sentence ("foreign minister",
"envoy", "spokesman", "general", "commander"), so that the knowledge base can be extended where
it matters. Nothing is asserted.

    python benchmarks/unknown_people.py [--corpus CSV] [--articles JSONL] [--top 40] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Span, Token

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
DEFAULT_CORPUS = SHARED / "corpus" / "guardian_sample.csv"
DEFAULT_ARTICLES = SHARED / "gold" / "news_dev_articles.jsonl"
# Dependency relations that put a word in an argument position of a trigger.
ARGUMENT_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "dative", "poss", "agent", "pobj", "compound", "attr"))
# ... and of a verb that governs the trigger (its speaker or doer).
SPEAKER_DEPS = frozenset(("nsubj", "nsubjpass", "agent"))
# Title words reported beside an unresolved name, when its sentence has them (a report label,
# not a rule of the coder).
TITLE_WORDS = ("foreign minister", "defence minister", "defense minister", "interior minister", "minister",
               "secretary", "envoy", "representative", "ambassador", "spokesman", "spokeswoman",
               "spokesperson", "general", "commander", "chief", "leader", "president", "prime minister",
               "official", "director", "head", "chairman", "mayor", "governor", "opposition", "rebel")


@dataclass
class Tally:
    arguments: int = 0
    unresolved: int = 0
    names: Counter = field(default_factory=Counter)
    titles: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))


def read_corpus(path: Path, limit: int | None) -> list[tuple[str, str, dt.date | None]]:
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(f"corpus-{i}", row["text"], _date(row.get("date"))) for i, row in enumerate(rows[:limit])]


def read_dev(path: Path, limit: int | None) -> list[tuple[str, str, dt.date | None]]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [(row["doc_id"], row["text"], _date(row.get("published"))) for row in rows[:limit]]


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def argument_tokens(trigger: Token) -> set[Token]:
    """Words in argument position of the trigger and in speaker position of the verbs above it."""
    found: set[Token] = set()

    def take(token: Token) -> None:
        found.add(token)
        found.update(c for c in token.children if c.dep_ in ("conj", "appos", "compound"))

    for child in trigger.children:
        if child.dep_ in ARGUMENT_DEPS:
            take(child)
        if child.dep_ in ("prep", "agent"):
            for inner in child.children:
                if inner.dep_ == "pobj":
                    take(inner)
    head = trigger
    while head.head.i != head.i:
        head = head.head
        for child in head.children:
            if child.dep_ in SPEAKER_DEPS:
                take(child)
            if child.dep_ == "agent":
                for inner in child.children:
                    if inner.dep_ == "pobj":
                        take(inner)
    return found


def person_entity(token: Token) -> Span | None:
    if token.ent_type_ != "PERSON":
        return None
    return next((ent for ent in token.doc.ents if ent.start <= token.i < ent.end), None)


def title_words(entity: Span) -> list[str]:
    """Title words of the name's own phrase (its head's subtree and appositions) first, then of
    its sentence."""
    root = entity.root
    phrase = " ".join(t.lower_ for t in root.head.subtree) if root.dep_ == "appos" else ""
    phrase += " " + " ".join(t.lower_ for t in root.subtree)
    sentence = entity.sent.text.lower()
    near = [w for w in TITLE_WORDS if w in phrase]
    return near or [w for w in TITLE_WORDS if w in sentence]


def measure(engine, articles, tally: Tally) -> None:
    from tacitus.records import Article

    for doc_id, text, published in articles:
        article = Article(doc_id=doc_id, text=text, published=published)
        doc = engine.nlp(engine._parse_text(article))
        ctx = engine.context(article, doc)
        trace: list = []
        engine.coder.code(ctx, trace)
        seen: set[int] = set()
        for sentence in trace:
            for decision in sentence.decisions:
                if decision.entry is None:
                    continue
                for token in argument_tokens(decision.token):
                    entity = person_entity(token)
                    if entity is None or entity.start in seen:
                        continue
                    seen.add(entity.start)
                    tally.arguments += 1
                    covered = [ctx.token_mentions.get(i) for i in range(entity.start, entity.end)]
                    if any(m is not None and m.code and not m.place for m in covered):
                        continue
                    tally.unresolved += 1
                    name = entity.text
                    tally.names[name] += 1
                    for word in title_words(entity):
                        tally.titles[name][word] += 1


def report(label: str, tally: Tally, top: int) -> None:
    share = tally.unresolved / max(tally.arguments, 1)
    print(f"{label}: person arguments {tally.arguments}, unresolved {tally.unresolved} = {share:.3f}")
    for name, count in tally.names.most_common(top):
        titles = ", ".join(w for w, _ in tally.titles[name].most_common(3)) or "-"
        print(f"  {count:3d}  {name:35s} {titles}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--limit", type=int, default=None, help="articles per part")
    args = parser.parse_args()
    parts = [(label, path, reader) for label, path, reader in (
        ("corpus", args.corpus, read_corpus), ("dev articles", args.articles, read_dev))]
    present = [(label, path, reader) for label, path, reader in parts if path.exists()]
    for label, path, _ in parts:
        if not path.exists():
            print(f"{label}: {path} not found; skipped")
    if not present:
        return 0
    from tacitus.pipeline import Engine, EngineConfig

    engine = Engine(EngineConfig(verify=False))
    total = Tally()
    for label, path, reader in present:
        tally = Tally()
        measure(engine, reader(path, args.limit), tally)
        report(label, tally, args.top)
        total.arguments += tally.arguments
        total.unresolved += tally.unresolved
    print(f"all: person arguments {total.arguments}, unresolved {total.unresolved} = "
          f"{total.unresolved / max(total.arguments, 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
