"""A seat named by a bare agent noun ("Congress") and the country it stands for. Sentences
written for these tests."""


def codes(package_resolver, nlp, text, word):
    return [m.code for m in package_resolver.resolve(nlp(text)) if m.text == word]


def test_congress_in_a_story_that_never_names_the_us_is_the_story_s_legislature(package_resolver, nlp):
    text = "Lima's mayor praised Pedro Castillo. Congress voted to impeach Castillo."
    assert codes(package_resolver, nlp, text, "Congress") == ["PERLEG"]


def test_congress_stays_american_where_the_story_names_the_united_states(package_resolver, nlp):
    text = "The White House praised Pedro Castillo. Congress voted to cut aid."
    assert codes(package_resolver, nlp, text, "Congress") == ["USALEG"]


def test_congress_is_that_of_the_country_the_story_gives_it(package_resolver, nlp):
    text = "Rioters stormed the Congress of Brazil in Brasilia, as others did at the US Capitol. Congress was empty."
    assert codes(package_resolver, nlp, text, "Congress")[-1] == "BRALEG"


def test_a_congress_building_of_an_unnamed_us_is_no_american_place(package_resolver, nlp):
    text = "Police in Lima blocked marchers near the Congress building."
    mentions = package_resolver.resolve(nlp(text))
    assert not any(m.country == "USA" for m in mentions)


def test_congress_in_a_story_that_names_the_us_only_in_passing_is_the_story_s(package_resolver, nlp):
    text = ("Peruvian police cleared Lima's main square on Monday. President Pedro Castillo of Peru met "
            "Peruvian ministers, and Peru's defence minister resigned. The protests in Peru recalled the "
            "US Capitol riot. Congress voted to impeach Castillo.")
    assert codes(package_resolver, nlp, text, "Congress") == ["PERLEG"]
