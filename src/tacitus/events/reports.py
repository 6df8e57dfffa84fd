"""Who tells of an event: the attribution of a record and the factuality a report gives it."""

from __future__ import annotations

from tacitus.context import ArticleContext
from tacitus.events import factuality as factuality_rules
from tacitus.events.phrases import same_actor
from tacitus.records import ActorRef, Attribution
from tacitus.when import resolve_event_date
from tacitus.where import locate_event


def attribution_of(speaker, speaker_refs: list[ActorRef], ctx: ArticleContext) -> Attribution:
    """The reporter, with the day and place of the report when the sentence gives them
    ("told reporters in Tehran on Sunday")."""
    said_on, said_where = None, None
    if speaker.verb_token is not None:
        day, _, date_evidence = resolve_event_date(speaker.verb_token, ctx, "asserted")
        if "date_via" in date_evidence:
            said_on = day
        location, place_evidence = locate_event(speaker.verb_token, ctx, clause_only=True)
        if location is not None:
            said_where = location.name
    return Attribution(text=speaker.text, code=speaker_refs[0].code if speaker_refs else None,
                       date=said_on, place=said_where, verb=speaker.verb)


def as_reported(factuality, speaker, speaker_refs: list[ActorRef], sources: list[ActorRef]):
    """An asserted event told by someone other than its source is reported."""
    if speaker is None or any(same_actor(s, r) for s in sources for r in speaker_refs):
        return factuality
    return factuality_rules.Factuality("reported", f"'{speaker.verb}' by {speaker.text}")
