"""The article-level discourse pass on sentences written for these tests."""

DAY = "2021-03-10"


def _events(code_text, text, event=None):
    return [e for e in code_text(text, DAY) if event is None or e["event"] == event]


def test_two_sided_fighting_has_both_sides(code_text):
    [clash] = _events(code_text, "Clashes between Syrian troops and Turkish forces continued on Monday.", "ASSAULT")
    assert (clash["source"]["country"], clash["target"]["country"]) == ("SYR", "TUR")
    assert clash["evidence"]["borrowed"]["rule"] == "the sides of a two-sided event"


def test_agentless_killing_continues_the_violence_told_before(code_text):
    text = ("Turkish troops attacked Kurdish positions in northern Syria on Sunday. "
            "At least ten people were killed, a monitoring group said.")
    killed = [e for e in _events(code_text, text, "ASSAULT") if e["sentence_index"] == 1]
    assert [e["source"]["country"] for e in killed] == ["TUR"]
    assert killed[0]["evidence"]["borrowed"]["from_sentence"] == 0
    assert killed[0]["evidence"]["borrowed"]["from_event"] == "attacked"
    assert killed[0]["factuality"] == "reported"


def test_a_definite_re_mention_of_the_attack_is_not_recoded(code_text):
    text = ("Turkish troops attacked Kurdish positions in northern Syria on Sunday. "
            "The attack came days after talks collapsed.")
    assert [e["sentence_index"] for e in _events(code_text, text, "ASSAULT")] == [0]


def test_a_bare_noun_of_fighting_told_anew_takes_the_earlier_sides(code_text):
    text = ("Turkish troops attacked Kurdish positions in northern Syria on Sunday. "
            "Fighting erupted again on Monday, residents said.")
    fighting = [e for e in _events(code_text, text, "ASSAULT") if e["sentence_index"] == 1]
    assert [(e["source"]["country"], e["target"]["country"]) for e in fighting] == [("TUR", "SYR")]


def test_no_earlier_violence_no_borrowed_doer(code_text):
    assert _events(code_text, "At least ten people were killed, a monitoring group said.", "ASSAULT") == []


def test_first_person_in_a_quotation_running_over_sentences_is_its_speaker(code_text):
    text = ("Iran’s foreign minister said on Monday: “Our patience has limits. "
            "We will not negotiate with Washington under pressure.”")
    # declaring that one will not negotiate is a refusal to meet (REJECT 125), made now
    [talks] = _events(code_text, text, "REJECT")
    assert talks["sentence_index"] == 1
    assert talks["source"]["code"] == "IRNGOV" and talks["target"]["country"] == "USA"
    assert talks["cameo"] == "125" and talks["factuality"] == "asserted"
    assert talks["evidence"]["borrowed"]["from_sentence"] == 0


def test_the_subject_of_the_clause_takes_part_in_the_talks_it_is_in(code_text):
    [talks] = _events(code_text, "Iran and Iraq are in talks over the disputed border.", "CONSULT")
    assert (talks["source"]["country"], talks["target"]["country"]) == ("IRN", "IRQ")


def test_an_attack_claimed_by_a_group_is_the_group_s(code_text):
    [attack] = _events(code_text, "A car bombing claimed by the Taliban killed five Afghan soldiers in Kandahar.", "ASSAULT")
    assert attack["source"]["code"].startswith("AFGINSTAL")
    assert attack["evidence"]["borrowed"]["rule"] == "who claims an attack carried it out"


def test_a_refusal_without_a_recipient_answers_the_one_who_asked(code_text):
    text = "The United States asked Iran to free the sailors. Iran rejected the demand on Tuesday."
    [refusal] = _events(code_text, text, "REJECT")
    assert refusal["target"]["country"] == "USA"
    assert refusal["evidence"]["borrowed_target"]["from_sentence"] == 0


def test_a_reply_to_reporters_is_not_addressed_to_the_press(code_text):
    text = "The Iranian foreign minister spoke to reporters in Tehran. “We reject these demands,” he said."
    [refusal] = _events(code_text, text, "REJECT")
    assert refusal["target"] is None


def test_an_agentless_arrest_is_by_the_police_of_the_country_of_the_held(code_text):
    [arrest] = _events(code_text, "A Zambian opposition organiser was arrested at her home on Tuesday.", "COERCE")
    assert arrest["source"]["code"] == "ZMBCOP"
    assert "country of" in arrest["evidence"]["borrowed"]["rule"]


def test_an_agentless_detention_is_by_the_police_of_the_place(code_text):
    [arrest] = _events(code_text, "A French journalist was detained at a Moscow airport on Friday.", "COERCE")
    assert arrest["source"]["code"] == "RUSCOP" and arrest["target"]["country"] == "FRA"


def test_an_agentless_charge_is_by_the_courts_of_the_country_of_the_accused(code_text):
    [charge] = _events(code_text, "The Ugandan opposition leader was charged with treason on Monday.", "ACCUSE")
    assert charge["source"]["code"] == "UGAJUD" and charge["target"]["country"] == "UGA"
    [indictment] = _events(code_text, "Two Kenyan journalists were indicted on terrorism charges.", "ACCUSE")
    assert indictment["source"]["code"] == "KENJUD"


def test_condemning_the_attack_targets_whoever_carried_it_out(code_text):
    text = "Syrian government forces shelled rebel positions near Idlib on Monday. Turkey condemned the attack."
    [condemnation] = _events(code_text, text, "ACCUSE")
    assert condemnation["target"]["country"] == "SYR"
    assert condemnation["evidence"]["borrowed_target"] == {
        "rule": "a reaction to an act is addressed to its doer", "from_sentence": 0, "from_event": "shelled",
        "from_event_id": condemnation["evidence"]["borrowed_target"]["from_event_id"]}


def test_welcoming_the_offer_targets_the_one_who_offered(code_text):
    text = "Russia offered Ukraine a ceasefire on Monday. Germany welcomed the offer."
    welcome = [e for e in _events(code_text, text) if e["sentence_index"] == 1]
    assert [e["target"]["country"] for e in welcome] == ["RUS"]


def test_a_quotation_without_attribution_continues_the_previous_speaker(code_text):
    text = ("Iran’s foreign minister said on Monday: “Our patience has limits.” "
            "“We will not negotiate with Washington under pressure.”")
    [talks] = _events(code_text, text, "REJECT")
    assert talks["source"]["code"] == "IRNGOV"


def test_a_participle_describing_its_noun_borrows_no_doer(code_text):
    text = ("Turkish troops attacked Kurdish positions in northern Syria on Sunday. "
            "Ankara accused Brussels of breaking a bargain struck in March.")
    assert [e["sentence_index"] for e in _events(code_text, text, "ASSAULT")] == [0]


def test_a_place_where_an_act_happened_is_no_counterpart(code_text):
    text = "Turkey launched a military operation in Syria on Monday. Turkey rejected the criticism on Tuesday."
    [refusal] = _events(code_text, text, "REJECT")
    assert refusal["target"] is None


def test_violence_is_borrowed_from_an_act_with_its_own_doer_not_from_a_borrowed_one(code_text):
    text = ("Turkish troops attacked Kurdish positions in northern Syria on Sunday. "
            "At least ten people were killed, a monitoring group said. "
            "Fighting erupted again on Monday, residents said.")
    fighting = [e for e in _events(code_text, text, "ASSAULT") if e["sentence_index"] == 2]
    assert [e["evidence"]["borrowed"]["from_sentence"] for e in fighting] == [0]


def test_clashes_with_one_named_side_have_it_as_a_source(code_text):
    text = "A spokesman said that clashes continued with Islamic State fighters near the border."
    [clash] = _events(code_text, text, "ASSAULT")
    assert clash["source"]["code"].startswith("IMG") and clash["target"] is None
    assert clash["factuality"] == "reported"


def test_it_under_a_clause_is_that_clause_s_subject(code_text):
    text = "North Korea blew up the liaison office after it threatened to retaliate against South Korea."
    [threat] = _events(code_text, text, "THREATEN")
    assert threat["source"]["country"] == "PRK" and threat["target"]["country"] == "KOR"
    assert threat["evidence"]["borrowed"]["from_words"] == "Korea"


def test_he_does_not_stand_for_a_country(code_text):
    text = "Iran rejected the plan after he criticised the sanctions."
    assert all(e["evidence"].get("borrowed") is None for e in _events(code_text, text))


def test_a_material_act_in_its_own_actor_s_quotation_is_reported(code_text):
    text = ("Norway’s foreign minister said on Monday: “Our patience has limits. "
            "We have expelled two Russian diplomats.”")
    [expulsion] = _events(code_text, text, "SANCTION")
    assert expulsion["source"]["country"] == "NOR" and expulsion["evidence"]["borrowed"]["from_sentence"] == 0
    assert expulsion["factuality"] == "reported"
    assert expulsion["attribution"]["text"]
    assert "material act" in expulsion["evidence"]["factuality_cue"]


def test_a_statement_in_its_own_actor_s_quotation_stays_asserted(code_text):
    text = "The Iranian foreign minister spoke to reporters in Tehran. “We reject these demands,” he said."
    [refusal] = _events(code_text, text, "REJECT")
    assert refusal["factuality"] == "asserted"


def test_a_release_joined_to_an_agentless_arrest_is_by_the_same_state(code_text):
    text = "A Kenyan opposition lawmaker was arrested on Friday and released hours later without charge."
    [released] = [e for e in _events(code_text, text) if e["trigger"]["text"] == "released"]
    assert released["source"]["code"] == "KENCOP" and "state-action" in released["evidence"]["rule"]


def test_a_warning_whose_clause_names_an_attack_targets_its_doer(code_text):
    text = "Turkey warned it would not sit idle and let a Syrian attack on the border town go ahead."
    [warning] = _events(code_text, text, "THREATEN")
    assert (warning["source"]["country"], warning["target"]["country"]) == ("TUR", "SYR")
    assert warning["evidence"]["borrowed_target"]["rule"] == "a reaction to an act is addressed to its doer"
    assert warning["evidence"]["borrowed_target"]["from_event"].endswith("attack")


def test_the_content_of_an_agreement_is_no_act_it_answers(code_text):
    text = ("Czech and Polish ministers agreed on Friday that their governments should cooperate "
            "to help Czech refugees in Poland to return home.")
    agreements = _events(code_text, text, "AGREE")
    assert agreements and all(
        e["evidence"].get("borrowed_target", {}).get("rule") != "a reaction to an act is addressed to its doer"
        for e in agreements)


def test_the_subject_of_a_clause_said_halfway_through_a_call_takes_part_in_the_call(code_text):
    text = "The Kenyan president made the decision halfway through a telephone conversation with Museveni."
    [call] = _events(code_text, text, "CONSULT")
    assert (call["source"]["country"], call["target"]["country"]) == ("KEN", "UGA")
