"""Kinds of direct object that the trigger lexicon can name in its complement column.

Words alone cannot say "leave Syria" is a withdrawal while "leave the summit" is not: the
object is a place. A verb whose direct object is a place (a name the gazetteer knows, or a
noun of a held place: "the town of Manbij", "the country") has the complement word
``@place``, so an entry ``0874 verb leave @place`` codes leaving a place, and only that.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from tacitus import rules
from tacitus.events.lexicon import TriggerEntry
from tacitus.where import get_gazetteer

PLACE_MARK = "@place"
LEFT_PLACE_NOUNS = rules.words("left_place_nouns")
# spaCy's small model often tags a country as a person ("left Mali"): names are looked up
PLACE_ENTITY_TYPES = ("GPE", "LOC")


def object_kinds(verb: Token, entries: Iterable[TriggerEntry]) -> set[str]:
    """The complement marks of the verb's direct object ({"@place"} or none), looked for only
    when one of the verb's lexicon `entries` asks for a mark."""
    if not any(PLACE_MARK in words for entry in entries for words in entry.complement):
        return set()
    for child in verb.children:
        if child.dep_ == "dobj" and (child.ent_type_ in PLACE_ENTITY_TYPES or child.lemma_.lower() in LEFT_PLACE_NOUNS
                                     or (child.pos_ == "PROPN" and _names_a_place(child))):
            return {PLACE_MARK}
    return set()


def _names_a_place(head: Token) -> bool:
    name = " ".join(t.text for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN") + " " + head.text
    name = name.strip()
    gazetteer = get_gazetteer()
    return bool(gazetteer.region(name) or gazetteer.first_level(name) or gazetteer.named_regions(name)
                or gazetteer.city_matches(name))
