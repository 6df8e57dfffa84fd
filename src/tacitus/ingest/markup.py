"""Readers of marked-up inputs: HTML pages, RSS/Atom feeds and WARC archives.

A feed broken part-way and an archive cut short are read up to the break, and the summary
says what was lost after it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO
from xml.sax import SAXException

from tacitus.ingest.decode import InputError, brief, check_english, clean_text, parse_date
from tacitus.ingest.options import Item, ReadOptions, build_article
from tacitus.ingest.sources import peek, read_limited
from tacitus.records import Skip


def html_article(html: bytes | str, origin: str, options: ReadOptions, url: str | None = None,
                  fallback_date: dt.date | None = None, fallback_source: str | None = None) -> Item:
    import trafilatura  # heavy import, only for HTML inputs

    try:
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                include_tables=False)
    except Exception as err:  # trafilatura raises many parser-specific errors on broken markup
        return Skip(origin, f"malformed HTML: {brief(err)}")
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
    return build_article(
        text=text,
        origin=origin,
        options=options,
        title=extracted.title,
        published=published,
        published_source=source,
        outlet=extracted.sitename,
        url=extracted.url or url,
    )


def read_html(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Item]:
    try:
        data = read_limited(stream, options.markup_budget)
    except InputError as err:
        yield Skip(name, str(err))
        return
    if not data.strip():
        yield Skip(name, "empty")
        return
    yield html_article(data, name, options)


def read_feed(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Item]:
    import feedparser

    try:
        data = read_limited(stream, options.markup_budget)
    except InputError as err:
        yield Skip(name, str(err))
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f"not a readable RSS/Atom feed: {brief(feed.bozo_exception)}" if feed.bozo else "feed has no entries"
        yield Skip(name, reason)
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        origin = f"{name}#{number}"
        body = entry.get("content", [{}])[0].get("value") if entry.get("content") else entry.get("summary")
        try:
            text = clean_text(_html_to_text(body) if body else None, max_chars=options.max_chars)
            check_english(text, entry.get("language") or feed.feed.get("language"))
        except InputError as err:
            yield Skip(origin, str(err))
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(*stamp[:3]) if stamp else None
        yield build_article(
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
    if isinstance(feed.get("bozo_exception"), SAXException):  # read up to a break; what follows is lost
        yield Skip(f"{name}#{len(feed.entries) + 1}",
                   f"feed broken after entry {len(feed.entries)} (any later entries are lost): {brief(feed.bozo_exception)}")


def _html_to_text(fragment: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except Exception:  # lxml rejects fragments that are plain text; they are already text
        return fragment
    for block in root.iter("p", "br", "div", "li"):
        block.tail = "\n" + (block.tail or "")
    return root.text_content().strip()


# An ARC record header starts with a URL and an IP address.
_ARC_LINE = re.compile(rb"^[a-z][a-z0-9+.-]*://\S+ \d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3} ")
WARC_RECORD_TYPES = {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion",
                     "continuation", "response-record"}


def read_warc(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Item]:
    """HTML responses of a WARC (or ARC) file, gzipped or not. A record cut short or over the
    size budget is a Skip; so are misplaced record boundaries and the bytes after the last
    record that could be read."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not _looks_like_an_archive(stream):
        yield Skip(name, "malformed WARC: does not start with a WARC or ARC record header")
        return
    found = 0
    records = ArchiveIterator(stream)
    iterator = iter(records)
    for number in itertools.count(1):
        misplaced = records.err_count  # warcio counts (and prints to stderr) misplaced record ends
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                record = next(iterator, None)
        except ArchiveLoadFailed as err:
            yield Skip(name, f"malformed WARC: {brief(err)}")
            return
        except Exception as err:  # noqa: BLE001 - warcio fails in many ways on damaged archives
            yield Skip(name, f"damaged WARC after {found} HTML records (the rest is lost): "
                             f"{err.__class__.__name__}: {brief(err)}")
            return
        if records.err_count > misplaced:
            yield Skip(f"{name}#record-{number}", "damaged WARC: a record does not end where its "
                                                  "Content-Length says (its neighbour may be lost)")
        if record is None:
            break
        item = _warc_item(record, number, name, options)
        if item is not None:
            found += 1
            yield item
    size = _size(stream)
    if size is not None and records.offset < size:
        yield Skip(name, f"WARC cut short or damaged: the last {size - records.offset:,} bytes hold no "
                         "readable record and are lost")
    elif not found:
        yield Skip(name, "WARC holds no HTML response records")


def _warc_item(record, number: int, name: str, options: ReadOptions) -> Item | None:
    """The article of an HTML response record, a Skip for a damaged record, None for others."""
    if record.rec_type not in WARC_RECORD_TYPES:
        return Skip(f"{name}#record-{number}", f"malformed WARC record (type {record.rec_type!r})")
    if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
        return Skip(f"{name}#record-{number}", "WARC record cut short (its headers end early)")
    content_type = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
    if record.rec_type != "response" or "html" not in content_type.lower():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    origin = f"{name}#{url or f'record-{number}'}"
    budget = options.markup_budget
    content = record.content_stream().read(budget + 1)
    if len(content) > budget:
        return Skip(origin, f"WARC record too large (more than {budget:,} bytes)")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return Skip(origin, f"WARC record cut short ({missing:,} of {record.length:,} bytes missing)")
    return html_article(content, origin, options, url=url, fallback_date=_warc_date(record),
                        fallback_source="warc-header")


def _looks_like_an_archive(stream: BinaryIO) -> bool:
    """Whether the first bytes (inflated, for gzip) begin a WARC or ARC record. Checked before
    warcio reads them, because warcio reads a first line whole, however long: a small gzip bomb
    of one endless line would take hundreds of megabytes."""
    head = peek(stream, 1 << 16)
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(wbits=47).decompress(head, 1 << 12)
        except zlib.error:
            return False
    head = head.lstrip()[:64]
    return head.startswith(b"WARC/") or head.startswith(b"filedesc://") or _ARC_LINE.match(head) is not None


def _warc_date(record) -> dt.date | None:
    warc_date = record.rec_headers.get_header("WARC-Date")
    try:
        return parse_date(warc_date) if warc_date else None
    except InputError:
        return None


def _size(stream: BinaryIO) -> int | None:
    try:
        return stream.seek(0, 2)
    except (OSError, ValueError):
        return None
