"""The entries of the actor knowledge base and the helpers that read them: countries, IGOs,
groups, sectors, people with dated roles, and how a code is composed from a country and a sector."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from tacitus import rules

ELITE_SECTOR = "ELI"

# Names of one office in different countries (data/rules/role_synonyms.tsv): form -> the name compared.
_ROLE_CANONICAL = rules.table("role_synonyms")


def normalize_role(role: str) -> str:
    """Canonical lowercase form of an office title, shared by equivalent titles."""
    text = " ".join(role.lower().replace("’", "'").split())
    return _ROLE_CANONICAL.get(text, text)


def compose_code(country: str | None, sector: str | None) -> str | None:
    """``IRN`` + ``GOV`` -> ``IRNGOV``; an IGO code in the sector slot is the whole code."""
    if sector and sector.startswith("IGO"):
        return sector
    if country and sector:
        return country + sector
    return country or None


def parse_date_bound(text: str | None, *, end: bool) -> dt.date | None:
    """Parse ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; a partial date covers its whole period.

    A start of ``2017-05`` means the role may have begun on any day of May, so the earliest day
    is used; an end of ``2017-05`` uses the last day, so a role is never cut short by the
    imprecision of its source.
    """
    if text is None:
        return None
    text = str(text).strip()
    if not text:
        return None
    parts = text.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    month = int(parts[1])
    if len(parts) == 2:
        if not end:
            return dt.date(year, month, 1)
        next_month = dt.date(year + month // 12, month % 12 + 1, 1)
        return next_month - dt.timedelta(days=1)
    return dt.date(year, month, int(parts[2]))


@dataclass(frozen=True)
class Role:
    """One row of a people file: an office held between two dates (bounds inclusive)."""

    country: str | None
    sector: str | None
    role: str
    start: dt.date | None
    end: dt.date | None

    @property
    def code(self) -> str | None:
        return compose_code(self.country, self.sector)

    def valid_at(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    def gap_days(self, when: dt.date) -> int:
        """Days between `when` and the nearest day of this role (0 inside it)."""
        if self.start is not None and when < self.start:
            return (self.start - when).days
        if self.end is not None and when > self.end:
            return (when - self.end).days
        return 0

    def describe(self) -> str:
        where = self.country or self.sector or "?"
        start = self.start.isoformat() if self.start else "…"
        end = self.end.isoformat() if self.end else "now"
        return f"{self.role or self.sector} ({where}) {start}–{end}"


@dataclass
class Person:
    person_id: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: list[Role] = field(default_factory=list)


@dataclass
class Country:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    capital: str | None = None
    seats: tuple[tuple[str, str], ...] = ()  # (text, sector)
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


@dataclass
class Igo:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


@dataclass
class Group:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


@dataclass
class Sector:
    code: str
    label: str = ""
    nouns: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class AliasHit:
    """What one surface form can name. `kind`: country, adjective, capital, seat, igo, group,
    person or surname; `key`: the code or person_id; `sector`: the seat's sector."""

    kind: str
    key: str
    sector: str | None = None


@dataclass
class Resolution:
    """Who a piece of text names at a date, and why we think so."""

    code: str | None
    country: str | None
    sector: str | None
    name: str | None
    actor_id: str | None
    kind: str
    why: str
    role: Role | None = None


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split("|") if part.strip())
    return tuple(str(v).strip() for v in value if str(v).strip())


def _date_field(value: Any, *, end: bool) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    return parse_date_bound(value, end=end)


def _row_text(row: dict[str, Any], column: str) -> str:
    value = row.get(column)
    return "" if value is None else str(value).strip()


def pluralize(noun: str) -> str:
    """English plural of the last word of `noun` (enough for agent nouns and titles)."""
    head, _, last = noun.rpartition(" ")
    low = last.lower()
    if low.endswith("man"):
        plural = last[:-3] + ("men" if last[-3:].islower() else "MEN")
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif low.endswith(("s", "x", "ch", "sh", "z")):
        plural = last + "es"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural
