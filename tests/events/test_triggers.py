"""Trigger finding: which words the lexicon or a speech rule makes an event, and of which type.
Sentences written for these tests."""

from coded_events import events_of


def accusations(events):
    return [(e["source"]["country"], (e["target"] or {}).get("country")) for e in events if e["event"] == "ACCUSE"]


def test_a_conversation_between_leaders_is_a_consultation(code):
    events = code("The French president had a long conversation with the Nigerian president on Tuesday.",
                  "2022-05-10")
    [conversation] = events_of(events, "conversation")
    assert conversation["event"] == "CONSULT" and conversation["target"]["country"] == "NGA"


def test_saying_an_act_is_a_violation_or_a_threat_condemns_its_doer(code):
    violation = code("Ghana said the Togolese raid was a clear violation of its sovereignty.", "2022-05-10")
    assert accusations(violation) == [("GHA", "TGO")]
    threat = code("Greece said the Turkish drilling plan was a threat to regional peace.", "2022-05-10")
    assert accusations(threat) == [("GRC", "TUR")]


def test_saying_another_made_a_mistake_blames_it(code):
    events = code("The Serbian president said the Croatian government had made a grave mistake.", "2022-05-10")
    assert accusations(events) == [("SRB", "HRV")]


def test_a_condemnation_in_a_second_reported_clause_counts(code):
    events = code("Peru said the report was late and that the Chilean decision was an illegal act.", "2022-05-10")
    assert [source for source, _ in accusations(events)] == ["PER"]


def test_a_neutral_predicate_noun_condemns_nothing(code):
    events = code("Ghana said the Togolese visit was a success for both countries.", "2022-05-10")
    assert accusations(events) == []


def test_persuading_or_lobbying_an_actor_to_act_is_a_request(code):
    persuade = code("The Swedish foreign minister tried to persuade Turkey to lift its veto.", "2022-05-10")
    [request] = events_of(persuade, "persuade")
    assert request["event"] == "REQUEST" and request["target"]["country"] == "TUR"
    lobbied = code("Ukraine lobbied Germany to send tanks.", "2022-05-10")
    assert [(e["event"], e["target"]["country"]) for e in events_of(lobbied, "lobbied")] == [("REQUEST", "DEU")]


def test_repeating_an_offer_is_an_offer(code):
    events = code("The Qatari emir repeated his offer to mediate between Sudan and Chad.", "2022-05-10")
    assert [e["event"] for e in events_of(events, "repeated")] == ["AGREE"]


def test_insisting_on_one_s_own_plan_is_no_request(code):
    events = code("Russia insisted it would not withdraw its troops from Syria.", "2022-05-10")
    assert [e for e in events if e["event"] == "REQUEST"] == []


def test_insisting_that_another_must_act_is_a_request(code):
    events = code("Russia insisted that Turkey must withdraw its troops from Syria.", "2022-05-10")
    assert [(e["event"], e["target"]["country"]) for e in events if e["event"] == "REQUEST"] == [("REQUEST", "TUR")]


def test_warning_that_something_would_be_bad_is_no_threat(code):
    events = code("The Dutch minister warned that the return of the fighters would be extremely difficult.",
                  "2022-05-10")
    assert [e for e in events if e["event"] == "THREATEN"] == []
    assault = code("The American general warned that a Syrian assault on Idlib would lead to a catastrophe.",
                   "2022-05-10")
    assert [e for e in events_of(assault, "warned") if e["event"] == "THREATEN"] == []


def test_warning_of_what_one_will_do_stays_a_threat(code):
    events = code("Turkey warned Greece that it would respond to any provocation.", "2022-05-10")
    assert "THREATEN" in {e["event"] for e in events_of(events, "warned")}


def test_vowing_to_crush_an_enemy_is_a_threat_and_crushed_hopes_are_no_attack(code):
    vow = code("The Ethiopian prime minister vowed to crush the Eritrean forces.", "2022-05-10")
    assert [(e["event"], e["target"]["country"]) for e in vow] == [("THREATEN", "ERI")]
    hopes = code("The ruling crushed the hopes of the Ethiopian opposition.", "2022-05-10")
    assert [e["event"] for e in hopes] == []


def test_being_critical_of_another_is_disapproval(code):
    events = code("The Kenyan president was sharply critical of the Somali government.", "2022-05-10")
    assert accusations(events) == [("KEN", "SOM")]
    assert accusations(code("Kenya said the talks were at a critical stage.", "2022-05-10")) == []


def test_a_plan_that_met_a_response_or_a_deadline_met_is_no_meeting(code):
    assert code("The Kenyan plan met a mixed response in Somalia.", "2022-05-10") == []
    assert code("Kenya met the deadline set by Somalia.", "2022-05-10") == []
    [meeting] = code("The Kenyan president met his Somali counterpart in Nairobi.", "2022-05-10")
    assert meeting["event"] == "CONSULT"


def test_agreeing_that_something_is_so_shares_a_view_not_an_agreement(code):
    assert code("Kenyan officials agree that the border remains unstable.", "2022-05-10") == []
    assert code("Kenya agreed with Somalia that the situation was serious.", "2022-05-10") == []
    events = code("Kenya and Somalia agreed that their troops would withdraw from the border.", "2022-05-10")
    assert "AGREE" in {e["event"] for e in events}


def test_an_obligation_in_a_second_reported_clause_is_a_demand(code):
    events = code("Kenya said it would help rebuild the bridge but Somalia must pay for the repairs.", "2022-05-10")
    assert [(e["source"]["country"], e["target"]["country"]) for e in events if e["event"] == "REQUEST"] \
        == [("KEN", "SOM")]


def test_recognising_a_government_in_british_spelling_is_recognition(code):
    [recognition] = code("Kenya recognised the new Somali government on Monday.", "2022-05-10")
    assert (recognition["event"], recognition["cameo"]) == ("SUPPORT", "054")


def test_british_spellings_of_verbal_triggers_are_coded_as_american_ones(code):
    [normalised] = code("Kenya normalised relations with Somalia on Monday.", "2022-05-10")
    [normalized] = code("Kenya normalized relations with Somalia on Monday.", "2022-05-10")
    assert normalised["cameo"] == normalized["cameo"] == "050"
