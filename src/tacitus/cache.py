"""Compiled caches: what start-up would otherwise rebuild from the package's files every time.

A compiled value is plain Python data (dicts, lists, tuples, sets, strings, numbers) written
with :mod:`marshal`, which reads such data back several times faster than YAML, CSV or pickle
of dataclasses (:func:`plain` and :func:`revived` carry frozen dataclasses across as tuples). A
file is named after what it holds and a key: a hash of the tacitus version, the contents of the
files it was built from, the module that builds it, and anything else it depends on (the
versions of the packages that supplied it, the spaCy tokenizer). A changed input gives another key, so a stale
cache is never read; beyond the newest few files of a name, older ones are removed when a new
one is written.

Files live in the user cache directory (``$TACITUS_CACHE_DIR``, else ``$XDG_CACHE_HOME/tacitus``,
else ``~/.cache/tacitus``). They are written to a temporary file and renamed, so processes
starting in parallel never read half a file; a cache that cannot be written or read (read-only
home, corrupt file) only costs the build.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import logging
import marshal
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# Bump when the layout of a compiled value changes without its inputs changing.
CACHE_FORMAT = 1
# Disables every compiled cache (for measuring cold starts, or a read-only environment).
DISABLE_VARIABLE = "TACITUS_NO_CACHE"
KEY_LENGTH = 20
# Values kept per name: a few configurations (the package's data, a user overlay, a test's
# fixtures) used in turn do not rebuild each other's files.
KEEP_PER_NAME = 4


def cache_dir() -> Path:
    explicit = os.environ.get("TACITUS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tacitus"


@functools.lru_cache(maxsize=None)
def package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def fingerprint(parts: Iterable[str] = (), files: Iterable[Any] = ()) -> str:
    """Key of a compiled value: the tacitus version, `parts` and the contents of `files` (paths
    or importlib resources; a missing file counts as absent, so creating it changes the key)."""
    digest = hashlib.sha256(f"tacitus {package_version('tacitus')} format {CACHE_FORMAT}".encode())
    for part in parts:
        digest.update(b"\0part\0" + part.encode("utf-8", "surrogatepass"))
    for file in files:
        digest.update(b"\0file\0" + str(file).encode("utf-8", "surrogatepass") + b"\0")
        try:
            digest.update(file.read_bytes())
        except OSError:
            digest.update(b"\0absent")
    return digest.hexdigest()[:KEY_LENGTH]


def compiled(name: str, key: str, build: Callable[[], Any]) -> Any:
    """The value cached under `name` and `key`, else `build()` written there for the next start."""
    if os.environ.get(DISABLE_VARIABLE):
        return build()
    path = cache_dir() / f"{name}-{key}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except FileNotFoundError:
        pass
    except (OSError, EOFError, ValueError, TypeError) as err:
        log.warning("compiled cache %s unreadable (%s): rebuilding it", path, err)
    value = build()
    _write(path, name, value)
    return value


def _write(path: Path, name: str, value: Any) -> None:
    try:
        data = marshal.dumps(value)
    except ValueError as err:  # user data may hold values marshal cannot (YAML dates): built every time
        log.info("compiled cache %s not written: %s", path, err)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as err:
        log.info("compiled cache %s not written: %s", path, err)
        return
    # the exact key length, so that the files of "kb" are not taken for those of "kb-tokens"
    siblings = sorted(path.parent.glob(f"{name}-{'?' * KEY_LENGTH}.marshal"), key=_modified, reverse=True)
    for stale in siblings[KEEP_PER_NAME:]:
        stale.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed by a parallel process meanwhile
        return 0.0


# A dataclass instance in plain data: (tag, class name, field values...).
_DATACLASS_TAG = "\0dataclass"


def plain(value: Any, kinds: Iterable[type]) -> Any:
    """`value` with the instances of the dataclasses `kinds` (in dicts, lists, tuples) as tuples
    marshal can hold; :func:`revived` turns them back."""
    names = {kind: kind.__name__ for kind in kinds}

    def convert(item: Any) -> Any:
        kind = type(item)
        if kind in names:
            return (_DATACLASS_TAG, names[kind], *(convert(getattr(item, f.name)) for f in dataclasses.fields(item)))
        if kind is dict:
            return {key: convert(v) for key, v in item.items()}
        if kind is list or kind is tuple:
            return kind(convert(v) for v in item)
        return item

    return convert(value)


def revived(value: Any, kinds: Iterable[type]) -> Any:
    """The inverse of :func:`plain` for the same `kinds`. Start-up runs it on thousands of
    entries, hence the checks by exact type."""
    by_name = {kind.__name__: kind for kind in kinds}

    def convert(item: Any) -> Any:
        kind = type(item)
        if kind is tuple:
            if item and item[0] == _DATACLASS_TAG:
                return by_name[item[1]](*[convert(v) for v in item[2:]])
            return tuple([convert(v) for v in item])
        if kind is dict:
            return {key: convert(v) for key, v in item.items()}
        if kind is list:
            return [convert(v) for v in item]
        return item

    return convert(value)
