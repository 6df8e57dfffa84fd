"""Sources that are the speaker who tells the event, not its clause's subject.

- A quoted judgement ("“The raids are illegal,” he said"): its clause's subject is what is judged;
  the judge is the quotation's speaker, whom the article-level pass finds
  (:mod:`tacitus.events.judgements`), so the sentence gives it no source.
- An accusation told in the passive with no "by" phrase ("the government said he was accused of
  treason", "a mortar strike blamed on the rebels, the army chief said"): the speaker who
  reports it accuses (rule `speaker-accuses`), when the source rules find nobody else.
"""

from __future__ import annotations

from tacitus.events.attribution import find_speaker
from tacitus.events.judgements import judged_by_speaker
from tacitus.events.ontology import DISAPPROVAL_ROOT
from tacitus.events.phrases import actors_at
from tacitus.events.sources import ArgumentQuery, Found, find_sources


def sentence_sources(query: ArgumentQuery) -> Found:
    """The trigger's sources in its sentence and how they were found."""
    if judged_by_speaker(query.decision.entry):
        return [], "quotation-speaker"
    sources, via = find_sources(query)
    if sources:
        return sources, via
    return accusing_speaker(query) or (sources, via)


def accusing_speaker(query: ArgumentQuery) -> Found | None:
    """The speaker of an accusation verb in the passive ("was accused of", "blamed on") that has
    no agent of its own."""
    decision, token = query.decision, query.token
    if decision.pos != "verb" or decision.entry is None or not decision.entry.cameo.startswith(DISAPPROVAL_ROOT) \
            or token.tag_ != "VBN" or any(c.dep_ == "agent" for c in token.children):
        return None
    if not (token.dep_ == "acl" or any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)):
        return None
    speaker = find_speaker(token)
    if speaker is None:
        return None
    refs = actors_at(speaker.head, query.ctx)
    return (refs, f"speaker-accuses:'{speaker.text}'") if refs else None
