"""Structural checks for the actor knowledge files in src/tacitus/data/actors/.

These tests read the YAML files directly (no tacitus code involved), so they guard the data
format described in docs/architecture.md ("Actors") independently of the resolver.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "src" / "tacitus" / "data" / "actors"
FILES = ("countries.yaml", "igos.yaml", "sectors.yaml", "groups.yaml")

# Strings that may legitimately name two different countries (checked in both directions).
COUNTRY_AMBIGUITY_ALLOWED = {
    "Congolese": {"COD", "COG"},
}

# The 193 member states of the United Nations (as of 2026-11-22).
UN_MEMBERS = set(
    """AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL
    BRA BRB BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA
    DNK DOM DZA ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM
    GUY HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT
    LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG
    MOZ MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT
    PRY QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR
    TCD TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF
    ZMB ZWE""".split()
)

REQUIRED_SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "CVL", "MED", "BUS", "EDU", "REL",
    "ELI", "SPY", "NGO", "IGO", "LAB", "AGR", "CRM", "REF", "HLH", "MOD", "RAD", "PTY", "UAF", "SEP",
}

HISTORICAL_STATES = {"SUN", "YUG", "CSK", "DDR", "SCG"}


def _load(name: str):
    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def countries():
    return _load("countries.yaml")


@pytest.fixture(scope="module")
def igos():
    return _load("igos.yaml")


@pytest.fixture(scope="module")
def sectors():
    return _load("sectors.yaml")


@pytest.fixture(scope="module")
def groups():
    return _load("groups.yaml")


def _date(value):
    if value is None:
        return None
    assert isinstance(value, str), f"dates must be quoted ISO strings, got {value!r}"
    return dt.date.fromisoformat(value)


def _overlap(a, b) -> bool:
    """True when the validity periods of two entries overlap."""
    lo = dt.date.min
    hi = dt.date.max
    a_from, a_until = _date(a.get("valid_from")) or lo, _date(a.get("valid_until")) or hi
    b_from, b_until = _date(b.get("valid_from")) or lo, _date(b.get("valid_until")) or hi
    return a_from < b_until and b_from < a_until


def _check_strings(values, where):
    assert isinstance(values, list), f"{where}: expected a list"
    for v in values:
        assert isinstance(v, str) and v, f"{where}: empty or non-string value {v!r}"
        assert v == v.strip() and "  " not in v, f"{where}: stray whitespace in {v!r}"
    assert len(values) == len(set(values)), f"{where}: duplicate values"


# --------------------------------------------------------------------------- all files


def test_the_data_files_are_there_to_check():
    assert len(FILES) >= 4 and all((DATA / name).is_file() for name in FILES)


@pytest.mark.parametrize("name", FILES)
def test_file_opens_with_provenance_comment(name):
    text = (DATA / name).read_text(encoding="utf-8")
    assert text.startswith("#"), f"{name} must start with '#' comment lines"
    header = "\n".join(line for line in text.splitlines()[:25] if line.startswith("#"))
    assert "2026-11-22" in header, f"{name}: header must give the as-of date"
    assert "licen" in header.lower(), f"{name}: header must name the source licence"


# --------------------------------------------------------------------------- countries


def test_countries_structure(countries, sectors):
    assert isinstance(countries, list) and len(countries) >= 190
    keys = {"code", "name", "aliases", "adjectives", "capital", "seats", "valid_from", "valid_until"}
    codes = [c["code"] for c in countries]
    assert len(codes) == len(set(codes)), "duplicate country codes"
    for c in countries:
        assert set(c) == keys, f"{c.get('code')}: keys {sorted(c)}"
        assert re.fullmatch(r"[A-Z]{3}", c["code"]), c["code"]
        assert isinstance(c["name"], str) and c["name"], c["code"]
        _check_strings(c["aliases"], f"{c['code']} aliases")
        _check_strings(c["adjectives"], f"{c['code']} adjectives")
        assert c["capital"] is None or (isinstance(c["capital"], str) and c["capital"].strip())
        assert isinstance(c["seats"], list)
        for seat in c["seats"]:
            assert {"text", "sector"} <= set(seat) <= {"text", "sector", "from", "until"}, seat
            assert isinstance(seat["text"], str) and seat["text"], seat
            assert seat["sector"] in sectors, f"{c['code']} seat {seat['text']}: unknown sector"
            _date(seat.get("from"))
            _date(seat.get("until"))
        start, end = _date(c["valid_from"]), _date(c["valid_until"])
        if start and end:
            assert start < end, c["code"]


def test_every_iso_country_present(countries):
    codes = {c["code"] for c in countries}
    missing = {c.alpha_3 for c in pycountry.countries} - codes
    assert not missing, f"missing ISO 3166-1 codes: {sorted(missing)}"
    assert {"PSE", "XKX"} <= codes
    assert HISTORICAL_STATES <= codes


def test_historical_states_are_dated(countries):
    by_code = {c["code"]: c for c in countries}
    for code in HISTORICAL_STATES:
        assert by_code[code]["valid_until"], f"{code} needs valid_until"
    assert by_code["SUN"]["valid_until"] == "1991-12-26"
    for code in UN_MEMBERS:
        assert by_code[code]["valid_until"] is None, f"{code} is a current state"


def test_no_alias_shared_between_countries(countries):
    owners = defaultdict(set)
    for c in countries:
        for s in {c["name"], *c["aliases"], *c["adjectives"]}:
            owners[s].add(c["code"])
    shared = {s: codes for s, codes in owners.items() if len(codes) > 1}
    unexpected = {s: codes for s, codes in shared.items() if COUNTRY_AMBIGUITY_ALLOWED.get(s) != codes}
    assert not unexpected, f"strings shared by several countries: {unexpected}"


def test_capitals_of_un_members(countries):
    by_code = {c["code"]: c for c in countries}
    assert UN_MEMBERS <= set(by_code)
    assert len(UN_MEMBERS) == 193
    empty = sorted(code for code in UN_MEMBERS if not by_code[code]["capital"])
    assert not empty, f"UN members without capital: {empty}"


def test_country_spot_checks(countries):
    by_code = {c["code"]: c for c in countries}
    iran = by_code["IRN"]
    assert iran["name"] == "Iran"
    assert "Iranian" in iran["adjectives"] and "Iranians" in iran["adjectives"]
    assert "Islamic Republic of Iran" in iran["aliases"]
    assert iran["capital"] == "Tehran"

    usa = by_code["USA"]
    assert usa["name"] == "United States"
    assert {"US", "U.S.", "USA", "America", "United States of America"} <= set(usa["aliases"])
    assert {"American", "Americans"} <= set(usa["adjectives"])
    seats = {(s["text"], s["sector"]) for s in usa["seats"]}
    assert ("White House", "GOV") in seats
    assert ("Pentagon", "MIL") in seats
    assert ("State Department", "GOV") in seats
    assert ("Capitol Hill", "LEG") in seats

    assert {"UK", "Britain", "Great Britain"} <= set(by_code["GBR"]["aliases"])
    assert {"British", "Briton", "Britons"} <= set(by_code["GBR"]["adjectives"])
    assert ("Downing Street", "GOV") in {(s["text"], s["sector"]) for s in by_code["GBR"]["seats"]}
    assert ("Kremlin", "GOV") in {(s["text"], s["sector"]) for s in by_code["RUS"]["seats"]}
    assert ("Knesset", "LEG") in {(s["text"], s["sector"]) for s in by_code["ISR"]["seats"]}
    assert by_code["RUS"]["name"] == "Russia"
    assert by_code["KOR"]["name"] == "South Korea"
    assert by_code["PRK"]["name"] == "North Korea"
    assert "DPRK" in by_code["PRK"]["aliases"]
    # case matters: lower-case "us" must never be an alias
    for c in countries:
        assert "us" not in c["aliases"] and "us" not in c["adjectives"], c["code"]


# --------------------------------------------------------------------------- igos


def test_igos_structure(igos, countries):
    assert igos, "nothing to check"
    country_codes = {c["code"] for c in countries}
    keys = {"code", "name", "aliases", "abbreviations", "members"}
    codes = [i["code"] for i in igos]
    assert len(codes) == len(set(codes)), "duplicate IGO codes"
    assert 80 <= len(igos) <= 200
    owners = defaultdict(set)
    for i in igos:
        assert set(i) == keys, f"{i.get('code')}: keys {sorted(i)}"
        assert re.fullmatch(r"(IGO|NGO)[A-Z]+", i["code"]), i["code"]
        assert isinstance(i["name"], str) and i["name"]
        _check_strings(i["aliases"], f"{i['code']} aliases")
        _check_strings(i["abbreviations"], f"{i['code']} abbreviations")
        _check_strings(i["members"], f"{i['code']} members")
        unknown = set(i["members"]) - country_codes
        assert not unknown, f"{i['code']}: unknown member codes {unknown}"
        for s in {i["name"], *i["aliases"], *i["abbreviations"]}:
            owners[s].add(i["code"])
    shared = {s: c for s, c in owners.items() if len(c) > 1}
    assert not shared, f"strings shared by several organisations: {shared}"


def test_igo_spot_checks(igos):
    by_code = {i["code"]: i for i in igos}
    assert by_code["IGOUNO"]["name"] == "United Nations"
    assert "UN" in by_code["IGOUNO"]["abbreviations"]
    assert "UNICEF" in by_code["IGOUNOKID"]["abbreviations"]
    assert len(by_code["IGOEU"]["members"]) == 27
    assert len(by_code["IGOWSTNAT"]["members"]) == 32
    assert "NATO" in by_code["IGOWSTNAT"]["abbreviations"]
    assert by_code["NGOHLHIRC"]["name"] == "International Committee of the Red Cross"
    names = {i["name"] for i in igos}
    for expected in ("African Union", "Arab League", "World Health Organization",
                     "International Atomic Energy Agency", "International Criminal Court",
                     "Amnesty International", "Human Rights Watch"):
        assert expected in names, expected


# --------------------------------------------------------------------------- sectors


def test_sectors_structure(sectors):
    assert sectors, "nothing to check"
    assert isinstance(sectors, dict)
    assert REQUIRED_SECTORS <= set(sectors), sorted(REQUIRED_SECTORS - set(sectors))
    noun_owner = {}
    title_owner = {}
    for code, entry in sectors.items():
        assert re.fullmatch(r"[A-Z]{3}", code), code
        assert set(entry) == {"label", "nouns", "titles"}, code
        assert isinstance(entry["label"], str) and entry["label"]
        _check_strings(entry["nouns"], f"{code} nouns")
        _check_strings(entry["titles"], f"{code} titles")
        for noun in entry["nouns"]:
            assert noun == noun.lower(), f"{code}: noun {noun!r} must be lowercase"
            assert noun not in noun_owner, f"noun {noun!r} in {noun_owner.get(noun)} and {code}"
            noun_owner[noun] = code
        for title in entry["titles"]:
            assert title[0].isupper(), f"{code}: title {title!r} must be capitalised"
            assert title not in title_owner, f"title {title!r} in {title_owner.get(title)} and {code}"
            title_owner[title] = code
    assert 200 <= len(noun_owner) <= 1000


def test_sector_spot_checks(sectors):
    gov = sectors["GOV"]
    for noun in ("government", "official", "minister", "foreign ministry", "spokesman", "diplomat"):
        assert noun in gov["nouns"], noun
    for title in ("President", "Prime Minister", "Foreign Minister", "Secretary of State"):
        assert title in gov["titles"], title
    assert "soldier" in sectors["MIL"]["nouns"] and "General" in sectors["MIL"]["titles"]
    assert "police" in sectors["COP"]["nouns"]
    assert "lawmaker" in sectors["LEG"]["nouns"] and "Senator" in sectors["LEG"]["titles"]
    assert "rebel" in sectors["REB"]["nouns"]
    assert "protester" in sectors["OPP"]["nouns"]
    assert "journalist" in sectors["MED"]["nouns"]
    assert "Ayatollah" in sectors["REL"]["titles"]


# --------------------------------------------------------------------------- groups


def test_groups_structure(groups, countries, sectors):
    assert groups, "nothing to check"
    country_codes = {c["code"] for c in countries}
    keys = {"code", "name", "aliases", "country", "sector", "valid_from", "valid_until"}
    codes = [g["code"] for g in groups]
    assert len(codes) == len(set(codes)), "duplicate group codes"
    assert 80 <= len(groups) <= 200
    for g in groups:
        assert set(g) == keys, f"{g.get('code')}: keys {sorted(g)}"
        assert re.fullmatch(r"[A-Z]{3}([A-Z0-9]{3})+", g["code"]), g["code"]
        assert isinstance(g["name"], str) and g["name"]
        _check_strings(g["aliases"], f"{g['code']} aliases")
        assert g["sector"] in sectors, f"{g['code']}: unknown sector {g['sector']}"
        if g["country"] is None:
            assert g["code"].startswith("IMG"), f"{g['code']}: transnational codes start with IMG"
        else:
            assert g["country"] in country_codes, f"{g['code']}: unknown country {g['country']}"
            assert g["code"].startswith(g["country"]), g["code"]
            assert g["code"][3:6] == g["sector"], f"{g['code']}: second chunk must be the sector"
        start, end = _date(g["valid_from"]), _date(g["valid_until"])
        if start and end:
            assert start < end, g["code"]


def test_group_aliases_shared_only_across_periods(groups):
    by_string = defaultdict(list)
    for g in groups:
        for s in {g["name"], *g["aliases"]}:
            by_string[s].append(g)
    for s, entries in by_string.items():
        for i, a in enumerate(entries):
            for b in entries[i + 1:]:
                assert not _overlap(a, b), f"{s!r} names {a['code']} and {b['code']} at the same time"


def test_no_cross_file_collisions(countries, igos, groups):
    country_strings = set()
    for c in countries:
        country_strings |= {c["name"], *c["aliases"], *c["adjectives"]}
    for i in igos:
        clash = {i["name"], *i["aliases"], *i["abbreviations"]} & country_strings
        assert not clash, f"{i['code']} shares {clash} with countries"
    igo_strings = set()
    for i in igos:
        igo_strings |= {i["name"], *i["aliases"], *i["abbreviations"]}
    for g in groups:
        clash = {g["name"], *g["aliases"]} & country_strings
        assert not clash, f"{g['code']} shares {clash} with countries"
        clash = {g["name"], *g["aliases"]} & igo_strings
        assert not clash, f"{g['code']} shares {clash} with organisations"


def test_group_spot_checks(groups):
    by_name = defaultdict(list)
    for g in groups:
        by_name[g["name"]].append(g)
        for a in g["aliases"]:
            by_name[a].append(g)
    hez = by_name["Hezbollah"]
    assert len(hez) == 1 and hez[0]["country"] == "LBN"
    assert by_name["Hamas"][0]["code"] == "PSEREBHMS"
    for name in ("Islamic State", "ISIS", "Daesh", "al-Qaeda", "AQAP", "al-Shabaab", "Boko Haram",
                 "PKK", "YPG", "FARC", "ELN", "Shining Path", "LTTE", "Polisario Front",
                 "Hayat Tahrir al-Sham", "Wagner Group", "M23", "JNIM", "Muslim Brotherhood",
                 "Houthis", "Ansar Allah", "Tehrik-i-Taliban Pakistan", "Lashkar-e-Taiba",
                 "Jaish-e-Mohammed", "Arakan Army", "KIA", "ULFA", "Abu Sayyaf", "NPA", "Fatah",
                 "Islamic Jihad", "PLO", "Peshmerga", "ETA", "IRA", "Free Syrian Army", "ADF"):
        assert by_name.get(name), name
    taliban = sorted(by_name["Taliban"], key=lambda g: g["valid_from"] or "")
    assert [g["code"] for g in taliban] == ["AFGINSTAL", "AFGGOV"]
    assert taliban[0]["valid_until"] == taliban[1]["valid_from"] == "2021-08-15"
    rsf = {g["code"]: g for g in by_name["Rapid Support Forces"]}
    assert rsf["SDNREBRSF"]["valid_from"] == "2023-04-15"
