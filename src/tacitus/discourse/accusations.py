""" "X accused Y of shelling Z": an accusation plus the act it reports, done by the accused.

The guide's convention (and CAMEO's): the accusation is X's act against Y; the shelling is an
event of its own, told only by X, so it is `reported`, attributed to X, and its doer is Y, not
the accuser who is the grammatical subject of the sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from tacitus.discourse.phrases import actors_of_phrase, same_actor
from tacitus.discourse.rules import discourse_rules
from tacitus.discourse.targets import trigger_head
from tacitus.events.lexicon import NO_EVENT, Lexicon
from tacitus.events.assembly import recoded
from tacitus.events.ontology import cameo as cameo_info
from tacitus.records import Attribution, EventRecord

if TYPE_CHECKING:
    from tacitus.context import ArticleContext

ACCUSED_ACT_PENALTY = 0.15


def add_accused_acts(events: list[EventRecord], ctx: ArticleContext, lexicon: Lexicon) -> list[EventRecord]:
    """The events with the act of each accusation coded as the accused's reported act: an event
    the sentence coder gave the accuser is corrected, a missing one is added after it."""
    result: list[EventRecord] = []
    by_trigger = {e.trigger.span[0]: e for e in events}
    for event in events:
        result.append(event)
        if not event.cameo.startswith("11") or event.target is None or event.source is None:
            continue
        head = trigger_head(event, ctx)
        act = _accused_act(head) if head is not None else None
        if act is None:
            continue
        existing = by_trigger.get(act.idx)
        if existing is not None:
            if existing is not event and same_actor(existing.source, event.source):
                _make_reported_act_of(existing, event)
            continue
        added = _new_act(act, event, ctx, lexicon)
        if added is not None:
            by_trigger[act.idx] = added
            result.append(added)
    return result


def _accused_act(verb: Token) -> Token | None:
    """The act in "accused Y of/for [doing Z]" or "blamed Y for [the attack]" (the parser may
    hang the preposition on Y)."""
    accused = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in [*verb.children, *(c for a in accused for c in a.children)]:
        if prep.dep_ == "prep" and prep.lower_ in discourse_rules().accusation_preps:
            for act in prep.children:
                if act.dep_ in ("pcomp", "pobj") and act.pos_ in ("VERB", "NOUN"):
                    return act
    return None


def _make_reported_act_of(act_event: EventRecord, accusation: EventRecord) -> None:
    act_event.source = accusation.target
    if same_actor(act_event.target, accusation.target):
        act_event.target = None
    act_event.factuality = "reported"
    act_event.attribution = Attribution(text=accusation.source.text, code=accusation.source.code)
    act_event.evidence["rule"] += "+source:accused"
    act_event.evidence["borrowed"] = _evidence(accusation)


def _new_act(act: Token, accusation: EventRecord, ctx: ArticleContext, lexicon: Lexicon) -> EventRecord | None:
    pos = "verb" if act.pos_ == "VERB" else "noun"
    lemma = act.lemma_.lower()
    if not lexicon.has(pos, lemma):
        return None
    complement = {t.lemma_.lower() for t in act.subtree if t is not act}
    preps = {c.lower_ for c in act.children if c.dep_ == "prep"}
    found = lexicon.best(pos, lemma, complement, preps)
    if found is None or found[0].cameo == NO_EVENT:
        return None
    entry, matched = found
    info = cameo_info(entry.cameo)
    victims = [r for c in act.children if c.dep_ in ("dobj", "pobj") or (c.dep_ == "prep" and c.lower_ in ("on", "against"))
               for h in ([c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"] or [c])
               for r in actors_of_phrase(h, ctx) if not same_actor(r, accusation.target)]
    return recoded(
        accusation, act, info, source=accusation.target, target=victims[0] if victims else None,
        factuality="reported", attribution=Attribution(text=accusation.source.text, code=accusation.source.code),
        confidence=max(0.05, accusation.confidence - ACCUSED_ACT_PENALTY),
        evidence={**accusation.evidence, "rule": f"accused-act:'{act.text}' of '{accusation.trigger.text}'",
                  "lexicon": entry.describe(), "matched_complement": sorted(matched) or None,
                  "borrowed": _evidence(accusation)},
    )


def _evidence(accusation: EventRecord) -> dict:
    return {"role": "source", "rule": "the accused is the doer of the act an accusation reports",
            "from_sentence": accusation.sentence_index, "from_event": accusation.trigger.text,
            "from_event_id": accusation.event_id}
