"""When events happened: date phrases resolved against the publication date, datelines, and
year ranges for undated articles from the terms of office of the people they mention.

Dates one event lends to another of the same article are an article-level pass after the
coder (:mod:`tacitus.events.shared_dates`)."""

from tacitus.dateline import Dateline, PartialDate, find_dateline, publication_date_from_dateline
from tacitus.when.expressions import DateValue, parse_date_expression
from tacitus.when.resolve import date_mentions, resolve_event_date
from tacitus.when.years import YearRange, infer_year_from_actors

__all__ = [
    "Dateline",
    "DateValue",
    "PartialDate",
    "YearRange",
    "date_mentions",
    "find_dateline",
    "infer_year_from_actors",
    "parse_date_expression",
    "publication_date_from_dateline",
    "resolve_event_date",
]
