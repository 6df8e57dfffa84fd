"""The people files of foreign ministers, security officials, armed-group leaders and IGO officials
(src/tacitus/data/actors/people/roles_*.csv): their rows are well formed, and the package resolver
finds their people behind titles, alone by surname after a first full mention, with name
particles, and in the office they held at the date (or none: a former minister is an elite of
his country, not its government). All sentences are written for these tests."""

import csv
import datetime as dt
import importlib.resources
from pathlib import Path

import pycountry
import pytest

from tacitus.actors.entries import parse_date_bound

PEOPLE = Path(str(importlib.resources.files("tacitus") / "data" / "actors" / "people"))
ROLE_FILES = sorted(PEOPLE.glob("roles_*.csv"))
SECTORS = {"GOV", "MIL", "REB", "OPP", "LEG", "JUD", "SPY", "INS"}
NOT_ISO_BUT_CODED = {"PSE", "TWN"}
D = dt.date.fromisoformat


def rows_of(path: Path) -> list[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


def all_people_rows() -> list[dict]:
    return [row for path in sorted(PEOPLE.glob("*.csv")) for row in rows_of(path)]


@pytest.mark.parametrize("path", ROLE_FILES, ids=lambda p: p.name)
def test_role_rows_are_well_formed(path):
    rows = rows_of(path)
    assert rows and len(rows) < 1500, "keep each people file a reasonable size"
    for row in rows:
        where = (path.name, row["person_id"], row["role"])
        assert row["name"] and row["role"] == row["role"].lower(), where
        if row["country"]:
            assert row["country"] in NOT_ISO_BUT_CODED or pycountry.countries.get(alpha_3=row["country"]), where
            assert row["sector"] in SECTORS, where
        else:
            assert row["sector"].startswith("IGO"), where
        start, end = parse_date_bound(row["start"], end=False), parse_date_bound(row["end"], end=True)
        assert start is None or end is None or start <= end, where


def test_a_person_keeps_one_name_in_every_file():
    """A person_id shared across files adds roles to one person, so its name must agree."""
    names: dict[str, set[str]] = {}
    for row in all_people_rows():
        names.setdefault(row["person_id"], set()).add(row["name"])
    assert {pid: n for pid, n in names.items() if len(n) > 1} == {}


def test_no_two_people_of_the_role_files_share_a_full_name():
    ids_by_name: dict[str, set[str]] = {}
    for row in all_people_rows():
        ids_by_name.setdefault(row["name"].lower(), set()).add(row["person_id"])
    role_names = {row["name"].lower() for path in ROLE_FILES for row in rows_of(path)}
    assert {n: ids for n, ids in ids_by_name.items() if n in role_names and len(ids) > 1} == {}


def resolve(resolver, nlp, text, date):
    return resolver.resolve(nlp(text), D(date))


def covering(mentions, words):
    found = [m for m in mentions if words in m.text]
    assert found, f"no mention with {words!r} in {[(m.text, m.code) for m in mentions]}"
    return found[0]


# (date, sentence, words of the mention, expected code)
CASES = [
    # a title before the name
    ("2019-05-02", "Foreign Minister Nasser Bourita met the visiting delegation in Rabat.", "Bourita", "MARGOV"),
    ("2022-03-10", "UN envoy Hans Grundberg urged both sides to accept a truce.", "Grundberg", "IGOUNO"),
    ("2014-04-12", "Defence Minister Juan Carlos Pinzón ordered more troops to the border.", "Pinzón", "COLGOV"),
    ("2020-06-03", "The UN human rights chief Michelle Bachelet condemned the killings.", "Bachelet", "IGOUNOHRIHCH"),
    ("2021-02-15", "IAEA chief Rafael Grossi flew to Tehran for talks.", "Grossi", "IGOUNOIAE"),
    ("2022-04-08", "European Commission President Ursula von der Leyen visited Kyiv.", "von der Leyen", "IGOEUCOM"),
    ("2018-03-05", "Home Secretary Amber Rudd told MPs the attack was a crime.", "Rudd", "GBRGOV"),
    ("2019-02-11", "Senate Majority Leader Mitch McConnell blocked the measure.", "McConnell", "USALEG"),
    # a name alone
    ("2018-07-04", "Ayman Safadi warned that the border would stay closed.", "Ayman Safadi", "JORGOV"),
    ("2023-11-20", "Amir Khan Muttaqi said the government would not allow attacks from its soil.", "Muttaqi", "AFGGOV"),
    ("2019-09-12", "Vladimir Padrino López accused Colombia of preparing an incursion.", "Padrino", "VENGOV"),
    # name particles
    ("2016-02-01", "Staffan de Mistura invited the delegations to Geneva.", "de Mistura", "IGOUNO"),
    ("2018-11-05", "Abdullah bin Zayed Al Nahyan received the envoy in Abu Dhabi.", "Abdullah bin Zayed", "AREGOV"),
    ("2019-08-20", "Aidarous al-Zubaidi said his forces would hold Aden.", "Zubaidi", "YEMREB"),
    # the office held at the date
    ("2015-03-01", "Ramtane Lamamra hosted the Malian parties in Algiers.", "Lamamra", "DZAGOV"),
    ("2024-02-20", "Ramtane Lamamra met both generals to press for a ceasefire.", "Lamamra", "IGOUNO"),
    ("2014-06-01", "Bert Koenders visited Gao with the mission's commanders.", "Koenders", "IGOUNO"),
    ("2016-06-01", "Bert Koenders visited Kabul with a Dutch delegation.", "Koenders", "NLDGOV"),
    ("2016-01-10", "Tedros Adhanom told reporters that Ethiopia would not accept the ruling.", "Tedros", "ETHGOV"),
    ("2020-03-11", "Tedros Adhanom declared the outbreak a pandemic.", "Tedros", "IGOUNOHLHWHO"),
]


@pytest.mark.parametrize("date,text,words,code", CASES)
def test_people_of_the_role_files_resolve_at_the_date(package_resolver, nlp, date, text, words, code):
    assert covering(resolve(package_resolver, nlp, text, date), words).code == code


def test_a_surname_after_a_full_first_mention_is_the_same_person(package_resolver, nlp):
    text = ("The UN special envoy Martin Griffiths arrived in Sanaa on Monday. "
            "Griffiths later met the rebel leadership.")
    mentions = resolve(package_resolver, nlp, text, "2019-01-14")
    later = [m for m in mentions if m.text == "Griffiths"]
    assert later and later[0].code == "IGOUNO"


def test_a_former_minister_is_an_elite_of_his_country_not_its_government(package_resolver, nlp):
    mention = covering(resolve(package_resolver, nlp, "Radosław Sikorski criticised the new government.", "2019-03-01"),
                       "Sikorski")
    assert mention.code == "POLELI"


def test_an_envoy_outside_the_term_names_no_organisation(package_resolver, nlp):
    mention = covering(resolve(package_resolver, nlp, "Hans Grundberg spoke at a conference in Stockholm.", "2010-05-04"),
                       "Grundberg")
    assert not (mention.code or "").startswith("IGO")
