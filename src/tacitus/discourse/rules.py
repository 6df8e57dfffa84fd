"""The word lists and code roots of the discourse pass, read once from data/discourse/rules.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class DiscourseRules:
    violence_roots: frozenset[str]
    two_sided_nouns: frozenset[str]
    responsibility_verbs: frozenset[str]
    participation_preps: frozenset[str]
    participation_roots: frozenset[str]
    first_person: frozenset[str]
    quote_marks: tuple[tuple[str, str], ...]
    reaction_roots: frozenset[str]
    audience_sectors: frozenset[str]
    third_person: frozenset[str]
    headline_function_words: frozenset[str]
    accusation_preps: frozenset[str]
    violence_nouns: frozenset[str]
    state_action_sectors: dict[str, str]


@lru_cache(maxsize=1)
def discourse_rules() -> DiscourseRules:
    path = resources.files("tacitus") / "data" / "discourse" / "rules.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return DiscourseRules(
        violence_roots=frozenset(raw["violence_roots"]),
        two_sided_nouns=frozenset(raw["two_sided_nouns"]),
        responsibility_verbs=frozenset(raw["responsibility_verbs"]),
        participation_preps=frozenset(raw["participation_preps"]),
        participation_roots=frozenset(raw["participation_roots"]),
        first_person=frozenset(raw["first_person"]),
        quote_marks=tuple((pair[0], pair[1]) for pair in raw["quote_marks"]),
        reaction_roots=frozenset(raw["reaction_roots"]),
        audience_sectors=frozenset(raw["audience_sectors"]),
        third_person=frozenset(raw["third_person"]),
        headline_function_words=frozenset(raw["headline_function_words"]),
        accusation_preps=frozenset(raw["accusation_preps"]),
        violence_nouns=frozenset(raw["violence_nouns"]),
        state_action_sectors=dict(raw["state_action_sectors"]),
    )
