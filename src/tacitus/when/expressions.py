"""Date expressions ("on Thursday", "Sept. 19", "last month", "in 1979") -> calendar dates.

News writes dates relative to the day the story was filed, so every expression is resolved
against the publication date (`base`) and a direction: a past or present event takes the latest
matching day on or before publication, a future one the next matching day.

The forms news text uses most are parsed by the small grammar below: it gives the exact news
conventions (a weekday in a past-tense sentence on the same weekday is that very day, which
dateparser's PREFER_DATES_FROM="past" does not give) and costs microseconds instead of the
0.3-0.8 ms of a dateparser call (80 ms for the first). dateparser handles what the grammar does
not know ("two days ago", "2017-09-19", "19/9/2017"), with its parsers cached per
(publication date, direction).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata

from tacitus import rules
from tacitus.dateline import MONTHS
from tacitus.when.relative import past_span, period_part, relative_period, units_ago, vague_ago, weekend
from tacitus.when.values import DateValue

WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
WEEKDAYS.update({calendar.day_abbr[i].lower(): i for i in range(7)})
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

# Words a date phrase may start with that only say how it relates to the event.
_LEADING = re.compile(
    r"^(?:(?:on|in|at|since|by|from|until|till|during|of|as of|as early as|as late as|"
    r"before|after|between|around|circa|about|starting|beginning|over|throughout|"
    r"just|shortly|right|immediately)\s+)+"
)
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_DAY_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

_WEEKDAY_RE = re.compile(rf"^(?:(?P<which>last|next|this|coming|past)\s+)?{_WEEKDAY}{_DAY_PART}$")
# "Sunday, Oct. 29": the weekday only repeats what the date says.
_WEEKDAY_PREFIX_RE = re.compile(rf"^{_WEEKDAY},?\s+(?=\S)")
_MONTH_DAY_RE = re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?$")
_DAY_MONTH_RE = re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?$")
_MONTH_YEAR_RE = re.compile(rf"^(?:(?:early|mid|late)[\s-]*)?{_MONTH}(?:,?\s+(?:of\s+)?(?P<year>\d{{4}}))?$")
_ISO_DATE_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
_YEAR_RE = re.compile(r"^(?:(?:early|mid|late)[\s-]*)?(?P<year>1[0-9]{3}|20[0-9]{2})$")
_DECADE_RE = re.compile(r"^(?:(?:early|mid|late)[\s-]*)?(?P<decade>1[0-9]{2}0|20[0-9]0)s$")
_RELATIVE_DAY = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "later today": 0,
    "yesterday": -1, "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1,
    "yesterday evening": -1, "the day before yesterday": -2,
    "tomorrow": 1, "tomorrow morning": 1, "the day after tomorrow": 2,
}
_MONTH_RELATIVE_YEAR_RE = re.compile(rf"^{_MONTH}\s+(?:of\s+)?(?P<which>this|last|next)\s+year$")
_HOLIDAYS = rules.table("date_holidays")
# A date phrase the recogniser ran on into a clause: "Saturday after days of debate".
_TRAILING_CLAUSE_RE = re.compile(r"^(?P<date>.+?)\s+(?:after|before|amid|following|during)\s+\S")
# A range's separator: "Sept. 19-22", "from 2013 to 2015", "between March 3 and April 5".
_RANGE_SPLIT_RE = re.compile(r"\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\btill\b|\band\b)\s*")
# Plural time units without "ago" name a length of time ("for days", "three decades"), not a date.
_DURATION_RE = re.compile(r"\b(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b")
# Only strings with one of these go to dateparser: the rest ("recently", "that afternoon",
# "the time") are vague, and dateparser would spend its time refusing them.
_DATEPARSER_WORTHY_RE = re.compile(r"\d|\bago\b")
_BARE_NUMBER_RE = re.compile(r"^\W*\d+\W*$")
_YEAR_IN_TEXT_RE = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})\b")


def normalize(text: str) -> str:
    """Lowercase, typographic quotes and dashes unified, spaces collapsed, leading
    prepositions and a trailing possessive removed: "On Tuesday's" -> "tuesday"."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    text = " ".join(text.replace(",", ", ").split()).replace(" ,", ",")
    text = _LEADING.sub("", text)
    text = re.sub(r"^the\s+", "", text)
    text = _POSSESSIVE.sub("", text).strip(" ,.")
    return text


def parse_date_expression(text: str, base: dt.date | None, *, future: bool) -> DateValue | None:
    """Resolve a date phrase against the publication date `base` (None: only absolute dates
    resolve). `future` says the event lies ahead of publication."""
    return _parse(normalize(text), base, future)


@functools.lru_cache(maxsize=8192)
def _parse(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    if not text:
        return None
    value = _parse_single(text, base, future)
    if value is not None:
        return value
    value = _parse_range(text, base, future)
    if value is not None:
        return value
    clause = _TRAILING_CLAUSE_RE.match(text)
    return _parse_single(clause["date"], base, future) if clause else None


def _parse_single(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    if not _WEEKDAY_RE.match(text):
        text = _WEEKDAY_PREFIX_RE.sub("", text, count=1)
    for parser in (_weekday, _relative_day, relative_period, period_part, weekend, units_ago, vague_ago, past_span,
                   _holiday, _iso_date, _month_day, _month_relative_year, _month_year, _year, _decade):
        value = parser(text, base, future)
        if value is not None:
            return value
    if _DURATION_RE.search(text) and "ago" not in text.split():
        return None
    # A bare number ("24", "'36") is a date only to dateparser; a range goes to _parse_range.
    if _DATEPARSER_WORTHY_RE.search(text) and not _RANGE_SPLIT_RE.search(text) and not _BARE_NUMBER_RE.match(text):
        return _with_dateparser(text, base, future)
    return None


def _parse_range(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    parts = [p for p in _RANGE_SPLIT_RE.split(text, maxsplit=1) if p]
    if len(parts) != 2:
        return None
    start = _parse_single(parts[0], base, future)
    if start is None:
        return None
    if parts[1].isdigit() and len(parts[1]) <= 2 and start.precision == "day":
        # "Sept. 19-22": the end borrows the start's month and year.
        try:
            end = DateValue(start.date.replace(day=int(parts[1])), "day", "")
        except ValueError:
            end = None
    else:
        end = _parse_single(parts[1], base, future)
    if end is not None and end.date < start.date:
        return None
    end_text = end.date.isoformat() if end else parts[1]
    return DateValue(start.date, start.precision, f"range '{text}': start taken ({start.rule}; ends {end_text})",
                     end.date if end else None)


# -- the grammar ------------------------------------------------------------------------------


def _weekday(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    match = _WEEKDAY_RE.match(text)
    if match is None or base is None:
        return None
    weekday = WEEKDAYS[match["weekday"]]
    name = calendar.day_name[weekday]
    which = match["which"]
    if which in ("next", "coming") or (future and which not in ("last", "past")):
        ahead = (weekday - base.weekday()) % 7 or 7
        return DateValue(base + dt.timedelta(days=ahead), "day", f"next {name} after publication {base}")
    back = (base.weekday() - weekday) % 7
    if which in ("last", "past"):
        return DateValue(base - dt.timedelta(days=back or 7), "day", f"latest {name} before publication {base}")
    return DateValue(base - dt.timedelta(days=back), "day", f"latest {name} on or before publication {base}")


def _relative_day(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    if base is None or text not in _RELATIVE_DAY:
        return None
    offset = _RELATIVE_DAY[text]
    return DateValue(base + dt.timedelta(days=offset), "day", f"'{text}' = publication {base} {offset:+d} days")


def _holiday(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    month_day = _HOLIDAYS.get(text)
    if month_day is None or base is None:
        return None
    month, day = (int(part) for part in month_day.split("-"))
    date, rule = _year_for(month, day, base, future)
    return DateValue(date, "day", f"{text.title()}, {rule}")


def _month_relative_year(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    match = _MONTH_RELATIVE_YEAR_RE.match(text)
    if match is None or base is None:
        return None
    year = base.year + {"this": 0, "last": -1, "next": 1}[match["which"]]
    return DateValue(dt.date(year, MONTHS[match["month"]], 1), "month", f"'{text}' relative to publication {base}")


def _iso_date(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    match = _ISO_DATE_RE.match(text)
    if match is None:
        return None
    try:
        return DateValue(dt.date(int(match["year"]), int(match["month"]), int(match["day"])), "day", "ISO date")
    except ValueError:
        return None


def _month_day(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    match = _MONTH_DAY_RE.match(text) or _DAY_MONTH_RE.match(text)
    if match is None:
        return None
    month, day = MONTHS[match["month"]], int(match["day"])
    if match["year"]:
        try:
            return DateValue(dt.date(int(match["year"]), month, day), "day", "full date")
        except ValueError:
            return None
    if base is None:
        return None
    try:
        date, rule = _year_for(month, day, base, future)
    except ValueError:  # 29 February outside a leap year
        return None
    return DateValue(date, "day", rule)


# A month and day this close after publication is the coming one even in a past-tense clause.
_NEAR_AHEAD = dt.timedelta(days=31)


def _year_for(month: int, day: int, base: dt.date, future: bool) -> tuple[dt.date, str]:
    """A month and day without a year: in the year of publication, unless that puts a past
    event after publication (a year back) or a future one before it (a year on). A day only
    weeks ahead is this year's, whatever the tense: a story that meant last year's would say
    so ("their March 9-13 truce", written in late February, is coming)."""
    date = dt.date(base.year, month, day)
    if future and date < base:
        return date.replace(year=base.year + 1), f"next year: would fall before publication {base}"
    if not future and base < date <= base + _NEAR_AHEAD:
        return date, f"year of publication {base}: only weeks ahead"
    if not future and date > base:
        return date.replace(year=base.year - 1), f"previous year: would fall after publication {base}"
    return date, f"year of publication {base}"


def _month_year(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    match = _MONTH_YEAR_RE.match(text)
    if match is None:
        return None
    month = MONTHS[match["month"]]
    if match["year"]:
        return DateValue(dt.date(int(match["year"]), month, 1), "month", "month and year")
    if base is None:
        return None
    year, rule = base.year, f"year of publication {base}"
    if future and month < base.month:
        year, rule = base.year + 1, f"next year: would fall before publication {base}"
    elif not future and month > base.month:
        year, rule = base.year - 1, f"previous year: would fall after publication {base}"
    return DateValue(dt.date(year, month, 1), "month", rule)


def _year(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    match = _YEAR_RE.match(text)
    if match is None:
        return None
    return DateValue(dt.date(int(match["year"]), 1, 1), "year", "year")


def _decade(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    match = _DECADE_RE.match(text)
    if match is None:
        return None
    decade = int(match["decade"])
    return DateValue(dt.date(decade, 1, 1), "year", f"decade {decade}s: start taken", dt.date(decade + 9, 12, 31))


# -- dateparser for the rest ----------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _dateparser_for(base: dt.date | None, future: bool):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "future" if future else "past", "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


def _with_dateparser(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    if base is None and not _YEAR_IN_TEXT_RE.search(text):
        return None  # dateparser would resolve it against the day this runs, not the story's
    data = _dateparser_for(base, future).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    date = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return DateValue(date.replace(month=1, day=1), "year", "dateparser")
    if period == "month":
        return DateValue(date.replace(day=1), "month", "dateparser")
    return DateValue(date, "day", "dateparser" if period in ("day", "time") else f"dateparser ({period})")
