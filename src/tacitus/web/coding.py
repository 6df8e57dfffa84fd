"""Coding a pasted text for `POST /api/code` and the "try it" page, without storing it.

`code_pasted` is the one place the web app calls the coding pipeline: it reads the text as the
readers read a JSON record (cleaning, language check, date) and codes it with the same
`tacitus.pipeline.Engine` that `tacitus code` uses. The engine (spaCy model, actor knowledge
base, lexicon) is loaded on the first request and shared; spaCy pipelines are not thread-safe,
so requests take turns.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import Any

from tacitus.ingest.readers import ReadOptions, article_from_record
from tacitus.records import Skip

MAX_TEXT_CHARS = 20_000

_engine = None
_engine_lock = threading.Lock()


class CodingRefused(ValueError):
    """The text cannot be coded (empty, not English, ...); the message says why."""


@dataclass
class Coded:
    text: str  # the text as coded (cleaned): every span refers to it
    published: dt.date | None
    events: list[dict[str, Any]]


def code_pasted(text: str, published: dt.date | None = None) -> Coded:
    item = article_from_record({"id": "pasted", "text": text}, "pasted text",
                               ReadOptions(published=published, max_chars=MAX_TEXT_CHARS))
    if isinstance(item, Skip):
        raise CodingRefused(item.reason)
    with _engine_lock:
        (result,) = list(_shared_engine().code_articles([item]))
    if result.error:
        raise CodingRefused(result.error)
    return Coded(item.text, item.published, [event.to_dict() for event in result.events])


def _shared_engine():
    global _engine
    if _engine is None:
        from tacitus.pipeline import Engine, EngineConfig

        _engine = Engine(EngineConfig())
    return _engine
