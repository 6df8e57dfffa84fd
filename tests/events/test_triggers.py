"""What a trigger's complement claims (tacitus.events.triggers.claimed_words), on sentences
written for these tests: the act inside a request, promise, refusal or threat is its content,
not an event of its own; an act merely coordinated with one is."""


def _types(events):
    return sorted((e["event"], e["trigger"]["text"]) for e in events)


def test_the_acts_a_noun_demand_asks_for_are_its_content(code_text):
    events = code_text("Chile's demand that Peru and Bolivia arrest and extradite the smugglers angered Lima.",
                       "2021-03-04")
    assert _types(events) == [("REQUEST", "demand")]


def test_acts_coordinated_inside_a_stated_obligation_belong_to_the_request(code_text):
    events = code_text("Norway told Sweden it must recall its ambassador and close the embassy.", "2021-03-04")
    assert _types(events) == [("REQUEST", "told")]


def test_a_second_act_urged_is_part_of_the_request(code_text):
    events = code_text("Egypt urged Ethiopia to stop filling the dam and to withdraw its troops from the border.",
                       "2021-03-04")
    assert _types(events) == [("REQUEST", "urged")]


def test_a_signalled_intent_still_tells_the_act_itself(code_text):
    events = code_text("Kenya signalled it will impose sanctions on Somalia.", "2021-03-04")
    [sanction] = [e for e in events if e["event"] == "SANCTION"]
    assert sanction["factuality"] == "future" and sanction["target"]["code"] == "SOM"


def test_an_act_coordinated_with_a_promise_is_an_event_of_its_own(code_text):
    events = code_text("Kenya pledged to train Somali troops but warned Somalia about corruption.", "2021-03-04")
    assert ("THREATEN", "warned") in _types(events) and ("AGREE", "pledged") in _types(events)
