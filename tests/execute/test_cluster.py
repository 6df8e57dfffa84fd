"""Coding on a local Dask cluster of two worker processes: same records as one process, nothing
lost or doubled when a worker dies, every broken article accounted for."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys

import pyarrow.parquet as pq
import pytest

distributed = pytest.importorskip("distributed")
cloudpickle = pytest.importorskip("cloudpickle")

from tacitus.execute.cluster import DaskOptions, EngineLoadError, run_on_dask  # noqa: E402
from tacitus.execute.partitions import dataset_files  # noqa: E402
from tacitus.ingest import ReadOptions, read_inputs  # noqa: E402
from tacitus.pipeline import Engine, EngineConfig, RunSummary, code_stream  # noqa: E402
from tacitus.records import Article  # noqa: E402

CONFIG = EngineConfig()
# Marks in an article's text that make the fault plugin below end its worker process, or fail
# its task.
DIE_ONCE = "Ruritania"
DIE_ALWAYS = "Freedonia"
FAIL_ALWAYS = "Elbonia"

SENTENCES = [
    "Iran rejected a proposal from the United States for talks on the nuclear programme.",
    "France condemned Russia over the arrest of two journalists in Moscow.",
    "Germany pledged economic aid to Ukraine after the floods, the chancellor said.",
    "China accused Japan of violating its airspace near the disputed islands.",
    "Egypt hosted talks between Israeli and Palestinian negotiators in Cairo.",
    "Turkey threatened Syria with retaliation after shells landed across the border.",
]


def articles(extra: dict[int, str] | None = None) -> list[Article]:
    extra = extra or {}
    return [Article(f"doc-{i}", text + extra.get(i, ""), published=dt.date(2023, 1 + i % 3, 10), origin=f"doc-{i}")
            for i, text in enumerate(SENTENCES)]


class FaultPlugin(distributed.WorkerPlugin):
    """Ends the worker process (as a crash or the OOM killer would) on marked articles: once for
    DIE_ONCE (the flag file remembers it across worker restarts), every time for DIE_ALWAYS; a
    task with a FAIL_ALWAYS article raises."""

    name = "test-faults"

    def __init__(self, flag: str):
        self.flag = flag

    def setup(self, worker) -> None:
        import tacitus.pipeline as pipeline

        original = self.original = pipeline.code_batch
        flag = self.flag

        def code_batch(engine, batch):
            for article in batch:
                if DIE_ALWAYS in article.text:
                    os._exit(1)
                if DIE_ONCE in article.text and not os.path.exists(flag):
                    open(flag, "w").close()
                    os._exit(1)
                if FAIL_ALWAYS in article.text:
                    raise RuntimeError("cannot write the partition")
            return original(engine, batch)

        pipeline.code_batch = code_batch

    def teardown(self, worker) -> None:
        import tacitus.pipeline as pipeline

        pipeline.code_batch = self.original


@pytest.fixture(scope="module")
def client(dask_client):
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    yield dask_client
    if FaultPlugin.name in dask_client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.worker_plugins)):
        dask_client.unregister_worker_plugin(FaultPlugin.name)


@pytest.fixture(scope="module")
def one_process_ids():
    engine = Engine(CONFIG)

    def ids(items: list[Article]) -> list[str]:
        return sorted(e.event_id for e in code_stream(items, CONFIG, engine=engine))

    return ids


def stored_ids(dest) -> list[str]:
    return sorted(i for path in dataset_files(str(dest)) if "/events/" in path
                  for i in pq.read_table(path, columns=["event_id"])["event_id"].to_pylist())


def test_two_workers_give_exactly_the_records_of_one_process(client, tmp_path, one_process_ids):
    items = articles()
    run = run_on_dask(iter(items), CONFIG, str(tmp_path / "out"), DaskOptions(partition_size=2), client=client)
    expected = one_process_ids(items)
    assert expected and stored_ids(tmp_path / "out") == expected
    assert run.summary.articles_coded == len(items) and not run.summary.skipped
    assert run.summary.events == len(expected) and run.partitions == 3
    assert any("/month=2023-02/" in path for path in run.files)


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(client, tmp_path, one_process_ids):
    flag = tmp_path / "died"
    client.register_plugin(FaultPlugin(str(flag)))
    items = articles({3: f" {DIE_ONCE} was not mentioned."})
    run = run_on_dask(iter(items), CONFIG, str(tmp_path / "out"), DaskOptions(partition_size=2), client=client)
    assert flag.exists()  # a worker did die
    assert stored_ids(tmp_path / "out") == one_process_ids(items)
    assert run.summary.articles_coded == len(items) and not run.summary.skipped


@pytest.mark.slow  # four worker deaths, each a new worker loading the engine
def test_broken_and_poison_articles_are_all_accounted_for(client, tmp_path, one_process_ids):
    client.register_plugin(FaultPlugin(str(tmp_path / "unused")))
    good = articles()[:3]

    def line(doc_id: str, text: str, published: dt.date = dt.date(2023, 3, 1)) -> str:
        return json.dumps({"id": doc_id, "text": text, "published": published.isoformat()})

    lines = [
        line(good[0].doc_id, good[0].text, good[0].published),
        '{"id": "cut-off", "text": "Chile recalled its ambas',  # a truncated record
        line("failing", f"Peru praised {FAIL_ALWAYS} for its help."),  # its partition fails, then it alone
        line(good[1].doc_id, good[1].text, good[1].published),
        json.dumps({"id": "blank", "text": "   "}),
        line(good[2].doc_id, good[2].text, good[2].published),
        line("poison", f"Peru praised {DIE_ALWAYS} for its help."),  # kills every worker that codes it
    ]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")

    run = run_on_dask(read_inputs([str(corpus)], ReadOptions()), CONFIG, str(tmp_path / "out"),
                      DaskOptions(partition_size=2), client=client)
    summary: RunSummary = run.summary
    assert summary.articles_seen == len(lines)
    assert summary.articles_coded == len(good)
    reasons = sorted(skip.reason.split(":")[0] for skip in summary.skipped)
    assert len(reasons) == 4
    assert reasons.count("poison article") == 2
    assert run.partitions_split == 1  # the partition of the failing article, not the poison's own
    assert stored_ids(tmp_path / "out") == one_process_ids(good)


def test_workers_that_cannot_load_the_engine_stop_the_run_with_the_reason(client, tmp_path):
    config = EngineConfig(model="no_such_pipeline_xyz")
    with pytest.raises(EngineLoadError, match="no_such_pipeline_xyz"):
        run_on_dask(iter(articles()), config, str(tmp_path / "out"), DaskOptions(), client=client)


def test_local_workers_keep_freed_memory_instead_of_trimming_it(client):
    """Dask's default MALLOC_TRIM_THRESHOLD_ makes spaCy fault its memory back in page by page."""
    import os

    found = client.run(lambda: (os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS")))
    assert found and all(trim is None and threads == "1" for trim, threads in found.values())


def test_local_cluster_keeps_dask_bookkeeping_at_a_batch_pace(client):
    """No statistical profiler sampling the coding thread, and loop ticks and psutil polls once a
    second or slower instead of every 10-500 ms: they cost ~15% on top of coding."""

    def paces(dask_worker):
        callbacks = dask_worker.periodic_callbacks
        return ("profile" in callbacks, callbacks["tick"].callback_time, callbacks["monitor"].callback_time,
                callbacks["memory_monitor"].callback_time if "memory_monitor" in callbacks else None)

    for profiled, tick, monitor, memory in client.run(paces).values():
        assert not profiled
        assert tick >= 1000 and monitor >= 1000
        assert memory is None or memory >= 1000
    scheduler_tick = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.periodic_callbacks["tick"].callback_time)
    assert scheduler_tick >= 1000


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="local workers are forked on Linux only")
def test_local_workers_are_forked_sharing_what_the_client_imported(client):
    """A spawned worker imports everything again (and tears it all down at exit): it would not
    hold this test module, which the workers only ever receive pickled by value."""
    module = __name__
    assert all(client.run(lambda: module in sys.modules).values())
