"""Fixtures shared by stage tests that need a parsed article."""

import datetime as dt

import pytest

from tacitus.api import Coder
from tacitus.context import ArticleContext
from tacitus.nlp import DEFAULT_MODEL, load_pipeline
from tacitus.records import Article


@pytest.fixture(scope="session")
def nlp():
    # the model named as the Coder names it, so both share the one cached pipeline
    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def coder(nlp):
    """The package's coder (knowledge base, lexicon, rules only: no learned verifier, so the
    tests see what the rules give), loaded once for the session."""
    return Coder(verify=False)


@pytest.fixture(scope="session")
def article_context(nlp):
    """Build an ArticleContext for a text published on a given day (None: undated)."""

    def build(text: str, published: dt.date | None, mentions=()):
        doc = nlp(text)
        article = Article(doc_id="test", text=text, published=published)
        return ArticleContext(article=article, doc=doc, mentions=list(mentions))

    return build


@pytest.fixture(scope="session")
def package_resolver(coder):
    """The resolver on the package's knowledge base (the coder's own)."""
    return coder.engine.resolver


@pytest.fixture(scope="session")
def code_text(coder):
    """Code a text published on an ISO day through the public API (the path of `tacitus code`);
    the events as contract records."""

    def run(text: str, published: str) -> list[dict]:
        return [e.to_dict() for e in coder.code(text, published, doc_id="t")]

    return run


@pytest.fixture(scope="session")
def dask_client():
    """A client of a local Dask cluster of two worker processes, shared by the tests that need one."""
    from tacitus.execute.cluster import DaskOptions, connect

    with connect(DaskOptions(workers=2)) as client:
        yield client
