"""Civilians are of the place they are in.

The resolver gives a sector noun with no country of its own ("people", "residents") the country
of an actor of its sentence or of the article's most named country (tacitus.actors.context_country),
because it cannot know the places the gazetteer knows ("Idlib", "eastern Ghouta"). In war
reporting that actor is often the foreign side that attacks them: "Russian jets bombed Idlib,
killing four people" does not kill Russians. Once the events carry their places, a civilian
argument whose country came from the context takes the country of its event's place (the place
stage gives most events of an article its main place when they name none).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tacitus.actors.kb import compose_code
from tacitus.discourse.rules import discourse_rules
from tacitus.records import ActorRef, EventRecord

if TYPE_CHECKING:
    from tacitus.context import ArticleContext


def place_civilians(events: list[EventRecord], ctx: ArticleContext) -> None:
    """Recode, in place, the civilian sources and targets whose country the context gave."""
    sectors = discourse_rules().civilian_sectors
    guessed = {m.span: m for m in ctx.mentions if m.country_from_context and m.sector in sectors}
    if not guessed:
        return
    for event in events:
        country = event.location.country if event.location is not None else None
        if country is None:
            continue
        for role in ("source", "target"):
            ref: ActorRef | None = getattr(event, role)
            if ref is None or tuple(ref.span) not in guessed or country == ref.country:
                continue
            setattr(event, role, replace(ref, code=compose_code(country, ref.sector), country=country))
            event.evidence[f"placed_{role}"] = ("civilians of the place, not of the actor beside them: "
                                                f"event placed in {event.location.name}")
