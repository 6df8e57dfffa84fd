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


def test_attacking_government_forces_or_an_envoy_is_violence_attacking_a_decision_criticism(code):
    armed = code("Rebels attacked government forces in the north of Mali on Sunday.", "2021-03-06")
    assert types_of(armed, "attacked") == {"ASSAULT"}
    convoy = code("Islamist fighters attacked a Malian army base during the election.", "2021-03-06")
    assert types_of(convoy, "attacked") == {"ASSAULT"}
    verbal = code("The Malian opposition attacked the government's decision to raise taxes.", "2021-03-06")
    assert types_of(verbal, "attacked") == {"ACCUSE"}
    lasting = code("The Malian army attacked the rebel town of Kidal for three days.", "2021-03-06")
    assert types_of(lasting, "attacked") == {"ASSAULT"}
    blamed = code("The Senegalese president attacked the Malian junta for its remarks.", "2021-03-06")
    assert types_of(blamed, "attacked") == {"ACCUSE"}


def test_fighting_with_one_side_against_another_targets_the_other(code):
    events = code("Polish units fought with France against Germany in 1940.", "2021-03-06")
    [fight] = [e for e in events if e["trigger"]["text"] == "fought" and e["event"] == "ASSAULT"]
    assert fight["target"]["country"] == "DEU"
    alone = code("Polish units fought with Germany in 1939.", "2021-03-06")
    assert [e["target"]["country"] for e in alone if e["trigger"]["text"] == "fought"] == ["DEU"]


def test_meeting_preconditions_is_no_meeting(code):
    passive = code("Few of the preconditions set by the African Union have been met by Sudan.", "2021-03-06")
    assert types_of(passive, "met") == set()
    active = code("Sudan has met the preconditions set by the African Union.", "2021-03-06")
    assert types_of(active, "met") == set()


def test_attacking_a_place_in_an_assault_is_violence_not_criticism(code):
    events = code("Kenyan police attacked the Ugandan border town of Busia in a dawn assault.", "2021-03-06")
    assert types_of(events, "attacked") == {"ASSAULT"}


def test_carrying_out_an_operation_alone_is_no_military_cooperation(code):
    alone = code("Fighters of the Chadian army were carrying out the operation near the border.", "2021-03-06")
    assert "COOPERATE" not in types_of(alone, "carrying")
    joint = code("Chad and Niger carried out a joint military operation near the border.", "2021-03-06")
    assert types_of(joint, "carried") == {"COOPERATE"}


def test_a_terrorist_threat_names_a_danger_not_a_threat_made(code):
    danger = code("Kenyan ministers warned that the jihadist and terrorist threat in Somalia remains high.", "2021-03-06")
    assert types_of(danger, "threat") == set()
    made = code("The Somali threat against Kenya alarmed officials in Nairobi.", "2021-03-06")
    assert types_of(made, "threat") == {"THREATEN"}


def test_announcing_measures_respecting_results_or_fuelling_speculation_is_no_threat(code):
    for text in ("The Kenyan government announced measures to support farmers.",
                 "The Kenyan opposition will respect the results of the election.",
                 "Kenya's decision fuelled speculation about a deal with Uganda.",
                 "The Kenyan opposition applied to the court for an injunction."):
        assert "THREATEN" not in {e["event"] for e in code(text, "2021-03-06")}, text


def test_descriptions_of_tension_deadlock_or_a_led_attack_are_no_rejection_or_criticism(code):
    for text in ("The Kenyan raids heightened tensions with Somalia.",
                 "The talks between Kenya and Somalia remain deadlocked.",
                 "Kenya has been embroiled in a conflict with al-Shabaab for years.",
                 "The Kenyan decision triggered protests in Nairobi.",
                 "The Somali president survived a failed coup attempt by the army."):
        assert not {"REJECT", "ACCUSE"} & {e["event"] for e in code(text, "2021-03-06")}, text
    led = code("A Kenyan commander led the attack on the al-Shabaab camp.", "2021-03-06")
    assert "ACCUSE" not in {e["event"] for e in led}


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
