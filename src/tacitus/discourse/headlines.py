"""Headlines drop the auxiliary of the passive: "Opposition leader arrested in Kampala" says the
leader was arrested, but the parser takes the leader for the subject of an active "arrested", or
for a noun the participle describes, whose actor the coder then makes the doer.

A headline is the article's first sentence when a blank line follows it. In it, a past
participle with a subject and no auxiliary is read as a passive: the subject becomes the target,
and the doer is the state for an arrest or sentence, else the doer of the same kind of act the
opening sentences tell with another side as its doer, else there is no event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from tacitus.discourse.phrases import same_actor
from tacitus.discourse.rules import discourse_rules
from tacitus.discourse.sources import state_of_the_held
from tacitus.discourse.targets import party, trigger_head
from tacitus.records import EventRecord

if TYPE_CHECKING:
    from tacitus.context import ArticleContext

# How many sentences after the headline may tell the act again with its doer.
LEAD_SENTENCES = 3


def headline(ctx: ArticleContext) -> Span | None:
    first = next(ctx.doc.sents, None)
    if first is None:
        return None
    # the blank line may be a token of the sentence or follow it
    blank_line_after = "\n\n" in ctx.doc.text[first.start_char:first.end_char + 2]
    return first if blank_line_after else None


def reread_headline_passives(events: list[EventRecord], ctx: ArticleContext) -> list[EventRecord]:
    """The events with each headline passive recoded as described above (or dropped)."""
    title = headline(ctx)
    if title is None:
        return events
    kept = []
    for event in events:
        verb = trigger_head(event, ctx) if event.sentence_index == 0 else None
        # "soldiers killed in rebel attack": the attack named its doer (rule cause-doer) already
        if verb is None or not _bare_participle(verb, title) or "source:cause-doer" in event.evidence.get("rule", ""):
            kept.append(event)
            continue
        patient = event.source
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] or [verb.head]
        lemma = verb.lemma_.lower()
        doer, evidence = None, None
        if lemma in discourse_rules().state_action_sectors:
            borrowed = state_of_the_held(verb, lemma, subjects, ctx)
            if borrowed is not None:
                doer, evidence = borrowed.sources[0], borrowed.evidence
        if doer is None:
            retold = next((e for e in events if 0 < e.sentence_index <= LEAD_SENTENCES and e.cameo[:2] == event.cameo[:2]
                           and e.source is not None and party(e.source) != party(patient)), None)
            if retold is not None:
                doer = retold.source
                evidence = {"role": "source", "rule": "the doer the opening tells for the headline's act",
                            "from_sentence": retold.sentence_index, "from_event": retold.trigger.text,
                            "from_event_id": retold.event_id}
        if doer is None or same_actor(doer, patient):
            continue  # the subject did not do it, and no one else is said to have
        event.source, event.target = doer, patient
        event.evidence["rule"] += "+headline-passive"
        event.evidence["borrowed"] = evidence
        kept.append(event)
    return kept


def _bare_participle(verb: Token, title: Span) -> bool:
    """ "X arrested in Y", however the parser reads it: a past form with a subject, no object and
    no auxiliary (headlines tell acts in the present tense, "X arrests Y"), or a participle on
    the noun that heads the whole headline."""
    if verb.tag_ not in ("VBN", "VBD") or not title.start <= verb.i < title.end \
            or any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return False
    with_subject = verb.dep_ in ("ROOT", "conj") and any(c.dep_ == "nsubj" for c in verb.children)
    on_headline_noun = verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.dep_ == "ROOT" \
        and verb.head.pos_ in ("NOUN", "PROPN")
    return with_subject or on_headline_noun
