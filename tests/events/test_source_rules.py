"""Source rules (tacitus.events.sources) on sentences written for these tests."""

DAY = "2019-01-16"


def test_a_transnational_group_is_not_placed_in_the_country_it_strikes(code_text):
    [killed] = [e for e in code_text("A car bomb planted by the Islamic State killed six soldiers in Iraq.", DAY)
                if e["trigger"]["text"] == "killed"]
    assert killed["source"]["code"].startswith("IMG") and killed["target"]["country"] == "IRQ"


def test_a_sector_noun_acting_in_a_place_is_of_that_place(code_text):
    [blocked] = [e for e in code_text("Thousands of protesters blocked streets in Caracas.", DAY)
                 if e["event"] == "PROTEST"]
    assert blocked["source"]["country"] == "VEN"


def test_a_group_the_subject_acts_against_is_not_its_doer(code_text):
    events = code_text("Members of the coalition against the Islamic State attacked a depot in Syria.", DAY)
    assert not any((e["source"] or {}).get("code", "").startswith("IMG") for e in events)
