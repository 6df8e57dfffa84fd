"""Record assembly: the one place an :class:`EventRecord` is built from a coding decision."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from spacy.tokens import Span, Token

from tacitus import __version__
from tacitus.context import ArticleContext
from tacitus.events.ontology import CameoCode
from tacitus.events.phrases import sentence_text_and_span
from tacitus.records import ActorRef, Attribution, EventRecord, Location, Trigger

CODER_VERSION = f"tacitus-{__version__}"


def new_record(ctx: ArticleContext, sent: Span, trigger: Trigger, info: CameoCode, *, source: ActorRef,
               target: ActorRef | None, factuality: str, confidence: float, evidence: dict[str, Any],
               attribution: Attribution | None = None, date: dt.date | None = None, precision: str | None = None,
               location: Location | None = None, intermediary: ActorRef | None = None) -> EventRecord:
    """An event of sentence `sent`; its index in the article is set by the coder."""
    sentence, span = sentence_text_and_span(sent)
    article = ctx.article
    return EventRecord(
        doc_id=article.doc_id, sentence_index=-1, sentence=sentence, span=span, trigger=trigger,
        event=info.plover_event, mode=info.plover_mode, cameo=info.code, quad_class=info.quad_class,
        goldstein=info.goldstein, source=source, target=target, factuality=factuality,
        attribution=attribution, date=date, date_precision=precision, location=location,
        intermediary=intermediary, confidence=confidence, evidence=evidence,
        published=article.published, outlet=article.outlet, url=article.url, coder_version=CODER_VERSION,
    )


def recoded(event: EventRecord, word: Token, info: CameoCode, **changes: Any) -> EventRecord:
    """A record derived from `event` (same article and sentence) for another event its words
    tell: the trigger `word`, the code `info`, and `changes` to any other field."""
    return dataclasses.replace(
        event, trigger=Trigger(word.text, (word.idx, word.idx + len(word))),
        event=info.plover_event, mode=info.plover_mode, cameo=info.code, quad_class=info.quad_class,
        goldstein=info.goldstein, **changes,
    )
