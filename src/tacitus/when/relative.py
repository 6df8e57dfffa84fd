"""Periods and spans counted from the publication date: "last week", "late last year", "over
the weekend", "nearly two years ago", "the past two months". A period is resolved to its first
day (a week's Monday, a weekend's Saturday) with the range it covers, for evidence; a span up to
publication to the day it starts."""

from __future__ import annotations

import datetime as dt
import re

from tacitus import rules
from tacitus.when.values import DateValue

# "last week", "earlier this month", "next year".
_RELATIVE_PERIOD_RE = re.compile(r"^(?P<which>earlier this|later this|last|this|next|the coming|coming)\s+(?P<unit>week|month|year)$")
# A part of a period: "late last year", "at the end of this month", "early next week".
_PERIOD_PART_RE = re.compile(r"^(?P<part>early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+(?:the\s+)?(?P<period>.+)$")
# Parts of a year that name its first or last month; the middle keeps the year.
_YEAR_PART_MONTHS = {"early": 1, "beginning of": 1, "start of": 1, "late": 12, "end of": 12}
_WEEKEND_RE = re.compile(r"^(?:(?P<which>last|this|next|past|coming)\s+)?weekend$")
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(_COUNT_WORDS) + r")"
_UNIT = r"(?P<unit>day|week|month|year|decade)"
# "two years ago", "nearly two years ago" (a hedge dates it as the count); a vague count
# ("several weeks ago") is dated coarsely by `vague_ago`.
_HEDGES = rules.words("date_hedges")
_HEDGE_RE = re.compile(r"^(?:" + "|".join(sorted(map(re.escape, _HEDGES), key=len, reverse=True)) + r")\s+")
_AGO_RE = re.compile(rf"^{_COUNT}\s+{_UNIT}s?\s+ago$")
# Units back with no count ("weeks ago", "a few days ago", "recent weeks"), and how far back
# they typically lie.
_VAGUE_COUNT = r"(?:(?:a\s+few|few|several|some|many)\s+)?"
_VAGUE_AGO_RE = re.compile(rf"(?:^|\s){_VAGUE_COUNT}(?P<unit>day|week|month)s\s+ago$")
_RECENT_RE = re.compile(r"^recent\s+(?P<unit>day|week|month)s$")
_TYPICAL_DAYS_BACK = {"day": 3, "week": 21, "month": 90}
# A span up to publication: "the past year", "the last two months" (unnumbered plurals,
# "recent weeks", are vague).
_PAST_SPAN_RE = re.compile(rf"^(?:past|last|previous)\s+(?:{_COUNT}\s+{_UNIT}s|(?P<single>day|week|month|year))$")


def relative_period(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    match = _RELATIVE_PERIOD_RE.match(text)
    if match is None or base is None:
        return None
    which, unit = match["which"], match["unit"]
    step = {"last": -1, "next": 1, "the coming": 1, "coming": 1}.get(which, 0)
    if unit == "week":
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
        start, end = monday, monday + dt.timedelta(days=6)
        if which == "earlier this":
            end = max(monday, base - dt.timedelta(days=1))
        elif which == "later this":
            start = min(end, base + dt.timedelta(days=1))
        return DateValue(start, "day", f"'{text}' = {start}..{end} (publication {base}): start taken", end)
    if unit == "month":
        month_index = base.year * 12 + base.month - 1 + step
        start = dt.date(month_index // 12, month_index % 12 + 1, 1)
        return DateValue(start, "month", f"'{text}' relative to publication {base}")
    start = dt.date(base.year + step, 1, 1)
    return DateValue(start, "year", f"'{text}' relative to publication {base}")


def period_part(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    """ "late last year", "at the end of this month": a part of a relative period; a year's
    start or end names its first or last month."""
    match = _PERIOD_PART_RE.match(text)
    if match is None:
        return None
    value = relative_period(match["period"], base, future)
    if value is None:
        return None
    part = " ".join(match["part"].split()).removeprefix("the ")
    month = _YEAR_PART_MONTHS.get(part) if value.precision == "year" else None
    if month is None:
        return DateValue(value.date, value.precision, f"{part} {value.rule}", value.range_end)
    return DateValue(value.date.replace(month=month), "month", f"{part} {value.rule}")


def weekend(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    """ "last weekend", "over the weekend": the Saturday of the latest weekend before
    publication (of the one under way when published on it), the next one for a future event."""
    match = _WEEKEND_RE.match(text)
    if match is None or base is None:
        return None
    which = match["which"]
    if which in ("next", "coming") or (future and which not in ("last", "past")):
        ahead = (5 - base.weekday()) % 7
        saturday = base + dt.timedelta(days=ahead or (7 if which == "next" else 0))
    else:
        saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)
        if which in ("last", "past") and base.weekday() >= 5:
            saturday -= dt.timedelta(days=7)
    end = saturday + dt.timedelta(days=1)
    return DateValue(saturday, "day", f"'{text}' = {saturday}..{end} (publication {base}): start taken", end)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


def _back(base: dt.date, count: int, unit: str) -> DateValue:
    """The day `count` units before `base`, with the precision of the unit."""
    if unit in ("day", "week"):
        return DateValue(base - dt.timedelta(days=count * (7 if unit == "week" else 1)), "day", "")
    months = count * {"month": 1, "year": 12, "decade": 120}[unit]
    index = base.year * 12 + base.month - 1 - months
    if unit == "month":
        return DateValue(dt.date(index // 12, index % 12 + 1, 1), "month", "")
    return DateValue(dt.date(index // 12, 1, 1), "year", "")


def units_ago(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    match = _AGO_RE.match(_HEDGE_RE.sub("", text, count=1))
    if match is None or base is None:
        return None
    back = _back(base, _count(match["count"]), match["unit"])
    return DateValue(back.date, back.precision, f"'{text}' before publication {base}")


def vague_ago(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    """ "weeks ago", "a few days ago", "in recent months": some units back, no count given.
    Dated to the month (days, weeks) or the year (months) they most likely fall in, a typical
    count back from publication; the words before an "ago" the recogniser took in ("the capital
    weeks ago") are left out."""
    match = _VAGUE_AGO_RE.search(text) or _RECENT_RE.match(text)
    if match is None or base is None:
        return None
    unit = match["unit"]
    back = base - dt.timedelta(days=_TYPICAL_DAYS_BACK[unit])
    if unit == "month":
        return DateValue(dt.date(back.year, 1, 1), "year", f"'{text}': some months before publication {base}")
    return DateValue(back.replace(day=1), "month", f"'{text}': some {unit}s before publication {base}")


def past_span(text: str, base: dt.date | None, future: bool) -> DateValue | None:
    match = _PAST_SPAN_RE.match(text)
    if match is None or base is None:
        return None
    count, unit = (1, match["single"]) if match["single"] else (_count(match["count"]), match["unit"])
    back = _back(base, count, unit)
    return DateValue(back.date, back.precision, f"'{text}' = {back.date}..{base} (publication): start taken", base)
