"""Who an agentless act of the state holds, and where the article's events happen.

"X was arrested", "those arrested with X", "the arrest of X", "was arrested but released hours
later": the one held is named, the police or court that holds them is not (:func:`tacitus.discourse.sources.state_of_the_held` gives them
the country of the place). When neither the sentence's place nor the held names a country
("hundreds of his supporters were arrested"), the country the article names most often as a
place is where its arrests happen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Token

from tacitus.actors.context_country import clear_leader

if TYPE_CHECKING:
    from tacitus.context import ArticleContext

# A country must be named as a place this many times, and more often than any other, to be the
# article's main place.
MAIN_PLACE_MIN_MENTIONS = 2


def held_by_the_state(trigger: Token, sectors: Mapping[str, str]) -> list[Token]:
    """The heads of the phrases naming who is held: the subject of a passive ("X was
    arrested"), the noun a participle describes ("those detained"), the "of" object of an
    event noun ("the arrest of X"), or that of the agentless arrest or sentence the trigger is
    joined to ("was arrested but released"; not "the aid is expected ... and released", whose
    passive holds no one)."""
    if trigger.pos_ == "VERB":
        held = [c for c in trigger.children if c.dep_ == "nsubjpass"]
        if not held and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
            held = [trigger.head]
        if not held and _shares_a_passive_subject(trigger) and trigger.head.lemma_.lower() in sectors:
            held = [c for c in trigger.head.children if c.dep_ == "nsubjpass"]
        return held
    if trigger.pos_ == "NOUN":
        return [p for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children if p.dep_ == "pobj"]
    return []


def acting_state_lemma(trigger: Token, lemma: str, sectors: Mapping[str, str]) -> str | None:
    """The lemma of the state's act whose sector (police, courts) acts here: the trigger's own
    ("was arrested"), or for a verb that shares the passive subject of an agentless arrest or
    sentence, that act's ("was arrested on Monday but released hours later": the police that
    held him released him)."""
    if lemma in sectors:
        return lemma
    head = trigger.head
    if _shares_a_passive_subject(trigger) and head.lemma_.lower() in sectors \
            and not any(c.dep_ == "agent" for c in head.children):
        return head.lemma_.lower()
    return None


def _shares_a_passive_subject(verb: Token) -> bool:
    """ "was arrested and later released": a conjoined verb with no subject of its own whose
    head verb has a passive subject."""
    return verb.pos_ == "VERB" and verb.dep_ == "conj" \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children) \
        and any(c.dep_ == "nsubjpass" for c in verb.head.children)


def main_place(ctx: ArticleContext) -> tuple[str, str] | None:
    """(name, country) of the country the article names clearly most often as a place."""
    places = [m for m in ctx.mentions if m.country and m.place and not m.country_from_context]
    leader = clear_leader((m.country for m in places), MAIN_PLACE_MIN_MENTIONS)
    if leader is None:
        return None
    country = leader[0]
    name = next(m.text for m in places if m.country == country)
    return f"{name} (the article's main place)", country
