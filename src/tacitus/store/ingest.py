"""Coding articles into the store, a committed batch at a time.

An article already stored with the same text is not coded again, so re-running an ingest (after a
crash, or on a feed that repeats itself) costs only the reading; an article whose text changed
under the same doc_id replaces its earlier version. The spaCy pipeline is loaded only once some
article actually needs coding.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tacitus.pipeline import Engine, EngineConfig, RunSummary, code_stream
from tacitus.records import Article, EventRecord, Skip
from tacitus.store.db import EventStore

log = logging.getLogger(__name__)

DEFAULT_BATCH = 32


@dataclass
class IngestSummary:
    run: RunSummary = field(default_factory=RunSummary)
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    events_stored: int = 0
    batches: int = 0

    def as_dict(self) -> dict:
        return {**self.run.as_dict(), "articles_new": self.new, "articles_replaced": self.replaced,
                "articles_unchanged": self.unchanged, "events_stored": self.events_stored,
                "batches_committed": self.batches}


def ingest(store: EventStore, items: Iterable[Article | Skip], config: EngineConfig, *,
           batch_size: int = DEFAULT_BATCH, engine: Engine | None = None,
           on_progress: Callable[[int], None] | None = None, run: RunSummary | None = None) -> IngestSummary:
    """Code and store every new or changed article of `items`, one transaction per batch.

    `run`, when given, is filled as the ingest goes, so that a caller still has the counts if
    the ingest stops with an error."""
    summary = IngestSummary(run=run if run is not None else RunSummary())
    started = time.perf_counter()
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, batch_size)):
        articles: dict[str, Article] = {}
        for item in batch:
            if isinstance(item, Skip):
                log.warning("skipped %s: %s", item.origin, item.reason)
                summary.run.skipped.append(item)
                if on_progress:
                    on_progress(1)
                continue
            if item.doc_id in articles:  # a doc_id repeated within a batch: its last version wins
                earlier = articles.pop(item.doc_id)
                summary.run.skipped.append(Skip(earlier.origin or earlier.doc_id,
                                                f"repeated doc_id: {item.doc_id!r} again at {item.origin}, which replaces it"))
            articles[item.doc_id] = item
        states = store.article_states(list(articles.values()))
        to_code = [a for a in articles.values() if states[a.doc_id] != "unchanged"]
        unchanged = len(articles) - len(to_code)
        summary.unchanged += unchanged
        if on_progress and unchanged:
            on_progress(unchanged)
        if not to_code:
            continue
        engine = engine or Engine(config)
        coded = _code(to_code, config, engine, summary.run, on_progress)
        replaced = [a.doc_id for a, _ in coded if states[a.doc_id] == "changed"]
        stored = store.add(coded, replace=replaced)
        summary.batches += 1
        summary.new += len(coded) - len(replaced)
        summary.replaced += len(replaced)
        summary.events_stored += stored
        log.info("committed batch %d: %d articles (%d replaced), %d events",
                 summary.batches, len(coded), len(replaced), stored)
    summary.run.seconds = time.perf_counter() - started
    return summary


def _code(articles: list[Article], config: EngineConfig, engine: Engine, run: RunSummary,
          on_progress: Callable[[int], None] | None) -> list[tuple[Article, list[EventRecord]]]:
    """Code a batch; articles the engine could not code are left out (and retried next run)."""
    skipped_before = len(run.skipped)
    events: dict[str, list[EventRecord]] = defaultdict(list)
    for event in code_stream(articles, config, summary=run, engine=engine, on_progress=on_progress):
        events[event.doc_id].append(event)
    failed = {skip.origin for skip in run.skipped[skipped_before:]}
    return [(a, events.get(a.doc_id, [])) for a in articles if (a.origin or a.doc_id) not in failed]
