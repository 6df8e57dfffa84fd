"""Periods and spans counted from publication (tacitus.when.relative), through the parser."""

import datetime as dt

import pytest

from tacitus.when.expressions import parse_date_expression

SATURDAY = dt.date(2017, 11, 4)
WEDNESDAY = dt.date(2017, 11, 1)


def resolve(text, base=SATURDAY, future=False):
    value = parse_date_expression(text, base, future=future)
    return (value.date, value.precision) if value else None


@pytest.mark.parametrize("text, expected", [
    ("late last year", (dt.date(2016, 12, 1), "month")),  # a year's end names its last month
    ("early this year", (dt.date(2017, 1, 1), "month")),
    ("in mid-last year", (dt.date(2016, 1, 1), "year")),  # its middle keeps the year
    ("at the end of this month", (dt.date(2017, 11, 1), "month")),
    ("early last week", (dt.date(2017, 10, 23), "day")),
])
def test_parts_of_a_period(text, expected):
    assert resolve(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("two years ago", (dt.date(2015, 1, 1), "year")),
    ("nearly two years ago", (dt.date(2015, 1, 1), "year")),  # a hedge dates it as the count
    ("about a month ago", (dt.date(2017, 10, 1), "month")),
    ("some 10 days ago", (dt.date(2017, 10, 25), "day")),
    ("three weeks ago", (dt.date(2017, 10, 14), "day")),
])
def test_counts_of_units_ago(text, expected):
    assert resolve(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("over the past year", (dt.date(2016, 1, 1), "year")),
    ("in the last two months", (dt.date(2017, 9, 1), "month")),
    ("the past week", (dt.date(2017, 10, 28), "day")),
])
def test_spans_up_to_publication_start_where_they_start(text, expected):
    value = parse_date_expression(text, SATURDAY, future=False)
    assert (value.date, value.precision) == expected
    assert value.range_end == SATURDAY


@pytest.mark.parametrize("text", ["over the past weeks", "a few years ago", "for over a year"])
def test_vague_spans_are_no_dates(text):
    assert resolve(text) is None


def test_weekends():
    assert resolve("last weekend", WEDNESDAY) == (dt.date(2017, 10, 28), "day")
    assert resolve("over the weekend", WEDNESDAY) == (dt.date(2017, 10, 28), "day")
    # published on a Saturday: "the weekend" is the one under way, "last weekend" the one before
    assert resolve("over the weekend", SATURDAY) == (SATURDAY, "day")
    assert resolve("last weekend", SATURDAY) == (dt.date(2017, 10, 28), "day")
    assert resolve("this weekend", WEDNESDAY, future=True) == (SATURDAY, "day")
    assert resolve("next weekend", SATURDAY, future=True) == (dt.date(2017, 11, 11), "day")
    assert parse_date_expression("last weekend", WEDNESDAY, future=False).range_end == dt.date(2017, 10, 29)


def test_a_month_of_a_relative_year():
    assert resolve("in August this year") == (dt.date(2017, 8, 1), "month")
    assert resolve("March last year") == (dt.date(2016, 3, 1), "month")


def test_holidays_of_a_fixed_day():
    assert resolve("just before Christmas", dt.date(2019, 1, 3)) == (dt.date(2018, 12, 25), "day")
    assert resolve("on New Year's Eve", dt.date(2019, 1, 3)) == (dt.date(2018, 12, 31), "day")
    assert resolve("at Christmas", dt.date(2019, 11, 3), future=True) == (dt.date(2019, 12, 25), "day")


def test_a_date_run_on_into_a_clause_is_read_to_the_clause():
    assert resolve("Friday after weeks") == (dt.date(2017, 11, 3), "day")
    assert resolve("10 days later") is None
