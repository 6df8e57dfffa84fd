"""Short names a story uses for a country it has named in full: "the North" and "the South" for
North and South Korea (or Sudan and South Sudan, North Macedonia...).

"The North" is read as the country of the article whose name begins with "North", when the
article names exactly one such country, or as the other half of a divided country it names ("the
South" in a story naming North Korea); used as a place ("in the North") or as the first word of
a longer name ("the South China Sea") it is left alone.
"""

from __future__ import annotations

from spacy.tokens import Doc

from tacitus import rules
from tacitus.actors.mentions import Mention

COMPASS_WORDS = frozenset(("North", "South", "East", "West"))
LOCATION_PREPOSITIONS = rules.words("location_preps")


def compass_shorthands(doc: Doc, mentions: list[Mention], names: dict[str, str]) -> list[Mention]:
    """Mentions for "the North"/"the South" naming a country the article has named in full
    (`names`: country code -> name, every country of the knowledge base)."""
    codes = {name: code for code, name in names.items()}
    by_word: dict[str, set[str]] = {}
    for mention in mentions:
        name = names.get(mention.country or "") if mention.kind in ("country", "capital", "seat", "agent") else None
        first, _, rest = (name or "").partition(" ")
        if first in COMPASS_WORDS and rest:
            by_word.setdefault(first, set()).add(mention.country)
            for other in COMPASS_WORDS - {first}:
                if f"{other} {rest}" in codes:
                    by_word.setdefault(other, set()).add(codes[f"{other} {rest}"])
    if not by_word:
        return []
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for token in doc:
        countries = by_word.get(token.text)
        if not countries or len(countries) != 1 or token.i in taken or token.i == 0:
            continue
        if doc[token.i - 1].lower_ != "the":
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and (after.text[:1].isupper() and after.pos_ in ("PROPN", "NOUN") or after.text == "-"):
            continue  # "the South China Sea", "the North-East"
        if token.dep_ == "pobj" and token.head.lower_ in LOCATION_PREPOSITIONS:
            continue  # "in the North": a region
        (country,) = countries
        found.append(Mention(
            token.i, token.i + 1, token.text, (token.idx, token.idx + len(token)), country, country, None,
            names[country], country, "country", f"'the {token.text}': {names[country]}, named in the article or its other half",
        ))
    return found
