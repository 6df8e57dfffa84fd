"""Storing articles and events: the record contract round trip, idempotency, replacement, atomicity."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from store_samples import all_reports, iran_rejection_2013, kerry_visit_2013

from tacitus.store import EventQuery, EventStore


def test_records_come_back_exactly_as_the_contract(tmp_path):
    reports = all_reports()
    with EventStore(tmp_path / "s.duckdb") as store:
        store.add(reports)
        stored = {r["event_id"]: r for r in store.events()}
    expected = {e.event_id: e.to_dict() for _, events in reports for e in events}
    assert stored == expected


def test_article_states_and_replacement(tmp_path):
    article, events = iran_rejection_2013()
    with EventStore(tmp_path / "s.duckdb") as store:
        store.add([(article, events)])
        edited = dataclasses.replace(article, text=article.text + " Washington said the offer stands.")
        states = store.article_states([article, edited, kerry_visit_2013()[0]])
        assert states == {"khamenei-2013": "changed", "kerry-2013": "new"}  # the later version of a doc_id wins
        assert store.article_states([article]) == {"khamenei-2013": "unchanged"}

        assert store.add([(edited, [])], replace=["khamenei-2013"]) == 0
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 0
        assert store.con.execute("SELECT text FROM articles").fetchone()[0].endswith("the offer stands.")


def test_a_failed_batch_stores_nothing(tmp_path):
    article, events = iran_rejection_2013()
    broken = dataclasses.replace(kerry_visit_2013()[0], text=None)  # violates NOT NULL on articles.text
    with EventStore(tmp_path / "s.duckdb") as store:
        with pytest.raises(Exception):
            store.add([(article, events), (broken, [])])
        assert store.counts()["articles"] == 0 and store.counts()["events"] == 0


def test_event_queries(filled_store):
    def ids(**filters):
        return sorted(r["doc_id"] for r in filled_store.events(EventQuery(**filters)))

    assert ids(actor="EGY") == ["kerry-2013"]
    assert ids(actor="IRNGOV") == ["ap-2017"]
    assert ids(dyad=("IRN", "USA")) == ["ap-2017", "khamenei-2013", "rouhani-2017"]
    assert ids(dyad=("USA", "IRN")) == []
    assert ids(event_type="REJECT", since=dt.date(2017, 1, 1)) == ["ap-2017", "rouhani-2017"]
    assert ids(event_type="04") == ["kerry-2013"]
    assert ids(until=dt.date(2013, 12, 31)) == ["kerry-2013", "khamenei-2013"]
    (story,) = filled_store.con.execute("SELECT story_id FROM article_links WHERE doc_id = 'ap-2017'").fetchone()
    assert ids(story=story) == ["ap-2017", "rouhani-2017"]


def test_event_queries_by_confidence(tmp_path):
    reports = all_reports()
    for (article, records), confidence in zip(reports, (0.3, 0.9, 0.9, 0.6, 0.1)):
        for record in records:
            record.confidence = confidence
    with EventStore(tmp_path / "c.duckdb") as store:
        store.add(reports)
        kept = sorted(r["doc_id"] for r in store.events(EventQuery(min_confidence=0.6)))
        assert kept == ["ap-2017", "khamenei-2013", "rouhani-2017"]
        assert len(list(store.events(EventQuery()))) == 5
