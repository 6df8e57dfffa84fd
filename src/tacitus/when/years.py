"""The likely year of an undated article, from the terms of office of the people it mentions.

"President Trump" and "Secretary of State Tillerson" in one story put it in the years both
held those offices (2017-2018). This is circumstantial: a story may look back on a former
office holder, so the answer carries a low confidence and says how it was reached.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# A role without a start date began "before 1990 or unknown" (docs/architecture.md): it bounds
# nothing from below, but a year set needs a floor.
_EARLIEST_YEAR = 1900

RoleSpan = tuple[str, Any, Any]  # (role, start, end); dates as date, "YYYY[-MM[-DD]]" or None


@dataclass(frozen=True)
class YearRange:
    start: int
    end: int
    confidence: float
    evidence: str
    people: tuple[str, ...]  # person ids whose terms agree with the range
    alternatives: tuple[tuple[int, int], ...] = ()  # other ranges as well supported


def infer_year_from_actors(mentions: Iterable[Any], roles: Mapping[str, Sequence[RoleSpan]] | Any,
                           *, today: dt.date | None = None) -> YearRange | None:
    """Years in which the people mentioned all (or most) held the offices they are named with.

    `mentions` carry `actor_id`, `text` and, when the resolver knows it, `role`; `roles` maps a
    person id to (role, start, end) rows, or is an actor knowledge base (anything with a
    `people` mapping of persons with `roles`). An open-ended role runs to `today`.
    """
    role_table = _role_table(roles)
    this_year = (today or dt.date.today()).year
    covered: dict[str, set[int]] = {}
    described: dict[str, str] = {}
    for mention in mentions:
        person = getattr(mention, "actor_id", None)
        if person is None or person in covered or person not in role_table:
            continue
        chosen = _roles_named(mention, role_table[person])
        if not chosen:
            continue
        years: set[int] = set()
        for _, start, end in chosen:
            first, last = _year_of(start) or _EARLIEST_YEAR, _year_of(end) or this_year
            years.update(range(first, last + 1))
        covered[person] = years
        label = getattr(mention, "name", None) or getattr(mention, "text", person)
        described[person] = f"{label}: " + ", ".join(
            f"{role} {_bound(start)}..{_bound(end)}" for role, start, end in chosen)
    if not covered:
        return None

    support = {year: sum(year in years for years in covered.values()) for year in set().union(*covered.values())}
    best = max(support.values())
    blocks = _blocks(sorted(year for year, count in support.items() if count == best))
    start, end = blocks[0]
    agreeing = tuple(p for p, years in covered.items() if start in years)
    confidence = round(min(0.6, 0.15 + 0.15 * best) * best / len(covered) / len(blocks), 3)
    evidence = (f"inferred from terms of office (low confidence): {'; '.join(described.values())} "
                f"-> {start}-{end}")
    if len(blocks) > 1:
        evidence += " (also possible: " + ", ".join(f"{a}-{b}" for a, b in blocks[1:]) + ")"
    return YearRange(start, end, confidence, evidence, agreeing, tuple(blocks[1:]))


def _role_table(roles: Mapping[str, Sequence[RoleSpan]] | Any) -> Mapping[str, Sequence[RoleSpan]]:
    people = getattr(roles, "people", None)
    if people is None:
        return roles
    return {pid: [(r.role, r.start, r.end) for r in person.roles] for pid, person in people.items()}


def _roles_named(mention: Any, rows: Sequence[RoleSpan]) -> list[RoleSpan]:
    """The person's roles the mention names: its resolved `role`, else titles in its text,
    else every role (the person is known only by name)."""
    wanted = (getattr(mention, "role", None) or "").lower()
    if wanted:
        named = [row for row in rows if row[0] and (row[0].lower() in wanted or wanted in row[0].lower())]
        if named:
            return named
    text = (getattr(mention, "text", "") or "").lower()
    titled = [row for row in rows if row[0] and row[0].lower() in text]
    return titled or list(rows)


def _year_of(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.year
    return int(str(value)[:4])


def _bound(value: Any) -> str:
    if value is None or value == "":
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _blocks(years: list[int]) -> list[tuple[int, int]]:
    """Sorted years -> runs of consecutive years: [2017, 2018, 2025] -> [(2017, 2018), (2025, 2025)]."""
    blocks: list[tuple[int, int]] = []
    for year in years:
        if blocks and year == blocks[-1][1] + 1:
            blocks[-1] = (blocks[-1][0], year)
        else:
            blocks.append((year, year))
    return blocks
