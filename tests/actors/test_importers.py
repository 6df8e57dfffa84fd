import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tacitus.actors.importers import import_petrarch, import_wikidata_json, parse_code
from tacitus.actors.kb import ActorKnowledgeBase
from tacitus.cli.actors import actors_app

FIXTURES = Path(__file__).parent / "fixtures"
DATA = FIXTURES / "actors"
D = dt.date.fromisoformat
runner = CliRunner()


@pytest.mark.parametrize(
    "spec,expected",
    [
        ("IRNGOV 20130803-20210803", ("IRNGOV", D("2013-08-03"), D("2021-08-03"), True)),
        ("USAGOV >20170120", ("USAGOV", D("2017-01-20"), None, True)),
        ("USABUS <20170120", ("USABUS", None, D("2017-01-19"), True)),
        ("AFGELI 730717-070723", ("AFGELI", D("1973-07-17"), D("2007-07-23"), True)),
        ("AFG", ("AFG", None, None, False)),
    ],
)
def test_parse_code(spec, expected):
    assert parse_code(spec) == expected


@pytest.fixture(scope="module")
def petrarch():
    with (FIXTURES / "sample.actors").open(encoding="utf-8") as handle:
        return import_petrarch(handle)


def test_petrarch_people_rows(petrarch):
    rows = [r for r in petrarch.overlay["people"] if r["person_id"] == "rufus-t-firefly"]
    assert [(r["country"], r["sector"], r["start"], r["end"]) for r in rows] == [
        ("ZZZ", "ELI", "", "1932-12-31"),
        ("ZZZ", "GOV", "1933-01-01", "1935-12-31"),
        ("ZZZ", "GOV", "2020-01-01", ""),
    ]
    assert rows[0]["name"] == "Rufus T. Firefly"
    assert rows[0]["aliases"].split("|") == ["Firefly", "President Firefly"]
    trentino = [r for r in petrarch.overlay["people"] if r["person_id"] == "ambassador-trentino"]
    assert trentino[0]["start"] == "1933-01-01" and trentino[0]["end"] == "1934-06-30"
    igo = [r for r in petrarch.overlay["people"] if r["person_id"] == "league-of-testers-official"][0]
    assert (igo["country"], igo["sector"]) == ("", "IGOXYZ")


def test_petrarch_institutions_and_countries(petrarch):
    (army,) = petrarch.overlay["groups"]
    assert army["code"] == "ZZZMIL" and army["country"] == "ZZZ" and army["sector"] == "MIL"
    assert army["name"] == "Freedonian Army"
    assert army["aliases"] == ["Freedonian Armed Forces", "Freedonian Troops"]
    (country,) = petrarch.overlay["countries"]
    assert country == {"code": "ZZZ", "name": "Freedonia", "aliases": ["Freedonian", "Fredville"]}
    assert any("No Code Here" in reason for reason in petrarch.skipped)


def test_petrarch_overlay_loads_and_resolves_by_date(petrarch, tmp_path):
    path = tmp_path / "overlay.yaml"
    path.write_text(yaml.safe_dump(petrarch.overlay), encoding="utf-8")
    kb = ActorKnowledgeBase.load([path], data_dir=DATA)
    assert kb.lookup("Firefly", D("1930-01-01"))[0].code == "ZZZELI"
    assert kb.lookup("Firefly", D("1934-01-01"))[0].code == "ZZZGOV"
    assert kb.lookup("Firefly", D("2021-01-01"))[0].code == "ZZZGOV"
    assert kb.lookup("Freedonian Troops")[0].code == "ZZZMIL"


def test_wikidata_rows():
    report = import_wikidata_json(json.loads((FIXTURES / "wikidata_sample.json").read_text()))
    rows = report.overlay["people"]
    assert rows[0] == {
        "person_id": "wd-Q900001", "name": "Ada Testperson", "aliases": "", "country": "FRA",
        "sector": "GOV", "role": "President", "start": "2040-05-14", "end": "",
    }
    # no countryCode: the label is mapped; the role keeps its own "of"
    assert (rows[1]["country"], rows[1]["role"], rows[1]["end"]) == ("DEU", "Minister of Foreign Affairs", "2033-06-30")
    assert len(rows) == 2 and "Cy Nowhere" in report.skipped[0]


def test_wikidata_sector_from_titles():
    kb = ActorKnowledgeBase.load(data_dir=DATA)
    data = json.loads((FIXTURES / "wikidata_sample.json").read_text())
    data["results"]["bindings"][0]["positionLabel"]["value"] = "Chief Executive"
    report = import_wikidata_json(data, kb.sector_of_title)
    assert report.overlay["people"][0]["sector"] == "BUS"


def test_wikidata_overlay_counts_as_a_counterpart(tmp_path):
    report = import_wikidata_json(json.loads((FIXTURES / "wikidata_sample.json").read_text()))
    path = tmp_path / "wd.yaml"
    path.write_text(yaml.safe_dump(report.overlay), encoding="utf-8")
    kb = ActorKnowledgeBase.load([path], data_dir=DATA)
    assert kb.holders("FRA", "president", D("2041-01-01"))[0][1].name == "Ada Testperson"
    assert kb.holders("DEU", "foreign minister", D("2032-01-01"))[0][1].name == "Bo Example"


# ------------------------------------------------------------------ CLI
def test_cli_lookup_with_date():
    result = runner.invoke(actors_app, ["lookup", "Donald Trump", "--date", "2015-06-01", "--data-dir", str(DATA)])
    assert result.exit_code == 0, result.output
    assert "USABUS" in result.output
    result = runner.invoke(actors_app, ["lookup", "Donald Trump", "--date", "2017-09-19", "--data-dir", str(DATA)])
    assert "USAGOV" in result.output


def test_cli_lookup_with_overlay_and_unknown_name():
    result = runner.invoke(actors_app, ["lookup", "Freedonia", "--actors", str(FIXTURES / "overlay.yaml"), "--data-dir", str(DATA)])
    assert result.exit_code == 0 and "ZZZ" in result.output
    result = runner.invoke(actors_app, ["lookup", "Nobody Known", "--data-dir", str(DATA)])
    assert result.exit_code == 1 and "no actor known" in result.output


def test_cli_lookup_parse():
    result = runner.invoke(
        actors_app,
        ["lookup", "the Iranian foreign minister", "--parse", "--date", "2017-09-19", "--data-dir", str(DATA)],
    )
    assert result.exit_code == 0, result.output
    assert "IRNGOV" in result.output and "Zarif" in result.output


def test_cli_lookup_bad_date():
    result = runner.invoke(actors_app, ["lookup", "Iran", "--date", "19 May", "--data-dir", str(DATA)])
    assert result.exit_code != 0


def test_cli_import_petrarch(tmp_path):
    out = tmp_path / "p.yaml"
    result = runner.invoke(actors_app, ["import-petrarch", str(FIXTURES / "sample.actors"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# tacitus actor overlay imported from")
    data = yaml.safe_load(text)
    assert "countries" not in data and data["groups"][0]["code"] == "ZZZMIL"
    result = runner.invoke(actors_app, ["import-petrarch", str(FIXTURES / "sample.actors"), "-o", str(out), "--countries"])
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["countries"][0]["code"] == "ZZZ"


def test_cli_refresh_from_wikidata(tmp_path):
    out = tmp_path / "wd.yaml"
    result = runner.invoke(actors_app, ["refresh", "--from-wikidata", str(FIXTURES / "wikidata_sample.json"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "skipped 1" in result.output
    people = yaml.safe_load(out.read_text(encoding="utf-8"))["people"]
    assert {p["person_id"] for p in people} == {"wd-Q900001", "wd-Q900002"}


SHARED_PHOENIX = Path(__file__).parents[2] / ".." / "shared" / "data" / "dictionaries" / "Phoenix.Countries.actors.txt"


@pytest.mark.skipif(not SHARED_PHOENIX.exists(), reason="shared reference data not available")
def test_imports_the_phoenix_country_dictionary():
    with SHARED_PHOENIX.open(encoding="utf-8", errors="replace") as handle:
        report = import_petrarch(handle)
    people = report.overlay["people"]
    assert len({r["person_id"] for r in people}) > 1000
    rouhani = [r for r in people if r["person_id"] == "hassan-rouhani"]
    assert rouhani and all(r["country"] == "IRN" for r in rouhani)
