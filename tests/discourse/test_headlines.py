"""Headline passives without their auxiliary, on headlines written for these tests."""

DAY = "2021-03-10"


def test_a_headline_arrest_is_the_state_s_act_on_its_subject(code_text):
    text = "Opposition leader Bobi Wine arrested in Kampala\n\nThe opposition called for protests on Monday."
    [arrest] = [e for e in code_text(text, DAY) if e["event"] == "COERCE"]
    assert arrest["source"]["code"] == "UGACOP" and arrest["target"]["country"] == "UGA"
    assert "headline-passive" in arrest["evidence"]["rule"]


def test_a_headline_passive_takes_its_doer_from_the_opening(code_text):
    text = ("Syrian soldiers killed in air strike\n\n"
            "Israeli jets bombed Syrian army positions near Damascus on Monday.")
    [killing] = [e for e in code_text(text, DAY) if e["sentence_index"] == 0]
    assert killing["source"]["country"] == "ISR" and killing["target"]["code"] == "SYRMIL"
    assert killing["evidence"]["borrowed"]["from_event"] == "bombed"


def test_a_headline_passive_with_no_doer_told_gives_no_event(code_text):
    text = "Kurdish fighters killed in northern Iraq\n\nThe bodies were found on Monday."
    assert [e for e in code_text(text, DAY) if e["sentence_index"] == 0] == []


def test_an_active_past_tense_in_a_sentence_is_left_alone(code_text):
    [refusal] = code_text("Iran rejected the proposal on Monday.", DAY)
    assert refusal["source"]["country"] == "IRN"


def test_a_past_tense_headline_verb_without_object_is_a_passive(code_text):
    text = "Kenya's Raila Odinga detained overnight over march\n\nHis supporters gathered in Nairobi on Monday."
    [arrest] = [e for e in code_text(text, DAY) if e["sentence_index"] == 0]
    assert arrest["source"]["code"] == "KENCOP" and arrest["target"]["country"] == "KEN"


def test_a_headline_act_in_the_present_tense_keeps_its_subject(code_text):
    text = "Canada expels Indian diplomat\n\nThe decision was announced on Monday."
    [expulsion] = [e for e in code_text(text, DAY) if e["sentence_index"] == 0]
    assert expulsion["source"]["country"] == "CAN"
