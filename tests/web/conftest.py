"""A store coded by the real pipeline from the articles in articles.jsonl (written for these
tests): Iran rejecting a US meeting request in 2013 and again in 2017, the 2017 refusal denied by
the White House, a strike near Damascus, and an article whose title and text carry <script>."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tacitus.ingest import ReadOptions, read_inputs
from tacitus.link.linker import link
from tacitus.pipeline import EngineConfig
from tacitus.store import EventStore
from tacitus.store.ingest import ingest
from tacitus.web.app import create_app

ARTICLES = Path(__file__).with_name("articles.jsonl")


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "events.duckdb"
    with EventStore(path) as store:
        ingest(store, read_inputs([str(ARTICLES)], ReadOptions()), EngineConfig())
        link(store)
    return path


@pytest.fixture(scope="session")
def client(store_path, tmp_path_factory):
    app = create_app(store_path, snapshot_dir=tmp_path_factory.mktemp("snapshots"), refresh_seconds=None)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def refusals(client) -> dict[str, dict]:
    """The IRN->USA REJECT records by year of their date."""
    events = client.get("/api/events", params={"dyad": "IRN:USA", "type": "REJECT"}).json()["events"]
    return {event["date"][:4]: event for event in events if event["factuality"] == "asserted"}
