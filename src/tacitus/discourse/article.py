"""The pass over one article's events (see the package docstring)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from tacitus.discourse.accusations import add_accused_acts
from tacitus.discourse.civilians import place_civilians
from tacitus.discourse.descriptions import without_descriptions
from tacitus.discourse.failed_talks import add_failed_talks
from tacitus.discourse.headlines import reread_headline_passives
from tacitus.discourse.quotes import find_quotations
from tacitus.discourse.rules import discourse_rules
from tacitus.discourse.phrases import same_actor
from tacitus.discourse.sources import borrow_source
from tacitus.discourse.targets import fill_implied_targets
from tacitus.records import EventRecord

if TYPE_CHECKING:
    from tacitus.context import ArticleContext
    from tacitus.events.coder import EventCoder
    from tacitus.events.triggers import TriggerDecision


def complete_article(coder: EventCoder, ctx: ArticleContext, events: list[EventRecord],
                     sourceless: list[tuple[int, Span, TriggerDecision]]) -> list[EventRecord]:
    """The article's events with those the discourse gives: sourceless triggers that found a
    source elsewhere, and implied recipients. Events stay in sentence order."""
    violence = discourse_rules().violence_roots
    quotations = find_quotations(ctx) if sourceless else []
    added: list[EventRecord] = []
    for index, sent, decision in sourceless:
        everything = events + added
        earlier = sorted((e for e in everything if e.sentence_index < index), key=lambda e: e.sentence_index)
        if decision.entry.cameo[:2] in violence and any(
                e.sentence_index == index and e.cameo[:2] in violence and "unnamed" not in e.evidence.get("rule", "")
                for e in everything):
            continue  # the sentence's violence has a named doer: this word tells the same act
        borrowed = borrow_source(decision, index, ctx, earlier, quotations)
        if borrowed is None:
            continue
        unnamed = [e for e in everything if e.sentence_index == index and e.cameo[:2] in violence]
        if decision.entry.cameo[:2] in violence and unnamed:
            for event in unnamed:  # one act: its doer is now known
                event.source = borrowed.sources[0]
                event.evidence["rule"] += f"+source:{borrowed.via}"
                event.evidence["borrowed"] = borrowed.evidence
            continue
        for event in coder.build_with_sources(decision, sent, ctx, borrowed.sources, borrowed.via):
            event.sentence_index = index
            if event.target is None:
                event.target = next((t for t in borrowed.targets if not same_actor(t, event.source)), None)
                if event.target is not None:
                    event.evidence["rule"] += "+target:borrowed"
            event.evidence["borrowed"] = borrowed.evidence
            added.append(event)
    completed = reread_headline_passives(sorted(events + added, key=lambda e: e.sentence_index), ctx)
    completed = without_descriptions(completed, ctx)
    place_civilians(completed, ctx)
    fill_implied_targets(completed, ctx)
    completed = add_accused_acts(completed, ctx, coder.lexicon)
    completed = add_failed_talks(completed, ctx)
    _quote_the_article_s_own_words(completed, ctx)
    return completed


def _quote_the_article_s_own_words(events: list[EventRecord], ctx: ArticleContext) -> None:
    """Where the parser read a re-cased headline (tacitus.discourse.casing), records quote the
    article's own text and say the headline was re-cased."""
    original = ctx.article.text
    if len(original) != len(ctx.doc.text) or original == ctx.doc.text:
        return
    for event in events:
        start, end = event.span
        if original[start:end] != event.sentence:
            event.sentence = original[start:end]
            event.trigger.text = original[event.trigger.span[0]:event.trigger.span[1]]
            event.evidence["headline"] = "title case re-cased to sentence case for parsing"
