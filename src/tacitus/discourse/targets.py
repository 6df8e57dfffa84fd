"""Implied recipients: a reply, a demand or a refusal without a named recipient is addressed to
the party its source last dealt with in the article ("Iran's response was an unequivocal no"
rejects the side that asked)."""

from __future__ import annotations

from tacitus.discourse.phrases import same_actor
from tacitus.discourse.rules import discourse_rules
from tacitus.records import ActorRef, EventRecord

IMPLIED_TARGET_PENALTY = 0.1


def party(ref: ActorRef | None) -> str | None:
    """The side an actor belongs to: its country, or its organisation's code."""
    if ref is None:
        return None
    return ref.country or ref.code


def fill_implied_targets(events: list[EventRecord]) -> None:
    """Give each targetless reaction the counterpart of its source's latest earlier dealing."""
    roots = discourse_rules().reaction_roots
    for position, event in enumerate(events):
        if event.target is not None or event.source is None or event.cameo[:2] not in roots:
            continue
        found = _last_counterpart(event.source, events[:position])
        if found is None:
            continue
        counterpart, antecedent = found
        event.target = counterpart
        event.evidence["rule"] = event.evidence.get("rule", "") + "+target:implied"
        event.evidence["borrowed_target"] = {
            "rule": "a reaction is addressed to the party its source last dealt with",
            "from_sentence": antecedent.sentence_index, "from_event": antecedent.trigger.text,
            "from_event_id": antecedent.event_id}
        event.confidence = max(0.05, event.confidence - IMPLIED_TARGET_PENALTY)


def _last_counterpart(source: ActorRef, earlier: list[EventRecord]) -> tuple[ActorRef, EventRecord] | None:
    side = party(source)
    if side is None:
        return None
    audience = discourse_rules().audience_sectors
    for antecedent in reversed(earlier):
        if antecedent.source is None or antecedent.target is None \
                or antecedent.source.sector in audience or antecedent.target.sector in audience:
            continue
        if party(antecedent.source) == side and not same_actor(antecedent.target, source):
            return antecedent.target, antecedent
        if party(antecedent.target) == side and not same_actor(antecedent.source, source):
            return antecedent.source, antecedent
    return None
