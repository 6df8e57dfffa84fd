"""Plain typed records passed between pipeline stages.

Stages never hand spaCy objects to each other across package boundaries except inside the
per-article :class:`tacitus.context.ArticleContext`; everything that leaves the pipeline is
one of these records, and :meth:`EventRecord.to_dict` is the published record contract
(``src/tacitus/data/event.schema.json``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

FACTUALITY_VALUES = (
    "asserted",
    "reported",
    "denied",
    "negated",
    "hypothetical",
    "future",
    "intended",
)
DATE_PRECISIONS = ("day", "month", "year")
# Stances of a claim that say the event happened (link.claims sets them; store.exports reads them).
HAPPENED_STANCES = frozenset({"asserted", "confirmed", "reported"})


def content_hash(*parts: str, length: int = 16) -> str:
    """A stable short hex digest of the given strings (order matters)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:length]


@dataclass
class Article:
    """One input document, whatever reader produced it."""

    doc_id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    lang: str | None = None
    # Where `published` came from: "metadata", "html-meta", "feed", "warc-header",
    # "dateline", "cli" (--published), or None when unknown.
    published_source: str | None = None
    # Input location for messages, e.g. "news.jsonl:17" or "story.txt".
    origin: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Skip:
    """An input that could not become an Article, and why (kept for the run summary)."""

    origin: str
    reason: str


@dataclass
class ActorRef:
    """An actor as it appears in an event record (source, target)."""

    text: str
    span: tuple[int, int]
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    actor_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
            "actor_id": self.actor_id,
        }


@dataclass
class Trigger:
    text: str
    span: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span)}


@dataclass
class Attribution:
    """Who reports an event ("officials said", "according to the Washington Post"), and when and
    where they said it ("told reporters in Tehran on Sunday") when the sentence says so."""

    text: str
    code: str | None = None
    date: dt.date | None = None
    place: str | None = None
    # the lemma of the reporting verb ("say", "confirm", "deny"), or "according to"; None when
    # the attribution came from elsewhere (an accusation found by the discourse pass)
    verb: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "date": self.date.isoformat() if self.date else None,
            "place": self.place,
            "verb": self.verb,
        }


@dataclass
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # country, admin1, admin2, city, village or venue
    precision: int | None = None  # about how many km the point may be off; None: no point (a country)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class EventRecord:
    """One coded event. Field names are the published contract: do not rename."""

    doc_id: str
    sentence_index: int
    sentence: str
    span: tuple[int, int]
    trigger: Trigger
    event: str
    cameo: str
    quad_class: int | None
    goldstein: float | None
    source: ActorRef | None
    target: ActorRef | None
    factuality: str
    mode: str | None = None
    attribution: Attribution | None = None
    date: dt.date | None = None
    date_precision: str | None = None
    location: Location | None = None
    # Who carried the act between source and target ("a US request delivered by Macron").
    intermediary: ActorRef | None = None
    confidence: float = 0.5
    evidence: dict[str, Any] = field(default_factory=dict)
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    coder_version: str | None = None

    @property
    def event_id(self) -> str:
        """Stable across runs: the same article, trigger, type and actors give the same id."""
        return content_hash(
            self.doc_id,
            str(self.trigger.span[0]),
            self.cameo,
            self.source.code if self.source and self.source.code else "",
            str(self.source.span[0]) if self.source else "",
            self.target.code if self.target and self.target.code else "",
            str(self.target.span[0]) if self.target else "",
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "span": list(self.span),
            "trigger": self.trigger.to_dict(),
            "event": self.event,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "factuality": self.factuality,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "intermediary": self.intermediary.to_dict() if self.intermediary else None,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence,
            "published": self.published.isoformat() if self.published else None,
            "outlet": self.outlet,
            "url": self.url,
            "coder_version": self.coder_version,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)
