"""Which trigger words are the content of another trigger's event (tacitus.events.content).
Sentences written for these tests."""

from coded_events import events_of


def test_a_call_that_frames_a_request_is_a_consultation_of_its_own(code):
    events = code("During a telephone call on Monday, the Japanese prime minister urged the Chinese president "
                  "to release the detained fishermen.", "2022-05-10")
    assert [e["event"] for e in events_of(events, "urged")] == ["REQUEST"]
    [call] = events_of(events, "call")
    assert call["event"] == "CONSULT" and call["source"]["country"] == "JPN"


def test_talks_that_are_what_is_asked_for_stay_the_content_of_the_request(code):
    events = code("The Kenyan president urged Ethiopia to hold talks with the rebels.", "2022-05-10")
    assert events_of(events, "talks") == []
    assert [e["event"] for e in events_of(events, "urged")] == ["REQUEST"]


def test_acts_conjoined_in_the_content_of_a_threat_are_threatened_not_done(code):
    events = code("Iran threatened to close the strait and attack American ships in the Gulf.", "2022-05-10")
    assert [e["event"] for e in events_of(events, "threatened")] == ["THREATEN"]
    assert events_of(events, "attack") == [] and events_of(events, "close") == []


def test_a_second_act_of_the_actor_itself_stays_an_event(code):
    events = code("Iran threatened to close the strait and seized a British tanker in the Gulf.", "2022-05-10")
    assert [e["event"] for e in events_of(events, "seized")] == ["COERCE"]


def test_an_act_a_capacity_allows_is_no_event(code):
    events = code("Morocco has the power to close the border with Algeria.", "2022-05-10")
    assert events_of(events, "close") == []
    rights = code("The Kenyan opposition has the right to appeal against the ruling.", "2022-05-10")
    assert events_of(rights, "appeal") == []


def test_an_act_told_as_done_keeps_its_event(code):
    events = code("Morocco used its power to close the border with Algeria on Monday.", "2022-05-10")
    assert [e["event"] for e in events_of(events, "close")] == ["COERCE"]


def test_the_act_a_demand_names_is_its_content_not_an_event(code):
    events = code("The Nigerian demand that Benin arrest and prosecute the smugglers angered Cotonou.", "2022-05-10")
    assert events_of(events, "prosecute") == [] and events_of(events, "arrest") == []
    assert [(e["event"], e["target"]["country"]) for e in events_of(events, "demand")] == [("REQUEST", "BEN")]


def test_the_visit_an_invitation_names_stays_an_event(code):
    events = code("The Kenyan president accepted an invitation to visit Ethiopia next month.", "2022-05-10")
    assert [e["event"] for e in events_of(events, "visit")] == ["CONSULT"]


def test_a_pledge_to_use_force_is_a_threat(code):
    events = code("The Houthis pledged to attack Saudi oil facilities.", "2022-05-10")
    assert [(e["event"], e["target"]["country"]) for e in events_of(events, "pledged")] == [("THREATEN", "SAU")]


def test_a_pledge_to_send_peacekeepers_stays_an_offer(code):
    events = code("Kenya pledged to send peacekeepers to Somalia.", "2022-05-10")
    assert [e["event"] for e in events_of(events, "pledged")] == ["AGREE"]


def test_the_acts_a_request_clause_says_must_be_done_are_its_content(code):
    events = code("The Dutch foreign minister told Germany it must take back its fighters and put them on trial.",
                  "2022-05-10")
    assert [(e["event"], e["target"]["country"]) for e in events_of(events, "told")] == [("REQUEST", "DEU")]
    assert events_of(events, "take") == [] and events_of(events, "put") == []


def test_the_act_a_threat_clause_says_will_be_done_is_threatened(code):
    events = code("Russia warned Ukraine that it would have to withdraw its troops from the border.", "2022-05-10")
    assert [e["event"] for e in events_of(events, "warned")] == ["THREATEN"]
    assert events_of(events, "withdraw") == []


def test_an_act_a_warning_tells_as_done_stays_an_event(code):
    events = code("The US warned that Russia had attacked the village.", "2022-05-10")
    assert [(e["event"], e["source"]["country"]) for e in events_of(events, "attacked")] == [("ASSAULT", "RUS")]


def test_an_act_a_signal_announces_stays_an_event(code):
    events = code("Brussels signalled it will extend sanctions against Russia.", "2022-05-10")
    assert "SANCTION" in {e["event"] for e in events_of(events, "extend")}


def test_a_to_clause_inside_the_content_of_a_request_is_content_too(code):
    events = code("The French president pleaded with the Iranians to put pressure on Hezbollah to start talks "
                  "with Israel.", "2022-05-10")
    assert [e["event"] for e in events_of(events, "pleaded")] == ["REQUEST"]
    assert events_of(events, "start") == []
    freed = code("Kenya urged Ethiopia to press the rebels to release the hostages.", "2022-05-10")
    assert events_of(freed, "release") == [] and [e["event"] for e in events_of(freed, "urged")] == ["REQUEST"]


def test_a_purpose_of_an_act_done_stays_with_that_act(code):
    events = code("The French president flew to Tehran to start talks with the Iranians.", "2022-05-10")
    assert events_of(events, "start") != []


def test_a_hint_at_what_the_speakers_side_could_do_is_not_a_request_content(code):
    events = code("The Kenyan spokesman suggested that the troops could return to Somalia if necessary.",
                  "2022-05-10")
    assert events_of(events, "return") != []


def test_an_act_asked_for_through_a_verb_that_is_no_event_is_content_too(code):
    events = code("Kenya urged Uganda to do more to arrest the rebels.", "2022-05-10")
    assert events_of(events, "arrest") == [] and [e["event"] for e in events_of(events, "urged")] == ["REQUEST"]


def test_an_averted_or_thwarted_attack_did_not_happen(code):
    averted = code("Kenyan police averted an attack on the Ugandan embassy in Nairobi.", "2022-05-10")
    assert not [e for e in averted if e["event"] == "ASSAULT"]
    held_off = code("Somalia held off from a full-scale offensive on the Kenyan border town.", "2022-05-10")
    assert not [e for e in held_off if e["event"] == "ASSAULT"]
    carried_out = code("Somalia launched a full-scale offensive on the Kenyan border town.", "2022-05-10")
    assert [e for e in carried_out if e["event"] == "ASSAULT"]
