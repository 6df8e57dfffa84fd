"""A promise or vow whose content is coercion or force is a threat, not an offer.

`content.promises_of_force_are_threats` covers the violent act in the promise's own "to"
clause ("pledged to attack"); an act of coercion there stays an undertaking ("promised to remove
the militants" from a zone is an agreement with whoever asked for it). Here the harm is the means
the promise names ("pledged to regain the province, not least by driving out the rebels") or what a
modal "that" clause says will befall others ("promised the officers would be punished"). Where
that clause names its own doer ("vowed the army will expel them"), the act's stated intention is
the threat (`exchanges.stated_intention`) and the vow adds no event of its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Token

from tacitus import rules
from tacitus.events.content import OFFER_ROOTS, TriggerDecision
from tacitus.events.lexicon import NO_EVENT
from tacitus.events.ontology import threat_code
from tacitus.events.phrases import conjuncts

HARM_ROOTS = rules.words("promised_harm_roots")
MEANS_PREPS = rules.words("promised_means_preps")
# How many means phrases deep a promised act may lie: "to win back ..., including by removing".
MAX_MEANS_DEPTH = 2


def promises_of_harm_are_threats(decisions: Sequence[TriggerDecision], claimed: dict[int, TriggerDecision]) -> None:
    """Recode a promise verb (03x) whose promised harm is coercion or force as the threat of that
    act (the act then the threat's content), or, where the act names its own doer, leave the
    threat to the act."""
    by_token = {d.token.i: d for d in decisions}
    for promise in decisions:
        if promise.pos != "verb" or not promise.codes_an_event or promise.entry.cameo[:2] not in OFFER_ROOTS:
            continue
        for act_token, own_doer in _promised_harms(promise.token):
            act = by_token.get(act_token.i)
            threat = threat_code(act.entry.cameo) if act is not None and act.codes_an_event else None
            if threat is None or act.entry.cameo[:2] not in HARM_ROOTS:
                continue
            if own_doer:
                promise.entry = replace(promise.entry, cameo=NO_EVENT, origin="rule:promised-act-threatens",
                                        note=f"rule: the promised '{act.lemma}' names its doer; its intention is the threat")
            else:
                promise.entry = replace(promise.entry, cameo=threat, origin="rule:promised-harm",
                                        note=f"rule: a promise to {act.lemma} is a threat")
                for token in _with_conjuncts(act_token):
                    claimed[token.i] = promise
            break


def _promised_harms(verb: Token) -> Iterator[tuple[Token, bool]]:
    """The verbs that may say what harm is promised, each with whether it names a doer of its
    own: the means phrases of the "to" clause ("by removing"), and a "that" clause with a modal
    ("will", "would") and its conjuncts."""
    for clause in verb.children:
        if clause.dep_ == "xcomp" and clause.pos_ == "VERB":
            for act in _means(clause, MAX_MEANS_DEPTH):
                yield act, False
        elif clause.dep_ == "ccomp" and clause.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children):
            own_doer = any(c.dep_ in ("nsubj", "csubj") for c in clause.children)
            for act in _with_conjuncts(clause):
                yield act, own_doer


def _means(clause: Token, depth: int) -> Iterator[Token]:
    """The verbs of the clause's means phrases ("by removing", "including by removing"), their
    conjuncts and their own means phrases."""
    if depth <= 0:
        return
    preps = [c for c in clause.children if c.dep_ == "prep"]
    preps += [g for p in preps for g in p.children if g.dep_ == "prep"]
    for prep in preps:
        if prep.lower_ not in MEANS_PREPS:
            continue
        for means in prep.children:
            if means.dep_ == "pcomp" and means.pos_ == "VERB":
                yield from _with_conjuncts(means)
                yield from _means(means, depth - 1)


def _with_conjuncts(verb: Token) -> list[Token]:
    return [verb, *(c for c in conjuncts(verb) if c.pos_ == "VERB")]
