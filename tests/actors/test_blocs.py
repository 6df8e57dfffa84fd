"""'The bloc' and a continent acting as a party. Sentences written for these tests."""


def found(package_resolver, nlp, text):
    return [(m.text, m.code) for m in package_resolver.resolve(nlp(text))]


def test_the_bloc_is_the_organisation_named_before(package_resolver, nlp):
    text = "Ankara still wants to join the EU. Its minister criticised a deal with the bloc."
    assert ("bloc", "IGOEU") in found(package_resolver, nlp, text)


def test_the_bloc_needs_an_organisation_in_the_story(package_resolver, nlp):
    text = "Ankara criticised a deal with the bloc."
    assert not any(t == "bloc" for t, _ in found(package_resolver, nlp, text))


def test_europe_acting_or_acted_on_is_the_union(package_resolver, nlp):
    assert ("Europe", "IGOEU") in found(package_resolver, nlp, "Turkey said it was not threatening Europe.")
    assert ("Europe", "IGOEU") in found(package_resolver, nlp, "Europe told Washington the plan was unwise.")


def test_europe_as_a_place_is_no_actor(package_resolver, nlp):
    for text in ("Thousands of refugees are heading for western Europe.",
                 "The plan met a mixed response in Europe.",
                 "Migrants flew to Europe."):
        assert not any(t == "Europe" for t, _ in found(package_resolver, nlp, text)), text
