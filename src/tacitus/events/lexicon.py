"""The trigger lexicon: which words (with which complements) are which CAMEO events.

The format is documented in docs/architecture.md ("Trigger lexicon"). The package file is read
first; user overlay files are read after it, and an overlay row with the same
(pos, lemma, complement, prep) key replaces the package row.
"""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass
from importlib import resources
from pathlib import Path

from tacitus.cache import compiled, fingerprint

HEADER = ("cameo", "pos", "lemma", "complement", "prep", "note")
NO_EVENT = "none"


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class TriggerEntry:
    cameo: str  # a CAMEO code, or NO_EVENT
    pos: str  # "verb" or "noun"
    lemma: str  # "reject", "turn down"
    # Each alternative is a set of lemmas that must all occur in the complement.
    complement: tuple[frozenset[str], ...]
    prep: str | None
    note: str
    origin: str  # "triggers.tsv:120", for evidence

    @property
    def specificity(self) -> int:
        return max((len(words) for words in self.complement), default=0)

    def complement_matches(self, lemmas: set[str]) -> frozenset[str] | None:
        """The longest complement alternative fully present in `lemmas` (empty set if none needed)."""
        if not self.complement:
            return frozenset()
        present = [words for words in self.complement if words <= lemmas]
        return max(present, key=len) if present else None

    def describe(self) -> dict[str, object]:
        return {
            "pos": self.pos,
            "lemma": self.lemma,
            "complement": " | ".join(" ".join(sorted(w)) for w in self.complement) or None,
            "prep": self.prep,
            "cameo": self.cameo,
            "entry": self.origin,
        }


class Lexicon:
    """Entries indexed by (pos, head lemma); a phrasal verb is indexed by its full lemma."""

    def __init__(self, entries: Iterable[TriggerEntry]):
        keyed: dict[tuple, TriggerEntry] = {}
        for entry in entries:
            keyed[(entry.pos, entry.lemma, entry.complement, entry.prep)] = entry
        self._by_lemma: dict[tuple[str, str], list[TriggerEntry]] = defaultdict(list)
        for entry in keyed.values():
            self._by_lemma[(entry.pos, entry.lemma)].append(entry)
        for candidates in self._by_lemma.values():
            # More complement words first; among equals, the finer CAMEO code ("125" reject a
            # proposal to meet beats "120" reject), then curated rows.
            candidates.sort(key=lambda e: (-e.specificity, -_code_detail(e.cameo), "curated" not in e.note))

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_lemma.values())

    def candidates(self, pos: str, lemma: str) -> Sequence[TriggerEntry]:
        return self._by_lemma.get((pos, lemma), ())

    def has(self, pos: str, lemma: str) -> bool:
        return (pos, lemma) in self._by_lemma

    def best(self, pos: str, lemma: str, complement_lemmas: set[str],
             preps: set[str]) -> tuple[TriggerEntry, frozenset[str]] | None:
        """The entry whose complement (and preposition, if any) is present, the one that
        matched more words first: an entry listing "aircraft carrier" among its alternatives
        is no more specific than another when only "weapon" is there."""
        best: tuple[TriggerEntry, frozenset[str]] | None = None
        for entry in self.candidates(pos, lemma):
            if entry.prep and entry.prep not in preps:
                continue
            matched = entry.complement_matches(complement_lemmas)
            if matched is not None and (best is None or len(matched) > len(best[1]) or (
                    len(matched) == len(best[1]) and matched and entry.cameo == NO_EVENT)):
                # an explicit "no event" for as specific a complement blocks the event ("take place")
                best = entry, matched
        return best


def _code_detail(code: str) -> int:
    if code == NO_EVENT:
        return 0
    return len(code) + (0 if code.endswith("0") else 1)


def _parse_rows(lines: Iterable[str], name: str) -> Iterable[TriggerEntry]:
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = next(csv.reader([line.rstrip("\n")], delimiter="\t"))
        if not header_seen:
            if tuple(f.strip() for f in fields[: len(HEADER)]) != HEADER:
                raise LexiconError(f"{name}:{number}: expected header {' '.join(HEADER)}")
            header_seen = True
            continue
        fields += [""] * (len(HEADER) - len(fields))
        cameo, pos, lemma, complement, prep, note = (f.strip() for f in fields[: len(HEADER)])
        if pos not in ("verb", "noun"):
            raise LexiconError(f"{name}:{number}: pos must be verb or noun, not {pos!r}")
        if not lemma or (cameo != NO_EVENT and not cameo.isdigit()):
            raise LexiconError(f"{name}:{number}: needs a lemma and a CAMEO code or {NO_EVENT!r}")
        alternatives = tuple(
            frozenset(option.split()) for option in complement.lower().split("|") if option.strip()
        )
        yield TriggerEntry(cameo, pos, lemma.lower(), alternatives, prep.lower() or None, note,
                           f"{name}:{number}")


def _lines(resource) -> list[str]:
    with resource.open(encoding="utf-8") as handle:
        return list(handle)


def read_lexicon_file(path: Path) -> list[TriggerEntry]:
    with path.open(encoding="utf-8") as handle:
        return list(_parse_rows(handle, path.name))


@functools.lru_cache(maxsize=8)
def load_lexicon(overlays: tuple[Path, ...] = ()) -> Lexicon:
    package_file = resources.files("tacitus") / "data" / "lexicon" / "triggers.tsv"
    # parsed once per content of the file (and of this parser), then read from the compiled cache
    rows = compiled("lexicon", fingerprint(files=[Path(__file__), package_file]),
                    lambda: [astuple(entry) for entry in _parse_rows(_lines(package_file), "triggers.tsv")])
    entries = [TriggerEntry(*row) for row in rows]
    for overlay in overlays:
        entries.extend(read_lexicon_file(Path(overlay)))
    return Lexicon(entries)
