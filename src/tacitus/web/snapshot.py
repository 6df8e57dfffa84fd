"""Read-only access to a store that `tacitus ingest` may be writing at the same time.

DuckDB lets one process hold a store file for writing and no other process read it meanwhile;
a reader holding the file would in turn stop an ingest from starting. So the server never keeps
the store open: it copies the file (and its write-ahead log) while briefly holding a read lock,
and answers every request from that private copy, opened read-only. A background thread takes a
new copy when the store file changed and the lock is free; while an ingest holds the file, the
server keeps answering from the last copy. Only when there is no copy at all (the store was
locked or missing from the start) do requests fail, with :class:`StoreUnavailable`, which the
app turns into 503 with Retry-After.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 2


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


class StoreSnapshots:
    """The latest readable copy of `source`; `cursor()` gives a read-only cursor on it."""

    def __init__(self, source: str | Path, directory: str | Path | None = None):
        self.source = Path(source)
        self._own_directory = directory is None
        self.directory = Path(directory or tempfile.mkdtemp(prefix="tacitus-serve-"))
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._path: Path | None = None
        self._retired: tuple[duckdb.DuckDBPyConnection, Path] | None = None
        self._state: FileState | None = None
        self._generation = 0
        self.last_error: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- reading -------------------------------------------------------------------------------

    def cursor(self) -> duckdb.DuckDBPyConnection:
        connection = self._connection
        if connection is None:
            self.refresh()
            connection = self._connection
        if connection is None:
            raise StoreUnavailable(self.last_error or f"the store {self.source} cannot be read yet")
        return connection.cursor()

    @property
    def available(self) -> bool:
        return self._connection is not None

    # -- copying -------------------------------------------------------------------------------

    def refresh(self) -> bool:
        """Take a new copy if the store changed and can be read now; True when a new copy is in use."""
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
                fresh = duckdb.connect(str(target), read_only=True)
                fresh.execute("SELECT max(version) FROM schema_version").fetchone()
            except (duckdb.Error, OSError) as err:
                # Locked by a writer (ingest running), or mid-write: keep serving the last copy.
                self.last_error = f"the store {self.source} is busy or unreadable: {str(err).splitlines()[0]}"
                log.info("snapshot not refreshed: %s", self.last_error)
                _remove(target)
                return False
            previous = (self._connection, self._path) if self._connection is not None else None
            self._connection, self._path, self._state = fresh, target, state
            self.last_error = None
            # Requests started on the previous copy may still be running: close it one refresh later.
            if self._retired is not None:
                self._retired[0].close()
                _remove(self._retired[1])
            self._retired = previous
        log.info("serving snapshot %d of %s", self._generation, self.source)
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
        if wal_of(target).exists():
            # Fold the copied log into the copy so that it opens read-only without one.
            writable = duckdb.connect(str(target))
            writable.execute("CHECKPOINT")
            writable.close()

    # -- background refresh --------------------------------------------------------------------

    def start(self, interval: float) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()

        def loop() -> None:
            while not self._stop.wait(interval):
                try:
                    self.refresh()
                except Exception:  # the loop must outlive any one failed refresh
                    log.exception("snapshot refresh failed")

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
        self._connection = self._retired = self._state = None
        if self._own_directory:
            shutil.rmtree(self.directory, ignore_errors=True)


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)
    wal_of(path).unlink(missing_ok=True)
