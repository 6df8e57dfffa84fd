"""Dates and places that one event lends to another mention of the same exchange in the article.

Stories name a date once: "the message was delivered on Sept. 19 ... the Iranians turned it
down later that afternoon ... officials on Thursday confirmed reports of Rouhani turning down
the request". The refusal in the last sentence has no date of its own; the date phrase there
dates the confirming, and the publication date is only when it was printed. An event whose
date came from no phrase of its own takes the date of the nearest event of the same exchange
that has one: the same pair of countries (either direction) and either the same CAMEO root or
both in the diplomatic back-and-forth of statements, requests, offers, meetings, agreements and
refusals. Places are shared the same way. The evidence names the event the date came from.

A statement with no related event of the exchange that has a date continues what its speaker
said in the same or the previous sentence, when that was dated: "X tweeted on Sunday that ...
He warned that ..." takes Sunday.
"""

from __future__ import annotations

from collections.abc import Sequence

from tacitus.events.ontology import ANSWER_ROOTS, DIPLOMATIC_ROOTS, PROPOSAL_ROOTS
from tacitus.records import EventRecord
from tacitus.where.locate import STAND_IN_VIAS

# How an event's own date was found; anything else (publication date, date of the report, the
# day ahead the lead's plans lead up to) is a stand-in that a related event's own date improves on.
_STAND_IN_DATES = {None, "date of the report", "the lead's coming day"}
_UNLOCATED_VIAS = {None, *STAND_IN_VIAS}
# Events that did not happen on a known day cannot date or be dated by others.
_DATABLE = {"asserted", "reported", "denied"}
# CAMEO quad classes of statements (verbal cooperation, verbal conflict).
_VERBAL_QUADS = {1, 3}


def share_dates_within_article(events: Sequence[EventRecord]) -> None:
    """Give undated (and unplaced) events the date (and place) of the nearest related event of
    the same article that has its own; updates the records in place."""
    donors = [e for e in events if _own_date(e) and e.factuality in _DATABLE]
    for event in events:
        if _own_date(event) or event.factuality not in _DATABLE:
            continue
        related = [d for d in donors if d is not event and _same_exchange(event, d)]
        if related:
            donor = min(related, key=lambda d: (_kinship(event, d), abs(d.sentence_index - event.sentence_index),
                                                d.sentence_index))
            how = f"the related event in sentence {donor.sentence_index} ('{donor.trigger.text}')"
        else:
            spoken = [d for d in donors if d is not event and _continues_statement(event, d)]
            if not spoken:
                continue
            donor = max(spoken, key=lambda d: d.sentence_index)
            how = f"the same speaker's dated statement in sentence {donor.sentence_index} ('{donor.trigger.text}')"
        event.date, event.date_precision = donor.date, donor.date_precision
        event.evidence["date"] = f"from {how}: {donor.evidence.get('date')}"
        event.evidence["date_via"] = "related event"
        event.confidence = max(0.05, event.confidence - 0.05)
        if donor.location is not None and event.evidence.get("place_via") in _UNLOCATED_VIAS:
            event.location = donor.location
            event.evidence["place"] = f"from {how}: {donor.evidence.get('place')}"
            event.evidence["place_via"] = "related event"


def _own_date(event: EventRecord) -> bool:
    return event.date is not None and event.evidence.get("date_via") not in _STAND_IN_DATES


def _continues_statement(event: EventRecord, earlier: EventRecord) -> bool:
    """Whether `event` is a statement that goes on with what the speaker of `earlier` said in
    the same or the sentence before, on a day no later than the stand-in date `event` has (a
    month, or a day ahead, dates what was announced, not the saying)."""
    if event.quad_class not in _VERBAL_QUADS or earlier.quad_class not in _VERBAL_QUADS:
        return False
    if earlier.date_precision != "day" or (event.date is not None and earlier.date > event.date):
        return False
    if not 0 <= event.sentence_index - earlier.sentence_index <= 1 or event.source is None or earlier.source is None:
        return False
    return bool(event.source.actor_id) and event.source.actor_id == earlier.source.actor_id


def _countries(event: EventRecord) -> frozenset[str] | None:
    if event.source is None or event.target is None or not event.source.country or not event.target.country:
        return None
    return frozenset((event.source.country, event.target.country))


def _same_exchange(event: EventRecord, other: EventRecord) -> bool:
    dyad = _countries(event)
    if dyad is None or len(dyad) < 2 or dyad != _countries(other):
        return False
    roots = {event.cameo[:2], other.cameo[:2]}
    return len(roots) == 1 or roots <= DIPLOMATIC_ROOTS


def _kinship(event: EventRecord, other: EventRecord) -> int:
    """How closely two moves of an exchange belong together, closest 0: the same act, an appeal
    or offer and the answer to it, the same kind of act, any other diplomatic move."""
    if event.cameo == other.cameo:
        return 0
    roots = (event.cameo[:2], other.cameo[:2])
    answered = (roots[0] in ANSWER_ROOTS and roots[1] in PROPOSAL_ROOTS and event.target.country == other.source.country) \
        or (roots[1] in ANSWER_ROOTS and roots[0] in PROPOSAL_ROOTS and other.target.country == event.source.country)
    if answered:
        return 1
    return 2 if roots[0] == roots[1] else 3
