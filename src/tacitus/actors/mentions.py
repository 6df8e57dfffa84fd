"""The mention record the actor stage writes: one per phrase that names an actor."""

from __future__ import annotations

from dataclasses import dataclass

from tacitus.records import ActorRef


@dataclass
class Mention:
    """One actor mention: tokens [start, end) of the doc and who they name."""

    start: int
    end: int
    text: str
    span: tuple[int, int]
    code: str | None
    country: str | None
    sector: str | None
    name: str | None
    actor_id: str | None
    kind: str  # country, capital, seat, region, igo, group, person, agent, pronoun
    why: str
    place: bool = False  # used as a location ("in Tehran"): not an actor
    role: str | None = None  # the office held at the date, when known
    refers_to: int | None = None  # index of the mention a pronoun or surname repeats
    # "administration" with no country: the article's government, read once the whole article is
    # (discourse.fill_context_government).
    awaits_government: bool = False
    # The country was taken from the context of the article, not from the mention's own words.
    country_from_context: bool = False
    # A stateless people's phrase ("Kurdish militias") whose country the text does not settle:
    # the nearest actor's country is usually the state it fights, so none is guessed.
    country_unsettled: bool = False

    def to_actor_ref(self) -> ActorRef:
        return ActorRef(
            text=self.text, span=self.span, code=self.code, country=self.country,
            sector=self.sector, name=self.name, actor_id=self.actor_id,
        )
