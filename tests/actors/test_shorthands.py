"""'The North' and 'the South' for a country the article names in full. Sentences written for
these tests."""


def resolved(package_resolver, nlp, text):
    return [(m.text, m.code) for m in package_resolver.resolve(nlp(text))]


def test_compass_shorthand_names_the_country_of_the_article(package_resolver, nlp):
    text = "South Korea sent food aid in May. The North rejected it, and the South said talks would go on."
    found = resolved(package_resolver, nlp, text)
    assert ("South", "KOR") in found and ("North", "PRK") in found
    alone = resolved(package_resolver, nlp, "Egypt sent food aid in May. The North rejected it.")
    assert [t for t, _ in alone if t == "North"] == []  # no country of that name in the story


def test_both_halves_of_a_divided_country(package_resolver, nlp):
    text = "North Korea fired a missile. The North warned the South against new drills."
    found = resolved(package_resolver, nlp, text)
    assert ("North", "PRK") in found and ("South", "KOR") in found


def test_regions_and_longer_names_are_left_alone(package_resolver, nlp):
    text = "North Korea fired a missile. Floods hit farms in the North. Warships crossed the North Pacific."
    found = resolved(package_resolver, nlp, text)
    assert [t for t, _ in found if t == "North"] == []
