"""An act claimed by its doer is an event of its own.

"Islamic State claimed responsibility for the bombing", "the Houthis claimed the drone attack":
the claim (CAMEO 015, no PLOVER type) names the act as its complement, but the act is news of
its own, reported by the one who claims it; its doer is the claimant
(:mod:`tacitus.discourse.sources`, rule ``claimed-by``).
"""

from __future__ import annotations

from collections.abc import Sequence

from tacitus import rules
from tacitus.events.content import VIOLENCE_ROOTS, TriggerDecision

RESPONSIBILITY_CLAIM_CODES = rules.words("responsibility_claim_codes")


def claimed_acts_stand(decisions: Sequence[TriggerDecision], claimed: dict[int, TriggerDecision]) -> None:
    """Release from `claimed` the violent acts that a claim of responsibility names (the
    claim's object is not its event either: :func:`tacitus.events.triggers.governing_trigger`)."""
    for decision in decisions:
        owner = claimed.get(decision.token.i)
        if owner is not None and owner is not decision and claims_the_act(owner, decision):
            del claimed[decision.token.i]


def claims_the_act(claim: TriggerDecision, act: TriggerDecision) -> bool:
    """Whether `claim` is a claim of responsibility and `act` a violent act (which it names)."""
    return claim.codes_an_event and claim.entry.cameo in RESPONSIBILITY_CLAIM_CODES \
        and act.codes_an_event and act.entry.cameo[:2] in VIOLENCE_ROOTS
