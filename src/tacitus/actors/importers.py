"""Turn other actor sources into tacitus overlay files (see ``ActorKnowledgeBase.load``).

PETRARCH / TABARI actor dictionaries
------------------------------------
One entry per block: a name line (``VLADIMIR_PUTIN_``; underscores join words, a trailing
underscore marks the end of the phrase), synonym lines starting with ``+``, and codes in square
brackets, on the name line or on indented lines below, each with an optional date limit::

    [IRNGOV 20130803-20210803]   from .. until (inclusive)
    [USAGOV >20170120]           after the date
    [USABUS <20170120]           before the date
    [AFGELI 730717-070723]       six-digit dates: YYMMDD, years below 30 are 20xx

``#`` starts a comment. How entries are read:

- an entry with at least one dated code is a person: one people row per code, country = the
  first three letters of the code, sector = the next three (``BDIGOVMIL`` -> BDI, GOV), or the
  whole code for IGO codes (``IGOUNO...``);
- an undated entry whose code is a bare country code (``[AFG]``) only adds names of a country:
  it becomes a ``countries`` entry (name and aliases) — loading it as an overlay REPLACES the
  package entry with that code, so the CLI leaves these out unless asked;
- other undated entries (institutions, ``[AFGMIL]``) become ``groups`` entries, one per code,
  the names of all entries with that code gathered as aliases.

Wikidata
--------
:func:`import_wikidata_json` reads the standard SPARQL 1.1 JSON results of this query (run it at
https://query.wikidata.org and download "JSON"), which lists office holders with their dates::

    SELECT ?person ?personLabel ?positionLabel ?countryCode ?countryLabel ?start ?end WHERE {
      VALUES ?position { wd:Q11696 wd:Q14211 }     # the offices wanted, e.g. US President,
                                                   # UK Prime Minister ...
      ?person p:P39 ?held .                        # position held
      ?held ps:P39 ?position .
      OPTIONAL { ?held pq:P580 ?start . }          # start time
      OPTIONAL { ?held pq:P582 ?end . }            # end time
      OPTIONAL { ?position wdt:P1001 ?country .    # applies to jurisdiction
                 OPTIONAL { ?country wdt:P298 ?countryCode . } }   # ISO 3166-1 alpha-3
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
    }

``countryCode`` is preferred; without it ``countryLabel`` is mapped to alpha-3 with pycountry.
Rows whose country cannot be found are skipped and counted. The role is the position label
without its trailing "of <country>" ("President of Iran" -> "President"), the sector comes
from ``sector_of_role`` (GOV by default), and ``person_id`` is ``wd-`` + the Q identifier.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
import yaml

_CODE = re.compile(r"\[([^\]]+)\]")
_ALPHA3 = re.compile(r"^[A-Z]{3}$")
SIX_DIGIT_PIVOT = 30  # YYMMDD years below this are 20xx, others 19xx


@dataclass
class ImportReport:
    """An overlay mapping plus what could not be used (shown to the user, not silently lost)."""

    overlay: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {key: len(value) for key, value in self.overlay.items()}


def _phrase(token: str) -> str:
    """``VLADIMIR_PUTIN_`` -> ``Vladimir Putin`` (PETRARCH writes names in capitals)."""
    words = [w for w in token.strip().strip("+").split("_") if w]
    return " ".join(w if (len(w) <= 3 and "." in w) else _titlecase(w) for w in words)


def _titlecase(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def _petrarch_date(text: str) -> dt.date:
    text = text.strip()
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year < SIX_DIGIT_PIVOT else 1900
        return dt.date(year, int(text[2:4]), int(text[4:6]))
    if len(text) == 8:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    raise ValueError(f"not a PETRARCH date: {text!r}")


def parse_code(spec: str) -> tuple[str, dt.date | None, dt.date | None, bool]:
    """``IRNGOV 20130803-20210803`` -> (code, start, end, dated)."""
    parts = spec.split()
    code = parts[0]
    if len(parts) == 1:
        return code, None, None, False
    limit = parts[1]
    if limit.startswith(">"):
        return code, _petrarch_date(limit[1:]), None, True
    if limit.startswith("<"):
        return code, None, _petrarch_date(limit[1:]) - dt.timedelta(days=1), True
    first, _, second = limit.partition("-")
    return code, _petrarch_date(first), _petrarch_date(second), True


def _split_code(code: str) -> tuple[str, str]:
    """(country, sector) columns of a people row for a PETRARCH code."""
    if code.startswith("IGO"):
        return "", code
    return code[:3], code[3:6]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def import_petrarch(lines: Iterable[str]) -> ImportReport:
    entries: list[tuple[str, list[str], list[str]]] = []  # (name, synonyms, code specs)
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = _CODE.findall(line)
        text = _CODE.sub(" ", line).strip()
        if line[0].isspace() or not text:
            if entries:
                entries[-1][2].extend(codes)
            continue
        if text.startswith("+"):
            if entries:
                entries[-1][1].append(_phrase(text))
                entries[-1][2].extend(codes)
            continue
        entries.append((_phrase(text), [], list(codes)))

    report = ImportReport()
    people: list[dict[str, Any]] = []
    countries: dict[str, dict[str, Any]] = {}
    groups: dict[str, dict[str, Any]] = {}
    used_ids: set[str] = set()
    for name, synonyms, specs in entries:
        if not specs:
            report.skipped.append(f"{name}: no code")
            continue
        try:
            parsed = [parse_code(spec) for spec in specs]
        except ValueError as err:
            report.skipped.append(f"{name}: {err}")
            continue
        if any(dated for *_, dated in parsed):
            person_id = _slug(name)
            while person_id in used_ids:
                person_id += "-x"
            used_ids.add(person_id)
            for code, start, end, _ in parsed:
                country, sector = _split_code(code)
                people.append({
                    "person_id": person_id, "name": name, "aliases": "|".join(synonyms),
                    "country": country, "sector": sector, "role": "",
                    "start": start.isoformat() if start else "", "end": end.isoformat() if end else "",
                })
            continue
        for code, *_ in parsed:
            if _ALPHA3.match(code):
                entry = countries.setdefault(code, {"code": code, "name": name, "aliases": []})
                target = entry["aliases"]
                names = [name, *synonyms] if entry["name"] != name else synonyms
            else:
                country, sector = _split_code(code)
                entry = groups.setdefault(code, {
                    "code": code, "name": name, "aliases": [],
                    "country": country or None, "sector": sector if not sector.startswith("IGO") else None,
                })
                target = entry["aliases"]
                names = [name, *synonyms] if entry["name"] != name else synonyms
            for alias in names:
                if alias not in target:
                    target.append(alias)
    if people:
        report.overlay["people"] = people
    if groups:
        report.overlay["groups"] = list(groups.values())
    if countries:
        report.overlay["countries"] = list(countries.values())
    return report


def _binding(row: dict[str, Any], var: str) -> str:
    cell = row.get(var)
    return str(cell.get("value", "")).strip() if isinstance(cell, dict) else ""


def _country_from_label(label: str) -> str | None:
    try:
        return pycountry.countries.lookup(label).alpha_3
    except LookupError:
        return None


def import_wikidata_json(
    data: dict[str, Any], sector_of_role: Callable[[str], str | None] | None = None
) -> ImportReport:
    """People rows from SPARQL JSON results of the query in this module's docstring."""
    report = ImportReport()
    rows = []
    for row in data.get("results", {}).get("bindings", []):
        uri = _binding(row, "person")
        name = _binding(row, "personLabel")
        position = _binding(row, "positionLabel")
        if not uri or not name or not position:
            report.skipped.append(f"incomplete row: {row}")
            continue
        code = _binding(row, "countryCode").upper()
        label = _binding(row, "countryLabel")
        country = code if _ALPHA3.match(code) else _country_from_label(label) if label else None
        if country is None:
            report.skipped.append(f"{name} ({position}): no country")
            continue
        role = position
        country_names = {label} if label else set()
        known = pycountry.countries.get(alpha_3=country)
        if known is not None:
            country_names |= {known.name, getattr(known, "common_name", known.name)}
        for country_name in country_names:
            role = re.sub(rf"\s+of\s+(the\s+)?{re.escape(country_name)}$", "", role, flags=re.I)
        sector = (sector_of_role(role) if sector_of_role else None) or "GOV"
        rows.append({
            "person_id": "wd-" + uri.rstrip("/").rsplit("/", 1)[-1],
            "name": name, "aliases": "", "country": country, "sector": sector, "role": role,
            "start": _binding(row, "start")[:10], "end": _binding(row, "end")[:10],
        })
    if rows:
        report.overlay["people"] = rows
    return report


def write_overlay(report: ImportReport, path: Path, source: str) -> None:
    """Write an overlay YAML file that opens with where its facts came from."""
    header = (
        f"# tacitus actor overlay imported from {source} on {dt.date.today().isoformat()}.\n"
        "# Format: docs/architecture.md (Actors); load with --actors FILE.\n"
    )
    body = yaml.safe_dump(report.overlay, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(header + body, encoding="utf-8")


def read_wikidata_file(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))
