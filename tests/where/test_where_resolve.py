"""Choosing among the readings of a place name (article geography written out by hand)."""

from tacitus.where import get_gazetteer
from tacitus.where.resolve import ArticleGeography, resolve


def test_an_actor_country_does_not_make_a_world_city_a_small_namesake():
    geography = ArticleGeography(actor_countries={"USA", "IRN"})
    resolution = resolve("Geneva", get_gazetteer(), geography)
    assert resolution.place.country == "CHE"
    assert "USA" in resolution.runner_up and "too small" in resolution.runner_up


def test_an_actor_country_decides_between_two_real_cities():
    geography = ArticleGeography(actor_countries={"LBN"})
    assert resolve("Tripoli", get_gazetteer(), geography).place.country == "LBN"
    assert resolve("Tripoli", get_gazetteer(), ArticleGeography()).place.country == "LBY"


def test_places_the_article_names_outweigh_size():
    geography = ArticleGeography(place_votes={"USA": {"illinois": 1}}, state_votes={"IL": {"illinois": 1}})
    resolution = resolve("Geneva", get_gazetteer(), geography)
    assert (resolution.place.country, resolution.place.admin1) == ("USA", "IL")


def test_a_name_does_not_vote_for_its_own_reading():
    geography = ArticleGeography(place_votes={"USA": {"georgia": 2}})
    assert resolve("Georgia", get_gazetteer(), geography).place.country == "GEO"


def test_nearby_places_and_qualifiers():
    gazetteer = get_gazetteer()
    near_damascus = ArticleGeography(anchors=[("damascus", 33.51, 36.29)])
    assert "near 'damascus'" in resolve("Douma", gazetteer, near_damascus).how
    texas = gazetteer.us_state("Texas")
    assert resolve("Paris", gazetteer, ArticleGeography(), qualifier=texas).place.admin1 == "TX"


def test_the_text_says_which_kind_of_place():
    resolution = resolve("Idlib", get_gazetteer(), ArticleGeography(), feature_hint="admin1")
    assert resolution.place.feature == "admin1"
    assert resolve("Nowhereville", get_gazetteer(), ArticleGeography()) is None
