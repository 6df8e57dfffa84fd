"""Phrases found by their tokens: the spans spaCy's PhraseMatcher finds, from a cached tokenization."""

import marshal

import pytest
from spacy.matcher import PhraseMatcher

from tacitus.nlp.phrases import TokenPhrases, tokenized

NAMES = ["New York", "New York City", "York", "U.S.", "the Red Cross", "Red Cross", "St. Kitts and Nevis"]
NOUNS = ["officials", "foreign minister", "minister", "security forces", "forces"]
TEXTS = [
    "Officials in New York City met the U.S. Foreign Minister and Red Cross staff.",
    "The red cross of York and the RED CROSS: St. Kitts and Nevis security forces, forces, Forces.",
    "Nothing here matches at all.",
    "",
]


@pytest.fixture(autouse=True)
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("TACITUS_CACHE_DIR", str(tmp_path))
    return tmp_path


def phrase_matcher_spans(nlp, phrases, attr, doc):
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    matcher.add("P", list(nlp.tokenizer.pipe(phrases)))
    return sorted((start, end) for _, start, end in matcher(doc))


@pytest.mark.parametrize("text", TEXTS)
def test_the_spans_are_those_of_spacys_phrase_matcher(nlp, text):
    doc = nlp.make_doc(text)
    names = TokenPhrases(tokenized(nlp, NAMES))
    nouns = TokenPhrases(tokenized(nlp, NOUNS, lower=True), lower=True)
    assert sorted(names.find(doc)) == phrase_matcher_spans(nlp, NAMES, "ORTH", doc)
    assert sorted(nouns.find(doc)) == phrase_matcher_spans(nlp, NOUNS, "LOWER", doc)


def test_overlapping_and_nested_phrases_are_all_found(nlp):
    doc = nlp.make_doc("They flew to New York City on Monday.")
    found = TokenPhrases(tokenized(nlp, NAMES)).find(doc)
    assert [doc[s:e].text for s, e in found] == ["New York", "New York City", "York"]


def test_case_matters_unless_lowered(nlp):
    doc = nlp.make_doc("The RED CROSS and the Red Cross.")
    assert [doc[s:e].text for s, e in TokenPhrases(tokenized(nlp, ["Red Cross"])).find(doc)] == ["Red Cross"]
    lowered = TokenPhrases(tokenized(nlp, ["Red Cross"], lower=True), lower=True)
    assert [doc[s:e].text for s, e in lowered.find(doc)] == ["RED CROSS", "Red Cross"]


def test_the_tokenization_is_the_tokenizers_and_is_read_back_from_the_cache(nlp, cache_in):
    expected = [tuple(t.text for t in nlp.tokenizer(text)) for text in NAMES]
    assert expected[3] == ("U.S.",) and len(expected[-1]) == 4
    assert tokenized(nlp, NAMES) == expected
    files = list(cache_in.glob("phrase-tokens-orth-*.marshal"))
    assert len(files) == 1
    # what the file says is what a later start gets: it does not tokenize again
    marked = [("marked",)] * len(NAMES)
    files[0].write_bytes(marshal.dumps(marked))
    assert tokenized(nlp, NAMES) == marked


def test_other_phrases_are_tokenized_apart(nlp, cache_in):
    tokenized(nlp, NAMES)
    assert tokenized(nlp, ["Gaza Strip"]) == [("Gaza", "Strip")]
    assert len(list(cache_in.glob("phrase-tokens-orth-*.marshal"))) == 2


def test_a_vocab_alone_tokenizes_as_english(nlp):
    assert tokenized(nlp.vocab, ["U.S. troops"]) == [("U.S.", "troops")]
    assert len(TokenPhrases(tokenized(nlp.vocab, NOUNS))) == len(NOUNS)
