"""Provinces and states named as such are places of their country (sentences written for these tests)."""

import pytest

from tacitus.actors.regions import find_regions, region_countries


@pytest.mark.parametrize("sentence, name, country", [
    ("Troops moved into Helmand province on Monday.", "Helmand", "AFG"),
    ("Clashes broke out in the province of Anbar.", "Anbar", "IRQ"),
    ("Villagers fled Rakhine State.", "Rakhine", "MMR"),
    ("The governor of North Darfur state resigned.", "North Darfur", "SDN"),
])
def test_regions_named_with_a_region_word(nlp, sentence, name, country):
    [region] = find_regions(nlp(sentence))
    assert (region.name, region.country) == (name, country)


def test_a_name_shared_by_two_countries_is_no_region(nlp):
    assert "punjab" in region_countries() and len(region_countries()["punjab"]) == 2
    assert find_regions(nlp("Floods hit Punjab province.")) == []


def test_a_name_without_a_region_word_is_left_alone(nlp):
    assert find_regions(nlp("Farmers in Helmand protested.")) == []


def test_sector_noun_takes_the_country_of_a_region(code_text):
    events = code_text("Police in Kandahar province arrested two journalists on Tuesday.", "2010-02-02")
    [arrest] = [e for e in events if e["cameo"].startswith("17")]
    assert arrest["source"]["code"] == "AFGCOP"


def test_the_compiled_regions_are_those_read_from_iso_3166_2(monkeypatch, tmp_path):
    from tacitus.actors.regions import _region_countries

    monkeypatch.setenv("TACITUS_CACHE_DIR", str(tmp_path))
    first = region_countries.__wrapped__()
    assert list(tmp_path.glob("region-countries-*.marshal"))
    assert region_countries.__wrapped__() == first == _region_countries()
    assert first["punjab"] == frozenset({"IND", "PAK"})
