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
