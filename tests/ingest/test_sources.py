"""Every path given or found is read or named with a reason; reads stop at their budget."""

import io
import os
import threading
import time

import pytest

from tacitus.ingest import ReadOptions, read_inputs
from tacitus.ingest import sources
from tacitus.ingest.decode import InputError
from tacitus.ingest.sources import bounded_lines, read_limited
from tacitus.records import Article, Skip

STORY = ("Iran rejected a US proposal for talks on Monday, the foreign ministry said. The spokesman "
         "told reporters that the government would not negotiate under pressure.")


def reasons(items):
    return {os.path.basename(i.origin): i.reason for i in items if isinstance(i, Skip)}


def test_links_loops_and_unsupported_files_in_a_directory_are_all_named(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "one.txt").symlink_to(tmp_path / "two.txt")
    (tmp_path / "two.txt").symlink_to(tmp_path / "one.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path)
    items = list(read_inputs([tmp_path]))
    assert sum(isinstance(i, Article) for i in items) == 1
    assert reasons(items) == {
        "paper.pdf": "unsupported file type '.pdf'",
        "gone.txt": "dangling symbolic link (its target does not exist)",
        "one.txt": "symbolic link loop",
        "two.txt": "symbolic link loop",
        "back": "symbolic link loop (leads back to a directory being read)",
    }


def test_a_given_link_loop_is_not_called_missing(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "a.txt")
    [item] = read_inputs([tmp_path / "a.txt"])
    assert item.reason == "symbolic link loop"


def test_an_unreadable_directory_says_so(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()

    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(sources.os, "scandir", refuse)
    [item] = read_inputs([tmp_path / "locked"])
    assert item.reason == "cannot read directory: permission denied"


def test_devices_are_not_read():
    [item] = read_inputs(["/dev/zero"])
    assert item == Skip("/dev/zero", "not a regular file (character device)")


def test_a_named_pipe_without_a_writer_does_not_hang(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "PIPE_SILENCE_SECONDS", 0.3)
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    started = time.monotonic()
    [item] = read_inputs([pipe])
    assert item.reason == "named pipe: nothing written to it for 0.3 s" and time.monotonic() - started < 5


def test_a_named_pipe_with_a_writer_is_read(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)

    def write():
        with open(pipe, "w", encoding="utf-8") as handle:
            handle.write(STORY)

    writer = threading.Thread(target=write)
    writer.start()
    time.sleep(0.2)  # the writer is blocked in open() until the reader opens the pipe
    items = list(read_inputs([pipe]))
    writer.join(timeout=5)
    assert [type(i) for i in items] == [Article]


def test_a_silent_pipe_times_out(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "PIPE_SILENCE_SECONDS", 0.3)
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    keep_open = os.open(pipe, os.O_RDWR)  # a writer that never writes
    try:
        [item] = read_inputs([pipe])
    finally:
        os.close(keep_open)
    assert item.reason == "named pipe: nothing written to it for 0.3 s"


def test_reads_stop_at_the_budget():
    with pytest.raises(InputError, match="too large"):
        read_limited(io.BytesIO(b"x" * 101), 100)
    assert read_limited(io.BytesIO(b"x" * 100), 100) == b"x" * 100


def test_a_huge_text_file_is_not_read_whole(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)  # sparse: 300 MB that take no disk
    [item] = read_inputs([path], ReadOptions(max_chars=1000))
    assert isinstance(item, Skip) and item.reason.startswith("too large (more than 4,004 bytes")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoding):
    path = tmp_path / "story.txt"
    data = STORY.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    [item] = read_inputs([path])
    assert isinstance(item, Article) and item.text == STORY


def test_long_lines_are_consumed_and_flagged():
    stream = io.BytesIO(b"short\n" + b"x" * 50 + b"\nafter\n")
    assert list(bounded_lines(stream, 10)) == [b"short\n", None, b"after\n"]


def test_utf16_jsonl_lines_are_read(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_bytes(('{"id": "a", "text": "%s"}\n' % STORY).encode("utf-16"))
    [item] = read_inputs([path])
    assert isinstance(item, Article) and item.doc_id == "a"
