"""The verb by which a group claims an act (sentences written for these tests)."""

DAY = "2021-03-10"


def _attacks(code_text, text):
    return [e for e in code_text(text, DAY) if e["event"] == "ASSAULT"]


def test_the_claimant_of_responsibility_is_the_doer(code_text):
    [attack] = _attacks(code_text, "Boko Haram claimed responsibility for the suicide bombing in Maiduguri.")
    assert attack["source"]["country"] in ("NGA", "IMG") and attack["evidence"]["rule"].find("claimed-by:claimed") >= 0


def test_claiming_credit_for_an_attack_is_claiming_it(code_text):
    [attack] = _attacks(code_text, "Al-Shabaab claimed credit for the bombing at a Mogadishu hotel.")
    assert "claimed-by:claimed" in attack["evidence"]["rule"]


def test_an_attack_denied_by_a_group_is_not_its_claim(code_text):
    assert _attacks(code_text, "Al-Shabaab denied any role in the bombing at a Mogadishu hotel.") == []
