"""Words of a material act that name a kind of thing or of person, not an act.

A participle of fighting with no opponent describes who someone is: "their citizens fighting in
Syria", "forces fighting on the side of the regime" (an opponent makes it an act: "fighting
Islamic State", "fighting against the rebels"); so does a relative clause of fighting with no
opponent ("veterans who fought in Iraq"; not "militias that fought beside Chad against the insurgents").


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
COMBATANT_VERBS = rules.words("combatant_verbs")
# Dependents that name an opponent of the fighting.
OPPONENT_DEPS = frozenset({"dobj", "nsubjpass"})
OPPONENT_PREPS = frozenset({"against", "with", "for"})


def names_a_kind(noun: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """Whether the noun of a material act (`entry`) only modifies a noun that is no event word."""
    head = noun.head
    return entry.cameo[:2] in KIND_NAMING_ROOTS and noun.dep_ == "compound" and head is not noun \
        and head.pos_ in ("NOUN", "PROPN") and not lexicon.has("noun", head.lemma_.lower())


def describes_combatants(verb: Token) -> bool:
    """Whether a participle of fighting with no subject and no opponent, or a relative clause of
    fighting with no opponent ("zealots who had fought in many clashes"), describes who fights."""
    if verb.lemma_.lower() not in COMBATANT_VERBS:
        return False
    relative = verb.dep_ == "relcl"
    if not relative and (verb.tag_ != "VBG" or verb.dep_ not in ("acl", "advcl")):
        return False
    return not any(c.dep_ in OPPONENT_DEPS or (c.dep_ == "nsubj" and not relative)
                   or (c.dep_ == "prep" and c.lower_ in OPPONENT_PREPS) for c in verb.children)


def in_combatant_description(noun: Token) -> bool:
    """Whether an event noun is where a described fighter fought ("zealots who had fought in
    many clashes"): part of the description, not an act of its own."""
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and describes_combatants(noun.head.head)
