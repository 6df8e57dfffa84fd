"""Rule words: the word lists the rules of every stage read, from ``data/rules/*.txt``.

Each list is a plain text file, one word or phrase per line, ``#`` starting a comment; the
comment at the top of the file says what the list is for and which rules read it. A list is
read once per process. Users change a list without editing code through overlay files (see
:func:`use_overlays`): a line adds a word, a line ``-word`` removes one.

This module belongs to no stage, so a stage reads the words of another (the dates stage the
future words of factuality) without importing it.
"""

from __future__ import annotations

import functools
from importlib.resources import files
from pathlib import Path

_RULES = files("tacitus") / "data" / "rules"
_overlays: tuple[Path, ...] = ()


class RulesError(ValueError):
    """A rule list that does not exist or an overlay that cannot be read."""


def words(name: str) -> frozenset[str]:
    """The words of list `name` (``data/rules/<name>.txt``), overlays applied."""
    return _words(name, _overlays)


def use_overlays(paths: tuple[Path, ...] | list[Path]) -> None:
    """Apply these overlay directories or files from now on: ``<dir>/<name>.txt`` or a file
    named ``<name>.txt`` changes list `name`. Lists already read by a stage at import time
    keep their words; overlays are meant to be set before the stages load."""
    global _overlays
    _overlays = tuple(Path(p) for p in paths)
    _words.cache_clear()


def _lines(text: str) -> list[str]:
    entries = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


@functools.cache
def _words(name: str, overlays: tuple[Path, ...]) -> frozenset[str]:
    resource = _RULES / f"{name}.txt"
    if not resource.is_file():
        raise RulesError(f"no rule list named {name!r} (expected data/rules/{name}.txt)")
    found = set(_lines(resource.read_text(encoding="utf-8")))
    for overlay in overlays:
        path = overlay / f"{name}.txt" if overlay.is_dir() else overlay
        if path.name != f"{name}.txt" or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise RulesError(f"cannot read rule overlay {path}: {err}") from err
        for entry in _lines(text):
            if entry.startswith("-"):
                found.discard(entry[1:].strip())
            else:
                found.add(entry)
    return frozenset(found)
