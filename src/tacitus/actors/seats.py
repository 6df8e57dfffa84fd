"""Seats named by a bare agent noun: "Congress" is the US legislature in a story about Washington,
Peru's in a story about Lima.

The knowledge base lists "Congress" as a seat of the United States, but many countries call
their legislature so. A seat whose whole text is an agent noun of its own sector is read:
- as the country the article qualifies the same noun with ("Brazil's Congress", "the Congress
  of Peru") when it does so for exactly one country;
- else as its knowledge-base country when the article names that country otherwise, more than
  in passing (a quarter as often as the country it names most);
- else as an agent noun with no country, which the context country pass then places (the
  country the story is about: "Congress voted to impeach the Peruvian president").
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from tacitus.actors.kb import compose_code
from tacitus.actors.mentions import Mention


# The seat's own country, named this many times less often than the article's most named one,
# is only mentioned in passing ("the storming of the US Capitol" in a story about Brasília).
OUTNUMBERED = 4


def read_generic_seats(doc: Doc, mentions: list[Mention], agent_nouns: dict[str, str]) -> None:
    """Re-read the seats named by a bare agent noun of their sector (see the module docstring);
    `agent_nouns` maps a lowercase agent noun to its sector."""
    generic = [m for m in mentions if m.kind == "seat" and m.text.lower() in agent_nouns
               and (m.place or agent_nouns[m.text.lower()] == m.sector)]
    if not generic:
        return
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    named = Counter(m.country for m in mentions if m.country and m not in generic)
    most = max(named.values(), default=0)
    for seat in generic:
        qualified = _qualifying_countries(doc, seat.text.lower(), by_token)
        if len(qualified) == 1:
            (country,) = qualified
            if country != seat.country:
                seat.country, seat.code = country, country if seat.place else compose_code(country, seat.sector)
                seat.name, seat.actor_id = None, country
                seat.why = f"'{seat.text}': the article's {seat.text} of {country}"
            continue
        if named[seat.country] * OUTNUMBERED > most:
            continue
        seat.why = f"'{seat.text}': a seat of {seat.country}, which the article names at most in passing; read as the noun"
        seat.country, seat.code, seat.name, seat.actor_id = None, None, None, None
        seat.kind = "seat" if seat.place else "agent"


def _qualifying_countries(doc: Doc, noun: str, by_token: dict[int, Mention]) -> set[str]:
    """Countries the article puts before or after `noun` as its owner ("Brazil's Congress",
    "the Congress of Peru")."""
    found: set[str] = set()
    for token in doc:
        if token.lower_ != noun:
            continue
        owners = [c for c in token.children if c.dep_ == "poss"]
        owners += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        for owner in owners:
            mention = by_token.get(owner.i)
            if mention is not None and mention.country and mention.kind in ("country", "capital"):
                found.add(mention.country)
    return found
