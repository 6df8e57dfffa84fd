"""Descriptions are not events: "insurgents fighting the president", "an exiled cleric accused
of plotting", "forces backed by Washington" name who someone is, by what they do or what was
done to them, and tell no act of the story. A participle that modifies the noun which the coder
took as the event's source (the "acl-head" source rule) is such a description; so is a passive
participle whose doer is its "by" phrase and that has no recipient of its own ("the region
surrounded by NATO states", "a militia which has been armed by Iran": the act, if any, is what
the noun is, not news told here; where the described noun is an actor, the coder makes it the
recipient and the record stays, unless the participle is one of a standing relation: "militias
backed by the coalition", "rebels armed by Turkey" say whose side they are on, as "US-backed"
does). An infinitive ("the decision to
withdraw", "efforts to broker a deal") tells an act and stays, and so does a participle that
names whom the act was for ("a deal brokered by Russia for Syria" keeps its target).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from tacitus import rules
from tacitus.records import EventRecord

if TYPE_CHECKING:
    from tacitus.context import ArticleContext

PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
# Participles of a standing relation ("militias backed by Iran", "rebels armed by Turkey"): who
# someone is, even where the described noun is an actor (data/rules/backer_suffixes.txt).
STANDING_RELATIONS = rules.words("backer_suffixes")
# How a participle hangs on the noun it describes: reduced ("backed by") or relative ("which was backed by").
DESCRIBING_RELATIONS = frozenset({"acl", "relcl"})


def without_descriptions(events: list[EventRecord], ctx: ArticleContext) -> list[EventRecord]:
    """The events, less those whose trigger is a participle describing their own source or,
    by its doer alone, the noun it modifies."""
    return [e for e in events if not _describes_its_source(e, ctx) and not _describes_by_its_doer(e, ctx)]


def _describes_its_source(event: EventRecord, ctx: ArticleContext) -> bool:
    if event.source is None or event.source.span is None:
        return False
    trigger = _token_at(ctx, event.trigger.span[0])
    if trigger is None or trigger.dep_ != "acl" or trigger.tag_ not in PARTICIPLE_TAGS \
            or any(c.dep_ == "aux" for c in trigger.children):
        return False
    # the source is the described noun or a word of its phrase ("the US-backed forces")
    noun = trigger.head
    start, end = event.source.span
    return noun.left_edge.idx <= start and end <= noun.idx + len(noun.text)


def _describes_by_its_doer(event: EventRecord, ctx: ArticleContext) -> bool:
    if event.source is None or event.source.span is None:
        return False
    trigger = _token_at(ctx, event.trigger.span[0])
    if trigger is None or trigger.tag_ != "VBN" or trigger.dep_ not in DESCRIBING_RELATIONS:
        return False
    if event.target is not None and trigger.lower_ not in STANDING_RELATIONS:
        return False
    if trigger.dep_ == "relcl" and not any(c.dep_ == "auxpass" for c in trigger.children):
        return False  # "the deal which Iran signed": an active clause tells its act
    start, end = event.source.span
    return any(c.dep_ == "agent" and c.left_edge.idx <= start and end <= c.right_edge.idx + len(c.right_edge.text)
               for c in trigger.children)


def _token_at(ctx: ArticleContext, char: int) -> Token | None:
    span = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
