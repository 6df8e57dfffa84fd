"""Judgements that condemn an act, told by a speech verb or as a quoted sentence of their own.
Sentences written for these tests."""

DAY = "2022-05-10"


def accusations(events):
    return [(e["source"]["country"], (e["target"] or {}).get("country")) for e in events if e["event"] == "ACCUSE"]


def test_a_quoted_sentence_calling_an_act_illegal_is_its_speaker_s_condemnation(code):
    text = ("Kenya’s interior minister spoke to reporters on Friday. "
            "“The incursions by Somali militias are illegal. We have sent more police,” he said.")
    events = [e for e in code(text, DAY) if e["event"] == "ACCUSE"]
    assert accusations(events) == [("KEN", "SOM")]
    [judgement] = events
    assert judgement["sentence_index"] == 1 and judgement["factuality"] == "asserted"
    assert judgement["evidence"]["borrowed"]["rule"] == "a quoted judgement is its speaker's; what it judges is the target"


def test_a_quotation_continued_after_its_speech_verb_keeps_its_speaker(code):
    text = ("“We will protect our fishermen,” the Ghanaian president said on Monday. "
            "“The Togolese patrols in our waters are a provocation.”")
    assert accusations([e for e in code(text, DAY) if e["sentence_index"] == 1]) == [("GHA", "TGO")]


def test_the_writer_s_own_judgement_outside_quotation_marks_is_no_event(code):
    events = code("The Ethiopian dam project is illegal under the old treaty, in the view of many lawyers.", DAY)
    assert accusations(events) == []


def test_a_quoted_judgement_that_is_negated_condemns_nothing(code):
    text = "“The Somali patrols are not illegal,” the Kenyan interior minister said."
    assert accusations(code(text, DAY)) == []


def test_saying_an_act_is_of_grave_concern_condemns_it(code):
    events = code("Chile said the Bolivian border closure was of grave concern.", DAY)
    assert accusations(events) == [("CHL", "BOL")]


def threats(events):
    return [(e["source"]["country"], (e["target"] or {}).get("country")) for e in events if e["event"] == "THREATEN"]


def test_saying_another_will_pay_a_price_threatens_it(code):
    assert threats(code("Ethiopia said Eritrea would pay a heavy price for the border raid.", DAY)) == [("ETH", "ERI")]


def test_saying_any_who_stay_away_will_suffer_threatens_them(code):
    events = code("Ethiopia said any party that boycotts the Addis Ababa talks will suffer the consequences.", DAY)
    assert [source for source, _ in threats(events)] == ["ETH"]


def test_a_fate_denied_or_of_no_party_threatens_no_one(code):
    assert threats(code("Ethiopia said Eritrea would not pay any price for the raid.", DAY)) == []
    assert threats(code("Ethiopia said the economy will suffer the consequences of the drought.", DAY)) == []


def test_of_paramount_concern_is_a_priority_not_a_condemnation(code):
    assert accusations(code("Chile said the safety of Bolivian migrants was of paramount concern.", DAY)) == []


def test_describing_an_act_as_something_condemned_is_criticism(code):
    events = code("Turkey called the American decision a betrayal of its allies.", DAY)
    assert accusations(events) == [("TUR", "USA")]
    events = code("Casting Egypt as a cancerous influence, the Ethiopian minister left the summit.", DAY)
    assert accusations(events) == [("ETH", "EGY")]
    events = code("The UN envoy described the siege of the city as hell on earth.", DAY)
    assert [e["event"] for e in events if e["trigger"]["text"] == "described"] == ["ACCUSE"]


def test_describing_an_act_in_words_of_praise_is_no_criticism(code):
    assert accusations(code("Kenya described the talks with Somalia as constructive.", DAY)) == []
    assert accusations(code("The minister described the visit to Accra as a success.", DAY)) == []


def test_a_blatant_attack_on_sovereignty_said_of_a_plan_condemns_it(code):
    events = code("The Rwandan scheme was a flagrant assault on Congolese sovereignty, Kinshasa said.", DAY)
    assert accusations(events) == [("COD", "RWA")]
