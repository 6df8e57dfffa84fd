"""Factuality of a trigger from its own modality and from what governs it."""

import pytest

from tacitus.events.factuality import assess


def word(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize("sentence, trigger, value, cue", [
    ("Peru expelled the envoy.", "expelled", "asserted", None),
    ("Peru did not expel the envoy.", "expel", "negated", "'not'"),
    ("Peru will expel the envoy.", "expel", "future", "'will'"),
    ("Peru could have expelled the envoy.", "expelled", "hypothetical", "modal perfect"),
    ("Peru must expel the envoy.", "expel", "hypothetical", "'must' (obligation)"),
    ("Peru failed to expel the envoy.", "expel", "negated", "'failed to'"),
    ("Peru plans to expel the envoy.", "expel", "future", "'plans to'"),
    ("Peru wants to expel the envoy.", "expel", "intended", "'wants'"),
    ("Peru denied that it had expelled the envoy.", "expelled", "denied", "'denied'"),
])
def test_factuality_of_verbs(nlp, sentence, trigger, value, cue):
    result = assess(word(nlp(sentence), trigger))
    assert (result.value, result.cue) == (value, cue)


def test_a_modifier_gives_an_event_noun_its_modality(nlp):
    doc = nlp("The planned summit was cancelled.")
    result = assess(word(doc, "summit"))
    assert (result.value, result.cue) == ("future", "'planned summit'")
    assert result.describe() == "future ('planned summit')"


def test_an_act_on_a_condition_is_hypothetical(nlp):
    doc = nlp("Chile may recall its ambassador if the talks fail.")
    assert assess(word(doc, "recall")).value == "hypothetical"


def test_a_decided_act_is_future(code_text):
    events = code_text("The Danish government's decision to withdraw its troops from Mali angered Bamako.", "2022-01-28")
    [withdrawal] = [e for e in events if e["event"] == "RETREAT"]
    assert withdrawal["factuality"] == "future"
    assert not [e for e in events if e["event"] == "AGREE"]  # a decision told is no offer
