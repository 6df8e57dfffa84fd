"""The Parquet dataset a run writes: one file per partition and month, complete or absent."""

from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq
import pytest

from tacitus.execute.partitions import (
    OutputExistsError,
    dataset_files,
    month_of,
    prepare_destination,
    remove_strays,
    write_partition,
)
from tacitus.records import Article, EventRecord, Trigger


def coded(doc_id: str, published: dt.date | None, events: int) -> tuple[Article, list[EventRecord]]:
    text = "Chile recalled its ambassador from Peru. Peru protested."
    article = Article(doc_id, text, published=published)
    records = [EventRecord(doc_id=doc_id, sentence_index=0, sentence=text[:39], span=(0, 39),
                           trigger=Trigger("recalled", (6, 14 + i)), event="REDUCE", mode=None, cameo="161",
                           quad_class=4, goldstein=-4.0, source=None, target=None, factuality="asserted",
                           published=published)
               for i in range(events)]
    return article, records


def test_months_of_publication_name_the_folders():
    assert month_of(dt.date(2024, 2, 29)) == "2024-02" and month_of(None) == "undated"


def test_a_partition_is_split_by_publication_month(tmp_path):
    dest = str(tmp_path / "run")
    prepare_destination(dest)
    items = [coded("a", dt.date(2024, 1, 31), 2), coded("b", dt.date(2024, 2, 1), 1), coded("c", None, 0)]
    files = write_partition(dest, "part-000007", items, with_articles=True)
    relative = sorted(path.removeprefix(dest + "/") for path in files)
    # No events file for a month whose articles gave none; every article has its row.
    assert relative == ["articles/month=2024-01/part-000007.parquet", "articles/month=2024-02/part-000007.parquet",
                        "articles/month=undated/part-000007.parquet", "events/month=2024-01/part-000007.parquet",
                        "events/month=2024-02/part-000007.parquet"]
    january = pq.read_table(f"{dest}/events/month=2024-01/part-000007.parquet")
    assert january.num_rows == 2 and set(january["doc_id"].to_pylist()) == {"a"}
    assert pq.read_table(f"{dest}/articles/month=undated/part-000007.parquet")["event_count"].to_pylist() == [0]


def test_writing_a_partition_again_replaces_its_files(tmp_path):
    dest = str(tmp_path / "run")
    write_partition(dest, "part-000001", [coded("a", dt.date(2024, 1, 2), 3)])
    write_partition(dest, "part-000001", [coded("a", dt.date(2024, 1, 2), 3)])
    assert sum(pq.read_table(path).num_rows for path in dataset_files(dest)) == 3


def test_files_the_run_did_not_commit_are_removed(tmp_path):
    dest = str(tmp_path / "run")
    kept = write_partition(dest, "part-000001", [coded("a", dt.date(2024, 1, 2), 1)])
    given_up = write_partition(dest, "part-000002", [coded("b", dt.date(2024, 3, 2), 1)])
    partial = tmp_path / "run" / "events" / "month=2024-01" / "part-000003.0a1b.tmp"
    partial.write_bytes(b"PAR1")
    assert sorted(remove_strays(dest, kept)) == sorted(given_up + [str(partial)])
    assert dataset_files(dest) == kept


def test_a_destination_with_parquet_files_is_refused(tmp_path):
    dest = str(tmp_path / "run")
    prepare_destination(dest)
    prepare_destination(dest)  # empty: fine
    write_partition(dest, "part-000001", [coded("a", dt.date(2024, 1, 2), 1)])
    with pytest.raises(OutputExistsError):
        prepare_destination(dest)
