"""Validation of the trigger lexicon data file (src/tacitus/data/lexicon/triggers.tsv)."""
import csv
import re
from pathlib import Path

import pytest

LEXICON = Path(__file__).resolve().parents[2] / "src" / "tacitus" / "data" / "lexicon" / "triggers.tsv"
HEADER = ["cameo", "pos", "lemma", "complement", "prep", "note"]


def _read():
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].startswith("#"), "file must open with '#' source comments"
    body = [line for line in lines if line and not line.startswith("#")]
    return list(csv.reader(body, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def table():
    rows = _read()
    assert rows[0] == HEADER
    return [dict(zip(HEADER, r)) for r in rows[1:]], rows[1:]


def test_header_and_shape(table):
    dicts, raw = table
    assert all(len(r) == len(HEADER) for r in raw)
    assert len(dicts) >= 1500


def test_field_values(table):
    dicts, _ = table
    for row in dicts:
        assert row["cameo"] == "none" or re.fullmatch(r"\d{2,4}", row["cameo"]), row
        assert row["pos"] in {"verb", "noun"}, row
        assert row["lemma"] and row["lemma"] == row["lemma"].lower(), row
        assert row["lemma"] == row["lemma"].strip(), row
        assert row["prep"] == "" or re.fullmatch(r"[a-z]+", row["prep"]), row
        if row["complement"]:
            for alt in row["complement"].split("|"):
                assert alt and alt == alt.strip() and alt == alt.lower(), row
        assert row["note"], row


def test_no_conflicting_keys(table):
    dicts, _ = table
    seen = {}
    for row in dicts:
        key = (row["pos"], row["lemma"], row["complement"], row["prep"])
        assert seen.setdefault(key, row["cameo"]) == row["cameo"], key


def _find(dicts, pos, lemma, complement_word=None, prep=""):
    out = []
    for row in dicts:
        if row["pos"] != pos or row["lemma"] != lemma:
            continue
        if prep is not None and row["prep"] != prep:
            continue
        if complement_word is None:
            if row["complement"] == "":
                out.append(row["cameo"])
        elif complement_word in row["complement"].replace("|", " ").split():
            out.append(row["cameo"])
    return out


def test_essential_rows(table):
    dicts, _ = table
    assert _find(dicts, "verb", "turn down") == ["120"]
    assert "125" in _find(dicts, "verb", "refuse", "meet")
    assert "125" in _find(dicts, "verb", "refuse", "meeting")
    assert "125" in _find(dicts, "verb", "reject", "meeting")
    assert "163" in _find(dicts, "verb", "impose", "sanction")
    assert _find(dicts, "noun", "attack") == ["190"]
    assert _find(dicts, "verb", "visit") == ["042"]
    assert _find(dicts, "verb", "host") == ["043"]
    assert _find(dicts, "verb", "negotiate") == ["046"]
    assert _find(dicts, "verb", "accuse") == ["112"]
    assert _find(dicts, "verb", "arrest") == ["173"]
    assert _find(dicts, "verb", "deny") == ["none"]
    assert _find(dicts, "noun", "airstrike") == ["195"]


def test_every_root_covered(table):
    dicts, _ = table
    roots = {row["cameo"][:2] for row in dicts if row["cameo"] != "none"}
    assert {f"{i:02d}" for i in range(1, 21)} <= roots


def test_the_entry_matching_more_words_wins_not_the_one_listing_longer_alternatives():
    from tacitus.events.lexicon import Lexicon, TriggerEntry

    def entry(cameo, *alternatives):
        return TriggerEntry(cameo, "verb", "withdraw", tuple(frozenset(a.split()) for a in alternatives), None,
                            "curated", "test")

    lexicon = Lexicon([entry("0874", "aircraft carrier", "weapon"), entry("1662", "inspector")])
    chosen, matched = lexicon.best("verb", "withdraw", {"aircraft", "carrier", "inspector"}, set())
    assert (chosen.cameo, matched) == ("0874", frozenset({"aircraft", "carrier"}))
    lexicon = Lexicon([entry("0874", "aircraft carrier", "weapon"), entry("1662", "weapon inspector")])
    assert lexicon.best("verb", "withdraw", {"weapon", "inspector"}, set())[0].cameo == "1662"


def test_striking_a_bargain_is_signing_an_agreement():
    from tacitus.events.lexicon import load_lexicon

    entry, matched = load_lexicon().best("verb", "strike", {"bargain", "the"}, set())
    assert entry.cameo == "057" and matched == frozenset({"bargain"})


def test_a_vow_to_crush_is_a_threat_not_an_agreement(code_text):
    [vow] = code_text("The Turkish president vowed to crush the rebels in Afrin.", "2021-03-10")
    assert vow["event"] == "THREATEN" and vow["cameo"] == "138"


def test_sending_a_minister_to_a_summit_is_taking_part(code_text):
    events = code_text("France is sending its foreign minister to the summit in Warsaw.", "2021-03-10")
    assert [e["event"] for e in events] == ["CONSULT"]
