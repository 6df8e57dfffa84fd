"""Descriptions are not events: "insurgents fighting the president", "an exiled cleric accused
of plotting", "forces backed by Washington" name who someone is, by what they do or what was
done to them, and tell no act of the story. A participle that modifies the noun which the coder
took as the event's source (the "acl-head" source rule) is such a description; an infinitive
("the decision to withdraw", "efforts to broker a deal") tells an act and stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from tacitus.records import EventRecord

if TYPE_CHECKING:
    from tacitus.context import ArticleContext

PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})


def without_descriptions(events: list[EventRecord], ctx: ArticleContext) -> list[EventRecord]:
    """The events, less those whose trigger is a participle describing their own source."""
    return [e for e in events if not _describes_its_source(e, ctx)]


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


def _token_at(ctx: ArticleContext, char: int) -> Token | None:
    span = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
