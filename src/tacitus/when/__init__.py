"""When events happened: date phrases resolved against the publication date.

Dates one event lends to another of the same article are an article-level pass after the
coder (:mod:`tacitus.events.shared_dates`); datelines are read in :mod:`tacitus.dateline`."""

from tacitus.when.expressions import DateValue, parse_date_expression
from tacitus.when.mentions import date_mentions
from tacitus.when.resolve import event_phrase_head, period_end, resolve_event_date
from tacitus.when.tense import is_past_perfect, verb_lemma

__all__ = [
    "DateValue",
    "date_mentions",
    "event_phrase_head",
    "is_past_perfect",
    "parse_date_expression",
    "period_end",
    "resolve_event_date",
    "verb_lemma",
]
