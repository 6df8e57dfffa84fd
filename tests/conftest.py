"""Fixtures shared by stage tests that need a parsed article."""

import datetime as dt

import pytest

from tacitus.actors import ActorKnowledgeBase, ActorResolver
from tacitus.events.coder import ArticleContext, EventCoder
from tacitus.events.lexicon import load_lexicon
from tacitus.nlp import load_pipeline
from tacitus.records import Article


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def article_context(nlp):
    """Build an ArticleContext for a text published on a given day (None: undated)."""

    def build(text: str, published: dt.date | None, mentions=()):
        doc = nlp(text)
        article = Article(doc_id="test", text=text, published=published)
        return ArticleContext(article=article, doc=doc, mentions=list(mentions))

    return build


@pytest.fixture(scope="session")
def package_resolver(nlp):
    """The resolver on the package's knowledge base."""
    return ActorResolver(ActorKnowledgeBase.load([]), nlp)


@pytest.fixture(scope="session")
def code_text(nlp, package_resolver):
    """Code a text published on an ISO day with the default knowledge base and lexicon; the
    events as contract records."""
    coder = EventCoder(load_lexicon())

    def run(text: str, published: str) -> list[dict]:
        day = dt.date.fromisoformat(published)
        doc = nlp(text)
        ctx = ArticleContext(Article(doc_id="t", text=text, published=day), doc, package_resolver.resolve(doc, day))
        return [e.to_dict() for e in coder.code(ctx)]

    return run


@pytest.fixture(scope="session")
def dask_client():
    """A client of a local Dask cluster of two worker processes, shared by the tests that need one."""
    from tacitus.execute.cluster import DaskOptions, connect

    with connect(DaskOptions(workers=2)) as client:
        yield client
