"""The coder on sentences written for these tests, with the structures of real reports."""


def find(events, event_type=None, cameo=None, source=None, target=None):
    return [
        e for e in events
        if (event_type is None or e["event"] == event_type)
        and (cameo is None or e["cameo"] == cameo)
        and (source is None or (e["source"] or {}).get("code") == source)
        and (target is None or (e["target"] or {}).get("code") == target)
    ]


def test_plain_rejection_of_a_proposal_to_meet(code):
    events = code("Iran rejected a US proposal for talks on Monday.", "2024-05-08")
    [event] = find(events, "REJECT")
    assert event["cameo"] == "125" and event["quad_class"] == 3 and event["goldstein"] == -5.0
    assert event["source"]["country"] == "IRN" and event["target"]["country"] == "USA"
    assert event["factuality"] == "asserted"
    assert event["trigger"]["text"] == "rejected"
    assert event["evidence"]["lexicon"]["lemma"] == "reject"


def test_reported_refusal_of_a_meeting_with_the_counterpart(code):
    events = code(
        "Diplomats in Berlin on Friday confirmed reports of President Hassan Rouhani turning down a request "
        "for a one-on-one meeting with his American counterpart, Donald Trump.",
        "2017-11-04",
    )
    [event] = find(events, "REJECT", "125", "IRNGOV", "USAGOV")
    assert event["source"]["name"] == "Hassan Rouhani" and event["target"]["name"] == "Donald Trump"
    assert event["factuality"] == "reported"
    assert event["attribution"]["text"].startswith("Diplomats")
    # the request and the meeting are the content of the refusal, not events of their own
    assert not find(events, "CONSULT")


def test_confirmation_by_the_state_department_is_the_attribution(code):
    events = code("The State Department confirmed that the Iranians had turned down the meeting with Trump.", "2017-11-04")
    [event] = find(events, "REJECT", target="USAGOV")
    assert event["source"]["country"] == "IRN"
    assert event["factuality"] == "reported"
    assert event["attribution"] == {"text": "The State Department", "code": "USAGOV", "date": None, "place": None,
                                    "verb": "confirm"}


def test_white_house_calling_a_report_false_is_a_denial(code):
    [event] = code("The White House called the report false.", "2017-11-04")
    assert event["cameo"] == "016" and event["source"]["code"] == "USAGOV"


def test_describing_a_country_as_the_enemy_is_an_accusation(code):
    events = code("Last week, Ayatollah Ali Khamenei described America as the chief enemy of the Iranian nation.", "2017-11-04")
    [event] = find(events, "ACCUSE")
    assert event["source"]["code"] == "IRNGOV" and event["target"]["country"] == "USA"


def test_the_2013_refusal_has_the_same_dyad_and_type(code):
    events = code("Rouhani turned down an encounter with Obama, senior administration officials said.", "2013-09-24")
    [event] = find(events, "REJECT", "125", "IRNGOV", "USAGOV")
    assert event["source"]["name"] == "Hassan Rouhani" and event["target"]["name"] == "Barack Obama"
    assert event["factuality"] == "reported" and event["attribution"]["code"] == "USAGOV"


def test_scheduled_meeting_is_future(code):
    events = code("Secretary of State John Kerry is set to meet Iran's Foreign Minister Mohammad Javad Zarif on Thursday.",
                  "2013-09-24")
    [event] = find(events, "CONSULT", source="USAGOV", target="IRNGOV")
    assert event["factuality"] == "future"
    assert event["source"]["name"] == "John Kerry" and event["target"]["name"] == "Mohammad Javad Zarif"


def test_counterfactual_meeting_is_hypothetical_not_a_meeting(code):
    events = code("Had Obama and Rouhani met, it would have been a historic first.", "2013-09-24")
    meetings = find(events, "CONSULT")
    assert meetings and all(e["factuality"] == "hypothetical" for e in meetings)
    assert {e["source"]["code"] for e in meetings} == {"USAGOV", "IRNGOV"}


def test_openness_to_meet_is_intended_and_an_expressed_intent(code):
    events = code("President Obama was open to meeting Rouhani in New York.", "2013-09-24")
    [meeting] = find(events, "CONSULT", source="USAGOV", target="IRNGOV")
    assert meeting["factuality"] == "intended"
    [offer] = find(events, "AGREE", "036", "USAGOV", "IRNGOV")
    assert offer["factuality"] == "asserted" and "derived" in offer["evidence"]["rule"]


def test_meeting_that_did_not_happen_is_negated(code):
    events = code("Obama and Rouhani did not meet in New York.", "2013-09-24")
    assert {e["factuality"] for e in find(events, "CONSULT")} == {"negated"}


def test_coordinated_nationalities_give_one_event_per_actor(code):
    events = code("Senior Polish and Czech officials agreed on Tuesday to cooperate on border controls.", "2019-05-07")
    assert {e["source"]["code"] for e in find(events, "AGREE")} == {"POLGOV", "CZEGOV"}


def test_passive_agent_is_the_source(code):
    [event] = find(code("The proposal was rejected by Iran.", "2019-05-07"), "REJECT")
    assert event["source"]["country"] == "IRN" and "agent" in event["evidence"]["rule"]


def test_nominal_event_with_possessive_source(code):
    [event] = find(code("Russia's invasion of Ukraine continued.", "2022-03-02"), "ASSAULT")
    assert event["source"]["country"] == "RUS" and event["target"]["country"] == "UKR"


def test_negated_acceptance_is_a_rejection_by_the_speaker(code):
    [event] = code("Iran said it will not accept the offer.", "2019-05-07")
    assert event["event"] == "REJECT" and event["source"]["country"] == "IRN"
    assert "negated-acceptance" in event["evidence"]["rule"]


def test_conditional_ultimatum_is_a_threat(code):
    events = code("Nigeria said it would withdraw its troops from Chad unless a ceasefire was agreed.", "2019-05-07")
    [threat] = find(events, "THREATEN", source="NGA")
    assert threat["target"]["country"] == "TCD" and "conditional threat" in threat["evidence"]["rule"]


def test_sentence_without_political_actors_gives_nothing(code):
    assert code("The weather was warm and the markets were calm on Monday.", "2019-05-07") == []


def test_passive_participle_clause_does_not_make_the_subject_an_asker(code):
    events = code("Asked about the proposal, the Iranian foreign minister said Iran had rejected it.", "2019-05-07")
    assert not find(events, "REQUEST")
    assert find(events, "REJECT")


def test_stative_passive_subject_is_the_source(code):
    events = code("Turkey is opposed to Swedish mediation in talks with Greece.", "2019-05-07")
    [event] = find(events, "REJECT")
    assert event["source"]["country"] == "TUR"


def test_crowd_acting_in_a_place_takes_its_country(code):
    events = code("Thousands of protesters blocked roads in Caracas on Sunday.", "2019-05-07")
    [event] = find(events, "PROTEST")
    assert event["source"]["country"] == "VEN" and "located" in event["evidence"]["rule"]


def test_a_number_of_a_group_acts_for_the_group(code):
    events = code("Thousands of Kenyans demonstrated in Nairobi against the tax bill.", "2024-06-20")
    [protest] = [e for e in events if e["event"] == "PROTEST" and e["source"]["country"] == "KEN"]
    assert protest["source"]["text"] == "Kenyans"


def test_saying_that_an_account_is_false_is_a_denial(code):
    events = code("Kremlin spokesman Dmitry Peskov wrote that the newspaper's account was fabricated.", "2022-03-02")
    [denial] = [e for e in events if e["cameo"] == "016"]
    assert denial["source"]["code"] == "RUSGOV"
    assert denial["evidence"]["lexicon"]["entry"] == "rule:stated-falsehood"


def test_saying_that_an_account_is_accurate_is_no_denial(code):
    events = code("Kremlin spokesman Dmitry Peskov wrote that the newspaper's account was accurate.", "2022-03-02")
    assert not [e for e in events if e["cameo"] == "016"]


def test_a_group_takes_the_country_of_what_it_is_affiliated_with(code):
    events = code("Hundreds of teachers affiliated with Hamas protested in the city.", "2019-04-02")
    [protest] = [e for e in events if e["event"] == "PROTEST"]
    assert protest["source"]["country"] == "PSE" and protest["source"]["sector"] == "EDU"


def test_an_announced_future_act_is_also_a_stated_intent(code):
    events = code("Norway will send peacekeepers to Mali.", "2015-01-10")
    assert {e["event"] for e in events} >= {"AGREE"}
    [act] = [e for e in events if e["factuality"] == "future"]
    assert act["cameo"].startswith("0")
    events = code("Residents of Gaza protested against the blockade.", "2015-01-10")
    [protest] = [e for e in events if e["event"] == "PROTEST"]
    assert protest["source"]["country"] == "PSE"


def test_a_people_is_coded_by_where_it_lives(code):
    events = code("The Hungarians of northern Serbia demanded autonomy from the Serbian government.", "2011-05-02")
    [demand] = [e for e in events if e["event"] == "REQUEST"]
    assert demand["source"]["country"] == "SRB" and demand["target"]["code"] == "SRBGOV"
    events = code("Ethnic Hungarians demonstrated on Tuesday in Romania.", "2001-05-02")
    [protest] = [e for e in events if e["event"] == "PROTEST"]
    assert protest["source"]["country"] == "ROU"
    events = code("Hungarians demonstrated on Tuesday in Budapest.", "2001-05-02")
    [protest] = [e for e in events if e["event"] == "PROTEST"]
    assert protest["source"]["country"] == "HUN"


def test_every_coordinated_actor_inside_the_object_is_a_target(code):
    events = code("EU foreign ministers agreed to provide aid for Romania and Poland.", "1990-02-03")
    assert {e["target"]["country"] for e in events if e["event"] == "AGREE"} == {"ROU", "POL"}


def test_the_issuer_of_a_declaration_makes_its_demand(code):
    events = code("The Kurdish rebel group PKK issued a statement demanding that the Turkish government free its leader.",
                  "2003-01-15")
    [demand] = [e for e in events if e["event"] == "REQUEST"]
    assert demand["source"]["country"] == "TUR" and demand["target"]["code"] == "TURGOV"
    assert "acl>dobj" in demand["evidence"]["rule"]


def test_a_conditional_halt_to_mediation_is_a_threat(code):
    events = code("The African Union may halt its mediation if the fighting in Sudan continues.", "2023-06-01")
    assert "THREATEN" in {e["event"] for e in events}


def test_coordinated_nationalities_before_one_noun_are_each_an_actor(code):
    events = code("The Red Cross said US and British forces must protect the hospitals.", "2003-04-10")
    demands = [e for e in events if e["cameo"] == "100"]
    assert {e["target"]["code"] for e in demands} == {"USAMIL", "GBRMIL"}


def test_a_hostile_act_on_a_condition_is_a_threat(code_text):
    events = code_text("NATO could suspend its mediation between the two sides if the fighting resumes, "
                       "a spokesman said on Friday.", "2001-06-01")
    [act] = [e for e in events if e["cameo"] == "165"]
    assert act["factuality"] == "hypothetical"
    [threat] = [e for e in events if e["event"] == "THREATEN"]
    assert threat["factuality"] in ("asserted", "reported")
    assert "conditional threat" in threat["evidence"]["rule"]
    assert threat["cameo"] == "135"  # threaten to halt mediation


def test_a_sworn_use_of_force_is_a_threat_not_also_an_intended_attack(code_text):
    events = code_text("Kurdish fighters have sworn to fight on, Turkish officials said.", "2016-01-01")
    assert not [e for e in events if e["event"] == "ASSAULT"]
    assert [e["event"] for e in events if e["factuality"] in ("asserted", "reported")] == ["THREATEN"]


def test_an_indictment_is_an_accusation(code_text):
    events = code_text("Serbia's former interior minister was indicted by the UN war crimes tribunal.", "2003-05-02")
    [indictment] = [e for e in events if e["cameo"] == "112"]
    assert indictment["event"] == "ACCUSE"
    assert indictment["source"]["code"].startswith("IGO")


def test_helping_with_an_act_is_that_act(code_text):
    events = code_text("Qatar has sent envoys to Washington to help end the blockade imposed by Saudi Arabia.",
                       "2018-02-02")
    assert not [e for e in events if e["evidence"]["lexicon"]["lemma"] == "help"]
    assert [e for e in events if e["trigger"]["text"] == "end" and e["source"]["country"] == "QAT"]


def test_exercises_of_several_countries_are_military_cooperation(code_text):
    events = code_text("Russian and Chinese warships began naval exercises in the Sea of Japan on Tuesday.",
                       "2021-10-14")
    joint = {(e["source"]["country"], e["target"]["country"]) for e in events if e["cameo"] == "062"}
    assert joint == {("RUS", "CHN"), ("CHN", "RUS")}
    alone = code_text("Chinese warships began naval exercises in the Sea of Japan on Tuesday.", "2021-10-14")
    assert [e["cameo"][:2] for e in alone] == ["15"]
    assert alone[0]["target"] is None  # a sea named after a country is not that country


def test_the_recipient_not_the_own_forces_given_is_the_target(code_text):
    events = code_text("Jordan offered its troops to Iraq on Monday.", "2004-03-03")
    assert {(e["source"]["country"], e["target"]["country"]) for e in events if e["target"]} == {("JOR", "IRQ")}


def test_a_threat_presses_the_actor_named_in_its_condition(code_text):
    events = code_text("Farmers in Ghana threatened to block the highways unless the government of Togo "
                       "reopened the border.", "2020-05-05")
    [threat] = [e for e in events if e["trigger"]["text"] == "threatened"]
    assert threat["target"]["code"] == "TGOGOV"
    assert threat["evidence"]["rule"].endswith("target:condition>nsubj")


def test_a_protest_targets_the_actor_its_purpose_names(code_text):
    events = code_text("Students in Manila marched through the streets to show their anger at China's "
                       "claims in the sea.", "2016-07-13")
    [march] = [e for e in events if e["event"] == "PROTEST"]
    assert march["target"]["country"] == "CHN"
    assert march["evidence"]["rule"].endswith("target:purpose")


def test_mediation_between_two_sides_targets_both(code_text):
    events = code_text("The Kenyan president undertook a mediation mission between Ethiopia and Eritrea.", "1999-01-01")
    assert {(e["source"]["country"], e["target"]["country"]) for e in events if e["event"] == "CONSULT"} == {
        ("KEN", "ETH"), ("KEN", "ERI")}


def test_a_group_named_next_to_its_leader_is_the_actor(code_text):
    events = code_text("Abubakar Shekau's Boko Haram network threatened to attack Nigeria's capital.", "2014-05-05")
    threats = [e for e in events if e["event"] == "THREATEN"]
    assert threats and all(e["source"]["text"] == "Boko Haram" for e in threats)


def test_a_passive_participle_does_not_borrow_the_main_subject(code_text):
    events = code_text("The Lord's Resistance Army said it would hand back vehicles seized from aid agencies.",
                       "2006-08-08")
    seizures = [e for e in events if e["trigger"]["text"] == "seized"]
    assert seizures == []
    assert any(e["source"]["code"] == "UGAREBLRA" for e in events)


def test_a_signature_drive_is_dissent(code_text):
    events = code_text("Kifaya activists began collecting signatures against the emergency law.", "2005-05-05")
    assert [(e["event"], e["source"]["code"]) for e in events] == [("PROTEST", "EGYOPPKIF")]


def test_those_converging_for_a_rally_hold_it(code_text):
    events = code_text("Thousands of Ghanaians were converging on Saturday for a rally in Accra.", "2014-07-07")
    [rally] = [e for e in events if e["event"] == "PROTEST"]
    assert rally["source"]["country"] == "GHA"
    assert "participants:converge" in rally["evidence"]["rule"]
