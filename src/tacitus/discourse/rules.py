"""The word lists and code roots of the discourse pass: rule files ``data/rules/discourse_*``,
read once through :mod:`tacitus.rules` (so user overlays reach them as they reach every stage)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tacitus import rules


@dataclass(frozen=True)
class DiscourseRules:
    violence_roots: frozenset[str]
    two_sided_nouns: frozenset[str]
    responsibility_verbs: frozenset[str]
    responsibility_nouns: frozenset[str]
    failure_verbs: frozenset[str]
    participation_preps: frozenset[str]
    participation_roots: frozenset[str]
    first_person: frozenset[str]
    reaction_roots: frozenset[str]
    audience_sectors: frozenset[str]
    third_person: frozenset[str]
    headline_function_words: frozenset[str]
    accusation_preps: frozenset[str]
    violence_nouns: frozenset[str]
    state_action_sectors: dict[str, str]
    domestic_act_sectors: dict[str, str]
    civilian_sectors: frozenset[str]


_TABLES = {"state_action_sectors", "domestic_act_sectors"}


@lru_cache(maxsize=1)
def discourse_rules() -> DiscourseRules:
    values = {}
    for name in DiscourseRules.__dataclass_fields__:
        if name in _TABLES:
            values[name] = rules.table(f"discourse_{name}")
        else:
            values[name] = rules.words(f"discourse_{name}")
    return DiscourseRules(**values)
