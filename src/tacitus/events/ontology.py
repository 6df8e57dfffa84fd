"""CAMEO event codes and PLOVER event types, read once from ``tacitus/data/ontology/``.

``cameo.tsv`` holds every CAMEO code with its quad class, Goldstein weight and PLOVER
equivalent; ``plover.yaml`` holds the 16 PLOVER types with their modes. Both files are parsed on
first use and cached for the life of the process.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

import yaml

from tacitus import rules

CAMEO_COLUMNS = ("code", "description", "quad_class", "goldstein", "plover_event", "plover_mode")

# CAMEO roots of the moves of one diplomatic exchange: statements, appeals (02), offers and
# stated intents (03), consultations, diplomatic cooperation and refusals (12). An answer (a
# refusal or an acceptance) presupposes the appeal or offer it answers.
DIPLOMATIC_ROOTS = frozenset({"01", "02", "03", "04", "05", "12"})
PROPOSAL_ROOTS = frozenset({"02", "03"})
ANSWER_ROOTS = frozenset({"03", "12"})
MEETING_ROOT = "04"  # consultations: talks, meetings, visits
DISAPPROVAL_ROOT = "11"  # disapproval, criticism and accusations
# The threat (13x) that threatening an act is, by the act's code prefix (data/rules/threat_code_by_act.tsv).
THREAT_CODE_BY_ACT = rules.table("threat_code_by_act")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code. ``root`` is its two-digit cue category ("12" for "125")."""

    code: str
    description: str
    root: str
    quad_class: int
    goldstein: float
    plover_event: str | None
    plover_mode: str | None


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type; ``modes`` maps mode name to its definition."""

    name: str
    definition: str
    modes: dict[str, str]
    default_cameo: str


def _ontology_file(name: str) -> Traversable:
    # files() on the package rather than on "tacitus.data": the data directory is not a package.
    return resources.files("tacitus") / "data" / "ontology" / name


def _uncommented_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def _cameo_table() -> dict[str, CameoCode]:
    lines = _uncommented_lines(_ontology_file("cameo.tsv").read_text(encoding="utf-8"))
    # QUOTE_NONE: descriptions contain apostrophes ("Meet at a 'third' location") that are text.
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = tuple(next(reader))
    if header != CAMEO_COLUMNS:
        raise ValueError(f"cameo.tsv: expected columns {CAMEO_COLUMNS}, found {header}")
    table: dict[str, CameoCode] = {}
    for row in reader:
        if len(row) != len(CAMEO_COLUMNS):
            raise ValueError(f"cameo.tsv: expected {len(CAMEO_COLUMNS)} columns in row {row}")
        code, description, quad, goldstein, event, mode = (cell.strip() for cell in row)
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise ValueError(f"cameo.tsv: malformed CAMEO code {code!r}")
        if code in table:
            raise ValueError(f"cameo.tsv: CAMEO code {code!r} listed twice")
        table[code] = CameoCode(
            code=code,
            description=description,
            root=code[:2],
            quad_class=int(quad),
            goldstein=float(goldstein),
            plover_event=event or None,
            plover_mode=mode or None,
        )
    return table


@functools.cache
def _plover_table() -> dict[str, PloverType]:
    entries = yaml.safe_load(_ontology_file("plover.yaml").read_text(encoding="utf-8"))
    return {
        name: PloverType(
            name=name,
            definition=entry["definition"],
            modes=dict(entry.get("modes") or {}),
            default_cameo=str(entry["default_cameo"]),
        )
        for name, entry in entries.items()
    }


def cameo(code: str) -> CameoCode:
    """The CAMEO code ``code``, given exactly as a string with its leading zero ("010", "0331")."""
    key = code.strip()
    try:
        return _cameo_table()[key]
    except KeyError:
        raise KeyError(
            f"unknown CAMEO code {key!r} (codes are strings with leading zeros, e.g. '043', '0331')"
        ) from None


def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code, keyed by code, in CAMEO order."""
    return dict(_cameo_table())


def plover(name: str) -> PloverType:
    """The PLOVER event type called ``name`` (upper case, e.g. "REJECT")."""
    key = name.strip()
    try:
        return _plover_table()[key]
    except KeyError:
        known = ", ".join(_plover_table())
        raise KeyError(f"unknown PLOVER event type {key!r}; known types: {known}") from None


def plover_types() -> dict[str, PloverType]:
    """The 16 PLOVER event types, keyed by name, from verbal cooperation to material conflict."""
    return dict(_plover_table())


def plover_for_cameo(code: str) -> tuple[str | None, str | None]:
    """The PLOVER (event type, mode) for a CAMEO code; either may be None (e.g. 01x statements)."""
    entry = cameo(code)
    return entry.plover_event, entry.plover_mode


def quad_class(code: str) -> int:
    """The GDELT 2.0 quad class (1-4) of a CAMEO code."""
    return cameo(code).quad_class


def by_code_prefix(table: dict[str, str], code: str) -> str | None:
    """The value `table` gives the longest prefix of a CAMEO `code` it keys ("1831" finds "183",
    else "18"), or None."""
    return next((table[code[:n]] for n in range(len(code), 0, -1) if code[:n] in table), None)


def threat_code(act: str) -> str | None:
    """The CAMEO code of threatening the act coded `act` (to cut aid, to sanction, to attack ...)."""
    return by_code_prefix(THREAT_CODE_BY_ACT, act)
