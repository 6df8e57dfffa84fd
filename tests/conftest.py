"""Fixtures shared by stage tests that need a parsed article."""

import datetime as dt

import pytest

from tacitus.events.coder import ArticleContext
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
