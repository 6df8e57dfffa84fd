"""`tacitus serve`: refuses a missing store, serves an existing one on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from tacitus.cli.app import app
from tacitus.records import Article
from tacitus.store import EventStore

TACITUS = Path(sys.executable).with_name("tacitus")


def test_a_missing_store_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no store at" in result.output and "tacitus ingest" in result.output


def test_serves_the_store_on_loopback(tmp_path):
    path = tmp_path / "small.duckdb"
    with EventStore(path) as store:
        store.add([(Article("only", "Chile thanked Peru. Nothing else happened."), [])])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(TACITUS), "serve", "--db", str(path), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5)
                if health.status_code == 200:
                    break
                # The first copy of the store is prepared in the background: come back later.
                assert health.status_code == 503 and health.headers["Retry-After"], health.text
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read()
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        assert health.json()["counts"]["articles"] == 1
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert f"serving {path} on http://127.0.0.1:{port}/" in " ".join(errors.split())
