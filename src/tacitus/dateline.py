"""Datelines: the "TEHRAN, Oct. 29 (Reuters) -" or "NEW YORK (AP) —" opening of a wire story.

A dateline says where the story was filed and, often, the day (never the year). It is part of
the article as read, outside every stage: `where` takes the place of filing from it, and the
date expressions share its month names.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

# Month names and abbreviations (English) -> month number; the date expressions use them too.
MONTHS = {
    name: index
    for index in range(1, 13)
    for name in {
        calendar.month_name[index].lower(),
        calendar.month_abbr[index].lower(),
        *({"sept"} if index == 9 else set()),
    }
}

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_CAPS_WORD = r"[A-Z][A-Z'’.\-]*[A-Z.]"
_TITLE_WORD = r"[A-Z][A-Za-z'’.\-]*"
_DATELINE_RE = re.compile(
    rf"^[ \t]*(?P<city>{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,3}})"
    rf"(?:,[ \t]*(?!(?i:{_MONTH})\b)(?P<region>{_TITLE_WORD}(?:[ \t]+{_TITLE_WORD}){{0,2}}))?"
    rf"(?:,?[ \t]*(?P<month>(?i:{_MONTH}))\.?[ \t]+(?P<day>\d{{1,2}}))?"
    r"(?:[ \t]*\((?P<agency>[^()\n]{2,40})\))?"
    r"[ \t]*(?P<dash>--|[-–—:])[ \t]*",
    re.MULTILINE,
)
# Datelines open the story: look no further than its first lines.
_SEARCH_CHARS = 600


@dataclass(frozen=True)
class Dateline:
    city: str  # as written: "TEHRAN", "NEW YORK"
    region: str | None = None  # "Texas" in "PARIS, Texas (AP) -"
    month: int | None = None
    day: int | None = None
    agency: str | None = None
    span: tuple[int, int] = (0, 0)  # character offsets in the text

    @property
    def place_name(self) -> str:
        """The city in ordinary case: "NEW YORK" -> "New York"."""
        return " ".join(word.capitalize() for word in self.city.split())


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening `text` (or one of its first lines, after a headline), if any."""
    for match in _DATELINE_RE.finditer(text[:_SEARCH_CHARS]):
        city = match["city"]
        if len(city.replace(".", "")) < 2 or not any(ch.isalpha() for ch in city):
            continue
        bare = not (match["region"] or match["month"] or match["agency"])
        if bare and (len(city) < 4 or match["dash"] in ("-", ":")):
            # A lone capitalised word and a hyphen is as often a headline ("US - Iran talks")
            # as a dateline; the bare form is trusted only with a long dash after a city name.
            continue
        month = MONTHS[match["month"].lower()] if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        if month is not None and not 1 <= (day or 0) <= 31:
            continue
        return Dateline(city=city, region=match["region"], month=month, day=day,
                        agency=match["agency"].strip() if match["agency"] else None, span=match.span())
    return None
