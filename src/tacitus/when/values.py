"""A date phrase resolved: the value every date parser returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DateValue:
    """A resolved expression: the day (the first day for a month, year or range), its
    precision ("day", "month" or "year") and how it was obtained, for evidence."""

    date: dt.date
    precision: str
    rule: str
    range_end: dt.date | None = None
