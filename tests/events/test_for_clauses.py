"""The "for X to do" clause of a request. Sentences written for these tests."""

DAY = "2022-05-10"


def summary(events):
    return sorted((e["event"], e["source"]["country"], (e["target"] or {}).get("country")) for e in events)


def test_calling_for_another_to_act_is_a_request_to_it_not_the_act(code):
    events = code("The Kenyan president called for Somalia to withdraw its troops from the border.", DAY)
    assert summary(events) == [("REQUEST", "KEN", "SOM")]


def test_a_call_noun_with_a_for_clause_asks_the_clause_s_subject(code):
    events = code("Kenya renewed its call for Somalia to release the detained fishermen.", DAY)
    assert summary(events) == [("REQUEST", "KEN", "SOM")]


def test_pressing_for_another_to_act_is_a_request(code):
    events = code("Ghana has pressed for Togo to reopen the border crossing.", DAY)
    assert summary(events) == [("REQUEST", "GHA", "TGO")]


def test_waiting_for_another_to_act_asks_nothing(code):
    events = code("Kenya waited for Somalia to release the detained fishermen.", DAY)
    assert "REQUEST" not in {e["event"] for e in events}
