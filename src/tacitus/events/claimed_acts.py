"""Acts named inside another event that are events of their own.

"Islamic State claimed responsibility for the bombing", "the Houthis claimed the drone attack":
the claim (CAMEO 015, no PLOVER type) names the act as its complement, but the act is news of
its own, reported by the one who claims it; its doer is the claimant
(:mod:`tacitus.discourse.sources`, rule ``claimed-by``).

"The US condemned Russia's invasion of Ukraine", "protested the ousting of the president by
Congress": a reaction names the act it answers; when the act's own words name its doer (a
possessive, a nationality or name on the noun, a "by" phrase) it is a background event coded on
its first mention (ANNOTATION_GUIDE). A bare "the attack" recalls an act told before and stays
the reaction's content. (A named act told again is kept: the guide recodes a re-mention that
adds a source, and on the development articles dropping them lost more than it gained.)
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from tacitus import rules
from tacitus.events.content import VIOLENCE_ROOTS, TriggerDecision
from tacitus.events.ontology import DISAPPROVAL_ROOT
from tacitus.events.phrases import has_to_marker

RESPONSIBILITY_CLAIM_CODES = rules.words("responsibility_claim_codes")
REACTION_OWNER_ROOTS = rules.words("reaction_owner_roots")
REACTION_ACT_ROOTS = rules.words("reaction_act_roots")
# Entity types of a name on an act noun that can be its doer ("Turkish incursion", "Hamas attack").
DOER_ENTITY_TYPES = frozenset({"NORP", "GPE", "ORG"})
PROTEST_ROOT = "14"  # CAMEO's root of protests (14x)


def claimed_acts_stand(decisions: Sequence[TriggerDecision], claimed: dict[int, TriggerDecision]) -> None:
    """Release from `claimed` the acts that are events of their own (the owner's object is not
    its event either: :func:`tacitus.events.triggers.governing_trigger`)."""
    for decision in decisions:
        owner = claimed.get(decision.token.i)
        if owner is not None and owner is not decision and stands_apart(owner, decision):
            del claimed[decision.token.i]


def protest_purposes_join(decisions: Sequence[TriggerDecision], claimed: dict[int, TriggerDecision]) -> None:
    """ "Thousands took to the streets to protest the ousting", "gathered to demonstrate against
    the law", "gathered to show their fury at the rulers": the protest or disapproval named as
    the purpose of a protest act is that act (ANNOTATION_GUIDE: one record per mention; the topic
    of a protest is not coded separately)."""
    by_token = {d.token.i: d for d in decisions}
    for decision in decisions:
        head = by_token.get(decision.token.head.i)
        if decision.pos == "verb" and decision.token.dep_ in ("advcl", "xcomp") and has_to_marker(decision.token) \
                and head is not None and head is not decision and _protests(head) \
                and (_protests(decision) or _disapproves(decision)):
            claimed.setdefault(decision.token.i, head)


def _protests(decision: TriggerDecision) -> bool:
    return decision.codes_an_event and decision.entry.cameo[:2] == PROTEST_ROOT


def _disapproves(decision: TriggerDecision) -> bool:
    return decision.codes_an_event and decision.entry.cameo[:2] == DISAPPROVAL_ROOT


def stands_apart(owner: TriggerDecision, act: TriggerDecision) -> bool:
    """Whether the act `owner` names is an event of its own: a violent act claimed by its doer, or
    a material act with a named doer that a reaction answers."""
    return claims_the_act(owner, act) or answers_a_named_act(owner, act)


def claims_the_act(claim: TriggerDecision, act: TriggerDecision) -> bool:
    """Whether `claim` is a claim of responsibility and `act` a violent act (which it names)."""
    return claim.codes_an_event and claim.entry.cameo in RESPONSIBILITY_CLAIM_CODES \
        and act.codes_an_event and act.entry.cameo[:2] in VIOLENCE_ROOTS


def answers_a_named_act(reaction: TriggerDecision, act: TriggerDecision) -> bool:
    """Whether `reaction` reacts to `act`, a material act noun whose words name its doer."""
    return reaction.codes_an_event and reaction.entry.cameo[:2] in REACTION_OWNER_ROOTS \
        and act.pos == "noun" and act.codes_an_event and act.entry.cameo[:2] in REACTION_ACT_ROOTS \
        and names_its_doer(act.token)


def names_its_doer(noun: Token) -> bool:
    """ "Russia's invasion", "the Turkish incursion", "the arrest ... by Belarusian police"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return True
        if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in DOER_ENTITY_TYPES:
            return True
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            return True
    return False
