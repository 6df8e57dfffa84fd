import datetime as dt

import pytest

from tacitus.dateline import PartialDate, find_dateline, publication_date_from_dateline


@pytest.mark.parametrize("text, city, region, month, day, agency", [
    ("TEHRAN, Oct. 29 (Reuters) - Iran turned down the offer.", "TEHRAN", None, 10, 29, "Reuters"),
    ("NEW YORK (AP) — The envoys met again.", "NEW YORK", None, None, None, "AP"),
    ("UNITED NATIONS, Sept. 19 (AFP) - The assembly opened.", "UNITED NATIONS", None, 9, 19, "AFP"),
    ("BEIRUT, Lebanon, March 3 (Reuters) - Gunmen fired.", "BEIRUT", "Lebanon", 3, 3, "Reuters"),
    ("Envoys meet again\n\nPARIS, Texas (AP) -- Police said.", "PARIS", "Texas", None, None, "AP"),
    ("WASHINGTON — The president spoke.", "WASHINGTON", None, None, None, None),
])
def test_datelines(text, city, region, month, day, agency):
    dateline = find_dateline(text)
    assert (dateline.city, dateline.region, dateline.month, dateline.day, dateline.agency) == (
        city, region, month, day, agency)


@pytest.mark.parametrize("text", [
    "Iran said on Monday - and repeated on Tuesday - that it would not meet.",
    "US - Iran talks resume",
    "The envoys met in Geneva.",
])
def test_not_datelines(text):
    assert find_dateline(text) is None


def test_place_name():
    assert find_dateline("NEW YORK (AP) — x").place_name == "New York"


def test_publication_date_is_partial_without_a_year():
    partial = publication_date_from_dateline("TEHRAN, Oct. 29 (Reuters) - Iran said.")
    assert partial == PartialDate(10, 29, None)
    assert partial.date is None
    assert partial.complete(2017) == dt.date(2017, 10, 29)


def test_publication_date_with_a_year():
    dateline = find_dateline("TEHRAN, Oct. 29 (Reuters) - Iran said.")
    assert publication_date_from_dateline(dateline, year=2017).date == dt.date(2017, 10, 29)
    # 29 February cannot be in a common year: the year is dropped, the day kept
    leap = publication_date_from_dateline("MOSCOW, Feb. 29 (Reuters) - x", year=2017)
    assert (leap.month, leap.day, leap.year) == (2, 29, None)


def test_dateline_without_a_day_gives_no_date():
    assert publication_date_from_dateline("NEW YORK (AP) — x") is None
