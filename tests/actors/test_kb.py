import datetime as dt
import importlib.resources
import tracemalloc
from pathlib import Path

import pytest

from tacitus.actors.kb import (
    ActorKnowledgeBase,
    compose_code,
    normalize_role,
    parse_date_bound,
    pluralize,
)

FIXTURES = Path(__file__).parent / "fixtures"
DATA = FIXTURES / "actors"
PACKAGE_ACTORS = Path(str(importlib.resources.files("tacitus") / "data" / "actors"))
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def kb():
    return ActorKnowledgeBase.load(data_dir=DATA)


# ------------------------------------------------------------------ helpers
@pytest.mark.parametrize(
    "text,end,expected",
    [
        ("2017-05-14", False, D("2017-05-14")),
        ("2017-05", False, D("2017-05-01")),
        ("2017-05", True, D("2017-05-31")),
        ("2016-02", True, D("2016-02-29")),
        ("2017-12", True, D("2017-12-31")),
        ("1990", False, D("1990-01-01")),
        ("1990", True, D("1990-12-31")),
        ("", False, None),
        (None, True, None),
    ],
)
def test_partial_dates_cover_their_whole_period(text, end, expected):
    assert parse_date_bound(text, end=end) == expected


@pytest.mark.parametrize(
    "country,sector,code",
    [("IRN", "GOV", "IRNGOV"), ("IRN", None, "IRN"), (None, "IGOUNO", "IGOUNO"),
     ("", "IGOUNO", "IGOUNO"), (None, "GOV", None), ("USA", "ELI", "USAELI")],
)
def test_compose_code(country, sector, code):
    assert compose_code(country, sector) == code


def test_role_synonyms_share_a_canonical_form():
    assert normalize_role("Secretary of State") == normalize_role("foreign minister")
    assert normalize_role("Minister of Defense") == normalize_role("Defence Minister")
    assert normalize_role("President") != normalize_role("Prime Minister")


@pytest.mark.parametrize(
    "noun,plural",
    [("official", "officials"), ("army", "armies"), ("policeman", "policemen"),
     ("foreign ministry", "foreign ministries"), ("boss", "bosses"), ("envoy", "envoys")],
)
def test_pluralize(noun, plural):
    assert pluralize(noun) == plural


# ------------------------------------------------------------------ loading
def test_loads_every_section(kb):
    assert "IRN" in kb.countries and kb.countries["IRN"].capital == "Tehran"
    assert "IGOUNO" in kb.igos and "PSEHMS" in kb.groups
    assert kb.sectors["MIL"].label == "military"
    assert {r.sector for r in kb.people["donald-trump"].roles} == {"BUS", "GOV"}
    assert kb.agent_nouns["officials"] == "GOV" and kb.agent_nouns["troops"] == "MIL"
    assert kb.titles["president"] == "GOV"


def test_missing_data_files_are_skipped(tmp_path):
    (tmp_path / "countries.yaml").write_text("- {code: ZZZ, name: Freedonia}\n", encoding="utf-8")
    kb = ActorKnowledgeBase.load(data_dir=tmp_path)
    assert list(kb.countries) == ["ZZZ"] and not kb.people and not kb.igos


def test_people_csv_must_have_the_documented_columns(tmp_path):
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "bad.csv").write_text("person_id,name\nx,X\n", encoding="utf-8")
    with pytest.raises(ValueError, match="columns"):
        ActorKnowledgeBase.load(data_dir=tmp_path)


def test_overlay_adds_and_overrides():
    kb = ActorKnowledgeBase.load([FIXTURES / "overlay.yaml"], data_dir=DATA)
    assert kb.countries["ZZZ"].capital == "Fredville"
    assert "IGOXYZ" in kb.igos and "IGOUNO" in kb.igos
    assert kb.lookup("Firefly", D("1950-01-01"))[0].code == "ZZZGOV"
    # the overlay's rows replace all of Macron's package rows: his term now ends in 2017-12
    macron = kb.people["emmanuel-macron"]
    assert len(macron.roles) == 1 and macron.roles[0].end == D("2017-12-31")
    assert kb.lookup("Emmanuel Macron", D("2019-01-01"))[0].code == "FRAELI"


def test_overlay_must_be_a_mapping(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match="mapping"):
        ActorKnowledgeBase.load([bad], data_dir=DATA)


# ------------------------------------------------------------------ people at a date
@pytest.mark.parametrize(
    "name,date,code",
    [
        ("Donald Trump", "2015-06-01", "USABUS"),
        ("Donald Trump", "2017-09-19", "USAGOV"),
        ("Donald Trump", "2022-06-01", "USAELI"),  # between terms: elite, not government
        ("Donald Trump", "2025-06-01", "USAGOV"),
        ("Emmanuel Macron", "2017-05-13", "FRAELI"),
        ("Emmanuel Macron", "2017-05-14", "FRAGOV"),
        ("Joe Biden", "2021-01-19", "USAELI"),
        ("Joe Biden", "2021-01-21", "USAGOV"),
        ("Joe Biden", "2012-01-01", "USAGOV"),  # vice president
        ("Vladimir Putin", "2010-01-01", "RUSGOV"),
        ("Antonio Guterres", "2020-01-01", "IGOUNO"),
        ("Antonio Guterres", "2010-01-01", None),  # outside his only (IGO) role: no country
    ],
)
def test_person_code_at_date(kb, name, date, code):
    assert kb.lookup(name, D(date))[0].code == code


def test_outside_any_role_says_why(kb):
    res = kb.lookup("Barack Obama", D("2019-03-01"))[0]
    assert res.sector == "ELI" and res.country == "USA"
    assert "no role on 2019-03-01" in res.why and "President" in res.why


def test_no_date_uses_the_latest_role(kb):
    res = kb.lookup("Vladimir Putin", None)[0]
    assert res.code == "RUSGOV" and res.role.start == D("2012-05-01") and "no date" in res.why


def test_person_at_prefers_the_hinted_role(kb):
    putin = kb.people["vladimir-putin"]
    res = kb.person_at(putin, None, prefer_role="Prime Minister")
    assert res.role.role == "Prime Minister"


def test_holders_by_country_and_role(kb):
    (role, person), = kb.holders("USA", "secretary of state", D("2014-05-01"))
    assert person.name == "John Kerry"
    assert kb.holders("USA", "Foreign Minister", D("2017-09-19"))[0][1].name == "Rex Tillerson"
    assert kb.holders("IRN", "president", D("2010-01-01")) == []
    assert kb.holders("IGOUNO", "Secretary-General", D("2019-01-01"))[0][1].name == "Antonio Guterres"


def test_lookup_ranks_exact_case_first(kb):
    results = kb.lookup("US")
    assert results[0].code == "USA"
    assert kb.lookup("us")[0].code == "USA"  # the CLI forgives case; the resolver does not
    assert kb.lookup("Nowhere at all") == []


def test_lookup_seats_capitals_igos_groups(kb):
    assert kb.lookup("White House")[0].code == "USAGOV"
    assert kb.lookup("Pentagon")[0].code == "USAMIL"
    assert kb.lookup("Tehran")[0].code == "IRNGOV"
    assert kb.lookup("U.N.")[0].code == "IGOUNO"
    hamas = kb.lookup("Hamas")[0]
    assert (hamas.code, hamas.country, hamas.kind) == ("PSEHMS", "PSE", "group")


# ------------------------------------------------------------------ the package data
def _needs(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path.name} not written yet")


def test_package_data_loads_small():
    # Load time is a benchmark figure (benchmarks/actors_gold.py), not a test: the machine is shared.
    _needs(PACKAGE_ACTORS / "countries.yaml")
    tracemalloc.start()
    kb = ActorKnowledgeBase.load()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 300 * 2**20
    assert len(kb.countries) > 190


@pytest.mark.parametrize(
    "text,code",
    [("Iran", "IRN"), ("Iranian", "IRN"), ("Tehran", "IRNGOV"), ("White House", "USAGOV"),
     ("Kremlin", "RUSGOV"), ("State Department", "USAGOV"), ("United States", "USA"),
     ("Britain", "GBR"), ("Palestinians", "PSE")],
)
def test_package_countries(text, code):
    _needs(PACKAGE_ACTORS / "countries.yaml")
    kb = ActorKnowledgeBase.load()
    assert kb.lookup(text)[0].code == code


def test_package_igos():
    _needs(PACKAGE_ACTORS / "igos.yaml")
    kb = ActorKnowledgeBase.load()
    for text in ("United Nations", "UN", "NATO", "European Union"):
        assert kb.lookup(text)[0].code.startswith("IGO"), text


def test_package_people_files_parse_and_have_dates_in_order():
    people_dir = PACKAGE_ACTORS / "people"
    if not people_dir.is_dir() or not any(people_dir.glob("*.csv")):
        pytest.skip("people files not written yet")
    kb = ActorKnowledgeBase.load()
    assert len(kb.people) > 100
    for person in kb.people.values():
        for role in person.roles:
            assert role.start is None or role.end is None or role.start <= role.end, (person.person_id, role)
            assert role.country or (role.sector or "").startswith("IGO"), (person.person_id, role)


def test_the_data_files_are_parsed_once_and_a_changed_file_is_read_again(tmp_path, monkeypatch):
    import shutil

    monkeypatch.setenv("TACITUS_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "actors"
    shutil.copytree(DATA, data)
    fresh = ActorKnowledgeBase.load(data_dir=data)
    assert list((tmp_path / "cache").glob("actor-data-*.marshal"))
    cached = ActorKnowledgeBase.load(data_dir=data)
    assert cached.aliases == fresh.aliases and cached.people == fresh.people and cached.sources == fresh.sources
    with (data / "countries.yaml").open("a", encoding="utf-8") as out:
        out.write("- {code: ZZZ, name: Freedonia, aliases: [Fredonia]}\n")
    assert "Fredonia" not in cached.aliases
    assert [h.key for h in ActorKnowledgeBase.load(data_dir=data).aliases["Fredonia"]] == ["ZZZ"]
