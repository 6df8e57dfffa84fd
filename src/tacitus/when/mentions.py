"""The date phrases of a doc and the predicates they modify.

A date phrase modifies the clause it hangs from in the dependency parse: walking up from the
phrase, the first predicate (verb, or copula) reached is the event it dates; the tokens met on
the way (nouns of the same clause) and that predicate's chain of open-complement heads are its
governors, which :mod:`tacitus.when.resolve` reads to pick an event's date.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tacitus import rules
from tacitus.when.expressions import WEEKDAYS

_DOC_KEY = "tacitus.when.date_mentions"
_DATE_LABELS = {"DATE", "TIME"}
# Date words the entity recogniser sometimes leaves untagged.
_DATE_WORDS = {name for name in WEEKDAYS if len(name) > 4} | rules.words("relative_day_words")


@dataclass(frozen=True)
class DateMention:
    """A date phrase of the doc and the predicates it modifies."""

    start: int
    end: int
    text: str
    phrase: str  # with its preposition, for evidence: "on Sunday"
    sent_start: int
    # Tokens above the phrase up to its first predicate, then that predicate's chain of
    # open-complement heads ("set" in "is set to meet on Thursday"): (token index, rank),
    # rank 0 for the phrase's own clause.
    governors: tuple[tuple[int, int], ...]
    predicate: int | None  # the first predicate above the phrase (None: it modifies none)

    def rank_for(self, token_i: int) -> int | None:
        for index, rank in self.governors:
            if index == token_i:
                return rank
        return None


def date_mentions(doc: Doc) -> list[DateMention]:
    """The doc's date phrases with what they modify, computed once per doc."""
    cached = doc.user_data.get(_DOC_KEY)
    if cached is None:
        cached = _find_mentions(doc)
        doc.user_data[_DOC_KEY] = cached
    return cached


def _find_mentions(doc: Doc) -> list[DateMention]:
    spans = [(e.start, e.end) for e in doc.ents if e.label_ in _DATE_LABELS]
    covered = {i for start, end in spans for i in range(start, end)}
    spans += [(t.i, t.i + 1) for t in doc if t.lower_ in _DATE_WORDS and t.i not in covered]
    mentions = []
    for start, end in sorted(spans):
        span = doc[start:end]
        root = span.root
        governors, predicate = _governors(root, start, end)
        head = root.head
        phrase = f"{head.text} {span.text}" if root.dep_ == "pobj" and head.dep_ == "prep" else span.text
        mentions.append(DateMention(start, end, span.text, phrase, span.sent.start, governors, predicate))
    return mentions


def _governors(root: Token, start: int, end: int) -> tuple[tuple[tuple[int, int], ...], int | None]:
    governors: list[tuple[int, int]] = []
    current = root
    while current.head.i != current.i:
        current = current.head
        if start <= current.i < end:
            continue
        governors.append((current.i, 0))
        if is_predicate(current):
            predicate, rank = current.i, 0
            while current.dep_ in ("xcomp", "acomp") and current.head.i != current.i:
                current, rank = current.head, rank + 1
                governors.append((current.i, rank))
            return tuple(governors), predicate
    return tuple(governors), None


def is_predicate(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"))
