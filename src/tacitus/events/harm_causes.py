"""The doer of a harm told in the passive through the attack it happened in.

"Twelve civilians were killed in a Russian airstrike", "three soldiers were wounded in an
attack by Islamic State fighters", "killed in shelling by government forces", "soldiers killed in
rebel attack": the verb names no doer, the attack in its "in/during/from" phrase does (its own
actor, or the by-phrase of a gerund). Used by the source rule ``cause-doer`` (:mod:`tacitus.events.sources`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from tacitus import rules
from tacitus.context import ArticleContext
from tacitus.events.phrases import actors_in_preps, noun_sources
from tacitus.records import ActorRef

if TYPE_CHECKING:
    from tacitus.events.triggers import TriggerFinder

CAUSE_PREPS = rules.words("cause_preps")


def cause_doer(verb: Token, ctx: ArticleContext, triggers: TriggerFinder) -> tuple[list[ActorRef], str] | None:
    """(doers, via) of the attack an agentless passive `verb` happened in, else None."""
    if verb.pos_ != "VERB" or not _passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in CAUSE_PREPS:
            continue
        for cause in prep.children:
            if not triggers.names_an_attack(cause):
                continue
            if cause.dep_ == "pobj" and cause.pos_ == "NOUN":
                refs, _ = noun_sources(cause, ctx)
            elif cause.dep_ == "pcomp" and cause.tag_ == "VBG":
                # "in shelling by government forces": a gerund's by-phrase is its doer
                refs = actors_in_preps(cause, ("by",), ctx)
            else:
                continue
            if refs:
                return refs, f"cause-doer:{prep.lower_}>{cause.lower_}"
    return None


def _passive(verb: Token) -> bool:
    """A passive with its subject ("were killed in ..."), or a reduced one describing the noun
    that underwent it ("soldiers killed in a rebel attack", as headlines put it)."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
