"""Target rules (tacitus.events.targets) on sentences written for these tests."""

DAY = "2019-02-18"


def _of(code_text, text, trigger):
    return [e for e in code_text(text, DAY) if e["trigger"]["text"] == trigger]


def test_the_subject_of_a_demand_noun_s_that_clause_is_its_addressee(code_text):
    demands = _of(code_text, "Washington's demand that Germany and France repatriate their citizens met a cool response.",
                  "demand")
    assert {d["target"]["country"] for d in demands} == {"DEU", "FRA"}  # one record per addressee
    assert all(d["evidence"]["rule"].endswith("target:ccomp>nsubj") for d in demands)


def test_a_participle_acts_on_the_noun_it_describes(code_text):
    [held] = _of(code_text, "Five Iranian sailors detained by the Saudi coast guard were freed on Monday.", "detained")
    assert held["target"]["country"] == "IRN" and held["source"]["country"] == "SAU"
    assert held["evidence"]["rule"].endswith("target:participle-head")


def test_a_relative_clause_acts_on_its_noun_when_the_pronoun_is_its_object(code_text):
    text = "Five Iranian sailors whom the Saudi coast guard detained last week were freed on Monday."
    [held] = _of(code_text, text, "detained")
    assert held["target"]["country"] == "IRN" and held["evidence"]["rule"].endswith("target:relcl-object")


def test_a_relative_clause_whose_pronoun_is_the_subject_has_no_such_target(code_text):
    text = "Iran, which detained five Saudi sailors last week, freed them on Monday."
    held = _of(code_text, text, "detained")
    assert all("relcl-object" not in e["evidence"]["rule"] for e in held)


def test_a_verb_without_an_object_shares_that_of_the_verb_joined_to_it(code_text):
    text = "Syrian troops surrounded and shelled a Turkish observation post near Idlib."
    [surrounded] = _of(code_text, text, "surrounded")
    assert surrounded["target"]["country"] == "TUR" and surrounded["evidence"]["rule"].endswith("target:conj>dobj")


def test_a_verb_with_its_own_object_keeps_it(code_text):
    text = "Syrian troops attacked Kurdish fighters and shelled a Turkish observation post near Idlib."
    [attacked] = _of(code_text, text, "attacked")
    assert attacked["target"]["country"] == "SYR"


def test_the_participle_describing_an_event_noun_names_its_target(code_text):
    [sanctions] = _of(code_text, "New US sanctions imposed on Venezuela last week hit its oil exports.", "sanctions")
    assert (sanctions["source"]["country"], sanctions["target"]["country"]) == ("USA", "VEN")
    assert sanctions["evidence"]["rule"].endswith("target:prep:on")


def test_a_participle_s_time_phrase_names_no_target(code_text):
    [sanctions] = _of(code_text, "The US sanctions lifted under President Obama were restored.", "sanctions")
    assert sanctions["target"] is None or sanctions["target"]["country"] != "USA"


def test_a_state_and_its_opposition_are_different_parties(code_text):
    text = "Caracas rejected the demands of the Venezuelan opposition on Tuesday."
    [rejection] = _of(code_text, text, "rejected")
    assert (rejection["source"]["code"], rejection["target"]["code"]) == ("VENGOV", "VENOPP")


def test_a_state_s_own_forces_are_no_party_it_deals_with(code_text):
    text = "The White House announced the withdrawal of US troops from the region on Tuesday."
    assert all(e["target"] is None or e["target"]["country"] != "USA" for e in code_text(text, DAY))


def test_two_groups_named_by_different_nouns_are_different_parties(code_text):
    text = "Armed militiamen in Mali attacked rival militias near Gao on Sunday."
    [attack] = _of(code_text, text, "attacked")
    assert attack["source"]["code"] == attack["target"]["code"] == "MLIUAF"
    assert attack["source"]["text"] != attack["target"]["text"]
