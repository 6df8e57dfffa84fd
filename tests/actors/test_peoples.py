"""Peoples without a state: their phrases take a country from the text, never the adversary's
by default. All sentences are written for these tests."""

import datetime as dt

WHEN = dt.date(2018, 2, 1)


def mentions(package_resolver, nlp, text):
    return {m.text: m for m in package_resolver.resolve(nlp(text), WHEN)}


def test_the_phrase_own_place_decides(package_resolver, nlp):
    found = mentions(package_resolver, nlp, "Kurdish fighters in Iraq retook the dam from the militants.")
    assert found["Kurdish fighters"].country == "IRQ"
    inside = mentions(package_resolver, nlp, "The governor warned Kurdish students in Turkey against marching.")
    assert inside["Kurdish students"].country == "TUR"


def test_another_phrase_of_the_article_places_the_people(package_resolver, nlp):
    text = ("Artillery hit the Kurdish region in Syria overnight. "
            "Kurdish militias then fired rockets at a Turkish border post.")
    militias = mentions(package_resolver, nlp, text)["Kurdish militias"]
    assert militias.country == "SYR" and militias.code.startswith("SYR")


def test_nationality_before_the_people_noun(package_resolver, nlp):
    found = mentions(package_resolver, nlp, "Iraqi Kurds voted on independence while Ankara protested.")
    assert found["Iraqi Kurds"].country == "IRQ"


def test_bare_people_noun_is_an_actor(package_resolver, nlp):
    found = mentions(package_resolver, nlp, "Tanks crossed into Syria on Monday. The Kurds appealed for help.")
    kurds = found["Kurds"]
    assert kurds.country == "SYR" and kurds.kind == "group"


def test_a_story_told_from_one_country_of_the_people(package_resolver, nlp):
    found = mentions(package_resolver, nlp, "Kurdish rebels ambushed a Turkish patrol.")
    assert found["Kurdish rebels"].country == "TUR"


def test_unsettled_people_is_not_given_the_nearest_actor(package_resolver, nlp):
    found = mentions(package_resolver, nlp, "Kurdish rebels fought Iraqi troops, and Turkish jets bombed them.")
    rebels = found["Kurdish rebels"]
    assert rebels.country is None and rebels.country_unsettled


def test_people_of_one_country(package_resolver, nlp):
    found = mentions(package_resolver, nlp, "Uighur activists held a vigil outside the embassy.")
    assert found["Uighur activists"].country == "CHN"


def test_descriptions_of_places_are_not_actors(package_resolver, nlp):
    found = mentions(package_resolver, nlp, "Refugees fled the Kurdish town of Kobani.")
    assert not any("Kurdish" in text for text in found)


def test_a_group_of_the_people_the_knowledge_base_places_places_the_people(package_resolver, nlp):
    text = ("Ankara shelled positions of the Kurdish-led People's Protection Units on Monday. "
            "Turkish officials said local Kurdish militias had fired first at Turkish troops.")
    found = mentions(package_resolver, nlp, text)
    assert found["local Kurdish militias"].country == "SYR"
    assert "Kurdish" not in found  # the word only qualifies the named group


def test_a_people_s_own_officials_are_not_the_state_s_government(package_resolver, nlp):
    text = "Kurdish officials in Syria asked the Syrian government for help against Turkish troops."
    officials = mentions(package_resolver, nlp, text)["Kurdish officials"]
    assert (officials.country, officials.sector) == ("SYR", "OPP")
