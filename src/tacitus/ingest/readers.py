"""Readers: files, directories, stdin, JSONL, CSV, HTML, RSS/Atom and WARC -> Article or Skip.

Every reader yields one item per input article, either an :class:`Article` or a :class:`Skip`
with the reason, so the run summary can account for every article that went in.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from tacitus.ingest.decode import (
    DEFAULT_MAX_CHARS,
    InputError,
    check_english,
    clean_text,
    decode_bytes,
    parse_date,
)
from tacitus.records import Article, Skip, content_hash

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".warc.gz", ".arc", ".arc.gz"}
ALL_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES

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


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def read_inputs(inputs: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Item]:
    """Yield an Article or a Skip for every article found in the given paths ('-' is stdin)."""
    options = options or ReadOptions()
    for raw in inputs:
        if str(raw) == "-":
            yield from read_stdin(sys.stdin.buffer, options)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and suffix_of(p) in ALL_SUFFIXES)
            if not files:
                yield Skip(str(path), "directory holds no readable files (" + ", ".join(sorted(ALL_SUFFIXES)) + ")")
            for file in files:
                yield from read_file(file, options)
        elif path.exists():
            yield from read_file(path, options)
        else:
            yield Skip(str(path), "no such file or directory")


def read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    suffix = suffix_of(path)
    reader = {
        **dict.fromkeys(JSONL_SUFFIXES, read_jsonl),
        **dict.fromkeys(CSV_SUFFIXES, read_csv),
        **dict.fromkeys(HTML_SUFFIXES, read_html),
        **dict.fromkeys(FEED_SUFFIXES, read_feed),
        **dict.fromkeys(WARC_SUFFIXES, read_warc),
    }.get(suffix, read_text)
    try:
        yield from reader(path, options)
    except OSError as err:
        yield Skip(str(path), f"cannot read file: {err.strerror or err}")


def read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    data = stream.read()
    if data.lstrip()[:1] == b"{":
        yield from _jsonl_lines(io.BytesIO(data), "<stdin>", options)
    else:
        yield _text_article(data, "<stdin>", options)


def read_text(path: Path, options: ReadOptions) -> Iterator[Item]:
    yield _text_article(path.read_bytes(), str(path), options)


def _text_article(data: bytes, origin: str, options: ReadOptions) -> Item:
    try:
        text = clean_text(decode_bytes(data), max_chars=options.max_chars)
        check_english(text, None)
    except InputError as err:
        return Skip(origin, str(err))
    first_line = text.strip().split("\n", 1)[0].strip()
    title = first_line if 0 < len(first_line) <= 150 and "\n" in text.strip() else None
    return _article(text=text, origin=origin, options=options, title=title)


def _article(*, text: str, origin: str, options: ReadOptions, doc_id: str | None = None,
             title: str | None = None, published: dt.date | None = None,
             published_source: str | None = None, outlet: str | None = None,
             url: str | None = None, lang: str | None = None,
             metadata: dict[str, Any] | None = None) -> Article:
    if published is None and options.published is not None:
        published, published_source = options.published, "cli"
    return Article(
        doc_id=doc_id or content_hash(text),
        text=text,
        title=title,
        published=published,
        published_source=published_source if published else None,
        outlet=outlet,
        url=url,
        lang=lang,
        origin=origin,
        metadata=metadata or {},
    )


def _field(record: dict[str, Any], name: str, options: ReadOptions, logical: str) -> Any:
    if name in record:
        return record[name]
    # Alternative column names are tried only while the user kept the default name.
    if name == getattr(ReadOptions, f"{logical}_field", None):
        for alternative in options.fallbacks.get(logical, ()):
            if alternative in record:
                return record[alternative]
    return None


def article_from_record(record: dict[str, Any], origin: str, options: ReadOptions) -> Item:
    """Build an article from a JSON object or CSV row; unknown columns go to metadata."""
    if not isinstance(record, dict):
        return Skip(origin, f"expected an object with a text field, got {type(record).__name__}")
    try:
        text = clean_text(_field(record, options.text_field, options, "text"), max_chars=options.max_chars)
        lang = _str_or_none(_field(record, options.lang_field, options, "lang"))
        check_english(text, lang)
        published = parse_date(_field(record, options.published_field, options, "published"))
    except InputError as err:
        return Skip(origin, str(err))
    doc_id = _str_or_none(_field(record, options.id_field, options, "id"))
    used = {options.id_field, options.text_field, options.title_field, options.published_field,
            options.outlet_field, options.url_field, options.lang_field}
    for alternatives in options.fallbacks.values():
        used.update(alternatives)
    metadata = {k: v for k, v in record.items() if k not in used}
    return _article(
        text=text,
        origin=origin,
        options=options,
        doc_id=doc_id,
        title=_str_or_none(_field(record, options.title_field, options, "title")),
        published=published,
        published_source="metadata" if published else None,
        outlet=_str_or_none(_field(record, options.outlet_field, options, "outlet")),
        url=_str_or_none(_field(record, options.url_field, options, "url")),
        lang=lang,
        metadata=metadata,
    )


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Item]:
    with path.open("rb") as stream:
        yield from _jsonl_lines(stream, str(path), options)


def _jsonl_lines(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Item]:
    for number, raw in enumerate(stream, start=1):
        origin = f"{name}:{number}"
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as err:
            yield Skip(origin, f"not valid UTF-8 (byte 0x{raw[err.start]:02x} at column {err.start})")
            continue
        except json.JSONDecodeError as err:
            yield Skip(origin, f"malformed JSON: {err.msg} at column {err.colno}")
            continue
        yield article_from_record(record, origin, options)


def read_csv(path: Path, options: ReadOptions) -> Iterator[Item]:
    csv.field_size_limit(max(options.max_chars * 4, 1 << 20))
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    try:
        text = decode_bytes(path.read_bytes())
    except InputError as err:
        yield Skip(str(path), str(err))
        return
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames:
        yield Skip(str(path), "CSV has no header row")
        return
    columns = len(reader.fieldnames)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            yield Skip(f"{path}:{reader.line_num}", f"malformed CSV: {err}")
            continue
        origin = f"{path}:{reader.line_num}"
        if None in row or any(v is None for v in row.values()):
            yield Skip(origin, f"malformed CSV row: expected {columns} columns")
            continue
        yield article_from_record(row, origin, options)


def _html_article(html: bytes | str, origin: str, options: ReadOptions, url: str | None = None,
                  fallback_date: dt.date | None = None, fallback_source: str | None = None) -> Item:
    import trafilatura  # heavy import, only for HTML inputs

    try:
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                include_tables=False)
    except Exception as err:  # trafilatura raises many parser-specific errors on broken markup
        return Skip(origin, f"malformed HTML: {err}")
    if extracted is None or not getattr(extracted, "text", None):
        return Skip(origin, "HTML has no extractable main text")
    try:
        text = clean_text(extracted.text, max_chars=options.max_chars)
        check_english(text, getattr(extracted, "language", None))
    except InputError as err:
        return Skip(origin, str(err))
    published, source = None, None
    if extracted.date:
        try:
            published, source = parse_date(extracted.date), "html-meta"
        except InputError:
            published = None
    if published is None and fallback_date is not None:
        published, source = fallback_date, fallback_source
    return _article(
        text=text,
        origin=origin,
        options=options,
        title=extracted.title,
        published=published,
        published_source=source,
        outlet=extracted.sitename,
        url=extracted.url or url,
    )


def read_html(path: Path, options: ReadOptions) -> Iterator[Item]:
    data = path.read_bytes()
    if not data.strip():
        yield Skip(str(path), "empty")
        return
    yield _html_article(data, str(path), options)


def read_feed(path: Path, options: ReadOptions) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(path.read_bytes())
    if not feed.entries:
        reason = f"not a readable RSS/Atom feed: {feed.bozo_exception}" if feed.bozo else "feed has no entries"
        yield Skip(str(path), reason)
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        origin = f"{path}#{number}"
        body = entry.get("content", [{}])[0].get("value") if entry.get("content") else entry.get("summary")
        try:
            text = clean_text(_html_to_text(body) if body else None, max_chars=options.max_chars)
            check_english(text, entry.get("language") or feed.feed.get("language"))
        except InputError as err:
            yield Skip(origin, str(err))
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(*stamp[:3]) if stamp else None
        yield _article(
            text=text,
            origin=origin,
            options=options,
            doc_id=entry.get("id"),
            title=entry.get("title"),
            published=published,
            published_source="feed" if published else None,
            outlet=outlet,
            url=entry.get("link"),
        )


def _html_to_text(fragment: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except Exception:  # lxml rejects fragments that are plain text; they are already text
        return fragment
    for block in root.iter("p", "br", "div", "li"):
        block.tail = "\n" + (block.tail or "")
    return root.text_content().strip()


def read_warc(path: Path, options: ReadOptions) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                content_type = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
                if "html" not in content_type.lower():
                    continue
                found += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                origin = f"{path}#{url or found}"
                warc_date = record.rec_headers.get_header("WARC-Date")
                try:
                    fallback = parse_date(warc_date) if warc_date else None
                except InputError:
                    fallback = None
                yield _html_article(record.content_stream().read(), origin, options, url=url,
                                    fallback_date=fallback, fallback_source="warc-header")
        except ArchiveLoadFailed as err:
            yield Skip(str(path), f"malformed WARC: {err}")
            return
    if not found:
        yield Skip(str(path), "WARC holds no HTML response records")
