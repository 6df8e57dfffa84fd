"""The actor of an act whose doer the text does not name: the side that acts where it happened."""

from __future__ import annotations

from spacy.tokens import Token

from tacitus import rules
from tacitus.context import ArticleContext
from tacitus.events.triggers import TriggerDecision, TriggerFinder
from tacitus.records import ActorRef
from tacitus.where import PlaceScope, locate_event

# The side an act without a named doer is given: violence by unidentified armed forces, an
# investigation by the authorities of the place where it happened. Arrests are left out: people
# are "held in north-east Syria" by whoever controls it, not by the state's police.
UNNAMED_ACTOR_SECTORS = rules.table("unnamed_actor_sectors")
UNNAMED_ACTOR_LABELS = rules.table("unnamed_actor_labels")
# Verbs of harm that also describe accidents: an attack only with an attack as their cause.
UNINTENDED_HARM_LEMMAS = rules.words("unintended_harm_verbs")


def unnamed_doer(decision: TriggerDecision, anchor: Token, ctx: ArticleContext,
                 triggers: TriggerFinder) -> tuple[list[ActorRef], str] | None:
    """The actor of an act whose doer the text does not name, as CAMEO coders code it: the
    side that acts where it happened.

    "Three civilians were killed in a car bombing in Baghdad": unidentified armed forces in
    Iraq (IRQUAF). "A roadside bomb near Samarra killed a soldier": the same. "A US national
    was put under investigation in Italy": Italy's authorities. Only a verb of an act that
    needs a doer qualifies (an attack, an investigation; a death in an accident does not),
    in an agentless passive or with the attack itself as its subject; event nouns ("the
    attacks in Britain") often recall events told elsewhere and are left alone.
    """
    sector = UNNAMED_ACTOR_SECTORS.get(decision.entry.cameo[:2])
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else None
    if sector is None or verb is None or decision.pos != "verb":
        return None
    # "the bombing killed one and wounded two": a conjunct shares its head's subject
    subject_of = verb.head if verb.dep_ == "conj" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else verb
    children = list(subject_of.children)
    subjects = [c for c in children if c.dep_ in ("nsubj", "csubj")]
    passive = any(c.dep_ == "nsubjpass" for c in children) and not any(c.dep_ == "agent" for c in children)
    if subjects and not all(triggers.names_an_attack(c) for c in subjects):
        return None  # a named but unresolved doer: not ours to guess
    if not subjects and not passive:
        return None
    causes = subjects + [p for c in children if c.dep_ == "prep" and c.lower_ in ("in", "by")
                         for p in c.children if p.dep_ == "pobj" and triggers.names_an_attack(p)]
    if sector == "UAF" and decision.lemma in UNINTENDED_HARM_LEMMAS and not causes:
        return None  # "killed in a crash" is not an attack
    location, place_evidence = locate_event(verb, ctx, clause_only=True)
    if location is None and subject_of is not verb:
        location, place_evidence = locate_event(subject_of, ctx, clause_only=True)
    if location is None or not location.country or PlaceScope.of(place_evidence) is PlaceScope.DATELINE \
            or "venue" in place_evidence["place"]:
        return None  # where a story was filed, or a venue, says nothing about who acted
    place_text = place_evidence["place_text"]
    ref = ActorRef(text=f"unnamed {UNNAMED_ACTOR_LABELS[sector]} in {place_text}",
                   span=(verb.idx, verb.idx + len(verb)), code=f"{location.country}{sector}",
                   country=location.country, sector=sector, name=None, actor_id=None)
    return [ref], f"unnamed>placed:{place_text}"
