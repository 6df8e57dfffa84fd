"""Coding on a Dask cluster: partitions of articles coded by workers into partitioned Parquet.

The client reads the input lazily and cuts it into partitions of `partition_size` articles,
keeping one partition per worker thread in flight, so no corpus is ever held in memory. Every
worker loads the engine once (`EnginePlugin`, also on a worker that replaces a dead one) and
codes a partition with `tacitus.pipeline.code_batch`, the function the process pool uses, then
writes it with `tacitus.execute.partitions.write_partition` and returns only its counts.

A partition that fails (its worker died while coding it twice, as the scheduler retries it
once, or it raised) is split into single articles that are tried once more each; an article that fails alone is a poison article: it is skipped
with the reason and counted, and the rest of the run goes on. The summary accounts for every
article read, whichever worker coded it.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from distributed import WorkerPlugin

from tacitus.execute.partitions import prepare_destination, remove_strays, write_partition
from tacitus.nlp import ModelError
from tacitus.pipeline import EngineConfig, RunSummary
from tacitus.records import Article, Skip

log = logging.getLogger(__name__)

PLUGIN_NAME = "tacitus-engine"
DEFAULT_PARTITION = 64
# A task whose worker died is given this many more tries before the run gives up on it (and
# splits its partition): one retry covers a worker lost to the machine, not to the article.
ALLOWED_FAILURES = 1
# Dask's periodic book-keeping, paced for an interactive dashboard, at the pace a batch run needs.
# With the defaults a worker's event loop sampled the coding thread's stack every 10 ms (the
# statistical profiler), and every server (scheduler, nanny, worker) measured its own loop every
# 20 ms and polled psutil every 100 and 500 ms: measured with one local worker coding, its event
# loop spent 31-43 ms of CPU per second and the client's process (scheduler and nanny) 29 ms,
# about 15% on top of the coding thread's CPU; with these settings 4 and 6 ms. The memory limit
# is still checked every second, and dead workers are noticed as before (process exit, heartbeats).
QUIET_BOOKKEEPING = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


@dataclass(frozen=True)
class DaskOptions:
    workers: int = 2                 # local cluster size; ignored with `scheduler`
    scheduler: str | None = None     # address of an existing scheduler, e.g. tcp://10.0.0.5:8786
    partition_size: int = DEFAULT_PARTITION


@dataclass
class PartitionOutcome:
    name: str
    files: list[str]
    summary: RunSummary


@dataclass
class DaskRun:
    summary: RunSummary = field(default_factory=RunSummary)
    files: list[str] = field(default_factory=list)
    partitions: int = 0
    partitions_split: int = 0
    workers: int = 0
    engines_ready: float = 0.0  # time.perf_counter() when every worker had loaded the engine


class EnginePlugin(WorkerPlugin):
    """Loads the tacitus engine once in every worker process that joins the cluster."""

    name = PLUGIN_NAME

    def __init__(self, config: EngineConfig):
        self.config = config
        self.engine = None
        self.error: str | None = None

    def setup(self, worker) -> None:
        from tacitus.pipeline import Engine

        try:
            self.engine = Engine(self.config)
        except Exception as err:  # noqa: BLE001 - reported to the client by _engine_error
            self.error = f"{err.__class__.__name__}: {err}"


class EngineLoadError(ModelError):
    """The workers could not load the engine (model not installed there, unreadable overlay)."""


def _engine_error(dask_worker) -> str | None:
    plugin = dask_worker.plugins.get(PLUGIN_NAME)
    return getattr(plugin, "error", None) if plugin else "the tacitus engine plugin is not registered"


def code_partition(name: str, articles: list[Article], dest: str, with_articles: bool) -> PartitionOutcome:
    """The task a worker runs: code one partition with its loaded engine and write it."""
    from distributed import get_worker

    from tacitus.pipeline import code_batch

    plugin = get_worker().plugins[PLUGIN_NAME]
    if plugin.engine is None:
        raise EngineLoadError(plugin.error or "engine not loaded")
    engine = plugin.engine
    summary = RunSummary()
    coded = []
    for result in code_batch(engine, articles):
        events = summary.account(result)
        if not result.error:
            coded.append((result.article, events))
    files = write_partition(dest, name, coded, with_articles=with_articles)
    return PartitionOutcome(name, files, summary)


@contextlib.contextmanager
def connect(options: DaskOptions) -> Iterator:
    """A client of the given scheduler, or of a local cluster of `options.workers` processes."""
    import dask
    from distributed import Client, LocalCluster

    if logging.getLogger().getEffectiveLevel() > logging.INFO:  # not --verbose: no scheduler chatter
        logging.getLogger("distributed").setLevel(logging.ERROR)
    if options.scheduler:
        with Client(options.scheduler) as client:
            yield client
        return
    # Dask starts worker processes with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed memory
    # back to the system at once: spaCy frees and allocates many arrays per document, and the
    # page faults cost about an eighth of a worker's time (measured: 0.47 against 0.41 CPU s per
    # article, 4x the page faults). The other variables (one BLAS thread) stay.
    environ = {name: value for name, value in dask.config.get("distributed.nanny.pre-spawn-environ", {}).items()
               if name != "MALLOC_TRIM_THRESHOLD_"}
    # Local workers are forked, not spawned: a spawned worker imports Dask (and what this process
    # has imported) again and ends by tearing its whole interpreter down; a forked one shares
    # those imports and ends at once. Measured, two workers, 48 articles, three interleaved pairs:
    # 1.9-2.1 CPU s in the workers' event loops (imports, engine) instead of 3.5, and 0.1 s
    # instead of 0.9 s to end them: 0.278-0.293 CPU s per article instead of 0.321-0.340.
    # Linux only: macOS system libraries are not fork-safe, and Windows has no fork.
    start_method = "fork" if sys.platform.startswith("linux") else "spawn"
    with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
                          "distributed.nanny.pre-spawn-environ": environ,
                          "distributed.worker.multiprocessing-method": start_method, **QUIET_BOOKKEEPING}):
        with LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=True,
                          dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
                Client(cluster) as client:
            yield client


def run_on_dask(items: Iterable[Article | Skip], config: EngineConfig, dest: str, options: DaskOptions, *,
                with_articles: bool = False, client=None,
                select: Callable[[list[Article]], list[Article]] | None = None,
                on_progress: Callable[[int], None] | None = None) -> DaskRun:
    """Code every article of `items` into a Parquet dataset at `dest`; returns the accounting.

    `select` lets the caller drop articles from a partition before it is sent (ingest leaves
    out articles already stored); `client` reuses a connected client instead of `options`.
    """
    prepare_destination(dest)
    started = time.perf_counter()
    if client is None:
        with connect(options) as own:
            return run_on_dask(items, config, dest, options, with_articles=with_articles, client=own,
                               select=select, on_progress=on_progress)
    client.register_plugin(EnginePlugin(config), name=PLUGIN_NAME)
    errors = sorted({error for error in client.run(_engine_error).values() if error})
    if errors:
        raise EngineLoadError(f"the Dask workers cannot load the tacitus engine: {'; '.join(errors)}")
    engines_ready = time.perf_counter()
    outcome = _Scheduler(client, dest, with_articles, on_progress).run(
        _partitions(items, options.partition_size, select, on_progress), len(client.nthreads()))
    outcome.engines_ready = engines_ready
    outcome.summary.seconds = time.perf_counter() - started
    return outcome


class _Scheduler:
    """Keeps one partition in flight per worker thread and accounts for each one's outcome.

    No more: Dask blames a worker's death on every task assigned to it, so a partition queued
    behind a poison article on the same worker would be taken for poison too.
    """

    def __init__(self, client, dest: str, with_articles: bool, on_progress: Callable[[int], None] | None):
        from distributed import as_completed

        self.client = client
        self.dest = dest
        self.with_articles = with_articles
        self.on_progress = on_progress
        self.outcome = DaskRun()
        self.in_flight: dict = {}
        self.retries: deque[tuple[str, list[Article]]] = deque()
        self.completed = as_completed()

    def run(self, partitions: Iterator[tuple[str, list[Article]] | Skip], workers: int) -> DaskRun:
        self.outcome.workers = workers
        self.partitions = partitions
        self._fill()
        for future in self.completed:
            name, articles = self.in_flight.pop(future)
            if future.status == "finished":  # its worker gets the next partition before this one's
                self._fill()                 # result comes back (one round trip less idle per partition)
            try:
                result: PartitionOutcome = future.result()
            except Exception as err:  # noqa: BLE001 - a worker's failure of any kind is accounted here
                self._failed(name, articles, err)
            else:
                self.outcome.summary.merge(result.summary)
                self.outcome.files.extend(result.files)
                if self.on_progress:
                    self.on_progress(len(articles))
            finally:
                future.release()
            self._fill()
        remove_strays(self.dest, self.outcome.files)
        return self.outcome

    def _fill(self) -> None:
        """Submit articles to retry, then new partitions, until every worker thread has one;
        reader skips are accounted for on the way."""
        threads = max(1, sum(self.client.nthreads().values()))
        while len(self.in_flight) < threads:
            if self.retries:
                self._submit(*self.retries.popleft())
                continue
            item = next(self.partitions, None)
            if item is None:
                return
            if isinstance(item, Skip):
                self.outcome.summary.skipped.append(item)
                continue
            self.outcome.partitions += 1
            self._submit(*item)

    def _submit(self, name: str, articles: list[Article]) -> None:
        future = self.client.submit(code_partition, name, articles, self.dest, self.with_articles,
                                    key=f"tacitus-{name}-{uuid.uuid4().hex[:8]}", pure=False)
        self.in_flight[future] = (name, articles)
        self.completed.add(future)

    def _failed(self, name: str, articles: list[Article], err: BaseException) -> None:
        reason = f"{err.__class__.__name__}: {err}".splitlines()[0][:200]
        if len(articles) > 1:
            log.warning("partition %s failed (%s): trying its %d articles one by one", name, reason, len(articles))
            self.outcome.partitions_split += 1
            self.retries.extend((f"{name}-{i:04d}", [article]) for i, article in enumerate(articles))
            return
        article = articles[0]
        log.warning("skipping %s: poison article (%s)", article.origin or article.doc_id, reason)
        self.outcome.summary.articles_read += 1
        self.outcome.summary.skipped.append(Skip(article.origin or article.doc_id, f"poison article: {reason}"))
        if self.on_progress:
            self.on_progress(1)


def _partitions(items: Iterable[Article | Skip], size: int,
                select: Callable[[list[Article]], list[Article]] | None,
                on_progress: Callable[[int], None] | None) -> Iterator[tuple[str, list[Article]] | Skip]:
    """Partitions of up to `size` articles, named by their order; reader skips pass through."""
    batch: list[Article] = []
    serial = 0

    def flush() -> Iterator[tuple[str, list[Article]]]:
        nonlocal serial, batch
        chosen = select(batch) if select else batch
        if on_progress and len(chosen) < len(batch):
            on_progress(len(batch) - len(chosen))
        batch = []
        if chosen:
            serial += 1
            yield f"part-{serial:06d}", chosen

    for item in items:
        if isinstance(item, Skip):
            log.warning("skipped %s: %s", item.origin, item.reason)
            if on_progress:
                on_progress(1)
            yield item
            continue
        batch.append(item)
        if len(batch) >= size:
            yield from flush()
    yield from flush()
