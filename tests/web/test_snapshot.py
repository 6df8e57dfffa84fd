"""Serving while another process writes the store: answers come from the last snapshot, and a
store that cannot be read at all gives 503 with Retry-After."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import duckdb
import pytest
from fastapi.testclient import TestClient

from tacitus.records import Article
from tacitus.store import EventStore
from tacitus.web.app import create_app
from tacitus.web.snapshot import StoreSnapshots, StoreUnavailable

# Adds one article and keeps the store open for writing until told to stop, as an ingest does.
WRITER = textwrap.dedent("""
    import sys
    from tacitus.records import Article
    from tacitus.store import EventStore
    with EventStore(sys.argv[1]) as store:
        store.add([(Article(sys.argv[2], "Text of article " + sys.argv[2] + ". It says little."), [])])
        print("holding", flush=True)
        sys.stdin.readline()
""")


class Writer:
    def __init__(self, path, doc_id):
        self.process = subprocess.Popen([sys.executable, "-c", WRITER, str(path), doc_id],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "holding"

    def finish(self):
        self.process.communicate("stop\n", timeout=60)
        assert self.process.returncode == 0


def make_store(path, *doc_ids):
    with EventStore(path) as store:
        store.add([(Article(doc_id, f"Text of article {doc_id}. It says little."), []) for doc_id in doc_ids])


def articles(client):
    return client.get("/api/health").json()["counts"]["articles"]


def test_keeps_answering_from_the_snapshot_while_a_writer_holds_the_store(tmp_path):
    path = tmp_path / "busy.duckdb"
    make_store(path, "first")
    app = create_app(path, snapshot_dir=tmp_path / "snapshots", refresh_seconds=None)
    with TestClient(app) as client:
        assert articles(client) == 1
        writer = Writer(path, "second")
        try:
            assert app.state.snapshots.refresh() is False  # locked: the copy stays as it was
            assert "busy" in app.state.snapshots.last_error
            assert articles(client) == 1
            assert client.get("/").status_code == 200
        finally:
            writer.finish()
        assert app.state.snapshots.refresh() is True
        assert articles(client) == 2


def test_a_store_locked_from_the_start_gives_503_with_retry_after(tmp_path):
    path = tmp_path / "locked.duckdb"
    make_store(path, "first")
    writer = Writer(path, "second")
    try:
        with TestClient(create_app(path, snapshot_dir=tmp_path / "snapshots", refresh_seconds=None)) as client:
            api = client.get("/api/events")
            assert api.status_code == 503 and api.headers["retry-after"].isdigit()
            assert "cannot be read" in api.json()["error"]
            page = client.get("/")
            assert page.status_code == 503 and page.headers["retry-after"]
            writer.finish()
            writer = None
            assert articles(client) == 2  # the next request takes the first copy
    finally:
        if writer:
            writer.finish()


def test_a_missing_store_gives_503(tmp_path):
    with TestClient(create_app(tmp_path / "absent.duckdb", snapshot_dir=tmp_path / "s", refresh_seconds=None)) as client:
        response = client.get("/api/health")
        assert response.status_code == 503 and "no store" in response.json()["error"]


def test_the_snapshot_is_read_only_and_the_source_untouched(tmp_path):
    path = tmp_path / "store.duckdb"
    make_store(path, "first")
    before = path.read_bytes()
    snapshots = StoreSnapshots(path, tmp_path / "snapshots")
    try:
        reader = snapshots.reader()
        with pytest.raises(duckdb.Error, match="read-only"):
            reader.execute("DELETE FROM articles")
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        snapshots.close()
    assert path.read_bytes() == before


def test_refresh_only_copies_a_changed_store(tmp_path):
    path = tmp_path / "store.duckdb"
    make_store(path, "first")
    snapshots = StoreSnapshots(path, tmp_path / "snapshots")
    try:
        assert snapshots.refresh() is True
        assert snapshots.refresh() is False
        make_store(path, "second")
        assert snapshots.refresh() is True
        assert snapshots.reader().execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert len(list((tmp_path / "snapshots").glob("*.duckdb"))) <= 2  # older copies are removed
    finally:
        snapshots.close()


def test_a_closed_snapshot_set_reopens_on_the_next_request(tmp_path):
    # An ASGI host may run the app's shutdown and startup more than once.
    path = tmp_path / "store.duckdb"
    make_store(path, "first")
    snapshots = StoreSnapshots(path)
    snapshots.refresh()
    snapshots.close()
    try:
        assert snapshots.reader().execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        snapshots.close()


def test_requests_are_told_to_come_back_while_the_first_copy_is_prepared(tmp_path):
    path = tmp_path / "store.duckdb"
    make_store(path, "first")
    snapshots = StoreSnapshots(path, tmp_path / "snapshots")
    try:
        with snapshots._refreshing:  # as while the background thread builds the first copy
            with pytest.raises(StoreUnavailable, match="being prepared"):
                snapshots.reader()
        with snapshots.reader() as reader:
            assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        snapshots.close()


def test_the_background_thread_takes_the_first_copy(tmp_path):
    path = tmp_path / "store.duckdb"
    make_store(path, "first")
    snapshots = StoreSnapshots(path, tmp_path / "snapshots")
    try:
        snapshots.start(interval=60)
        for _ in range(600):
            if snapshots.available:
                break
            time.sleep(0.05)
        assert snapshots.available
    finally:
        snapshots.close()
