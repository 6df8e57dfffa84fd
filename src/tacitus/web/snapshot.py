"""Read-only access to a store that `tacitus ingest` may be writing at the same time.

DuckDB lets one process hold a store file for writing and no other process read it meanwhile;
a reader holding the file would in turn stop an ingest from starting. So the server never keeps
the store open: it copies the file (and its write-ahead log) while briefly holding a read lock,
adds the serving tables to the copy (tacitus.web.serving), and answers every request from that
private copy, opened read-only. A background thread takes a new copy when the store file changed
and the lock is free; while an ingest holds the file, the server keeps answering from the last
copy. Building the serving tables of a large store takes a while, so a new copy is taken at most
once per REBUILD_SPACING times the last build's duration. Only when there is no copy at all (the
store was locked or missing from the start) do requests fail, with :class:`StoreUnavailable`,
which the app turns into 503 with Retry-After.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tacitus.web import serving

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 2
# Background refreshes wait this many times the last build's duration, so that rebuilding the
# serving tables while an ingest keeps changing the store takes at most a fifth of the time.
REBUILD_SPACING = 4.0


class StoreUnavailable(RuntimeError):
    """No readable copy of the store exists yet."""


@dataclass(frozen=True)
class FileState:
    """What identifies one version of the store on disk: the file's and its log's size and mtime."""

    parts: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, path: Path) -> FileState | None:
        if not path.exists():
            return None
        parts = []
        for part in (path, wal_of(path)):
            stat = part.stat() if part.exists() else None
            parts.append((stat.st_size, stat.st_mtime_ns) if stat else (0, 0))
        return cls(tuple(parts))


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def rows_of(path: Path) -> Path:
    return path.with_name(path.name + ".rows.arrow")


class StoreSnapshots:
    """The latest readable copy of `source`; `reader()` gives a read-only view of it."""

    def __init__(self, source: str | Path, directory: str | Path | None = None):
        self.source = Path(source)
        self._own_directory = directory is None
        self.directory = Path(directory or tempfile.mkdtemp(prefix="tacitus-serve-"))
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()  # guards the copy in use
        self._refreshing = threading.Lock()  # one refresh at a time
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._rows = None
        self._path: Path | None = None
        self._retired: tuple[duckdb.DuckDBPyConnection, Path] | None = None
        self._state: FileState | None = None
        self._generation = 0
        self.last_error: str | None = None
        self.build_seconds = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- reading -------------------------------------------------------------------------------

    def reader(self) -> serving.Reader:
        # While the first copy is being prepared (minutes for a large store), requests are told to
        # come back (503) rather than held.
        if self._connection is None and not self._refreshing.locked():
            self.refresh()
        with self._lock:  # the connection and its rows change together
            connection, rows = self._connection, self._rows
        if connection is None:
            if self._refreshing.locked():
                raise StoreUnavailable(f"a first copy of {self.source} is being prepared for serving")
            raise StoreUnavailable(self.last_error or f"the store {self.source} cannot be read yet")
        return serving.Reader(connection.cursor(), rows)

    @property
    def available(self) -> bool:
        return self._connection is not None

    # -- copying -------------------------------------------------------------------------------

    def refresh(self) -> bool:
        """Take a new copy if the store changed and can be read now; True when a new copy is in use."""
        with self._refreshing:
            return self._refresh()

    def _refresh(self) -> bool:
        with self._lock:
            state = FileState.of(self.source)
            if state is None:
                self.last_error = f"no store at {self.source}"
                return False
            if state == self._state and self._connection is not None:
                return False
            self._generation += 1
            self.directory.mkdir(parents=True, exist_ok=True)
            target = self.directory / f"snapshot-{self._generation}.duckdb"
            try:
                self._copy(target)
            except (duckdb.Error, OSError) as err:
                # Locked by a writer (ingest running), or mid-write: keep serving the last copy.
                self.last_error = f"the store {self.source} is busy or unreadable: {str(err).splitlines()[0]}"
                log.info("snapshot not refreshed: %s", self.last_error)
                _remove(target)
                return False
        # Built outside the lock: requests keep reading the previous copy meanwhile.
        try:
            self.build_seconds = self._build(target)
            fresh = duckdb.connect(str(target), read_only=True)
            fresh.execute("SELECT max(version) FROM schema_version").fetchone()
            rows = serving.EventRows(rows_of(target))
        except (duckdb.Error, OSError) as err:
            self.last_error = f"the copy of {self.source} cannot be served: {str(err).splitlines()[0]}"
            log.warning("snapshot not refreshed: %s", self.last_error)
            _remove(target)
            return False
        with self._lock:
            previous = (self._connection, self._path) if self._connection is not None else None
            self._connection, self._rows, self._path, self._state = fresh, rows, target, state
            self.last_error = None
            # Requests started on the previous copy may still be running: close it one refresh later.
            if self._retired is not None:
                self._retired[0].close()
                _remove(self._retired[1])
            self._retired = previous
        log.info("serving snapshot %d of %s (serving tables built in %.1f s)", self._generation, self.source,
                 self.build_seconds)
        return True

    def _copy(self, target: Path) -> None:
        # The read lock keeps a writer from starting mid-copy; a writer already running makes
        # connect() fail, and the caller keeps the previous copy.
        holder = duckdb.connect(str(self.source), read_only=True)
        try:
            shutil.copyfile(self.source, target)
            if wal_of(self.source).exists():
                shutil.copyfile(wal_of(self.source), wal_of(target))
        finally:
            holder.close()

    @staticmethod
    def _build(target: Path) -> float:
        """Add the serving tables to the copy; opening it writable also folds in its copied log,
        so that it then opens read-only without one."""
        writable = duckdb.connect(str(target))
        try:
            return serving.build(writable, rows_of(target))
        finally:
            writable.close()

    # -- background refresh --------------------------------------------------------------------

    def start(self, interval: float) -> None:
        """Refresh in a background thread: now, then every `interval` seconds at least."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()

        def loop() -> None:
            while True:
                try:
                    self.refresh()
                except Exception:  # the loop must outlive any one failed refresh
                    log.exception("snapshot refresh failed")
                if self._stop.wait(max(interval, REBUILD_SPACING * self.build_seconds)):
                    return

        self._thread = threading.Thread(target=loop, name="tacitus-snapshots", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._connection is not None:
            self._connection.close()
        if self._retired is not None:
            self._retired[0].close()
        # Closed copies are gone: a later request takes a new one (the app may be started again).
        self._connection = self._rows = self._retired = self._state = None
        if self._own_directory:
            shutil.rmtree(self.directory, ignore_errors=True)


def _remove(path: Path) -> None:
    for part in (path, wal_of(path), rows_of(path)):
        part.unlink(missing_ok=True)
