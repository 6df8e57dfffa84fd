"""Finding input files and reading their bytes within a budget.

Every path given or found in a directory ends up either read or as a :class:`Skip` with its
reason: dangling links, link loops, unreadable directories, devices, sockets and files of an
unsupported type are all named in the run summary. Bytes are read with a limit enforced while
reading, so neither a huge file nor ``/dev/zero`` nor a stalled named pipe can exhaust memory
or hang the run.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import select
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tacitus.ingest.decode import InputError, bom_encoding
from tacitus.records import Skip

# How long a named pipe may stay silent, and how long reading one may take in all.
PIPE_SILENCE_SECONDS = 10.0
PIPE_TOTAL_SECONDS = 120.0
_CHUNK = 1 << 16

_KINDS = ((stat.S_ISFIFO, "named pipe"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
          (stat.S_ISSOCK, "socket"))


def kind_of(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "special file"


def _stat_problem(path: Path, err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "symbolic link loop"
    if err.errno == errno.ENOENT and path.is_symlink():
        return "dangling symbolic link (its target does not exist)"
    if err.errno == errno.ENOENT:
        return "no such file or directory"
    if err.errno == errno.EACCES:
        return "permission denied"
    return f"cannot read: {err.strerror or err}"


def find_inputs(path: Path, suffix_of, supported: set[str]) -> Iterator[tuple[Path, os.stat_result] | Skip]:
    """The files to read under `path` (itself if a file), each with its stat, or a Skip for
    anything that cannot or will not be read."""
    try:
        info = path.stat()
    except OSError as err:
        yield Skip(str(path), _stat_problem(path, err))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(path, suffix_of, supported, {(info.st_dev, info.st_ino)})
    elif stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        yield path, info  # a pipe given by name is read, with a time limit
    else:
        yield Skip(str(path), f"not a regular file ({kind_of(info.st_mode)})")


def _walk(directory: Path, suffix_of, supported: set[str], ancestors: set[tuple[int, int]]):
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as err:
        yield Skip(str(directory), f"cannot read directory: {_stat_problem(directory, err)}")
        return
    found_any = False
    for entry in entries:
        path = Path(entry.path)
        try:
            info = path.stat()
        except OSError as err:
            yield Skip(str(path), _stat_problem(path, err))
            continue
        found_any = True
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield Skip(str(path), "symbolic link loop (leads back to a directory being read)")
                continue
            yield from _walk(path, suffix_of, supported, ancestors | {key})
        elif not stat.S_ISREG(info.st_mode):
            yield Skip(str(path), f"not a regular file ({kind_of(info.st_mode)}); name it to read it")
        elif suffix_of(path) not in supported:
            yield Skip(str(path), f"unsupported file type {suffix_of(path) or '(no extension)'!r}")
        else:
            yield path, info
    if not found_any:
        yield Skip(str(directory), "empty directory")


def read_limited(stream: BinaryIO, budget: int) -> bytes:
    """All bytes of `stream`, or InputError as soon as there are more than `budget`."""
    data = stream.read(budget + 1)
    if len(data) > budget:
        raise InputError(f"too large (more than {budget:,} bytes; see --max-chars)")
    return data


def open_input(path: Path, info: os.stat_result, budget: int) -> BinaryIO:
    """A binary stream over the file; a named pipe is read up front, within `budget` bytes
    and the pipe time limits, so a silent writer cannot hang the run."""
    if stat.S_ISFIFO(info.st_mode):
        return io.BytesIO(_read_pipe(path, budget))
    return path.open("rb")


def _read_pipe(path: Path, budget: int) -> bytes:
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    chunks: list[bytes] = []
    size = 0
    deadline = time.monotonic() + PIPE_TOTAL_SECONDS
    try:
        while True:
            ready, _, _ = select.select([descriptor], [], [], PIPE_SILENCE_SECONDS)
            if not ready:
                raise InputError(f"named pipe: nothing written to it for {PIPE_SILENCE_SECONDS:g} s")
            try:
                chunk = os.read(descriptor, _CHUNK)
            except BlockingIOError:
                continue
            if not chunk:
                break
            size += len(chunk)
            if size > budget:
                raise InputError(f"too large (more than {budget:,} bytes; see --max-chars)")
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise InputError(f"named pipe still sending after {PIPE_TOTAL_SECONDS:.0f} s")
    finally:
        os.close(descriptor)
    return b"".join(chunks)


def peek(stream: BinaryIO, size: int) -> bytes:
    """The next `size` bytes of `stream` without consuming them."""
    if hasattr(stream, "peek"):
        return stream.peek(size)[:size]
    position = stream.tell()
    head = stream.read(size)
    stream.seek(position)
    return head


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of `stream` as UTF-8 bytes (UTF-16/32 with a byte-order mark re-encoded), each
    at most `limit` bytes; a longer line is consumed and given as None."""
    encoding = bom_encoding(peek(stream, 4))
    if encoding in ("utf-16", "utf-32"):
        text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
        while line := text.readline(limit + 1):
            if len(line) > limit and not line.endswith("\n"):
                while (rest := text.readline(_CHUNK)) and not rest.endswith("\n"):
                    pass
                yield None
            else:
                yield line.encode("utf-8", "surrogatepass")
        return
    if encoding == "utf-8-sig":
        stream.read(len(codecs.BOM_UTF8))
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line
