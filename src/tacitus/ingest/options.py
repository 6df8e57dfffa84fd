"""What every reader shares: the reading options and the building of an Article from what a
reader found (plain text, JSON/CSV rows, HTML pages, feed entries, WARC records)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from tacitus.controls import strip_controls
from tacitus.ingest.decode import DEFAULT_MAX_CHARS
from tacitus.records import Article, Skip, content_hash

Item = Article | Skip


@dataclass
class ReadOptions:
    """How to read inputs: column names for JSONL/CSV, limits and defaults."""

    id_field: str = "id"
    text_field: str = "text"
    title_field: str = "title"
    published_field: str = "published"
    outlet_field: str = "outlet"
    url_field: str = "url"
    lang_field: str = "lang"
    # Used when an article carries no date of its own.
    published: dt.date | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    # Alternative column names tried when the configured one is absent (e.g. the Guardian
    # sample calls its columns date/source).
    fallbacks: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "published": ("date", "pubdate", "publish_date", "published_at", "datetime"),
            "outlet": ("source", "publisher", "site", "sitename"),
            "text": ("body", "content", "article"),
            "id": ("doc_id", "uid", "guid"),
        }
    )

    @property
    def text_budget(self) -> int:
        """Most bytes a plain-text article may take (four per character, as in UTF-32)."""
        return self.max_chars * 4 + 4

    @property
    def markup_budget(self) -> int:
        """Most bytes of one HTML page, feed or archive record."""
        return max(self.text_budget * 4, 1 << 24)

    @property
    def line_budget(self) -> int:
        """Most bytes of one JSONL line: above the text budget, so that an article just over
        --max-chars is reported as too large rather than as a long line."""
        return self.text_budget * 8


def build_article(*, text: str, origin: str, options: ReadOptions, doc_id: str | None = None,
             title: str | None = None, published: dt.date | None = None,
             published_source: str | None = None, outlet: str | None = None,
             url: str | None = None, lang: str | None = None,
             metadata: dict[str, Any] | None = None) -> Article:
    if published is None and options.published is not None:
        published, published_source = options.published, "cli"
    return Article(
        doc_id=str_or_none(doc_id) or content_hash(text),
        text=text,
        title=str_or_none(title),
        published=published,
        published_source=published_source if published else None,
        outlet=str_or_none(outlet),
        url=str_or_none(url),
        lang=str_or_none(lang),
        origin=origin,
        metadata=metadata or {},
    )


def str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    value = strip_controls(str(value), one_line=True).strip()
    return value or None
