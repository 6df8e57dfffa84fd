"""Readers: files, directories, stdin, JSONL, CSV, HTML, RSS/Atom and WARC -> Article or Skip.

Every reader yields one item per input article, either an :class:`Article` or a :class:`Skip`
with the reason, so the run summary can account for every article that went in.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from tacitus.ingest.decode import (
    InputError,
    bom_encoding,
    brief,
    check_english,
    clean_text,
    decode_bytes,
    parse_date,
)
from tacitus.ingest.sources import bounded_lines, find_inputs, open_input, peek, read_limited
from tacitus.ingest.structured import json_record
from tacitus.ingest.options import Item, ReadOptions, build_article, str_or_none
from tacitus.records import Skip

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".warc.gz", ".arc", ".arc.gz"}
ALL_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES

def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def read_inputs(inputs: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Item]:
    """Yield an Article or a Skip for every article found in the given paths ('-' is stdin);
    every path that cannot be read is a Skip too."""
    options = options or ReadOptions()
    for raw in inputs:
        if str(raw) == "-":
            yield from read_stdin(sys.stdin.buffer, options)
            continue
        for found in find_inputs(Path(raw), suffix_of, ALL_SUFFIXES):
            if isinstance(found, Skip):
                yield found
            else:
                yield from read_file(found[0], options, found[1])


def read_file(path: Path, options: ReadOptions, info: os.stat_result | None = None) -> Iterator[Item]:
    from tacitus.ingest.markup import read_feed, read_html, read_warc

    suffix = suffix_of(path)
    reader = {
        **dict.fromkeys(JSONL_SUFFIXES, read_jsonl),
        **dict.fromkeys(CSV_SUFFIXES, read_csv),
        **dict.fromkeys(HTML_SUFFIXES, read_html),
        **dict.fromkeys(FEED_SUFFIXES, read_feed),
        **dict.fromkeys(WARC_SUFFIXES, read_warc),
    }.get(suffix, read_text)
    try:
        stream = open_input(path, info or path.stat(), options.markup_budget)
    except InputError as err:
        yield Skip(str(path), str(err))
        return
    except OSError as err:
        yield Skip(str(path), f"cannot read file: {err.strerror or err}")
        return
    with stream:
        try:
            yield from reader(stream, str(path), options)
        except OSError as err:
            yield Skip(str(path), f"cannot read file: {err.strerror or err}")


def read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    if peek(stream, 4096).lstrip()[:1] == b"{":
        yield from _jsonl_lines(stream, "<stdin>", options)
    else:
        yield from read_text(stream, "<stdin>", options)


def read_text(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[Item]:
    try:
        data = read_limited(stream, options.text_budget)
    except InputError as err:
        yield Skip(origin, str(err))
        return
    yield _text_article(data, origin, options)


def _text_article(data: bytes, origin: str, options: ReadOptions) -> Item:
    try:
        text = clean_text(decode_bytes(data), max_chars=options.max_chars)
        check_english(text, None)
    except InputError as err:
        return Skip(origin, str(err))
    first_line = text.strip().split("\n", 1)[0].strip()
    title = first_line if 0 < len(first_line) <= 150 and "\n" in text.strip() else None
    return build_article(text=text, origin=origin, options=options, title=title)


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
        lang = str_or_none(_field(record, options.lang_field, options, "lang"))
        check_english(text, lang)
        published = parse_date(_field(record, options.published_field, options, "published"))
    except InputError as err:
        return Skip(origin, str(err))
    doc_id = str_or_none(_field(record, options.id_field, options, "id"))
    used = {options.id_field, options.text_field, options.title_field, options.published_field,
            options.outlet_field, options.url_field, options.lang_field}
    for alternatives in options.fallbacks.values():
        used.update(alternatives)
    metadata = {k: v for k, v in record.items() if k not in used}
    return build_article(
        text=text,
        origin=origin,
        options=options,
        doc_id=doc_id,
        title=str_or_none(_field(record, options.title_field, options, "title")),
        published=published,
        published_source="metadata" if published else None,
        outlet=str_or_none(_field(record, options.outlet_field, options, "outlet")),
        url=str_or_none(_field(record, options.url_field, options, "url")),
        lang=lang,
        metadata=metadata,
    )


def read_jsonl(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Item]:
    yield from _jsonl_lines(stream, name, options)


def _jsonl_lines(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Item]:
    limit = options.line_budget
    produced = False
    for number, raw in enumerate(bounded_lines(stream, limit), start=1):
        origin = f"{name}:{number}"
        produced = produced or raw is None or bool(raw.strip())
        if raw is None:
            yield Skip(origin, f"line too large (more than {limit:,} bytes; see --max-chars)")
            continue
        if not raw.strip():
            continue
        try:
            record = json_record(raw)
        except InputError as err:
            yield Skip(origin, str(err))
            continue
        yield article_from_record(record, origin, options)
    if not produced:
        yield Skip(name, "empty")


def read_csv(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Item]:
    csv.field_size_limit(max(options.max_chars * 4, 1 << 20))
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    encoding = bom_encoding(peek(stream, 4)) or "utf-8"
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    reader = csv.DictReader(_csv_lines(text, options.line_budget), delimiter=delimiter)
    rows = 0
    try:
        if not reader.fieldnames:
            yield Skip(name, "empty" if reader.line_num == 0 else "CSV has no header row")
            return
        columns = len(reader.fieldnames)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as err:
                yield Skip(f"{name}:{reader.line_num}", f"malformed CSV: {brief(err)}")
                continue
            rows += 1
            origin = f"{name}:{reader.line_num}"
            if None in row or any(v is None for v in row.values()):
                yield Skip(origin, f"malformed CSV row: expected {columns} columns")
                continue
            yield article_from_record(row, origin, options)
    except (UnicodeDecodeError, InputError) as err:
        reason = str(err) if isinstance(err, InputError) else f"not valid {encoding.upper()}"
        yield Skip(f"{name}:{reader.line_num + 1}", f"{reason}; the rest of the file was not read")
        return
    if rows == 0:
        yield Skip(name, "CSV has a header row but no rows")


def _csv_lines(text: io.TextIOWrapper, limit: int) -> Iterator[str]:
    while line := text.readline(limit + 1):
        if len(line) > limit and not line.endswith(("\n", "\r")):
            raise InputError(f"line too large (more than {limit:,} characters; see --max-chars)")
        yield line
