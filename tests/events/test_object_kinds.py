"""A verb's direct object as a place (@place): the lexicon entries for leaving a place."""

import pytest

from tacitus.events.lexicon import load_lexicon
from tacitus.events.object_kinds import PLACE_MARK, object_kinds


def kinds(nlp, text, lemma="leave"):
    verb = next(t for t in nlp(text) if t.lemma_ == lemma)
    return object_kinds(verb, load_lexicon().candidates("verb", lemma))


def test_a_named_country_or_a_held_place_as_object_is_a_place(nlp):
    assert kinds(nlp, "Kenyan troops will leave Somalia next year.") == {PLACE_MARK}
    assert kinds(nlp, "French troops left Mali in August.") == {PLACE_MARK}  # tagged a person by spaCy
    assert kinds(nlp, "The rebels left the town after a week.") == {PLACE_MARK}


def test_other_objects_are_no_place(nlp):
    assert kinds(nlp, "The minister left the summit early.") == set()
    assert kinds(nlp, "She left a message for the envoy.") == set()


def test_verbs_whose_entries_ask_for_no_mark_get_none(nlp):
    assert kinds(nlp, "Kenyan troops attacked Somalia.", "attack") == set()


@pytest.fixture(scope="module")
def code(code_text):
    return code_text


def types_of(events, trigger):
    return {e["event"] for e in events if e["trigger"]["text"] == trigger}


def test_forces_leaving_a_country_retreat(code):
    events = code("French troops left Mali in August after nine years.", "2022-08-20")
    assert types_of(events, "left") == {"RETREAT"}


def test_a_militia_that_has_not_left_a_town_did_not_retreat(code):
    events = code("Ethiopian militias have not left the town of Humera, Sudan said.", "2022-08-20")
    [event] = [e for e in events if e["trigger"]["text"] == "left"]
    assert event["event"] == "RETREAT" and event["factuality"] == "negated"


def test_leaving_a_meeting_is_no_retreat(code):
    events = code("The Polish president left the summit in Brussels early.", "2022-08-20")
    assert types_of(events, "left") == set()
