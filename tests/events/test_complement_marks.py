"""Complement marks: a direct object that is a place (@place), an attack undergone (@under), a
reported question (@question)."""

from tacitus.events.act_marks import QUESTION_MARK
from tacitus.events.complement_marks import PLACE_MARK, complement_marks
from tacitus.events.lexicon import load_lexicon

from coded_events import types_of


def kinds(nlp, text, lemma="leave"):
    verb = next(t for t in nlp(text) if t.lemma_ == lemma)
    return complement_marks(verb, load_lexicon().candidates("verb", lemma))


def test_a_named_country_or_a_held_place_as_object_is_a_place(nlp):
    assert kinds(nlp, "Kenyan troops will leave Somalia next year.") == {PLACE_MARK}
    assert kinds(nlp, "French troops left Mali in August.") == {PLACE_MARK}  # tagged a person by spaCy
    assert kinds(nlp, "The rebels left the town after a week.") == {PLACE_MARK}


def test_other_objects_are_no_place(nlp):
    assert kinds(nlp, "The minister left the summit early.") == set()
    assert kinds(nlp, "She left a message for the envoy.") == set()


def test_a_place_left_in_a_state_is_not_left(nlp):
    assert kinds(nlp, "The decision has left Kabul caught in the middle of the dispute.") == set()
    assert kinds(nlp, "The sanctions left Cuba isolated.") == set()


def test_verbs_whose_entries_ask_for_no_mark_get_none(nlp):
    assert kinds(nlp, "Kenyan troops attacked Somalia.", "attack") == set()


def test_forces_leaving_a_country_retreat(code):
    events = code("French troops left Mali in August after nine years.", "2022-08-20")
    assert types_of(events, "left") == {"RETREAT"}


def test_a_militia_that_has_not_left_a_town_did_not_retreat(code):
    events = code("Ethiopian militias have not left the town of Humera, Sudan said.", "2022-08-20")
    [event] = [e for e in events if e["trigger"]["text"] == "left"]
    assert event["event"] == "RETREAT" and event["factuality"] == "negated"


def test_leaving_a_meeting_is_no_retreat(code):
    events = code("The Polish president left the summit in Brussels early.", "2022-08-20")
    assert types_of(events, "left") == set()


def noun_marks(nlp, text, lemma):
    noun = next(t for t in nlp(text) if t.lemma_ == lemma and t.pos_ == "NOUN")
    return complement_marks(noun, load_lexicon().candidates("noun", lemma))


def test_an_attack_undergone_by_the_subject_is_marked(nlp):
    assert noun_marks(nlp, "Ukrainian soldiers came under fire from Russian artillery.", "fire") == {"@under"}
    assert noun_marks(nlp, "The president came under fire for his remarks.", "fire") == {"@under", "@criticism"}
    assert noun_marks(nlp, "The fire destroyed the market in Kano.", "fire") == set()


def test_coming_under_fire_or_attack_is_an_attack_on_the_subject(code):
    fire = code("Ukrainian soldiers came under fire from Russian artillery near Bakhmut.", "2022-08-20")
    [event] = [e for e in fire if e["trigger"]["text"] == "fire"]
    assert event["event"] == "ASSAULT" and event["source"]["code"].startswith("RUS")
    assert event["target"]["code"].startswith("UKR") and "target:undergoer" in event["evidence"]["rule"]
    attack = code("Iraqi forces came under attack by Islamic State fighters near Mosul.", "2022-08-20")
    [event] = [e for e in attack if e["trigger"]["text"] == "attack"]
    assert event["target"]["code"].startswith("IRQ") and "source:undergone-by" in event["evidence"]["rule"]


def test_coming_under_fire_from_critics_or_for_a_reason_is_no_attack(code):
    for text in ("The Kenyan president came under fire from opposition lawmakers on Tuesday.",
                 "The Kenyan president came under fire over the new tax."):
        assert "ASSAULT" not in {e["event"] for e in code(text, "2022-08-20")}


def test_a_fire_is_no_attack(code):
    assert not code("A fire destroyed the main market in Kano on Sunday.", "2022-08-20")


def test_a_reported_question_is_marked(nlp):
    assert kinds(nlp, "Uganda asked whether Kenya would attend the summit.", "ask") == {QUESTION_MARK}
    assert kinds(nlp, "“Why are we paying for the war in Chad?,” the Kenyan president asked.", "ask") == {QUESTION_MARK}
    assert kinds(nlp, "Uganda asked Kenya to attend the summit.", "ask") == set()
    assert kinds(nlp, "Uganda asked that Kenya withdraw its troops.", "ask") == set()


def test_asking_a_question_is_no_request(code):
    question = code("Uganda asked whether Kenya would attend the summit in Kampala.", "2021-03-06")
    assert types_of(question, "asked") == set()
    request = code("Uganda asked Kenya to attend the summit in Kampala.", "2021-03-06")
    assert types_of(request, "asked") == {"REQUEST"}
