"""An act claimed by its doer is an event of its own (sentences written for these tests)."""


def _assaults(code, text):
    return [e for e in code(text, "2021-03-06") if e["event"] == "ASSAULT"]


def test_claiming_responsibility_for_an_attack_makes_the_attack_the_claimant_s(code):
    [attack] = _assaults(code, "Al-Shabaab claimed responsibility for a bombing at a hotel in Mogadishu.")
    assert attack["trigger"]["text"] == "bombing"
    assert attack["source"]["code"].startswith("SOM") or attack["source"]["code"].startswith("IMG")
    assert attack["factuality"] == "reported"
    assert attack["evidence"]["borrowed"]["rule"] == "who claims an attack carried it out"


def test_claiming_an_attack_outright_makes_it_the_claimant_s(code):
    [attack] = _assaults(code, "The Houthis claimed the drone attack on a Saudi oil facility.")
    assert attack["source"]["country"] == "YEM"


def test_a_claim_of_something_else_tells_no_attack(code):
    assert _assaults(code, "The Houthis claimed responsibility for the collapse of the talks.") == []


def test_a_reaction_to_an_act_that_names_its_doer_codes_the_act_too(code):
    events = code("The Kenyan government condemned Somalia's incursion into its territory.", "2021-03-06")
    assert sorted(e["event"] for e in events) == ["ACCUSE", "ASSAULT"]
    [incursion] = [e for e in events if e["event"] == "ASSAULT"]
    assert incursion["source"]["country"] == "SOM"


def test_a_protest_against_an_ouster_by_a_named_body_codes_the_ouster(code):
    events = code("Students in Lima protested the ousting of the president by Congress.", "2021-03-06")
    assert {e["event"] for e in events} == {"PROTEST", "COERCE"}


def test_a_reaction_to_a_bare_re_mention_of_an_attack_codes_only_the_reaction(code):
    events = code("The Kenyan government condemned the attack.", "2021-03-06")
    assert {e["event"] for e in events} == {"ACCUSE"}


def test_a_protest_named_as_the_purpose_of_a_protest_is_that_protest(code):
    events = code("Thousands of Chileans took to the streets on Thursday to protest the new pension law.", "2021-03-06")
    assert [e["trigger"]["text"] for e in events if e["event"] == "PROTEST"] == ["took"]


def test_a_purpose_of_another_kind_stays_an_event(code):
    events = code("Thousands of Chileans marched in Santiago to demand the resignation of the president.",
                  "2021-03-06")
    assert {e["event"] for e in events} >= {"PROTEST", "REQUEST"}
