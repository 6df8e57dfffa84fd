"""Intermediaries: who carries someone else's message, request or offer.

"The US administration's message was delivered by Macron": the owners of the carried noun
are the event's source and the one who delivered it is its intermediary, not its source.
"""

from __future__ import annotations

from tacitus import rules
from tacitus.events.phrases import agents_of, noun_sources
from tacitus.events.sources import ArgumentQuery
from tacitus.records import ActorRef

TRANSMISSION_VERBS = rules.words("transmission_verbs")


def carried_by(query: ArgumentQuery) -> tuple[list[ActorRef], str, ActorRef] | None:
    """(owners, how found, carrier) when a transmission verb carries someone else's message,
    request or offer ("the US administration's message was delivered by Macron"), else None."""
    anchor, ctx = query.anchor, query.ctx
    verb = anchor if anchor.pos_ == "VERB" else None
    if verb is None or verb.lemma_.lower() not in TRANSMISSION_VERBS:
        return None
    carriers = agents_of(verb, ctx)
    if not carriers:
        return None
    carried = [query.token] if query.token is not verb else [
        c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    for noun in carried:
        if noun.pos_ != "NOUN":
            continue
        owners, via = noun_sources(noun, ctx)
        if owners:
            return owners, via, carriers[0]
    return None
