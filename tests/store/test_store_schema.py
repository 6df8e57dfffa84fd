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


def test_the_attribution_verb_of_rows_stored_before_comes_from_their_factuality_cue(tmp_path):
    """Migration 5: linking read the verb from the cue of a reported event; the column now holds it."""
    path = tmp_path / "v4.duckdb"
    con = duckdb.connect(str(path))
    assert migrate(con, target=4) == 4
    rows = [("e1", "reported", "the Pentagon", '{"factuality_cue": "\'confirm\' by the Pentagon"}'),
            ("e2", "reported", "officials", '{"factuality_cue": "\'according to\' by officials"}'),
            ("e3", "asserted", "Iran", '{"rule": "verb"}'),
            ("e4", "reported", None, '{"factuality_cue": "\'say\' by nobody"}'),
            ("e5", "reported", "the ministry", None)]
    for event_id, factuality, attribution, evidence in rows:
        con.execute("INSERT INTO events (event_id, doc_id, cameo, factuality, attribution_text, evidence) "
                    "VALUES (?, 'd', '120', ?, ?, ?)", [event_id, factuality, attribution, evidence])
    assert migrate(con) == LATEST_VERSION
    verbs = dict(con.execute("SELECT event_id, attribution_verb FROM events").fetchall())
    assert verbs == {"e1": "confirm", "e2": "according to", "e3": None, "e4": None, "e5": None}
