"""Date phrases resolved against the publication date, without a parse."""

import datetime as dt

import pytest

from tacitus.when.expressions import normalize, parse_date_expression

SATURDAY = dt.date(2017, 11, 4)
THURSDAY = dt.date(2017, 11, 2)


def resolve(text, base=SATURDAY, future=False):
    value = parse_date_expression(text, base, future=future)
    return (value.date, value.precision) if value else None


@pytest.mark.parametrize("text, expected", [
    ("on Sunday", (dt.date(2017, 10, 29), "day")),
    ("Friday", (dt.date(2017, 11, 3), "day")),
    ("Saturday", (SATURDAY, "day")),  # the publication weekday itself, in the past tense
    ("last Saturday", (dt.date(2017, 10, 28), "day")),
    ("Tuesday's", (dt.date(2017, 10, 31), "day")),
    ("Sunday night", (dt.date(2017, 10, 29), "day")),
    ("yesterday", (dt.date(2017, 11, 3), "day")),
    ("today", (SATURDAY, "day")),
    ("last night", (dt.date(2017, 11, 3), "day")),
    ("Sept. 19", (dt.date(2017, 9, 19), "day")),
    ("September 19", (dt.date(2017, 9, 19), "day")),
    ("19 September", (dt.date(2017, 9, 19), "day")),
    ("Dec. 20", (dt.date(2016, 12, 20), "day")),  # after publication in the past tense: a year back
    ("Nov. 10", (dt.date(2017, 11, 10), "day")),  # but a day only weeks ahead is the coming one
    ("Nov. 10-13", (dt.date(2017, 11, 10), "day")),
    ("Sunday, Oct. 29", (dt.date(2017, 10, 29), "day")),
    ("December 31, 1977", (dt.date(1977, 12, 31), "day")),
    ("2013-09-24", (dt.date(2013, 9, 24), "day")),
    ("in March 2013", (dt.date(2013, 3, 1), "month")),
    ("mid-March", (dt.date(2017, 3, 1), "month")),
    ("in December", (dt.date(2016, 12, 1), "month")),
    ("in 1979", (dt.date(1979, 1, 1), "year")),
    ("the 1990s", (dt.date(1990, 1, 1), "year")),
    ("last week", (dt.date(2017, 10, 23), "day")),
    ("earlier this week", (dt.date(2017, 10, 30), "day")),
    ("last month", (dt.date(2017, 10, 1), "month")),
    ("this month", (dt.date(2017, 11, 1), "month")),
    ("last year", (dt.date(2016, 1, 1), "year")),
    ("three days ago", (dt.date(2017, 11, 1), "day")),  # dateparser
    # no count: the month (days, weeks) or year (months) a typical count back falls in
    ("weeks ago", (dt.date(2017, 10, 1), "month")),
    ("a few days ago", (dt.date(2017, 11, 1), "month")),
    ("in recent weeks", (dt.date(2017, 10, 1), "month")),
    ("several months ago", (dt.date(2017, 1, 1), "year")),
    ("the square weeks ago", (dt.date(2017, 10, 1), "month")),  # words the recogniser ran in
])
def test_past_and_present_expressions(text, expected):
    assert resolve(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("on Sunday", (dt.date(2017, 11, 5), "day")),
    ("Saturday", (dt.date(2017, 11, 11), "day")),  # same weekday as publication: next week's
    ("Nov. 10", (dt.date(2017, 11, 10), "day")),
    ("in March", (dt.date(2018, 3, 1), "month")),
    ("next week", (dt.date(2017, 11, 6), "day")),
    ("next month", (dt.date(2017, 12, 1), "month")),
    ("tomorrow", (dt.date(2017, 11, 5), "day")),
])
def test_future_expressions(text, expected):
    assert resolve(text, future=True) == expected


def test_weekday_on_the_publication_weekday():
    assert resolve("on Thursday", THURSDAY) == (THURSDAY, "day")
    assert resolve("on Thursday", THURSDAY, future=True) == (dt.date(2017, 11, 9), "day")


def test_year_roll_over():
    assert resolve("Jan. 3", dt.date(2016, 12, 28), future=True) == (dt.date(2017, 1, 3), "day")
    assert resolve("on Dec. 30", dt.date(2017, 1, 2)) == (dt.date(2016, 12, 30), "day")


def test_ranges_take_the_start_and_say_so():
    value = parse_date_expression("Sept. 19-22", SATURDAY, future=False)
    assert (value.date, value.range_end) == (dt.date(2017, 9, 19), dt.date(2017, 9, 22))
    assert "start taken" in value.rule
    value = parse_date_expression("between March 3 and April 5", SATURDAY, future=False)
    assert (value.date, value.range_end) == (dt.date(2017, 3, 3), dt.date(2017, 4, 5))
    assert resolve("from 2013 to 2015") == (dt.date(2013, 1, 1), "year")


@pytest.mark.parametrize("text", ["for days", "more than three decades", "later that afternoon", "the time",
                                  "years ago"])
def test_durations_and_vague_phrases_are_not_dates(text):
    assert resolve(text) is None


def test_relative_phrases_need_a_publication_date():
    assert resolve("on Sunday", base=None) is None
    assert resolve("Sept. 19", base=None) is None
    assert resolve("two days ago", base=None) is None
    assert resolve("December 31, 1977", base=None) == (dt.date(1977, 12, 31), "day")
    assert resolve("in 1979", base=None) == (dt.date(1979, 1, 1), "year")


def test_rule_names_the_publication_date():
    value = parse_date_expression("on Thursday", SATURDAY, future=False)
    assert value.rule == "latest Thursday on or before publication 2017-11-04"


def test_normalize():
    assert normalize("On Tuesday’s") == "tuesday"
    assert normalize("since  December 31 ,1977") == "december 31, 1977"


@pytest.mark.parametrize("text", ["24", "'36", "May 2-"])
def test_bare_numbers_are_not_dates(text):
    assert resolve(text) is None
