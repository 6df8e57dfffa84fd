"""The mention record the actor stage writes: one per phrase that names an actor."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from tacitus.records import ActorRef

# Placeholder reason of "administration", replaced once the whole article is read (discourse).
CONTEXT_MARK = "context:administration"
CONTEXT_COUNTRY_NOTE = "country from context"


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

    def to_actor_ref(self) -> ActorRef:
        return ActorRef(
            text=self.text, span=self.span, code=self.code, country=self.country,
            sector=self.sector, name=self.name, actor_id=self.actor_id,
        )


class MentionIndex:
    """Mentions of one doc, looked up by token position (for the event coder)."""

    def __init__(self, mentions: list[Mention], n_tokens: int) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]
        self._by_token: list[Mention | None] = [None] * n_tokens
        for mention in self.mentions:
            for i in range(mention.start, mention.end):
                self._by_token[i] = mention

    def at(self, token_i: int) -> Mention | None:
        if 0 <= token_i < len(self._by_token):
            return self._by_token[token_i]
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions lying entirely inside tokens [start, end)."""
        first = bisect.bisect_left(self._starts, start)
        found = []
        for mention in self.mentions[first:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def actors(self) -> list[Mention]:
        """Mentions that can be an event's source or target (places left out)."""
        return [m for m in self.mentions if not m.place]

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.mentions)

    def __len__(self) -> int:
        return len(self.mentions)
