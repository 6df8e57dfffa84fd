"""Denials: an event a source says did not happen, against another account in the article.

The guide tells a denial from a plain negation by the other account: "the official said the
president did not raise the issue" is denied when the article also tells of the president
raising it (a readout, an earlier report), and negated when nothing says otherwise. A negated
event told by a speaker is therefore a denial when the same article has a record of the same
kind of event between the same countries that did happen (asserted or reported), before or
after it. The evidence names the account it goes against.
"""

from __future__ import annotations

from collections.abc import Sequence

from tacitus.records import EventRecord

# Factualities of an account that the event happened.
_ACCOUNTS = {"asserted", "reported"}


def mark_denials(events: Sequence[EventRecord]) -> None:
    """Turn negated, reported events that another record of the article says happened into
    denials; updates the records in place."""
    for event in events:
        if event.factuality != "negated" or event.attribution is None:
            continue
        account = next((other for other in events if other is not event and _tells_it_happened(other, event)), None)
        if account is None:
            continue
        event.factuality = "denied"
        event.evidence["factuality_cue"] = (
            f"{event.evidence.get('factuality_cue')} by {event.attribution.text}, against the account in "
            f"sentence {account.sentence_index} ('{account.trigger.text}')")


def _tells_it_happened(other: EventRecord, negated: EventRecord) -> bool:
    return other.factuality in _ACCOUNTS and other.event == negated.event \
        and _country(other.source) == _country(negated.source) and _country(other.target) == _country(negated.target)


def _country(actor) -> str | None:
    return actor.country if actor is not None else None
