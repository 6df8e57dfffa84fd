"""Senses of a trigger word its complement rules out, on sentences written for these tests: the
lexicon's `none` rows with complements keep the other senses of the word as they were."""

from coded_events import events_of, types_of


def test_meeting_a_response_or_a_target_is_no_meeting(code):
    response = code("The Danish plan to cap fuel prices has met a cool reaction in Stockholm.", "2021-03-06")
    assert types_of(response, "met") == set()
    target = code("Norway met its target for aid spending last year.", "2021-03-06")
    assert types_of(target, "met") == set()
    meeting = code("The Chilean foreign minister met his Argentine counterpart in Santiago on Monday.", "2021-03-06")
    assert types_of(meeting, "met") == {"CONSULT"}


def test_pleading_an_excuse_is_no_appeal(code):
    excuse = code("The Dutch prime minister skipped the summit, pleading urgent parliamentary business.", "2021-03-06")
    assert types_of(excuse, "pleading") == set()
    appeal = code("The Lebanese prime minister pleaded with Israel to stop the strikes.", "2021-03-06")
    assert types_of(appeal, "pleaded") == {"REQUEST"}


def test_a_verbal_attack_is_a_denunciation_not_violence(code):
    verbal = code("The Bolivian president has made repeated verbal attacks on Chile.", "2021-03-06")
    assert {e["event"] for e in events_of(verbal, "attacks")} == {"ACCUSE"}
    armed = code("The Bolivian army made repeated attacks on Chile.", "2021-03-06")
    assert {e["event"] for e in events_of(armed, "attacks")} == {"ASSAULT"}


def test_fighting_with_one_side_against_another_targets_the_other(code):
    events = code("Polish units fought with France against Germany in 1940.", "2021-03-06")
    [fight] = [e for e in events if e["trigger"]["text"] == "fought" and e["event"] == "ASSAULT"]
    assert fight["target"]["country"] == "DEU"
    alone = code("Polish units fought with Germany in 1939.", "2021-03-06")
    assert [e["target"]["country"] for e in alone if e["trigger"]["text"] == "fought"] == ["DEU"]


def test_pressing_ahead_with_an_act_presses_no_one(code):
    ahead = code("Turkey can press ahead with its offensive in the north.", "2021-03-06")
    assert "REQUEST" not in types_of(ahead, "press")
    on = code("The Kenyan government pressed on with the talks despite the attack.", "2021-03-06")
    assert "REQUEST" not in types_of(on, "pressed")
    pressed = code("Kenya pressed Uganda to reopen the border.", "2021-03-06")
    assert types_of(pressed, "pressed") == {"REQUEST"}


def test_meeting_preconditions_is_no_meeting(code):
    events = code("Few of the preconditions set by the Kenyan government have been met by Uganda.", "2021-03-06")
    assert "CONSULT" not in types_of(events, "met")
