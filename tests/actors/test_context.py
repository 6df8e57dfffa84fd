"""Mentions whose own words give no country ("rebels", "the opposition", an unknown minister)
take it from the text around them, and only from there. Sentences written for these tests."""

import pytest


@pytest.fixture
def resolver(package_resolver):
    return package_resolver


def mention(resolver, nlp, text, wanted):
    mentions = resolver.resolve(nlp(text))
    found = [m for m in mentions if m.text == wanted]
    assert found, f"no mention {wanted!r} in {[(m.text, m.code) for m in mentions]}"
    return found[0]


def test_place_in_the_sentence_gives_the_country(resolver, nlp):
    students = mention(resolver, nlp, "Students marched to parliament in Nairobi on Friday.", "Students")
    assert students.code == "KENEDU" and "country from context" in students.why and "Nairobi" in students.why


def test_agent_nested_in_a_located_subject_is_left_to_the_event_coder(resolver, nlp):
    # the coder places "Thousands of students ... in Nairobi" itself, from agents without a country
    students = mention(resolver, nlp, "Thousands of students marched in Nairobi on Friday.", "students")
    assert students.country is None


def test_another_actor_of_the_sentence_gives_the_country(resolver, nlp):
    rebels = mention(resolver, nlp, "The Colombian army said rebels had blown up an oil pipeline.", "rebels")
    assert rebels.code == "COLREB" and "domestic default" in rebels.why


def test_unknown_titled_person_takes_the_country_of_the_sentence(resolver, nlp):
    minister = mention(resolver, nlp, "Finance Minister Jorge Alvarenga said Paraguay would repay the loan.",
                       "Finance Minister Jorge Alvarenga")
    assert minister.country == "PRY" and minister.sector == "GOV" and minister.name == "Jorge Alvarenga"


def test_the_actor_of_the_same_clause_comes_first(resolver, nlp):
    text = "Chadian troops attacked a rebel base overnight, Sudanese officials said on Monday."
    # "rebel" only describes the base; the clause's own actors are the Chadian troops
    base = resolver.resolve(nlp(text))
    assert all(m.country != "SDN" for m in base if m.text.startswith("rebel"))
    fighters = mention(resolver, nlp, "Chadian troops attacked rebels overnight, Sudanese officials said.", "rebels")
    assert fighters.country == "TCD"


def test_the_article_dominant_country_is_the_last_resort(resolver, nlp):
    text = ("Kenyan officials announced new fuel taxes. Kenya's parliament debated the bill for hours. "
            "Later protesters blocked the main roads.")
    protesters = mention(resolver, nlp, text, "protesters")
    assert protesters.country == "KEN" and "dominant" in protesters.why


def test_no_context_leaves_the_country_unknown(resolver, nlp):
    protesters = mention(resolver, nlp, "Protesters blocked the main roads on Monday.", "Protesters")
    assert protesters.country is None and protesters.code is None and "context" not in protesters.why
    # two countries equally present: no dominant one to fall back on
    text = "Kenyan officials met Ugandan officials. Later protesters blocked the main roads."
    assert mention(resolver, nlp, text, "protesters").country is None


def test_a_sector_word_describing_a_thing_gets_no_country(resolver, nlp):
    military = mention(resolver, nlp, "Peru held military exercises near the coast.", "military")
    assert military.country is None


def test_a_noun_naming_the_actor_after_it_gets_no_country(resolver, nlp):
    group = mention(resolver, nlp, "Rights group Amnesty International criticised Peru on Monday.", "Rights group")
    assert group.country is None


def test_office_naming_a_group_does_not_hide_the_group(resolver, nlp):
    leaders = mention(resolver, nlp, "Kenyan police arrested two al-Qaeda leaders in Mombasa.", "al-Qaeda leaders")
    assert leaders.code and leaders.code.startswith("IMG"), leaders.why


def test_misspelt_country_names_are_read(resolver, nlp):
    mentions = resolver.resolve(nlp("Troops from Bangladseh and the Phillipines army held joint drills."))
    assert {m.country for m in mentions} >= {"BGD", "PHL"}
    army = next(m for m in mentions if "army" in m.text)
    assert army.code == "PHLMIL" and "misspelling of 'Philippines'" in army.why


def test_short_or_ambiguous_words_are_not_read_as_countries(resolver, nlp):
    # "Irak" is too short to trust; "Austrian" is spelled right; a surname stays a surname
    mentions = resolver.resolve(nlp("Irak officials met Robert Germain in Vienna."))
    assert all(m.country != "DEU" for m in mentions)
    assert not any(m.text == "Irak" for m in mentions)


def test_ethnic_community_takes_the_country_it_lives_in(resolver, nlp):
    hungarians = mention(resolver, nlp, "Several thousand ethnic Hungarians rallied in Romania on Sunday.", "Hungarians")
    assert hungarians.country == "ROU" and "ethnic HUN community" in hungarians.why
    # with nothing else in the text the nationality stays
    alone = mention(resolver, nlp, "Ethnic Hungarians rallied on Sunday.", "Hungarians")
    assert alone.country == "HUN"


def test_outsiders_do_not_take_the_country_of_the_sentence(resolver, nlp):
    officials = mention(resolver, nlp, "Western officials confirmed that Rouhani had refused the meeting.",
                        "officials")
    assert officials.country is None


def test_a_place_or_faith_word_is_not_a_bare_surname(resolver, nlp):
    mentions = resolver.resolve(nlp("Thousands marched to a rally in Lagos, a Christian city in the south."))
    assert not [m for m in mentions if m.kind in ("person", "surname") and m.text in ("Lagos", "Christian")]


def test_letters_in_brackets_abbreviate_the_name_before_them(resolver, nlp):
    # "AKK" is also a German politician's nickname; here it abbreviates the association, and
    # names it (tacitus.actors.names, defined abbreviations).
    mentions = resolver.resolve(nlp("The Croatian Farmers Association (AKK) officials demanded aid from Zagreb."))
    assert [m.country for m in mentions if m.text == "AKK"] == ["HRV"]
    assert mention(resolver, nlp, "The Croatian Farmers Association (AKK) officials demanded aid from Zagreb.",
                   "officials").country == "HRV"


def test_armed_men_take_the_country_where_the_story_happens_not_that_of_their_enemy(resolver, nlp):
    text = ("Clashes spread across Syria on Monday. The attackers fired rockets at US troops, the Pentagon said. "
            "Aid convoys arrived in Syria in the evening.")
    assert mention(resolver, nlp, text, "attackers").country == "SYR"


def test_armed_men_with_no_place_in_the_story_keep_the_actor_of_their_sentence(resolver, nlp):
    text = "Government troops shelled rebel positions, Damascus said."
    assert mention(resolver, nlp, text, "rebel").country == "SYR"
