"""Civilians of the place they are in (tacitus.discourse.civilians), on sentences written for these tests."""

DAY = "2020-06-02"


def _events(code_text, text, trigger):
    return [e for e in code_text(text, DAY) if e["trigger"]["text"] == trigger]


def test_victims_of_a_foreign_air_raid_are_of_the_place_it_hit(code_text):
    text = "Russian warplanes struck a market in Aleppo on Monday, killing nine people."
    [killing] = _events(code_text, text, "killing")
    assert (killing["source"]["country"], killing["target"]["code"]) == ("RUS", "SYRCVL")
    assert "event placed in Aleppo" in killing["evidence"]["placed_target"]


def test_a_pronoun_for_such_victims_follows_them(code_text):
    text = ("Residents said Russian warplanes bombed a market in Aleppo, where they said nine people died. "
            "Turkish jets later struck shops in Aleppo used by them, killing two of them.")
    events = code_text(text, DAY)
    assert all(e["target"]["country"] != "RUS" for e in events if e["target"] and e["target"]["sector"] == "CVL")


def test_civilians_of_an_article_about_a_place_are_of_that_place(code_text):
    text = ("Residents condemned the silence of the world. Russian warplanes bombed a market in Aleppo on Monday. "
            "Russian jets also struck a hospital in Aleppo.")
    [condemned] = _events(code_text, text, "condemned")
    assert condemned["source"]["code"] == "SYRCVL"
    assert "placed in Aleppo" in condemned["evidence"]["placed_source"]


def test_civilians_named_with_their_country_keep_it(code_text):
    text = "Russian warplanes struck a market in Aleppo on Monday, killing nine Iraqi pilgrims."
    [killing] = _events(code_text, text, "killing")
    assert killing["target"]["country"] == "IRQ"
    assert "placed_target" not in killing["evidence"]


def test_soldiers_keep_the_country_of_their_side(code_text):
    text = "Russian troops came under fire near Aleppo on Monday; gunmen killed two Russian soldiers."
    [killed] = _events(code_text, text, "killed")
    assert killed["target"]["country"] == "RUS"
