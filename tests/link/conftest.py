"""A fresh store per test."""

from __future__ import annotations

import pytest

from tacitus.store import EventStore


@pytest.fixture
def store(tmp_path):
    with EventStore(tmp_path / "events.duckdb") as opened:
        yield opened
