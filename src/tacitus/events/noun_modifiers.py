"""A material act's noun that modifies another noun names a kind of thing, not an act.

"riot police", "an arrest warrant", "attack helicopters", "the protest movement's leader": the
event word sorts the noun it modifies (police for riots, a warrant for an arrest) and tells no
riot, arrest or attack (a consultation's noun still does: "a mediation mission"). Where the
modified noun is an event word itself ("a bomb attack", "a protest march"), the pair names one
act and the lexicon's reading of the pair stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from tacitus import rules

if TYPE_CHECKING:
    from tacitus.events.lexicon import Lexicon, TriggerEntry

KIND_NAMING_ROOTS = rules.words("kind_naming_roots")


def names_a_kind(noun: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """Whether the noun of a material act (`entry`) only modifies a noun that is no event word."""
    head = noun.head
    return entry.cameo[:2] in KIND_NAMING_ROOTS and noun.dep_ == "compound" and head is not noun \
        and head.pos_ in ("NOUN", "PROPN") and not lexicon.has("noun", head.lemma_.lower())
