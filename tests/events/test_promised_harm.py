"""A promise or vow whose content is coercion or force is a threat (tacitus.events.promised_harm).
Sentences written for these tests."""

from coded_events import events_of


def test_a_vow_to_expel_by_a_means_phrase_is_a_threat_not_an_offer(code):
    events = code("The Malian junta vowed to restore order in the north, not least by driving out the French "
                  "troops from Gao.", "2022-05-10")
    assert [e["event"] for e in events_of(events, "vowed")] == ["THREATEN"]
    assert events_of(events, "driving") == []


def test_a_promise_that_others_would_be_punished_is_a_threat(code):
    events = code("The Kenyan president promised the guilty officers would be jailed and dismissed.", "2022-05-10")
    assert [e["event"] for e in events_of(events, "promised")] == ["THREATEN"]
    assert events_of(events, "jailed") == [] and events_of(events, "dismissed") == []


def test_a_vow_that_names_who_will_expel_leaves_the_threat_to_the_act(code):
    events = code("The Ethiopian prime minister vowed the army will expel Eritrean forces from Ethiopia.", "2022-05-10")
    assert events_of(events, "vowed") == []
    assert {(e["event"], e["target"]["country"]) for e in events_of(events, "expel") if e["event"] == "THREATEN"} \
        == {("THREATEN", "ERI")}


def test_a_vow_of_serious_consequences_is_a_threat(code):
    events = code("Russia vowed serious consequences for Lithuania over the rail ban.", "2022-06-21")
    assert [(e["event"], e["target"]["country"]) for e in events_of(events, "vowed")] == [("THREATEN", "LTU")]


def test_a_promise_to_remove_weapons_or_to_help_stays_an_offer(code):
    events = code("Turkey promised Russia to remove the heavy weapons from the buffer zone.", "2022-05-10")
    assert [e["event"] for e in events_of(events, "promised")] == ["AGREE"]
    aid = code("Japan promised it would help the flood victims in Pakistan.", "2022-05-10")
    assert "THREATEN" not in {e["event"] for e in events_of(aid, "promised")}


def test_a_promise_to_expel_in_its_own_to_clause_stays_an_undertaking(code):
    events = code("Turkey promised to expel the militants from the buffer zone.", "2022-05-10")
    assert "THREATEN" not in {e["event"] for e in events_of(events, "promised")}
