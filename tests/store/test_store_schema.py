"""Versioned schema migrations."""

from __future__ import annotations

import duckdb
import pytest
from store_samples import iran_rejection_2013

from tacitus.store import EventStore, StoreError
from tacitus.store.schema import LATEST_VERSION, MIGRATIONS, current_version, migrate


def test_new_store_is_at_the_latest_version(tmp_path):
    with EventStore(tmp_path / "new.duckdb") as store:
        versions = store.con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert [v for (v,) in versions] == [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


def test_older_store_is_migrated_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    assert migrate(con, target=1) == 1
    con.close()
    article, events = iran_rejection_2013()
    with EventStore(path) as store:
        assert current_version(store.con) == LATEST_VERSION
        store.add([(article, events)])
    # Opening again applies nothing and loses nothing.
    with EventStore(path) as store:
        assert store.con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == LATEST_VERSION
        assert [r["event_id"] for r in store.events()] == [events[0].event_id]


def test_store_from_a_newer_tacitus_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    with EventStore(path) as store:
        store.con.execute("INSERT INTO schema_version VALUES (?, 'from the future', now())", [LATEST_VERSION + 1])
    with pytest.raises(StoreError, match="newer"):
        EventStore(path)


def test_query_commands_do_not_create_a_store(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        EventStore(tmp_path / "missing.duckdb", create=False)
    assert not (tmp_path / "missing.duckdb").exists()
