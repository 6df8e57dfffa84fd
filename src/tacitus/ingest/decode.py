"""Turning raw bytes and field values into clean article text, or a reason why not."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata

from tacitus.controls import strip_controls

# Above this many characters an article is skipped: spaCy's default limit is one million, and
# no real news article comes close; such inputs are concatenated dumps or junk.
DEFAULT_MAX_CHARS = 1_000_000

# A sentence needs a subject, a verb and usually an object.
MIN_WORDS = 3

# Control characters that mark binary content; ESC is left out because escape sequences in
# otherwise readable text are removed (tacitus.controls), not a sign of a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")

# Function words that make up a fifth or more of any running English text and are rare in
# other languages written in Latin script.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on was with as by it at from he his said be have are "
    "has were an not they but this which who had its their been will would after more".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


class InputError(ValueError):
    """An input that cannot become an article; the message is the reason shown to users."""


def brief(message: object, limit: int = 200) -> str:
    """A library's error message cut to `limit` characters: some quote the input they choked
    on, which may be megabytes long."""
    text = str(message)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `head` announces, if any."""
    for mark, encoding in _BOMS:
        if head.startswith(mark):
            return encoding
    return None


def decode_bytes(data: bytes) -> str:
    """Decode article bytes as UTF-8 (with or without BOM), or UTF-16/32 with a BOM, refusing
    binary content."""
    encoding = bom_encoding(data[:4])
    if encoding in ("utf-16", "utf-32"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(f"not valid {encoding.upper()} despite its byte-order mark") from None
        if not text.strip():
            raise InputError("empty")
        if "\x00" in text[:8192]:
            raise InputError("binary content (NUL characters)")
        return text
    if not data.strip():
        raise InputError("empty")
    if b"\x00" in data[:8192]:
        raise InputError("binary content (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "re-encode the file as UTF-8"
        ) from None
    return text


def clean_text(text: object, *, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Validate a text field and normalise it, raising InputError with the reason to skip."""
    if text is None:
        raise InputError("missing text")
    if not isinstance(text, str):
        raise InputError(f"text is a {type(text).__name__}, not a string")
    if len(text) > max_chars:
        raise InputError(
            f"text too large ({len(text):,} characters; limit {max_chars:,}, see --max-chars)"
        )
    if "\x00" in text or _control_ratio(text) > 0.01:
        raise InputError("binary content (control characters)")
    # Line ends become \n before the remaining control characters and escape sequences go.
    text = strip_controls(unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise InputError("empty text")
    if len(_WORD.findall(text[:200])) < MIN_WORDS:
        raise InputError(f"too short to hold an event (fewer than {MIN_WORDS} words)")
    if "\ufffd" in text and text.count("\ufffd") > max(3, len(text) // 200):
        raise InputError("text is mostly undecodable characters (wrong encoding upstream)")
    return text


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))


def english_share(text: str) -> float | None:
    """Share of English function words among the first words; None when too short to judge."""
    words = [w.lower() for w in _WORD.findall(text[:5000])][:600]
    if len(words) < 25:
        return None
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)


def check_english(text: str, declared_lang: str | None) -> None:
    """Raise InputError for articles that are not in English (the pipeline is English-only)."""
    if declared_lang and not declared_lang.lower().startswith("en"):
        raise InputError(f"language {brief(declared_lang, 40)!r} is not supported (English only)")
    share = english_share(text)
    if share is not None and share < 0.08:
        raise InputError(
            f"does not look like English ({share:.0%} English function words); English only"
        )


def parse_date(value: object) -> dt.date | None:
    """Parse a publication date given as a date, ISO string or free-form text; None if absent.

    Raises InputError when a non-empty value cannot be read as a date, so that users learn
    their column holds something unexpected instead of silently losing the date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    match = _ISO_DATE.match(text)
    if match:
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError:
            raise InputError(f"invalid date {brief(text, 40)!r}") from None
    if len(text) > 100:  # no date is written in so many characters; dateparser would be slow
        raise InputError(f"unreadable date {brief(text, 40)!r}")
    import dateparser  # slow to import; only needed for non-ISO dates

    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        raise InputError(f"unreadable date {brief(text, 40)!r}")
    return parsed.date()
