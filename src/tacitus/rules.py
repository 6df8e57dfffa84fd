"""Rule words: the word lists and small tables the rules of every stage read, from
``data/rules/``.

A word list (``<name>.txt``) is a plain text file, one word or phrase per line, ``#`` starting a
comment; a table (``<name>.tsv``) has a key and a value per line, tab-separated. The comment at
the top of each file says what it is for and which rules read it. Each is read once per
process. Users change them without editing code through overlay files: a line adds a word (or
sets a key), a line ``-word`` removes one. The overlays are named by the environment variable
``TACITUS_RULES`` (directories holding ``<name>.txt``/``<name>.tsv`` files, or such files,
separated by ``os.pathsep``), read when the stages load — so a run with worker processes uses
them too — or set in-process with :func:`use_overlays` before the stages are imported.

This module belongs to no stage, so a stage reads the words of another (the dates stage the
future words of factuality) without importing it.
"""

from __future__ import annotations

import functools
import os
from importlib.resources import files
from pathlib import Path

_RULES = files("tacitus") / "data" / "rules"
OVERLAY_VARIABLE = "TACITUS_RULES"
_overlays: tuple[Path, ...] = tuple(Path(p) for p in os.environ.get(OVERLAY_VARIABLE, "").split(os.pathsep) if p)


class RulesError(ValueError):
    """A rule list that does not exist or an overlay that cannot be read."""


def words(name: str) -> frozenset[str]:
    """The words of list `name` (``data/rules/<name>.txt``), overlays applied."""
    return _words(name, _overlays)


def table(name: str) -> dict[str, str]:
    """The table `name` (``data/rules/<name>.tsv``: key, tab, value), overlays applied."""
    return dict(_table(name, _overlays))


def use_overlays(paths: tuple[Path, ...] | list[Path]) -> None:
    """Apply these overlay directories or files from now on: ``<dir>/<name>.txt`` or a file
    named ``<name>.txt`` changes list `name`. Lists already read by a stage at import time
    keep their words; overlays are meant to be set before the stages load."""
    global _overlays
    _overlays = tuple(Path(p) for p in paths)
    _words.cache_clear()
    _table.cache_clear()


def _lines(text: str) -> list[str]:
    entries = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


def _texts(file_name: str, overlays: tuple[Path, ...]) -> tuple[str, list[tuple[Path, str]]]:
    """The package file's text and, in order, the text of every overlay of it."""
    resource = _RULES / file_name
    if not resource.is_file():
        raise RulesError(f"no rule file data/rules/{file_name}")
    found = []
    for overlay in overlays:
        path = overlay / file_name if overlay.is_dir() else overlay
        if path.name != file_name or not path.is_file():
            continue
        try:
            found.append((path, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as err:
            raise RulesError(f"cannot read rule overlay {path}: {err}") from err
    return resource.read_text(encoding="utf-8"), found


@functools.cache
def _words(name: str, overlays: tuple[Path, ...]) -> frozenset[str]:
    text, overlay_texts = _texts(f"{name}.txt", overlays)
    found = set(_lines(text))
    for _, overlay_text in overlay_texts:
        for entry in _lines(overlay_text):
            if entry.startswith("-"):
                found.discard(entry[1:].strip())
            else:
                found.add(entry)
    return frozenset(found)


@functools.cache
def _table(name: str, overlays: tuple[Path, ...]) -> tuple[tuple[str, str], ...]:
    text, overlay_texts = _texts(f"{name}.tsv", overlays)
    found = dict(_pairs(text, f"data/rules/{name}.tsv"))
    for path, overlay_text in overlay_texts:
        for entry in _lines(overlay_text):
            if entry.startswith("-"):
                found.pop(entry[1:].strip(), None)
        found.update(_pairs("\n".join(e for e in _lines(overlay_text) if not e.startswith("-")), str(path)))
    return tuple(found.items())


def _pairs(text: str, origin: str) -> list[tuple[str, str]]:
    pairs = []
    for number, entry in enumerate(_lines(text), 1):
        key, tab, value = entry.partition("\t")
        if not tab or not key.strip() or not value.strip():
            raise RulesError(f"{origin}: entry {number} {entry!r} is not 'key<TAB>value'")
        pairs.append((key.strip(), value.strip()))
    return pairs
