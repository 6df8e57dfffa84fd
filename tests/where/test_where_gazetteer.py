from tacitus.where import get_gazetteer, name_key
from tacitus.where.gazetteer import build_gazetteer


def test_built_once():
    assert get_gazetteer() is get_gazetteer()


def test_name_key():
    assert name_key("the U.N.") == "un"
    assert name_key("Trípoli") == "tripoli"
    assert name_key("Saint-Denis") == "saint denis"


def test_lookups():
    gazetteer = get_gazetteer()
    paris = {(m.place.country, m.primary) for m in gazetteer.city_matches("Paris")}
    assert {("FRA", True), ("USA", True)} <= paris
    assert gazetteer.country("U.S.").country == "USA"
    assert gazetteer.country("Britain").country == "GBR"
    assert gazetteer.us_state("Texas").admin1 == "TX"
    assert gazetteer.country_of_adjective("Lebanese") == "LBN"
    assert gazetteer.venue("the United Nations General Assembly").geonameid == 5128581
    # alternate names, but no scripts an English text would not use
    assert any(m.place.name == "Kyiv" for m in gazetteer.city_matches("Kiev"))
    assert gazetteer.city_matches("Париж") == []


def test_villages_transliterations_and_features():
    gazetteer = get_gazetteer()
    spellings = {m.place.geonameid for name in ("Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr")
                 for m in gazetteer.city_matches(name) if m.place.country == "SYR"}
    assert len(spellings) == 1
    geneva = {m.place.country: m.place for m in gazetteer.city_matches("Geneva")}
    assert geneva["CHE"].feature == "city" and geneva["CHE"].precision_km == 10
    villages = [m.place for m in gazetteer.city_matches("Soldeu")]
    assert villages and villages[0].feature == "village" and villages[0].population < 15_000


def test_regions_first_level_and_named():
    gazetteer = get_gazetteer()
    idlib = gazetteer.first_level("Idlib")
    assert [(p.country, p.feature) for p in idlib] == [("SYR", "admin1")] and idlib[0].lat is not None
    assert gazetteer.first_level("Anbar")[0].country == "IRQ"  # "Al Anbār" without its article
    assert gazetteer.first_level("North") == []  # a direction, not Cameroon's region
    ghouta = gazetteer.named_regions("eastern Ghouta")
    assert [(p.name, p.feature, p.country) for p in ghouta] == [("Eastern Ghouta", "admin2", "SYR")]
    assert {p.country for p in gazetteer.named_regions("Kurdistan")} == {"IRQ", "IRN"}


def test_country_codes_are_alpha3():
    gazetteer = get_gazetteer()
    assert gazetteer.country("Kosovo").country == "XKX"
    assert all(len(code) == 3 for code in gazetteer.countries)


def test_users_add_venues_and_regions(monkeypatch, tmp_path):
    venues = tmp_path / "venues.tsv"
    venues.write_text("# my venues\nvenue\taliases\tgeonameid\tplace\tcountry\tlat\tlon\tnote\n"
                      "Quay Hall\tthe Quay\t\tQuay Hall\tNOR\t59.91\t10.75\tinvented\n"
                      "Broken Row\t\tnot-a-number\t\t\t\t\t\n", encoding="utf-8")
    regions = tmp_path / "regions.tsv"
    regions.write_text("name\taliases\tfeature\tcountry\tlat\tlon\tnote\n"
                       "Lower Vale\tthe Vale\tadmin2\tNOR\t60.1\t10.2\tinvented\n", encoding="utf-8")
    monkeypatch.setenv("TACITUS_PLACES", f"{venues}:{regions}:{tmp_path / 'missing.tsv'}")
    gazetteer = build_gazetteer()
    quay = gazetteer.venue("the Quay")
    assert (quay.name, quay.country, quay.feature, quay.lat) == ("Quay Hall", "NOR", "venue", 59.91)
    assert gazetteer.venue("Broken Row") is None  # skipped with a logged reason
    assert gazetteer.named_regions("the Vale")[0].feature == "admin2"
    assert gazetteer.venue("Kremlin").name == "Moscow"  # the packaged table is still there


def test_arabic_names_with_and_without_their_article():
    gazetteer = get_gazetteer()
    with_article = [m for m in gazetteer.city_matches("al-Raqqa") if m.place.country == "SYR"]
    assert with_article and not with_article[0].primary  # GeoNames has it without the article
    without = [m for m in gazetteer.city_matches("Qamishli") if m.place.country == "SYR"]
    assert without and without[0].place.population > 100_000  # GeoNames: "Al Qāmishlī"
    assert gazetteer.city_matches("Xqzwv") == []


def test_curated_places_the_populated_places_lack():
    gazetteer = get_gazetteer()
    assert [p.country for p in gazetteer.named_regions("Tanf")] == ["SYR"]
    assert gazetteer.named_regions("Serekaniye")[0].name == "Ras al-Ain"
