"""Datelines opening wire stories: city, region, day and agency."""

import pytest

from tacitus.dateline import find_dateline


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
