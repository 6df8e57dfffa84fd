"""Who an agentless act of the state holds, and where the article's events happen.

"X was arrested", "those arrested with X", "the arrest of X": the one held is named, the police
or court that holds them is not (:func:`tacitus.discourse.sources.state_of_the_held` gives them
the country of the place). When neither the sentence's place nor the held names a country
("hundreds of his supporters were arrested"), the country the article names most often as a
place is where its arrests happen.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from tacitus.context import ArticleContext

# A country must be named as a place this many times, and more often than any other, to be the
# article's main place.
MAIN_PLACE_MIN_MENTIONS = 2


def held_by_the_state(trigger: Token) -> list[Token]:
    """The heads of the phrases naming who is held: the subject of a passive ("X was
    arrested"), the noun a participle describes ("those detained"), the "of" object of an
    event noun ("the arrest of X")."""
    if trigger.pos_ == "VERB":
        held = [c for c in trigger.children if c.dep_ == "nsubjpass"]
        if not held and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
            held = [trigger.head]
        return held
    if trigger.pos_ == "NOUN":
        return [p for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children if p.dep_ == "pobj"]
    return []


def main_place(ctx: ArticleContext) -> tuple[str, str] | None:
    """(name, country) of the country the article names clearly most often as a place."""
    places = [m for m in ctx.mentions if m.country and m.place and not m.country_from_context]
    counts = Counter(m.country for m in places).most_common(2)
    if not counts or counts[0][1] < MAIN_PLACE_MIN_MENTIONS or (len(counts) > 1 and counts[0][1] == counts[1][1]):
        return None
    country = counts[0][0]
    name = next(m.text for m in places if m.country == country)
    return f"{name}, the article's main place", country
