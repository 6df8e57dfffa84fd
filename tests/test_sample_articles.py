"""The two reference articles the product is built around, coded end to end.

They live in the shared reference data (not in this repository); without it these tests skip.
The same structures are pinned with sentences of our own in tests/events and tests/when.
"""

from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[1] / ".." / "shared" / "data" / "samples"
pytestmark = pytest.mark.skipif(not SAMPLES.exists(), reason="shared reference data not available")


@pytest.fixture(scope="module")
def events_2017(code_text):
    return code_text((SAMPLES / "iran_us_meeting_2017.txt").read_text(encoding="utf-8"), "2017-11-04")


@pytest.fixture(scope="module")
def events_2013(code_text):
    return code_text((SAMPLES / "iran_us_meeting_2013.txt").read_text(encoding="utf-8"), "2013-09-24")


def dyad(events, event_type, source, target):
    return [e for e in events if e["event"] == event_type and (e["source"] or {}).get("code") == source
            and (e["target"] or {}).get("code") == target]


def test_2017_refusal_is_dated_and_placed_at_the_un(events_2017):
    refusals = dyad(events_2017, "REJECT", "IRNGOV", "USAGOV")
    first = min(refusals, key=lambda e: e["sentence_index"])
    assert first["cameo"] == "125" and first["factuality"] == "reported"
    assert first["date"] == "2017-09-19" and first["location"]["name"] == "New York City"
    assert first["attribution"]["date"] == "2017-11-02"  # "on Thursday" dates the confirmation


def test_2017_request_through_macron(events_2017):
    [carried] = [e for e in dyad(events_2017, "REQUEST", "USAGOV", "IRNGOV") if e["intermediary"]]
    assert carried["intermediary"]["code"] == "FRAGOV"
    assert carried["date"] == "2017-09-19" and carried["location"]["name"] == "New York City"


def test_2017_spokesman_statement_on_sunday_in_tehran(events_2017):
    told = [e for e in events_2017 if (e["attribution"] or {}).get("code") == "IRNGOV"
            and "Qasemi" in e["attribution"]["text"]]
    assert told and all(e["attribution"]["date"] == "2017-10-29" for e in told)
    assert all(e["attribution"]["place"] == "Tehran" for e in told)


def test_2013_events_in_new_york_and_the_1977_visit(events_2013):
    refusal = dyad(events_2013, "REJECT", "IRNGOV", "USAGOV")[0]
    assert refusal["date"] == "2013-09-24" and refusal["location"]["name"] == "New York City"
    offer = min((e for e in events_2013 if e["cameo"] == "036" and (e["source"] or {}).get("code") == "USAGOV"),
                key=lambda e: e["sentence_index"])
    assert offer["location"]["name"] == "New York City"
    carter = [e for e in events_2013 if e["date"] == "1977-12-31"]
    assert carter and all(e["event"] == "CONSULT" and e["factuality"] == "asserted" for e in carter)
    hypothetical = [e for e in events_2013 if e["factuality"] == "hypothetical" and e["event"] == "CONSULT"]
    assert hypothetical
    [future] = [e for e in events_2013 if e["factuality"] == "future" and e["event"] == "CONSULT"]
    assert future["date"] == "2013-09-26"
