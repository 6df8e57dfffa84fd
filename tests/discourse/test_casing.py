"""Title-case headlines re-cased before parsing, on headlines written for these tests."""

import datetime as dt

import pytest

from tacitus.discourse.casing import sentence_case_headline
from tacitus.events.lexicon import load_lexicon
from tacitus.pipeline import Engine, EngineConfig
from tacitus.records import Article


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_event_and_function_words_are_lowercased_names_kept(lexicon):
    text = "Erdogan Rejects Talks With Assad Over Afrin\n\nThe body."
    assert sentence_case_headline(text, lexicon) == "Erdogan rejects talks with Assad over Afrin\n\nThe body."


def test_a_sentence_case_headline_is_left_alone(lexicon):
    text = "Kenyan police arrest opposition leader in Nairobi\n\nThe body."
    assert sentence_case_headline(text, lexicon) == text


def test_text_without_a_headline_is_left_alone(lexicon):
    text = "Iran Rejected The Offer. It Said So On Monday."
    assert sentence_case_headline(text, lexicon) == text


def test_recasing_keeps_the_length(lexicon):
    text = "Maduro Expels Spanish Envoy As Crisis Deepens\n\nBody."
    assert len(sentence_case_headline(text, lexicon)) == len(text)


def test_the_coded_headline_quotes_the_article_s_own_words():
    engine = Engine(EngineConfig())
    text = "Erdogan Rejects Talks With Assad Over Afrin\n\nThe Turkish president spoke in Ankara on Monday."
    [result] = engine.code_articles([Article(doc_id="h", text=text, published=dt.date(2021, 3, 10))])
    headline = [e for e in result.events if e.sentence_index == 0]
    assert headline and headline[0].sentence == "Erdogan Rejects Talks With Assad Over Afrin"
    assert headline[0].trigger.text == "Rejects"
    assert (headline[0].event, headline[0].source.country, headline[0].target.country) == ("REJECT", "TUR", "SYR")
    assert headline[0].evidence["headline"].startswith("title case")
