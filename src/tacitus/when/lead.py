"""The story's lead and the days it names: the first sentence after the headline tells the news.
The recent past day it dates its happening to ("protesters took to the streets Thursday night")
is the day an undated act of the story belongs to; the coming day its plans lead up to
("ministers will skip a summit starting on Monday") is the day an undated future act of the
story is expected on."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from tacitus import rules
from tacitus.when.expressions import parse_date_expression
from tacitus.when.mentions import DateMention, date_mentions, is_predicate
from tacitus.when.tense import has_own_tense, is_past_perfect, points_forward

_NEWS_DAY_KEY = "tacitus.when.news_day"
_COMING_DAY_KEY = "tacitus.when.coming_day"
_LEAD_KEY = "tacitus.when.lead"
# A lead date further back than this is background, not the day the story reports.
_NEWS_DAY_MAX_AGE = dt.timedelta(days=7)
# A day the lead puts further ahead than this is no occasion the story's plans lead up to.
_COMING_DAY_MAX_AHEAD = dt.timedelta(days=14)
_SPEECH_VERBS = rules.words("speech_verbs")
# Sentences after a lead that names no day which may still give the story's news day.
_FOLLOWING_SENTENCES = 2
_SENTENCE_ENDS = (".", "!", "?", "\"", "”", "’", "'")


def lead_news_day(doc: Doc, published: dt.date | None) -> tuple[dt.date, DateMention] | None:
    """The day the story's lead dates its happening to, when that is a day of the week before
    publication: the first date phrase of the first sentence after the headline (a first line
    without closing punctuation, followed by a blank line) that gives such a day."""
    if published is None:
        return None
    return _once_per_doc(doc, (_NEWS_DAY_KEY, published), lambda: _find_news_day(doc, published))


def lead_coming_day(doc: Doc, published: dt.date | None) -> tuple[dt.date, DateMention] | None:
    """The day ahead of publication that the lead's plans lead up to ("ministers will skip a
    summit starting on Monday"): the first date phrase of the lead in a clause that points
    forward and gives a day within two weeks after publication."""
    if published is None:
        return None
    return _once_per_doc(doc, (_COMING_DAY_KEY, published), lambda: _find_coming_day(doc, published))


def _once_per_doc(doc: Doc, key: tuple, find):
    """Every event of an article asks for the lead's days: find them once and keep them on the parse."""
    if key not in doc.user_data:
        doc.user_data[key] = find()
    return doc.user_data[key]


def lead_starts(doc: Doc) -> frozenset[int]:
    """Where the sentences of the story's lead start: the first sentence after the headline (a
    first line without closing punctuation, followed by a blank line), with the next of its
    paragraph when the first is only a dateline or a fragment ("SEOUL:")."""
    cached = doc.user_data.get(_LEAD_KEY)
    if cached is not None:
        return cached
    sentences = [s for s in doc.sents if s.text.strip()]
    if len(sentences) > 1 and _paragraph_break(doc, sentences[0], sentences[1]) \
            and not sentences[0].text.strip().endswith(_SENTENCE_ENDS):
        sentences = sentences[1:]
    lead = {sentences[0].start} if sentences else set()
    if len(sentences) > 1 and not _paragraph_break(doc, sentences[0], sentences[1]) \
            and not any(is_predicate(t) for t in sentences[0]):
        lead.add(sentences[1].start)
    doc.user_data[_LEAD_KEY] = frozenset(lead)
    return doc.user_data[_LEAD_KEY]


def _find_news_day(doc: Doc, published: dt.date) -> tuple[dt.date, DateMention] | None:
    """The lead's day; a lead that names none ("A junta appears to have ousted the president")
    leaves the day to the next sentences, which tell the same news in more detail ("The unit,
    who detained him on Sunday, said ..."), when they date an act told in the simple past."""
    lead = lead_starts(doc)
    following = _following_starts(doc, lead)
    for sentences, past_acts_only in ((lead, False), (following, True)):
        for mention in date_mentions(doc):
            if mention.sent_start not in sentences or _told_ahead(doc, mention):
                continue
            if past_acts_only and not _dates_a_past_act(doc, mention):
                continue
            value = parse_date_expression(mention.text, published, future=False)
            if value is not None and value.precision == "day" and value.range_end is None and \
                    dt.timedelta(0) <= published - value.date <= _NEWS_DAY_MAX_AGE:
                return value.date, mention
    return None


def _following_starts(doc: Doc, lead: frozenset[int]) -> frozenset[int]:
    """Where the `_FOLLOWING_SENTENCES` sentences after the lead start."""
    if not lead:
        return frozenset()
    last = max(lead)
    later = [s.start for s in doc.sents if s.start > last and s.text.strip()]
    return frozenset(later[:_FOLLOWING_SENTENCES])


def _dates_a_past_act(doc: Doc, mention: DateMention) -> bool:
    """The date phrase dates an act in the simple past ("detained him on Sunday"), not an
    earlier act ("had met on Friday"), a state, or a saying ("On Sunday, the coalition said"
    dates a statement of its own, often the one the lead's news answers)."""
    if mention.predicate is None:
        return False
    verb = doc[mention.predicate]
    return verb.tag_ == "VBD" and not is_past_perfect(verb) and verb.lemma_.lower() not in _SPEECH_VERBS


def _find_coming_day(doc: Doc, published: dt.date) -> tuple[dt.date, DateMention] | None:
    lead = lead_starts(doc)
    for mention in date_mentions(doc):
        if mention.sent_start not in lead or not _told_ahead(doc, mention):
            continue
        value = parse_date_expression(mention.text, published, future=True)
        if value is not None and value.precision == "day" and value.range_end is None and \
                dt.timedelta(0) < value.date - published <= _COMING_DAY_MAX_AHEAD:
            return value.date, mention
    return None


def _told_ahead(doc: Doc, mention: DateMention) -> bool:
    """ "Leaders will attend a summit starting on Wednesday": the clause of the date phrase
    points forward (its predicate, or the first verb above it with a tense of its own when the
    predicate is a bare, -ing or participle form), so the phrase names no day already past."""
    if mention.predicate is None:
        return False
    current = doc[mention.predicate]
    for _ in range(8):
        if points_forward(current, None):
            return True
        if has_own_tense(current) or current.head.i == current.i:
            return False
        current = current.head
    return False


def _paragraph_break(doc: Doc, first, second) -> bool:
    return "\n\n" in doc.text[first.start_char:second.start_char]
