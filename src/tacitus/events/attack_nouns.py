"""The doer and the victims of an attack named by a noun, read through the words around it.

"a string of air raids by Kenyan jets": the by-phrase of the noun that counts the acts names
their doer. "An air raid by Kenyan jets killed twelve fighters", "an attack that killed 30
people": the verb of harm whose subject is the attack (or its relative pronoun) names its
victims, and the attack's own actor is the doer of that harm. Used by the source rules
``series-by`` and ``subject-attack`` (:mod:`tacitus.events.sources`) and the target rule
``harmed`` (:mod:`tacitus.events.targets`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from tacitus import rules
from tacitus.context import ArticleContext
from tacitus.events.antecedents import RELATIVE_TAGS
from tacitus.events.phrases import actors_at, actors_in_preps, noun_sources
from tacitus.records import ActorRef

if TYPE_CHECKING:
    from tacitus.events.triggers import TriggerFinder

SERIES_NOUNS = rules.words("series_nouns")


def series_of(noun: Token) -> Token | None:
    """The noun counting `noun` in "a series of `noun`s", else None."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.i == noun.head.i:
        return None
    counting = noun.head.head
    return counting if counting.pos_ == "NOUN" and counting.lemma_.lower() in SERIES_NOUNS else None


def series_doers(noun: Token, ctx: ArticleContext) -> list[ActorRef]:
    """The actors of the by/from phrase of the noun counting `noun` ("a series of airstrikes by X")."""
    counting = series_of(noun)
    return actors_in_preps(counting, ("by", "from"), ctx) if counting is not None else []


def subject_attack_doers(verb: Token, ctx: ArticleContext, triggers: TriggerFinder) -> list[ActorRef]:
    """ "An airstrike by X killed ...": the own actor of the attack noun that is the subject of
    the harm verb `verb` (through a series noun: "a series of strikes by X killed ...")."""
    for subject in verb.children:
        if subject.dep_ != "nsubj" or subject.pos_ != "NOUN":
            continue
        attacks = [subject] + [p for prep in subject.children if prep.dep_ == "prep" and prep.lower_ == "of"
                               for p in prep.children if p.dep_ == "pobj"]
        for attack in attacks:
            if not triggers.names_an_attack(attack):
                continue
            refs, _ = noun_sources(attack, ctx)
            refs = refs or series_doers(attack, ctx)
            if refs:
                return refs
    return []


def harmed_by_noun(noun: Token, ctx: ArticleContext, triggers: TriggerFinder) -> list[ActorRef]:
    """The victims of an attack noun: the objects of the harm verb it is the subject of ("the
    strikes killed ten fighters") or whose relative clause it heads ("an attack that killed
    30 people")."""
    subject = series_of(noun) or noun
    verbs = [subject.head] if subject.dep_ == "nsubj" else []
    verbs += [c for c in noun.children if c.dep_ == "relcl" and any(
        s.dep_ == "nsubj" and s.tag_ in RELATIVE_TAGS for s in c.children)]
    for verb in verbs:
        if verb.pos_ != "VERB" or not triggers.names_an_attack(verb):
            continue
        refs = [r for c in verb.children if c.dep_ == "dobj" for r in actors_at(c, ctx)]
        if refs:
            return refs
    return []
