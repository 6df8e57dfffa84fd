"""Senses of the material event words (ASSAULT, COERCE, RETREAT, MOBILIZE, SANCTION, AID) in
the trigger lexicon, checked on sentences written for these tests."""

from coded_events import events_of, types_of


def test_retaking_ground_is_an_assault_on_who_held_it(code):
    retook = code("Ethiopian troops retook the border town of Humera from Tigrayan rebels on Monday.", "2021-03-06")
    assert types_of(retook, "retook") == {"ASSAULT"}
    reclaimed = code("Malian soldiers reclaimed the northern town of Kidal from the rebels.", "2021-03-06")
    [event] = [e for e in reclaimed if e["trigger"]["text"] == "reclaimed"]
    assert event["event"] == "ASSAULT" and event["source"]["country"] == "MLI"


def test_reclaiming_something_other_than_ground_is_no_attack(code):
    events = code("The Kenyan opposition leader reclaimed his seat in parliament on Monday.", "2021-03-06")
    assert types_of(events, "reclaimed") <= {None}


def test_carrying_out_an_operation_is_the_use_of_force(code):
    events = code("Nigerian soldiers carried out the operation near Maiduguri on Sunday.", "2021-03-06")
    assert types_of(events, "carried") == {"ASSAULT"}


def test_a_joint_operation_stays_military_cooperation(code):
    events = code("Nigerian and Chadian soldiers carried out a joint military operation on Sunday.", "2021-03-06")
    assert "ASSAULT" not in types_of(events, "carried")


def test_an_operation_against_a_named_foe_is_the_use_of_force(code):
    events = code("Kenya's operation against al-Shabaab in southern Somalia lasted two years.", "2021-03-06")
    assert "ASSAULT" in {e["event"] for e in events_of(events, "operation")}


def test_a_military_intervention_is_the_use_of_force(code):
    events = code("France began its military intervention in Mali in January 2013.", "2021-03-06")
    assert "ASSAULT" in {e["event"] for e in events_of(events, "intervention")}


def test_aerial_strikes_are_aerial_weapons(code):
    events = code("Nigerian jets conducted aerial strikes on the rebel camp near Sambisa.", "2021-03-06")
    assert {e["cameo"] for e in events if e["event"] == "ASSAULT"} == {"195"}


def test_sending_forces_into_a_country_is_a_deployment_not_aid(code):
    events = code("Rwanda was preparing to send its army into Mozambique to fight the insurgents.", "2021-03-06")
    assert types_of(events, "send") == {"MOBILIZE"}


def test_redeploying_units_is_a_deployment(code):
    events = code("The Ethiopian army will redeploy its units to the Sudanese border.", "2021-03-06")
    assert "MOBILIZE" in types_of(events, "redeploy")


def test_attacking_a_province_in_an_assault_is_violence_not_criticism(code):
    events = code("Russia sent jets to attack the Syrian province of Idlib in its biggest assault this year.",
                  "2021-03-06")
    assert types_of(events, "attack") == {"ASSAULT"}


def test_a_junta_dissolving_the_constitution_coerces(code):
    events = code("The Malian junta said it had dissolved the constitution and the government.", "2021-03-06")
    assert types_of(events, "dissolved") == {"COERCE"}


def test_dissolving_a_committee_is_no_coercion(code):
    events = code("The Kenyan senate dissolved its budget committee on Monday.", "2021-03-06")
    assert "COERCE" not in types_of(events, "dissolved")


def test_an_ordered_pause_in_fighting_is_the_ceasefire_itself(code):
    events = code("The Ethiopian prime minister ordered a humanitarian pause in Tigray on Monday.", "2021-03-06")
    assert types_of(events, "ordered") == {"RETREAT"}


def test_stalling_an_offensive_holds_back_force(code):
    events = code("Ethiopia said it would stall its offensive in Tigray for two weeks.", "2021-03-06")
    assert "RETREAT" in types_of(events, "stall")


def test_capturing_fighters_is_taking_them_by_force(code):
    events = code("Nigerian soldiers captured dozens of Boko Haram fighters near Lake Chad.", "2021-03-06")
    [event] = [e for e in events if e["trigger"]["text"] == "captured"]
    assert event["event"] == "ASSAULT" and event["cameo"] == "181"


def test_forming_a_militia_raises_armed_forces(code):
    events = code("Ethiopia accused Eritrea of forming a militia on the border.", "2021-03-06")
    [event] = [e for e in events if e["trigger"]["text"] == "forming"]
    assert event["event"] == "MOBILIZE" and event["source"]["country"] == "ERI"


def test_banning_a_country_s_goods_is_an_embargo(code):
    events = code("Kenya banned the transit of Ugandan goods through its ports on Monday.", "2021-03-06")
    [event] = [e for e in events if e["trigger"]["text"] == "banned"]
    assert event["event"] == "SANCTION" and event["target"]["country"] == "UGA"


def test_banning_a_party_stays_a_restriction_at_home(code):
    events = code("Uganda banned the opposition party on Monday.", "2021-03-06")
    assert types_of(events, "banned") == {"COERCE"}
