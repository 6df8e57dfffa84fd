"""Source rules checked on sentences written for these tests."""


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


def test_those_reported_injured_did_not_injure(code):
    events = code("At least 20 people were reported to have been injured after Kenyan police stormed the "
                  "polling stations.", "2022-05-01")
    assert not [e for e in events if e["trigger"]["text"] == "injured" and (e["source"] or {}).get("sector") == "CVL"]
    assert event_of(events, "stormed")["source"]["code"] == "KENCOP"


def test_an_act_in_an_adverbial_clause_is_not_done_by_the_passive_subject(code):
    events = code("Twelve civilians were killed in the bombing, the deadliest to target Somali officials "
                  "this year.", "2022-05-01")
    assert not [e for e in events if (e["source"] or {}).get("sector") == "CVL"]


def test_a_raised_subject_still_does_the_act_of_its_open_complement(code):
    events = code("Kenyan troops were reported to have attacked al-Shabaab positions in Somalia.", "2022-05-01")
    event = event_of(events, "attacked")
    assert event["source"]["code"] == "KENMIL" and "xcomp>nsubj" in event["evidence"]["rule"]


def test_a_harm_in_an_attack_is_done_by_the_attack_s_doer(code):
    event = event_of(code("Three soldiers were wounded in an attack by Islamic State fighters near Mosul.",
                          "2022-05-01"), "wounded")
    assert event["source"]["code"].startswith("IMG") and "source:cause-doer:in>attack" in event["evidence"]["rule"]
    event = event_of(code("Twelve civilians were killed in shelling by Syrian government forces in Aleppo.",
                          "2022-05-01"), "killed")
    assert event["source"]["code"].startswith("SYR") and "cause-doer:in>shelling" in event["evidence"]["rule"]


def test_a_harm_in_an_accident_has_no_doer(code):
    assert not code("Three Kenyan soldiers were killed in a car crash near Garissa.", "2022-05-01")


# -- named groups and located agents -------------------------------------------------------------

DAY = "2019-01-16"


def test_a_transnational_group_is_not_placed_in_the_country_it_strikes(code_text):
    [killed] = [e for e in code_text("A car bomb planted by the Islamic State killed six soldiers in Iraq.", DAY)
                if e["trigger"]["text"] == "killed"]
    assert killed["source"]["code"].startswith("IMG") and killed["target"]["country"] == "IRQ"


def test_a_sector_noun_acting_in_a_place_is_of_that_place(code_text):
    [blocked] = [e for e in code_text("Thousands of protesters blocked streets in Caracas.", DAY)
                 if e["event"] == "PROTEST"]
    assert blocked["source"]["country"] == "VEN"


def test_a_group_the_subject_acts_against_is_not_its_doer(code_text):
    events = code_text("Members of the coalition against the Islamic State attacked a depot in Syria.", DAY)
    assert not any((e["source"] or {}).get("code", "").startswith("IMG") for e in events)
