"""Talks that collapse are broken off by their parties.

"UN-sponsored talks between the government and the rebels collapsed": besides the talks
(CONSULT, coded by the sentence coder on the noun), their failure is an event of its own, the
parties halting negotiations (CAMEO 164, PLOVER SANCTION), with the talks' own sides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tacitus.discourse.rules import discourse_rules
from tacitus.discourse.targets import trigger_head
from tacitus.events.assembly import recoded
from tacitus.events.ontology import MEETING_ROOT
from tacitus.events.ontology import cameo as cameo_info
from tacitus.events.triggers import ADVERB_PARTICLES
from tacitus.records import EventRecord

if TYPE_CHECKING:
    from tacitus.context import ArticleContext

HALTED_NEGOTIATIONS = "164"
# The failure is told by the verb; its sides are borrowed from the talks noun.
FAILURE_PENALTY = 0.1


def add_failed_talks(events: list[EventRecord], ctx: ArticleContext) -> list[EventRecord]:
    """The events, each consultation whose noun is the subject of a verb of failure followed by
    the halting of negotiations its parties did."""
    result: list[EventRecord] = []
    for event in events:
        result.append(event)
        if not event.cameo.startswith(MEETING_ROOT) or event.source is None:
            continue
        noun = trigger_head(event, ctx)
        if noun is None or noun.pos_ != "NOUN" or noun.dep_ != "nsubj":
            continue
        verb = noun.head
        lemmas = {verb.lemma_.lower()} | {f"{verb.lemma_.lower()} {c.lower_}" for c in verb.children
                                           if c.dep_ in ("prt", "advmod") and c.lower_ in ADVERB_PARTICLES}
        if not lemmas & discourse_rules().failure_verbs:
            continue
        info = cameo_info(HALTED_NEGOTIATIONS)
        result.append(recoded(
            event, verb, info, confidence=max(0.05, event.confidence - FAILURE_PENALTY),
            evidence={**event.evidence, "rule": f"failed-talks:'{verb.text}' of '{event.trigger.text}'",
                      "borrowed": {"role": "source and target", "rule": "talks that fail are broken off by their parties",
                                   "from_sentence": event.sentence_index, "from_event": event.trigger.text,
                                   "from_event_id": event.event_id}}))
    return result
