"""Which PLOVER type a trigger word gets: senses of the lexicon checked on sentences written for
these tests (the PLOVER codebook decides where CAMEO and PLOVER part ways)."""

from coded_events import events_of, types_of


def test_a_resignation_is_a_retreat(code):
    events = code("The Dutch foreign minister resigned on Friday over the arms deal.", "2021-03-06")
    assert types_of(events, "resigned") == {"RETREAT"}


def test_quitting_an_office_is_a_retreat(code):
    events = code("The Nigerian interior minister quit on Friday after the scandal.", "2021-03-06")
    assert types_of(events, "quit") == {"RETREAT"}


def test_troops_withdrawing_is_a_retreat_not_a_concession(code):
    events = code("Kenyan troops withdrew from the Somali border town on Sunday.", "2021-03-06")
    assert types_of(events, "withdrew") == {"RETREAT"}


def test_an_ordered_withdrawal_is_the_retreat_itself(code):
    events = code("The French president ordered a rapid withdrawal of French troops from Mali.", "2021-03-06")
    assert types_of(events, "ordered") == {"RETREAT"}


def test_arresting_protesters_is_coercion_not_violence(code):
    events = code("Belarusian police arrested dozens of protesters in Minsk on Sunday.", "2021-03-06")
    assert types_of(events, "arrested") == {"COERCE"}


def test_charging_and_prosecuting_are_accusations(code):
    charged = code("Egyptian prosecutors charged the Libyan activist with espionage.", "2021-03-06")
    assert types_of(charged, "charged") == {"ACCUSE"}
    prosecuted = code("Turkey will prosecute the German journalist for terrorism.", "2021-03-06")
    assert types_of(prosecuted, "prosecute") == {"ACCUSE"}


def test_rejecting_another_government_s_claim_is_a_rejection(code):
    events = code("Pakistan rejected India's claim that the militants had crossed the border.", "2021-03-06")
    [event] = [e for e in events if e["trigger"]["text"] == "rejected"]
    assert event["event"] == "REJECT" and event["target"]["country"] == "IND"


def test_expressed_or_raised_concern_is_disapproval(code):
    expressed = code("Japan expressed concern about China's military drills near Taiwan.", "2021-03-06")
    assert types_of(expressed, "expressed") == {"ACCUSE"}
    raised = code("Germany raised concerns with Poland over the new media law.", "2021-03-06")
    assert types_of(raised, "raised") == {"ACCUSE"}


def test_expressed_fear_stays_a_comment_without_a_plover_type(code):
    events = code("Japan expressed fear of a long recession.", "2021-03-06")
    assert types_of(events, "expressed") <= {None}


def test_declaring_that_one_will_not_attend_talks_is_a_refusal(code):
    events = code("The Malian junta said it would not attend the talks with Ecuador in Geneva.", "2021-03-06")
    [event] = [e for e in events if e["trigger"]["text"] == "attend"]
    assert event["event"] == "REJECT" and event["cameo"] == "125" and event["factuality"] == "asserted"
    assert "declared-refusal" in event["evidence"]["rule"]


def test_deciding_not_to_attend_talks_is_a_refusal(code):
    events = code("The Malian opposition voted on Sunday not to attend the conference in Dakar.", "2021-03-06")
    [event] = [e for e in events if e["trigger"]["text"] == "attend"]
    assert event["event"] == "REJECT" and event["cameo"] == "125" and event["factuality"] == "asserted"
    # a meeting that did not happen, with no decision told, stays a negated meeting
    events = code("The Malian opposition did not attend the conference in Dakar.", "2021-03-06")
    assert types_of(events, "attend") == {"CONSULT"}


def test_a_boycott_of_a_meeting_is_a_refusal_a_boycott_of_goods_a_sanction(code):
    events = code("The Kenyan opposition boycotted the congress in Nairobi.", "2021-03-06")
    assert types_of(events, "boycotted") == {"REJECT"}
    events = code("Kenya began a boycott of Ugandan goods.", "2021-03-06")
    assert "REJECT" not in {e["event"] for e in events}


def test_taking_part_in_talks_lends_its_modality_to_them(code):
    refused = code("The Kenyan opposition will not participate in any negotiations with the government.", "2021-03-06")
    [event] = [e for e in refused if e["trigger"]["text"].endswith("negotiations")]
    assert event["event"] == "REJECT" and "participation-verb:participate" in event["evidence"]["rule"]
    planned = code("The Kenyan opposition will participate in negotiations with the government.", "2021-03-06")
    [event] = [e for e in planned if e["trigger"]["text"].endswith("negotiations") and e["event"] == "CONSULT"]
    assert event["factuality"] == "future"


def test_a_meeting_that_did_not_happen_stays_a_negated_meeting(code):
    events = code("The Kenyan president did not meet the Ugandan president on Monday.", "2021-03-06")
    [event] = [e for e in events if e["trigger"]["text"] == "meet"]
    assert event["event"] == "CONSULT" and event["factuality"] == "negated"


def test_releasing_information_is_not_a_release_of_people(code):
    published = code("The Egyptian army released a video of the border crossing on Monday.", "2021-03-06")
    assert "RETREAT" not in types_of(published, "released")
    described = code("Footage released by the Kenyan army showed the bridge near Somalia.", "2021-03-06")
    assert "RETREAT" not in types_of(described, "released")
    freed = code("Israel released 20 Palestinian prisoners on Sunday.", "2021-03-06")
    assert types_of(freed, "released") == {"RETREAT"}


def test_a_participle_describing_its_noun_matches_the_noun_as_its_object(code):
    events = code("The sanctions imposed by Canada on Iran took effect on Monday.", "2021-03-06")
    assert types_of(events, "imposed") == {"SANCTION"}


def test_filing_a_diplomatic_protest_is_an_official_complaint(code):
    events = code("Vietnam filed a diplomatic protest with China over the sinking of a fishing boat.", "2021-03-06")
    [event] = [e for e in events if e["trigger"]["text"] == "filed"]
    assert event["event"] == "ACCUSE" and event["cameo"] == "114"


def test_police_charging_a_crowd_is_violent_repression(code):
    events = code("Kenyan riot police charged the crowd of protesters outside parliament in Nairobi.", "2021-03-06")
    assert types_of(events, "charged") == {"ASSAULT"}


def test_neutralising_fighters_is_an_attack(code):
    events = code("The Turkish army neutralised 12 Kurdish militants in northern Iraq.", "2021-03-06")
    assert types_of(events, "neutralised") == {"ASSAULT"}


def test_an_actor_concerned_or_disappointed_about_an_act_disapproves(code):
    concerned = code("Japan is deeply concerned about the Chinese military drills near Taiwan.", "2021-03-06")
    [event] = [e for e in concerned if e["trigger"]["text"] == "concerned"]
    assert event["event"] == "ACCUSE" and event["source"]["country"] == "JPN"
    assert event["evidence"]["lexicon"]["entry"] == "rule:stated-disapproval"
    disappointed = code("Kenya said it was disappointed that Uganda had closed the border.", "2021-03-06")
    assert types_of(disappointed, "disappointed") == {"ACCUSE"}


def test_a_worry_not_held_by_an_actor_is_no_event(code):
    events = code("Investors in Nairobi were concerned.", "2021-03-06")
    assert not [e for e in events if e["event"] == "ACCUSE"]


def test_saying_an_act_is_unacceptable_condemns_it(code):
    events = code("Germany said the Russian decision was unacceptable.", "2021-03-06")
    [event] = [e for e in events if e["event"] == "ACCUSE"]
    assert event["cameo"] == "111" and event["source"]["country"] == "DEU" and event["target"]["country"] == "RUS"


def test_saying_a_plan_is_acceptable_is_no_condemnation(code):
    events = code("Germany said the Russian decision was acceptable.", "2021-03-06")
    assert not [e for e in events if e["event"] == "ACCUSE"]


def test_a_stance_whose_cause_is_parsed_as_doer_gives_no_accusation_by_the_cause(code):
    events = code("Ethiopia has been angered by Egypt's dam policy.", "2021-03-06")
    assert not [e for e in events if e["event"] == "ACCUSE" and (e["source"] or {}).get("country") == "EGY"]


def test_suggesting_what_happened_is_a_view_not_a_request(code):
    view = code("The Kenyan senator suggested that the Ugandan decision had emboldened the rebels.", "2021-03-06")
    assert "REQUEST" not in types_of(view, "suggested")
    insisted = code("The Spanish minister insisted the police had behaved professionally in Barcelona.", "2021-03-06")
    assert "REQUEST" not in types_of(insisted, "insisted")


def test_suggesting_what_someone_should_do_is_a_request(code):
    events = code("France suggested that Mali should hold elections within a year.", "2021-03-06")
    assert types_of(events, "suggested") == {"REQUEST"}


def test_the_parties_between_whom_a_meeting_is_held_are_its_sources(code):
    events = code("A phone call between the Kenyan president and the Ugandan president took place on Sunday.",
                  "2021-03-06")
    calls = [e for e in events if e["trigger"]["text"] == "call"]
    assert {e["source"]["country"] for e in calls} == {"KEN", "UGA"}
    assert all(e["event"] == "CONSULT" and e["evidence"]["rule"].startswith("noun+source:between") for e in calls)


def test_between_on_a_word_that_is_no_meeting_names_no_parties(code):
    events = code("The border between Kenya and Uganda was closed by the Kenyan police.", "2021-03-06")
    assert not [e for e in events if "source:between" in e["evidence"]["rule"]]


def test_a_predicate_noun_describing_a_meeting_names_no_parties_of_its_own(code):
    events = code("The Kenyan president will meet the Ugandan president on Friday, in what will be the first talks "
                  "between Kenya and Uganda since 2010.", "2021-03-06")
    assert not [e for e in events if "source:between" in e["evidence"]["rule"]]


def test_ousting_or_toppling_a_president_is_a_forced_removal(code):
    toppled = code("Soldiers in Niger toppled the Nigerien president on Wednesday.", "2023-07-28")
    assert types_of(toppled, "toppled") == {"COERCE"}
    [ouster] = [e for e in code("Niger's army announced the ouster of the Nigerien president.", "2023-07-28")
                if e["trigger"]["text"].endswith("ouster")]
    assert ouster["cameo"] == "170"


def test_blocking_ships_restricts_movement_and_blocking_a_plan_rejects_it(code):
    ships = code("Chinese coast guard vessels blocked two Philippine supply ships near the reef.", "2023-07-28")
    assert types_of(ships, "blocked") == {"COERCE"}
    plan = code("Hungary blocked the EU plan for Ukraine on Thursday.", "2023-07-28")
    assert types_of(plan, "blocked") == {"REJECT"}


def test_forces_massing_is_a_mobilization(code):
    events = code("Russian forces are massing near the Ukrainian border.", "2021-03-06")
    assert types_of(events, "massing") == {"MOBILIZE"}


def test_leading_or_calling_for_a_protest_is_protest(code):
    led = code("The Ugandan opposition leader was leading a protest in Kampala.", "2021-03-06")
    assert types_of(led, "leading") == {"PROTEST"}
    called = code("The Tanzanian opposition called for protests against the outcome of the vote.", "2021-03-06")
    assert types_of(called, "called") == {"PROTEST"}
    asked = code("The Tanzanian opposition called for a new election.", "2021-03-06")
    assert types_of(asked, "called") == {"REQUEST"}


def test_expecting_a_named_other_to_act_is_a_demand(code):
    events = code("Kenya expects Uganda to withdraw its troops from the border.", "2021-03-06")
    [event] = [e for e in events if e["trigger"]["text"] == "expects"]
    assert event["event"] == "REQUEST" and event["source"]["country"] == "KEN"
    assert event["target"]["country"] == "UGA"
    # what is expected is the content of the demand, not an act of its own
    assert types_of(events, "withdraw") == set()


def test_expecting_talks_to_resume_or_being_expected_to_act_is_no_demand(code):
    forecast = code("Kenya expects the talks to resume next week.", "2021-03-06")
    assert "REQUEST" not in types_of(forecast, "expects")
    scheduled = code("The Kenyan president is expected to visit Kampala.", "2021-03-06")
    assert "REQUEST" not in types_of(scheduled, "expected")


def test_what_is_promised_or_threatened_is_the_content_of_the_promise_or_threat(code):
    pledged = code("Germany pledged on Monday to put its citizens on trial.", "2021-03-06")
    assert {e["event"] for e in pledged} == {"AGREE"}
    threatened = code("Ethiopia threatened to push deeper into Sudan.", "2021-03-06")
    assert {e["event"] for e in threatened} == {"THREATEN"}
    assert types_of(threatened, "push") == set()


def test_an_act_after_a_verb_that_is_no_promise_stays_an_event(code):
    events = code("Ethiopian troops began to push deeper into Sudan.", "2021-03-06")
    assert types_of(events, "push")


def test_an_announced_use_of_force_is_the_threat_not_also_an_attack(code):
    events = code("Turkey will launch a military operation against Kurdish militants in Iraq within days, "
                  "the Turkish president said.", "2021-03-06")
    assert {e["event"] for e in events if e["trigger"]["text"] == "launch"} == {"THREATEN"}


def test_an_announced_withdrawal_keeps_its_own_type(code):
    events = code("Kenya will withdraw its troops from Somalia next year.", "2021-03-06")
    assert "RETREAT" in types_of(events, "withdraw")


def test_a_verb_of_holding_lends_its_subject_to_the_talks(code):
    events = code("Ethiopia and Egypt resumed talks on the dam on Monday.", "2021-03-06")
    assert {e["source"]["country"] for e in events if e["event"] == "CONSULT"} == {"ETH", "EGY"}


def test_announcing_a_summit_does_not_make_the_announcer_a_party_to_it(code):
    announced = code("The Danish foreign minister announced the summit on Arctic shipping.", "2021-03-06")
    assert [e for e in announced if e["event"] == "CONSULT" and e["source"]["country"] == "DNK"] == []
    bypassed = code("The Danish foreign minister wants to bypass the talks in Oslo.", "2021-03-06")
    assert [e for e in bypassed if e["event"] == "CONSULT" and e["source"]["country"] == "DNK"] == []


def test_abandoning_allies_is_no_concession(code):
    events = code("Critics said the French withdrawal was abandoning Malian allies to the jihadists.", "2021-03-06")
    assert [e for e in events if e["event"] == "CONCEDE"] == []


def test_abandoning_a_demand_is_a_concession(code):
    events = code("Serbia abandoned its demand for a new border with Kosovo.", "2021-03-06")
    assert [e["event"] for e in events if e["trigger"]["text"] == "abandoned"] == ["CONCEDE"]


def test_signalling_a_future_act_is_no_offer_of_its_own(code):
    events = code("The European Union has signalled it will extend sanctions on Belarus in June.", "2021-03-06")
    assert [e for e in events if e["trigger"]["text"] == "signalled"] == []


def test_signalling_willingness_is_an_offer(code):
    events = code("Iran signalled its willingness to resume talks with Saudi Arabia.", "2021-03-06")
    assert [e["event"] for e in events if e["trigger"]["text"] == "signalled"] == ["AGREE"]


def test_blocking_an_attack_is_fighting_not_a_blockade(code):
    repelled = code("Malian soldiers blocked an attack by jihadist fighters on the town on Friday.", "2021-03-06")
    assert types_of(repelled, "blocked") == {"ASSAULT"}
    convoy = code("Malian soldiers blocked the road to the town on Friday.", "2021-03-06")
    assert "ASSAULT" not in types_of(convoy, "blocked")


def test_announcing_one_s_departure_from_office_is_a_resignation(code):
    events = code("The Peruvian finance minister announced his departure on Friday.", "2021-03-06")
    assert types_of(events, "announced") == {"RETREAT"}


def test_forces_advancing_against_an_enemy_attack_it(code):
    events = code("Kurdish-led forces have been advancing against Islamic State fighters in eastern Syria.", "2021-03-06")
    assert types_of(events, "advancing") == {"ASSAULT"}
    talks = code("The talks advanced on several issues, the Sudanese mediator said.", "2021-03-06")
    assert types_of(talks, "advanced") == set()


def test_a_military_or_ground_campaign_is_the_use_of_force(code):
    events = code("Tensions rose between the two allies amid an Ethiopian military campaign in Somalia.", "2021-03-06")
    assert [(e["event"], e["source"]["country"]) for e in events if e["trigger"]["text"] == "campaign"] == [
        ("ASSAULT", "ETH")]
    political = code("The Ethiopian prime minister began his election campaign in Addis Ababa.", "2021-03-06")
    assert types_of(political, "campaign") == set()


def test_an_air_campaign_is_aerial_force(code):
    events = code("A Saudi air campaign against Houthi positions in Yemen entered its third week.", "2021-03-06")
    assert [e["cameo"] for e in events if e["trigger"]["text"] == "campaign"] == ["195"]


def test_a_ground_operation_is_the_use_of_force_an_operation_alone_is_not(code):
    events = code("The Israeli army widened its ground operation in Gaza on Friday.", "2021-03-06")
    assert {e["event"] for e in events_of(events, "operation")} == {"ASSAULT"}
    rescue = code("The Thai navy completed the rescue operation in the cave on Friday.", "2021-03-06")
    assert "ASSAULT" not in {e["event"] for e in rescue}


def test_crushing_protests_is_repression_not_a_protest(code):
    events = code("The Burmese military crushed the protests in Yangon.", "2021-03-06")
    assert {e["event"] for e in events} == {"ASSAULT"}
    assert [e["source"]["country"] for e in events] == ["MMR"]


def test_detaining_supporters_after_a_rally_is_an_arrest(code):
    events = code("Pakistani police detained dozens of opposition supporters after the rally in Lahore.", "2021-03-06")
    assert types_of(events, "detained") == {"COERCE"}


def test_ending_a_military_operation_de_escalates_it(code):
    events = code("France ended its military operation in Mali on Tuesday.", "2021-03-06")
    assert {e["event"] for e in events} == {"RETREAT"}
    halted = code("Ethiopia halted its offensive in Tigray on Monday.", "2021-03-06")
    assert types_of(halted, "halted") == {"RETREAT"}


def test_pulling_back_from_a_town_is_a_retreat(code):
    events = code("The Burmese military pulled back from the border town.", "2021-03-06")
    assert types_of(events, "pulled") == {"RETREAT"}


def test_laying_down_arms_is_demobilising(code):
    events = code("Colombian rebels laid down their arms after the peace deal.", "2021-03-06")
    assert [e["cameo"] for e in events] == ["0873"]


def test_releasing_an_aid_worker_is_releasing_a_person_not_aid(code):
    events = code("Iran released the British aid worker on Wednesday.", "2021-03-06")
    assert [e["cameo"] for e in events if e["trigger"]["text"] == "released"] == ["0841"]


def test_depositing_money_in_another_s_bank_is_economic_aid(code):
    events = code("Qatar deposited $2bn in Egypt's central bank on Monday.", "2021-03-06")
    assert [(e["event"], e["target"]["country"]) for e in events if e["trigger"]["text"] == "deposited"] == [
        ("AID", "EGY")]


def test_supplying_air_defence_systems_is_military_aid(code):
    events = code("Iran supplied the Venezuelan army with air defence systems.", "2021-03-06")
    assert [e["cameo"] for e in events if e["trigger"]["text"] == "supplied"] == ["072"]


def test_suspending_a_country_s_imports_is_an_embargo(code):
    events = code("India suspended imports of Malaysian palm oil.", "2021-03-06")
    assert types_of(events, "suspended") == {"SANCTION"}


def test_placing_someone_under_house_arrest_is_an_arrest(code):
    events = code("The Sudanese army placed the prime minister under house arrest.", "2021-03-06")
    assert types_of(events, "placed") == {"COERCE"}


def test_taking_to_the_streets_in_cities_is_a_protest_not_taking_a_city(code):
    events = code("Thousands of Chileans took to the streets in cities across Chile on Friday.", "2021-03-06")
    assert types_of(events, "took") == {"PROTEST"}


def test_delaying_an_offensive_holds_back_force_it_is_not_the_attack(code):
    events = code("Turkey delayed its planned offensive against Kurdish fighters in Syria.", "2021-03-06")
    assert {e["event"] for e in events} == {"RETREAT"}


def test_stepping_down_parsed_as_an_adverb_is_still_a_resignation(code):
    events = code("The Kenyan finance minister stepped down on Friday.", "2021-03-06")
    assert types_of(events, "stepped") == {"RETREAT"}


def test_preparing_an_offensive_is_mobilising_not_attacking(code):
    events = code("The Ethiopian army is preparing an offensive on the rebel-held town.", "2021-03-06")
    assert {e["event"] for e in events} == {"MOBILIZE"}
    ready = code("Kenya has completed preparations for a military operation in Somalia.", "2021-03-06")
    assert {e["event"] for e in ready} == {"MOBILIZE"}


def test_dispatching_or_positioning_forces_deploys_them(code):
    sent = code("France dispatched two warships to the eastern Mediterranean.", "2021-03-06")
    assert types_of(sent, "dispatched") == {"MOBILIZE"}
    placed = code("Egypt positioned tanks on its border with Libya.", "2021-03-06")
    assert types_of(placed, "positioned") == {"MOBILIZE"}


def test_setting_up_observation_posts_is_a_military_posture(code):
    events = code("Turkey set up observation posts around the Syrian province of Idlib.", "2021-03-06")
    assert types_of(events, "set") == {"MOBILIZE"}


def test_withdrawing_from_a_deal_reduces_relations_it_is_no_military_retreat(code):
    events = code("The US withdrew from the Iran nuclear deal in 2018.", "2021-03-06")
    assert types_of(events, "withdrew") == {"SANCTION"}
    troops = code("The US withdrew its troops from Syria in 2019.", "2021-03-06")
    assert types_of(troops, "withdrew") == {"RETREAT"}


def test_terminating_an_agreement_reduces_relations(code):
    events = code("Mali terminated its defence accords with France.", "2021-03-06")
    assert types_of(events, "terminated") == {"SANCTION"}


def test_people_rising_up_protest(code):
    events = code("Across Chile people rose up against the government on Friday.", "2021-03-06")
    assert types_of(events, "rose") == {"PROTEST"}


def test_training_another_s_army_is_military_aid(code):
    events = code("The British military trained the Kenyan army in counter-insurgency.", "2021-03-06")
    assert [(e["event"], e["target"]["country"]) for e in events if e["trigger"]["text"] == "trained"] == [
        ("AID", "KEN")]


def test_freeing_a_place_is_no_release_of_people(code):
    place = code("The Iraqi army vowed to free the city of Mosul from the militants.", "2021-03-06")
    assert "RETREAT" not in {e["event"] for e in place}
    people = code("Iraq freed the hostages on Friday.", "2021-03-06")
    assert types_of(people, "freed") == {"RETREAT"}


def test_targeting_or_hammering_a_base_or_town_is_an_attack(code):
    targeted = code("Saudi-led coalition aircraft targeted a Houthi base in Sanaa.", "2021-03-06")
    assert types_of(targeted, "targeted") == {"ASSAULT"}
    hammered = code("Israeli jets hammered targets in Gaza overnight.", "2021-03-06")
    assert types_of(hammered, "hammered") == {"ASSAULT"}
    sanctions = code("The new US sanctions targeted senior Iranian officials.", "2021-03-06")
    assert "ASSAULT" not in {e["event"] for e in sanctions}


def test_downing_an_aircraft_is_an_attack(code):
    events = code("The Ukrainian military downed a Russian fighter jet.", "2021-03-06")
    assert types_of(events, "downed") == {"ASSAULT"}


def test_liberating_a_city_is_retaking_it(code):
    events = code("Iraqi forces liberated the city of Mosul from Islamic State.", "2021-03-06")
    assert types_of(events, "liberated") == {"COERCE"}


def test_freeing_a_region_from_a_group_is_no_release(code):
    events = code("Turkey said it would free the east of the Euphrates from the Kurdish militia.", "2021-03-06")
    assert "RETREAT" not in {e["event"] for e in events}


def test_fighting_on_the_side_of_someone_is_an_allegiance_not_an_attack(code):
    side = code("The Libyan militia was fighting on the side of the government, the UN said.", "2021-03-06")
    assert "ASSAULT" not in {e["event"] for e in side}
    against = code("The Libyan militia fought on the side of the government against Haftar's forces.", "2021-03-06")
    assert types_of(against, "fought") == {"ASSAULT"}


def test_seizing_or_taking_power_by_force_is_a_coup(code):
    seized = code("Soldiers seized power in Niger on Wednesday.", "2023-07-27")
    assert {e["cameo"] for e in seized if e["trigger"]["text"] == "seized"} == {"170"}
    by_force = code("The Ugandan rebel leader took power by force in 1986.", "2021-03-06")
    assert types_of(by_force, "took") == {"COERCE"}
    elected = code("The Zambian opposition leader took power after the election.", "2021-03-06")
    assert types_of(elected, "took") == set()


def test_removing_a_president_from_office_is_a_forced_removal(code):
    events = code("The Peruvian Congress removed the president from office.", "2021-03-06")
    assert {e["cameo"] for e in events if e["trigger"]["text"] == "removed"} == {"170"}


def test_shutting_down_the_internet_or_dissolving_a_party_is_repression(code):
    internet = code("The Ethiopian government shut down the internet in the Amhara region.", "2021-03-06")
    assert types_of(internet, "shut") == {"COERCE"}
    party = code("The Thai constitutional court dissolved the main opposition party.", "2021-03-06")
    assert types_of(party, "dissolved") == {"COERCE"}


def test_a_named_country_s_withdrawal_is_a_retreat(code):
    events = code("France's withdrawal from Mali ended a decade of French operations there.", "2023-03-06")
    assert [(e["event"], e["source"]["country"]) for e in events if "withdrawal" in e["trigger"]["text"]] == [
        ("RETREAT", "FRA")]


def test_the_firing_of_water_cannons_is_the_use_of_force(code):
    events = code("The Chinese coast guard's firing of water cannons at Vietnamese boats drew a protest.", "2021-03-06")
    assert [(e["event"], e["source"]["country"]) for e in events if e["trigger"]["text"] == "firing"] == [
        ("ASSAULT", "CHN")]


def test_a_vow_of_consequences_or_punishment_is_a_threat_not_an_offer(code):
    events = code("Ethiopia vowed serious consequences for Sudan over the border closure.", "2021-03-06")
    [vow] = [e for e in events if e["trigger"]["text"] == "vowed"]
    assert (vow["event"], vow["source"]["country"], vow["target"]["country"]) == ("THREATEN", "ETH", "SDN")
    events = code("The Malian junta promised swift retaliation against Ivory Coast.", "2021-03-06")
    assert types_of(events, "promised") == {"THREATEN"}
    # a promise of something else stays an offer
    events = code("Ghana promised a swift answer to the Togolese letter.", "2021-03-06")
    assert types_of(events, "promised") == {"AGREE"}


def test_a_summoned_envoy_or_a_voiced_protest_is_an_official_complaint(code):
    events = code("Ghana's foreign ministry summoned the Togolese ambassador on Tuesday.", "2021-03-06")
    [summons] = [e for e in events if e["trigger"]["text"] == "summoned"]
    assert (summons["event"], summons["cameo"], summons["target"]["country"]) == ("ACCUSE", "114", "TGO")
    events = code("Kenyan diplomats voiced a firm protest against the Somali flight ban.", "2021-03-06")
    assert types_of(events, "voiced") == {"ACCUSE"}
    # summoning a court or a witness is no complaint
    assert "ACCUSE" not in types_of(code("The Kenyan court summoned the witness.", "2021-03-06"), "summoned")


def test_an_objection_of_a_government_is_disapproval(code):
    events = code("The summit was delayed over Ethiopian objections to Egypt's plan.", "2021-03-06")
    [objection] = [e for e in events if e["trigger"]["text"] == "objections"]
    assert (objection["event"], objection["source"]["country"], objection["target"]["country"]) == (
        "ACCUSE", "ETH", "EGY")


def test_a_vow_to_retake_ground_or_a_commitment_to_strikes_is_a_threat(code):
    events = code("The Ethiopian government vowed to retake the border town from Sudanese troops.", "2021-03-06")
    assert types_of(events, "vowed") == {"THREATEN"}
    events = code("Kenya committed to further airstrikes against al-Shabaab.", "2021-03-06")
    assert types_of(events, "committed") == {"THREATEN"}
    # attacks committed are the attacks themselves
    events = code("Sudanese troops committed attacks on Ethiopian villages.", "2021-03-06")
    assert {e["event"] for e in events} == {"ASSAULT"}


def test_opposing_a_plan_or_a_move_is_disapproval_rejecting_a_proposal_a_rejection(code):
    events = code("Ethiopia opposed the Egyptian plan for the dam.", "2021-03-06")
    assert types_of(events, "opposed") == {"ACCUSE"}
    events = code("Ethiopia rejected the Egyptian proposal for talks on the dam.", "2021-03-06")
    assert types_of(events, "rejected") == {"REJECT"}


def test_a_repudiation_of_an_attack_condemns_it(code):
    events = code("The Colombian government expressed its repudiation of the attack on the soldiers.", "2021-03-06")
    assert {e["event"] for e in events_of(events, "repudiation")} == {"ACCUSE"}
    events = code("The Colombian government repudiated the attack by the guerrillas.", "2021-03-06")
    assert types_of(events, "repudiated") == {"ACCUSE"}


def test_working_or_partnering_with_another_actor_is_cooperation(code):
    work = code("The French army is working with Malian forces to train a new border unit.", "2021-03-06")
    assert [(e["event"], e["target"]["country"]) for e in events_of(work, "working")] == [("COOPERATE", "MLI")]
    partner = code("France has long partnered with Malian forces in the struggle against the jihadists.", "2021-03-06")
    assert [(e["event"], e["target"]["country"]) for e in events_of(partner, "partnered")] == [("COOPERATE", "MLI")]


def test_a_proposal_is_an_offer_and_a_rejected_one_was_made(code):
    events = code("The Ugandan government rejected the Kenyan proposal for a joint border force.", "2021-03-06")
    assert {(e["event"], e["source"]["country"]) for e in events} == {("REJECT", "UGA"), ("AGREE", "KEN")}


def test_an_ordered_ceasefire_or_pause_is_the_retreat_itself(code):
    events = code("The Ethiopian prime minister ordered a humanitarian pause in Tigray from Tuesday.", "2021-03-06")
    assert types_of(events, "ordered") == {"RETREAT"}


def test_concurring_with_another_actor_is_accord_and_concurring_on_a_fact_is_none(code):
    accord = code("The Ugandan president concurred with Kenya on the need for new talks.", "2021-03-06")
    assert [(e["event"], e["target"]["country"]) for e in events_of(accord, "concurred")] == [("SUPPORT", "KEN")]
    view = code("The Ugandan president concurred with Kenya that the talks had failed.", "2021-03-06")
    assert events_of(view, "concurred") == []


def test_a_floated_idea_or_a_raised_possibility_is_an_offer(code):
    raised = code("The AU has raised the possibility of aid convoys into the cut-off villages.", "2021-03-06")
    assert [(e["event"], e["source"]["code"]) for e in events_of(raised, "raised")] == [("AGREE", "IGOAFRAFU")]
    floated = code("Kenya floated the idea of a joint border force with Uganda.", "2021-03-06")
    assert types_of(floated, "floated") == {"AGREE"}
