"""Which date belongs to which event.

A date phrase modifies the clause it hangs from in the dependency parse: walking up from the
phrase, the first predicate (verb, or copula) reached is the event it dates ("met *on Sunday*",
"the talks *on Sunday* were held"). Nouns met on the way ("a speech *on Sept. 19*") belong to the
same clause, so a nominal trigger below that predicate takes the date too. A relative clause
on a date ("since December 31, 1977, *when* Carter visited the Shah") or on a dated noun, and a
"when"/"while" clause, take the date of what they hang from. Failing that, a date phrase of the
sentence that modifies no predicate at all; failing that, the lead's news day (the recent past
day the story's first sentence dates its happening to: "protesters took to the streets Thursday
night"), as an undated act told in the story belongs to the day the story reports (not one told
in the past perfect, which lies before it); an undated future act takes the day ahead that the
lead's plans lead up to ("ministers will skip a summit starting on Monday"); failing that, the
publication date. An undated act the lead tells in the present perfect ("the envoy has
resigned") is the story's news: it keeps that day, where other undated acts take the day of a
related event that has one. The date phrases and what they modify are found in
:mod:`tacitus.when.mentions`, the lead's days in :mod:`tacitus.when.lead`.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from tacitus import rules
from tacitus.when.expressions import DateValue, parse_date_expression
from tacitus.when.lead import lead_coming_day, lead_news_day, lead_starts
from tacitus.when.mentions import DateMention, date_mentions, is_predicate
from tacitus.when.tense import is_past_perfect, is_present_perfect, points_forward

# Only events that happened (or were said not to) are dated by the day the story reports.
_NEWS_DAY_FACTUALITIES = {"asserted", "reported", "denied", "negated"}
# A clause introduced by these happens at the time of the clause it hangs from.
_SIMULTANEITY_MARKERS = rules.words("simultaneity_markers")
_SIMULTANEITY_PREPS = rules.words("simultaneity_preps")
# Verbs saying that an event takes place: their subject is the event ("the talks were held on
# Monday", "the summit is due to open on Tuesday").
_OCCURRENCE_VERBS = rules.words("occurrence_verbs")
# Verbs saying that an event ends ("the summit closed on Tuesday evening"): their date dates it too.
_ENDING_VERBS = rules.words("ending_verbs")
# Phrases of an act's cause, another event with a time of its own.
_CAUSE_PHRASES = rules.words("cause_phrases")
# Words of a future event noun ("planned", "scheduled"), as factuality reads them.
_NOUN_MODALITY = rules.table("noun_modifier_modality")


def resolve_event_date(trigger: Token, ctx, factuality: str) -> tuple[dt.date | None, str | None, dict]:
    """(date, precision, evidence) for the event whose trigger (or anchor verb) is `trigger`.

    `ctx` is a :class:`tacitus.context.ArticleContext`; `factuality` the event's
    factuality value ("future" dates weekday and month-day phrases forward).
    """
    published = ctx.article.published
    sent_start = trigger.sent.start
    mentions = [m for m in date_mentions(ctx.doc) if m.sent_start == sent_start]
    future = points_forward(trigger, factuality)
    unresolved: dict[str, None] = {}  # phrases that gave no date, in order, once each

    def resolve(mention: DateMention) -> DateValue | None:
        value = parse_date_expression(mention.text, published, future=future)
        if value is None:
            unresolved[mention.phrase] = None
        return value

    own = sorted(((m.rank_for(trigger.i), abs(m.start - trigger.i), m) for m in mentions
                  if m.rank_for(trigger.i) is not None and not _dates_a_noun_of_a_perfect(m, trigger)
                  and not _dates_a_cause(m, trigger)),
                 key=lambda item: item[:2])
    for _, _, mention in own:
        value = resolve(mention)
        if value is not None:
            finer = _finer_inherited(trigger, mentions, value, resolve, future) if value.precision != "day" else None
            if finer is not None:
                return _answer(finer[0], finer[1], finer[2], unresolved)
            return _answer(value, mention, f"modifies '{trigger.text}'", unresolved)

    for mention, via in _inherited(trigger, mentions, future):
        value = resolve(mention)
        if value is not None:
            return _answer(value, mention, via, unresolved)

    for mention in mentions:
        if mention.predicate is None:
            value = resolve(mention)
            if value is not None:
                return _answer(value, mention, "date of the sentence, attached to no other event", unresolved)

    evidence: dict = {}
    if unresolved:
        evidence["date_unresolved"] = ", ".join(f"'{p}'" for p in unresolved)
    news_day = lead_news_day(ctx.doc, published) \
        if factuality in _NEWS_DAY_FACTUALITIES and not is_past_perfect(trigger) else None
    lead = lead_starts(ctx.doc)
    if factuality in _NEWS_DAY_FACTUALITIES and is_present_perfect(trigger) and not unresolved \
            and trigger.sent.start in lead and published:
        # "The envoy has resigned": the lead's own news, not an earlier related event's day
        # ("have negotiated for three decades", with a phrase of time, is no news of a day),
        # nor a day the next sentences give another act of the story.
        day = news_day[0] if news_day and news_day[1].sent_start in lead else published
        evidence["date"] = f"the lead's news, told in the present perfect: {day}"
        evidence["date_via"] = "the lead's present perfect"
        return day, "day", evidence
    if news_day is not None:
        day, mention = news_day
        # No "date_via": the day is a stand-in that the date of a report or of a related event
        # of the same exchange improves on.
        evidence["date"] = f"the lead's news day: '{mention.phrase}' in the lead -> {day}"
        return day, "day", evidence
    coming_day = lead_coming_day(ctx.doc, published) if factuality == "future" else None
    if coming_day is not None:
        day, mention = coming_day
        evidence["date"] = f"the lead's coming day: '{mention.phrase}' in the first sentence -> {day}"
        evidence["date_via"] = "the lead's coming day"
        return day, "day", evidence
    if published is not None:
        evidence["date"] = "publication date"
        return published, "day", evidence
    evidence["date"] = "no date: no usable date phrase and no publication date"
    return None, None, evidence


def _inherited(trigger: Token, mentions: list[DateMention], future: bool):
    """Dates a clause takes from what it hangs from, with how, best first."""
    head = trigger.head
    if trigger.dep_ == "xcomp" and not future:
        # "Parliament voted on Monday to remove the minister", "failed on Friday to persuade":
        # an open complement that is no plan happens in the act that the date modifies.
        for mention in mentions:
            if mention.rank_for(head.i) == 0:
                yield mention, f"complement of '{head.text}', which the date modifies"
    if trigger.dep_ in ("relcl", "acl"):
        for mention in mentions:
            if mention.start <= head.i < mention.end:
                yield mention, f"relative clause '{_clause_opening(trigger)}' on the date"
        for mention in mentions:
            if mention.rank_for(head.i) == 0 and head.i != mention.predicate:
                yield mention, f"relative clause on '{head.text}', which the date modifies"
    phrase = event_phrase_head(trigger)
    for clause in phrase.children if phrase.pos_ == "NOUN" else ():
        if clause.dep_ in ("acl", "relcl") and _tells_taking_place(clause):
            # "talks that started late last year", "a summit starting on Wednesday", "talks
            # planned for next month": the clause on the event noun says when it takes place.
            for mention in mentions:
                if mention.predicate == clause.i:
                    yield mention, f"'{phrase.text} ... {clause.text}', which the date modifies"
    if phrase.pos_ == "NOUN" and phrase.dep_ in ("nsubj", "nsubjpass"):
        head = phrase.head
        for mention in mentions:
            predicate = trigger.doc[mention.predicate] if mention.predicate is not None else None
            if predicate is not None and predicate.lemma_.lower() in _OCCURRENCE_VERBS | _ENDING_VERBS \
                    and mention.rank_for(head.i) is not None:
                yield mention, f"subject of '{predicate.text}', which the date modifies"
    if phrase.pos_ == "NOUN" and phrase.dep_ == "pobj" and phrase.head.lower_ in _SIMULTANEITY_PREPS \
            and is_predicate(phrase.head.head):
        verb = phrase.head.head
        for mention in mentions:
            if mention.predicate == verb.i:
                yield mention, f"event noun '{phrase.head.text} ... {trigger.text}' of '{verb.text}', which the date modifies"
    markers = {c.lower_ for c in trigger.children if c.dep_ in ("advmod", "mark")}
    if trigger.dep_ == "advcl" and markers & _SIMULTANEITY_MARKERS:
        for mention in mentions:
            if mention.rank_for(head.i) is not None:
                yield mention, f"'{_clause_opening(trigger)}' clause of '{head.text}'"


def _tells_taking_place(clause: Token) -> bool:
    """A clause on an event noun that says when it takes place: a verb of occurrence ("talks
    held on Monday") or a participle of scheduling ("a meeting planned for May")."""
    lemma = clause.lemma_.lower()
    return lemma in _OCCURRENCE_VERBS or (clause.tag_ == "VBN" and _NOUN_MODALITY.get(clause.lower_) == "future")


def event_phrase_head(noun: Token) -> Token:
    """The head of the noun phrase an event noun sits in through "of": "round" in "a new round
    of talks", "start" in "the start of the talks" (the phrase stands where the event does)."""
    current = noun
    while current.pos_ == "NOUN" and current.dep_ == "pobj" and current.head.lower_ == "of" \
            and current.head.head.pos_ == "NOUN":
        current = current.head.head
    return current


def _finer_inherited(trigger: Token, mentions: list[DateMention], period: DateValue, resolve, future: bool):
    """ "X pledged aid on Tuesday as the UN issued an appeal this year": a clause dated only by
    a month or a year takes the day of the clause it hangs from when that day lies in it."""
    last = period.range_end or period_end(period.date, period.precision)
    for mention, via in _inherited(trigger, mentions, future):
        value = resolve(mention)
        if value is not None and value.precision == "day" and period.date <= value.date <= last:
            return value, mention, f"{via}, within '{period.rule}'"
    return None


def period_end(day: dt.date, precision: str | None) -> dt.date:
    """The last day a date of this precision allows: the year's or the month's last day."""
    if precision == "year":
        return day.replace(month=12, day=31)
    if precision == "month":
        following = day.replace(day=28) + dt.timedelta(days=4)
        return following - dt.timedelta(days=following.day)
    return day


def _clause_opening(trigger: Token) -> str:
    first = trigger.left_edge
    return f"{first.text} ... {trigger.text}" if first.i < trigger.i else trigger.text


def _dates_a_cause(mention: DateMention, trigger: Token) -> bool:
    """ "Manila filed a protest in response to an incident on Tuesday": a date inside the phrase
    of the act's cause dates the cause (the incident), not the act."""
    doc = trigger.doc
    for index, _ in mention.governors:
        if index == trigger.i:
            return False
        token = doc[index]
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and _names_a_cause(token.head):
            return True
    return False


def _names_a_cause(prep: Token) -> bool:
    return prep.lower_ in _CAUSE_PHRASES or f"{prep.head.lemma_.lower()} {prep.lower_}" in _CAUSE_PHRASES


def _dates_a_noun_of_a_perfect(mention: DateMention, trigger: Token) -> bool:
    """ "Canada has expelled a diplomat for his role in the killing in June": a present perfect
    takes no past date of its own, so a date inside one of its noun phrases dates that noun
    (the killing), not the act."""
    if not is_present_perfect(trigger):
        return False
    doc = trigger.doc
    for index, _ in mention.governors:
        if index == trigger.i:
            return False
        if doc[index].pos_ in ("NOUN", "PROPN"):
            return True
    return False


def _answer(value: DateValue, mention: DateMention, via: str, unresolved: dict[str, None]):
    evidence = {"date": f"'{mention.phrase}' -> {value.rule}", "date_text": mention.text, "date_via": via}
    skipped = [p for p in unresolved if p != mention.phrase]
    if skipped:
        evidence["date_unresolved"] = ", ".join(f"'{p}'" for p in skipped)
    return value.date, value.precision, evidence
