"""A store filled with the hand-written reports of store_samples, linked."""

from __future__ import annotations

import pytest
from store_samples import all_reports

from tacitus.link.linker import link
from tacitus.store import EventStore


@pytest.fixture
def filled_store(tmp_path):
    with EventStore(tmp_path / "events.duckdb") as store:
        store.add(all_reports())
        link(store)
        yield store
