"""Source rules checked on sentences written for these tests."""

import pytest


@pytest.fixture(scope="module")
def code(code_text):
    return code_text


def event_of(events, trigger):
    [event] = [e for e in events if e["trigger"]["text"].endswith(trigger)]
    return event


def test_the_of_phrase_of_a_withdrawal_names_who_withdraws(code):
    event = event_of(code("The withdrawal of Kenyan troops from Somalia began in March.", "2022-05-01"), "withdrawal")
    assert event["event"] == "RETREAT" and event["source"]["code"].startswith("KEN")
    assert "source:prep:of" in event["evidence"]["rule"]


def test_a_light_verb_s_subject_comes_before_the_of_phrase(code):
    events = code("Kenya sped up the withdrawal of its troops from Somalia on Monday.", "2022-05-01")
    event = event_of(events, "withdrawal")
    assert "source:prep:of" not in event["evidence"]["rule"] and event["source"]["code"].startswith("KEN")


def test_the_of_phrase_of_an_attack_is_no_source(code):
    events = code("The bombardment of Kharkiv continued on Sunday.", "2022-05-01")
    assert not [e for e in events if "source:prep:of" in e["evidence"]["rule"]]
