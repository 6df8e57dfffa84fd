"""Force used by protesters is a violent protest (CAMEO 145) or an obstruction (144)."""

from tacitus.events.protests import protest_code
from tacitus.records import ActorRef

from coded_events import types_of


def ref(text, sector="OPP"):
    return ActorRef(text=text, span=(0, len(text)), code=f"KEN{sector}", country="KEN", sector=sector)


def test_protesters_fighting_riot():
    assert protest_code("190", [ref("Kenyan protesters")]) == "145"
    assert protest_code("182", [ref("the demonstrators,")]) == "145"


def test_protesters_blocking_obstruct_passage():
    assert protest_code("191", [ref("rioters")]) == "144"


def test_other_acts_and_other_actors_keep_their_code():
    assert protest_code("173", [ref("protesters")]) is None  # an arrest they make is no riot
    assert protest_code("190", [ref("Kenyan police", "COP")]) is None
    assert protest_code("190", [ref("protesters"), ref("Kenyan police", "COP")]) is None
    assert protest_code("190", []) is None


def test_protesters_clashing_with_police_is_a_violent_protest(code):
    events = code("Thousands of Kenyan protesters clashed with police in Nairobi on Tuesday.", "2023-07-12")
    [event] = [e for e in events if e["trigger"]["text"] == "clashed"]
    assert (event["event"], event["cameo"]) == ("PROTEST", "145")
    assert "protesters:" in event["evidence"]["rule"]


def test_protesters_throwing_stones_is_a_violent_protest(code):
    events = code("In Nairobi, protesters threw stones at the riot police on Tuesday.", "2023-07-12")
    assert types_of(events, "threw") == {"PROTEST"}


def test_police_firing_on_protesters_stays_an_assault(code):
    events = code("Kenyan police opened fire on protesters in Nairobi on Tuesday.", "2023-07-12")
    assert "ASSAULT" in {e["event"] for e in events} and "PROTEST" not in {e["event"] for e in events}


def test_police_blocking_a_convoy_restrict_movement_it_is_no_protest(code_text):
    events = code_text("Ugandan police blocked the opposition convoy on the road to Kampala.", "2021-03-06")
    assert [(e["event"], e["cameo"]) for e in events if e["trigger"]["text"] == "blocked"] == [("COERCE", "191")]


def test_protesters_blocking_a_road_obstruct_passage(code_text):
    events = code_text("Ugandan protesters blocked the road to Kampala on Monday.", "2021-03-06")
    assert {e["event"] for e in events if e["trigger"]["text"] == "blocked"} == {"PROTEST"}


def test_protesters_gathering_in_the_streets_protest_and_their_anger_is_its_topic(code):
    events = code("Thousands of Lebanese protesters gathered in the streets of Beirut to voice their anger "
                  "at the government.", "2020-08-08")
    assert [e["event"] for e in events] == ["PROTEST"]
    assert events[0]["trigger"]["text"] == "gathered"


def test_mourners_gathering_for_a_funeral_do_not_protest(code):
    events = code("Lebanese mourners gathered in the streets of Beirut for the funeral.", "2020-08-08")
    assert "PROTEST" not in {e["event"] for e in events}
