"""Bulk loading a coded Parquet dataset into the store, and ingest on a Dask cluster."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from store_samples import all_reports

from tacitus.execute.partitions import write_partition
from tacitus.pipeline import EngineConfig
from tacitus.records import Article
from tacitus.store import EventStore
from tacitus.store.bulk import ingest_on_dask, load_dataset

ARTICLE_COLUMNS = "doc_id, content_hash, title, published, outlet, text, minhash, shingles, event_count"


def rows(store: EventStore, sql: str) -> list[tuple]:
    return store.con.execute(sql).fetchall()


def test_a_loaded_dataset_stores_what_adding_the_records_stores(tmp_path):
    reports = all_reports()
    dest = str(tmp_path / "run")
    write_partition(dest, "part-000001", reports[:2], with_articles=True)
    write_partition(dest, "part-000002", reports[2:], with_articles=True)
    with EventStore(tmp_path / "bulk.duckdb") as bulk, EventStore(tmp_path / "rows.duckdb") as by_rows:
        assert load_dataset(bulk, dest) == (len(reports), 0, sum(len(e) for _, e in reports))
        by_rows.add(reports)
        for sql in (f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY doc_id", "SELECT * FROM events ORDER BY event_id"):
            assert rows(bulk, sql) == rows(by_rows, sql)


def test_a_doc_coded_in_two_partitions_keeps_the_later_version(tmp_path):
    first, second = all_reports()[:2]
    rewritten = (dataclasses.replace(second[0], doc_id=first[0].doc_id),
                 [dataclasses.replace(event, doc_id=first[0].doc_id) for event in second[1]])
    dest = str(tmp_path / "run")
    write_partition(dest, "part-000001", [first], with_articles=True)
    write_partition(dest, "part-000002", [rewritten], with_articles=True)
    with EventStore(tmp_path / "bulk.duckdb") as store:
        assert load_dataset(store, dest) == (1, 0, len(rewritten[1]))
        assert rows(store, "SELECT text FROM articles") == [(second[0].text,)]
        assert {r[0] for r in rows(store, "SELECT event_id FROM events")} == {e.event_id for e in rewritten[1]}


def test_replaced_articles_lose_their_earlier_rows(tmp_path):
    article, events = all_reports()[0]
    with EventStore(tmp_path / "bulk.duckdb") as store:
        store.add([(article, events)])
        changed = dataclasses.replace(article, text=article.text + " Officials gave no details.")
        dest = str(tmp_path / "run")
        write_partition(dest, "part-000001", [(changed, [])], with_articles=True)
        assert load_dataset(store, dest, replace=[article.doc_id]) == (0, 1, 0)
        assert rows(store, "SELECT text, event_count FROM articles") == [(changed.text, 0)]
        assert rows(store, "SELECT count(*) FROM events") == [(0,)]


@pytest.mark.slow
def test_ingest_on_dask_codes_only_new_and_changed_articles(tmp_path, dask_client):
    from tacitus.execute.cluster import DaskOptions

    texts = ["Iran rejected a proposal from the United States for talks on the nuclear programme.",
             "France condemned Russia over the arrest of two journalists in Moscow.",
             "Germany pledged economic aid to Ukraine after the floods."]
    news = [Article(f"n{i}", text, published=dt.date(2022, 6 + i, 3)) for i, text in enumerate(texts)]
    options = DaskOptions(partition_size=2)
    with EventStore(tmp_path / "events.duckdb") as store:
        first = ingest_on_dask(store, iter(news), EngineConfig(), options, client=dask_client)
        assert (first.new, first.replaced, first.unchanged) == (3, 0, 0)
        assert first.events_stored == store.event_count() > 0
        kept = tmp_path / "parquet"
        news[1] = dataclasses.replace(news[1], text="France praised Russia for releasing two journalists in Moscow.")
        second = ingest_on_dask(store, iter(news), EngineConfig(), options, client=dask_client, parquet=str(kept))
        assert (second.new, second.replaced, second.unchanged) == (0, 1, 2)
        assert rows(store, "SELECT text FROM articles WHERE doc_id = 'n1'") == [(news[1].text,)]
        assert list(kept.glob("articles/month=2022-07/*.parquet"))
    assert not list(tmp_path.glob("tacitus-ingest-*"))  # the temporary dataset of the first run is gone
