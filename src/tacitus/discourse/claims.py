"""The verb by which a group claims an act: "X claimed responsibility for the bombing", "X
claimed the attack" (the passive "a bombing claimed by X" is read in :mod:`sources` itself)."""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.discourse.rules import discourse_rules


def claim_of_responsibility(act: Token) -> Token | None:
    """The claiming verb whose object is the act, or "responsibility/credit for" the act."""
    rules = discourse_rules()
    head = act.head
    if act.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in rules.responsibility_nouns:
        act = head.head
        head = act.head
    if act.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in rules.responsibility_verbs:
        return head
    return None
