"""The Python API: code text into event records without the command line.

    import tacitus
    events = tacitus.code("Iran rejected a US proposal for talks on Monday.", published="2024-05-08")
    coder = tacitus.Coder(tacitus.CoderConfig(backoff=True))     # load once, code many
    for event in coder.code_articles(articles): ...

`tacitus code`, `tacitus explain`, `tacitus evaluate`, the benchmarks and the tests all go
through :class:`Coder`, so they take the same path: spaCy, actors, dates and places, the
sentence coder and the article-level passes (refer-back, back-off, de-duplication, shared dates).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from tacitus.pipeline import ArticleResult, Engine, EngineConfig, RunSummary, code_stream
from tacitus.records import Article, EventRecord, Skip, content_hash

# The loaded pipeline's settings: model, actor and lexicon overlays, batch size, back-off.
CoderConfig = EngineConfig
_CONFIG_FIELDS = {f.name for f in fields(EngineConfig)}
_ARTICLE_FIELDS = ("doc_id", "title", "outlet", "url")


class Coder:
    """The loaded pipeline (spaCy, actor knowledge base, lexicon), reused for every text."""

    def __init__(self, config: EngineConfig | None = None, **options: Any):
        if config is not None and options:
            raise TypeError("give either a config or keyword options, not both")
        self.config = config if config is not None else config_from(options)
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        """The loaded stages, loaded on first use (a run with worker processes loads them there)."""
        if self._engine is None:
            self._engine = Engine(self.config)
        return self._engine

    def code(self, text: str, published: dt.date | str | None = None, **article_fields: Any) -> list[EventRecord]:
        """The events of one text published on `published` (a date or YYYY-MM-DD; None: unknown).
        `article_fields`: doc_id (default: a hash of the text), title, outlet, url."""
        _, events = self.engine.code_article(make_article(text, published, **article_fields))
        return events

    def code_articles(self, articles: Iterable[Article | Skip | str], *, workers: int = 1,
                      summary: RunSummary | None = None,
                      on_progress: Callable[[int], None] | None = None) -> Iterator[EventRecord]:
        """The events of many articles (Articles or texts), in order, in `nlp.pipe` batches;
        an article that cannot be coded (or a reader's Skip) is left out and listed in `summary`;
        `on_progress` hears of every article done. `workers` > 1 codes in worker processes."""
        items = (a if isinstance(a, (Article, Skip)) else make_article(a) for a in articles)
        return code_stream(items, self.config, workers=workers, summary=summary, on_progress=on_progress,
                           engine=self.engine if workers <= 1 else None)

    def results(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Each article with its events (or the error that stopped it), in order."""
        return self.engine.code_articles(articles)

    def explain(self, text: str, published: dt.date | str | None = None, **article_fields: Any) -> Explanation:
        """The events of `text` exactly as :meth:`code` gives them, with every decision taken."""
        from tacitus.events.coder import SentenceTrace

        trace: list[SentenceTrace] = []
        ctx, events = self.engine.code_article(make_article(text, published, **article_fields), trace)
        return Explanation(ctx, trace, events)


@dataclass
class Explanation:
    """A coded text with its reasons: the article context (parse, actor mentions), what the
    coder decided in each sentence, and the final events (after the article-level passes)."""

    context: Any  # tacitus.context.ArticleContext
    sentences: list  # of tacitus.events.coder.SentenceTrace
    events: list[EventRecord]

    def events_of(self, sentence_index: int) -> list[EventRecord]:
        return [e for e in self.events if e.sentence_index == sentence_index]


def config_from(options: dict[str, Any]) -> EngineConfig:
    """A config from keyword options: model, actors / lexicon (overlay paths), backoff, verify, batch_size."""
    values = dict(options)
    if "actors" in values:
        values["actor_overlays"] = tuple(Path(p) for p in _as_list(values.pop("actors")))
    if "lexicon" in values:
        values["lexicon_overlays"] = tuple(Path(p) for p in _as_list(values.pop("lexicon")))
    unknown = set(values) - _CONFIG_FIELDS
    if unknown:
        raise TypeError(f"unknown option(s) {', '.join(sorted(unknown))}; "
                        f"known: model, actors, lexicon, backoff, verify, batch_size")
    return EngineConfig(**values)


def make_article(text: str, published: dt.date | str | None = None, **article_fields: Any) -> Article:
    unknown = set(article_fields) - set(_ARTICLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown article field(s) {', '.join(sorted(unknown))}; known: {', '.join(_ARTICLE_FIELDS)}")
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    doc_id = article_fields.pop("doc_id", None) or content_hash(text)
    return Article(doc_id=doc_id, text=text, published=parse_published(published), **article_fields)


def parse_published(value: dt.date | str | None) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"published must be a date or YYYY-MM-DD, got {value!r}") from None


_coders: dict[EngineConfig, Coder] = {}


def coder_for(options: dict[str, Any]) -> Coder:
    """One loaded Coder per configuration, kept for the next call."""
    config = config_from(options)
    if config not in _coders:
        _coders[config] = Coder(config)
    return _coders[config]


def code(text: str, published: dt.date | str | None = None, **options: Any) -> list[EventRecord]:
    """The events of one text. `options`: model, actors, lexicon, backoff (see :class:`Coder`)
    and the article's doc_id, title, outlet, url. The pipeline is loaded on the first call."""
    article_fields = {k: options.pop(k) for k in _ARTICLE_FIELDS if k in options}
    return coder_for(options).code(text, published, **article_fields)


def code_articles(articles: Iterable[Article | str], *, workers: int = 1, summary: RunSummary | None = None,
                  **options: Any) -> Iterator[EventRecord]:
    """The events of many articles (Articles or texts); options as for :func:`code`."""
    return coder_for(options).code_articles(articles, workers=workers, summary=summary)


def _as_list(value) -> list:
    return [value] if isinstance(value, (str, Path)) else list(value)
