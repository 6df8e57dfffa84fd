"""Who tells of an event: the attribution of a record and the factuality a report gives it."""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.context import ArticleContext
from tacitus.events import factuality as factuality_rules
from tacitus.events.phrases import same_actor
from tacitus.records import ActorRef, Attribution
from tacitus.when import is_past_perfect, resolve_event_date
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


# Quad classes of material acts (CAMEO 06-08 cooperation, 14-20 conflict): saying them is not doing them.
MATERIAL_QUADS = frozenset({2, 4})
# Quad classes of statements (verbal cooperation and conflict): a government states them for its country.
VERBAL_QUADS = frozenset({1, 3})


def as_reported(factuality, speaker, speaker_refs: list[ActorRef], sources: list[ActorRef], *,
                act: Token | None = None, quad_class: int | None = None):
    """An asserted event told by someone other than its source is reported. Told by its own
    source it is reported too when the telling is not the act itself: a material act ("Turkey
    said it had begun an incursion", "'We have expelled the diplomat,' the minister said") or an
    earlier act in the past perfect ("he said he had urged them"); a statement made in the
    saying ("Iran said it rejects the offer") stays asserted."""
    if speaker is None:
        return factuality
    if any(_same_teller(s, r) or (quad_class in VERBAL_QUADS and _speaks_for(s, r))
           for s in sources for r in speaker_refs):
        return told_by_its_actor(factuality, speaker.text, act=act, quad_class=quad_class)
    return factuality_rules.Factuality("reported", f"'{speaker.verb}' by {speaker.text}")


def as_stated(speaker, speaker_refs: list[ActorRef], sources: list[ActorRef]):
    """The factuality of a stated intention (an offer or threat the saying makes): the speaker's
    own speech act, asserted, when the speaker speaks for the source's country ("Erdogan said
    Turkey will launch an operation" is Turkey's threat); reported when someone else tells of it."""
    if speaker is None or any(r.country and r.country == s.country for s in sources for r in speaker_refs):
        return factuality_rules.Factuality("asserted")
    return factuality_rules.Factuality("reported", f"'{speaker.verb}' by {speaker.text}")


def _speaks_for(source: ActorRef, speaker: ActorRef) -> bool:
    """A government speaker states the position of a country named as such: "Turkey would
    never agree to it, Erdogan said" is Turkey's refusal, made in the saying ("Turkish
    agencies", named by an adjective, are not the country speaking)."""
    named = bool(source.name) and source.text.lower().removeprefix("the ") == source.name.lower()
    return named and source.actor_id == source.country and not source.sector \
        and speaker.country == source.country and speaker.sector == "GOV"


def _same_teller(source: ActorRef, speaker: ActorRef) -> bool:
    """Whether the speaker is the event's own source. Two named actors are told apart by who
    they are, not by their codes: "Trump urged Ankara to ..., the White House said" is the
    White House's report of Trump's call, though both are USAGOV."""
    if source.actor_id and speaker.actor_id and source.span != speaker.span:
        return source.actor_id == speaker.actor_id
    return same_actor(source, speaker)


def told_by_its_actor(factuality, speaker_text: str, *, act: Token | None, quad_class: int | None):
    """The factuality of an event its own source tells of (see `as_reported`)."""
    if factuality.value != "asserted":
        return factuality
    if quad_class in MATERIAL_QUADS:
        return factuality_rules.Factuality("reported", f"a material act told by {speaker_text}, its actor")
    if act is not None and is_past_perfect(act):
        return factuality_rules.Factuality("reported", f"an earlier act told by {speaker_text}, its actor")
    return factuality
