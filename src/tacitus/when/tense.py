"""Tense and time reference of an event's verb: what lies ahead of publication, what lies before
the story's own happening."""

from __future__ import annotations

from spacy.tokens import Token

from tacitus import rules

_PAST_AUX = rules.words("past_aux")
_PRESENT_PERFECT_AUX = rules.words("present_perfect_aux")
# The words factuality reads for a future or intended event (src/tacitus/data/rules/): such an
# event is dated forward from publication.
_FUTURE_AUX = rules.words("future_aux")
_FUTURE_OR_INTENT_HEADS = rules.words("future_heads") | rules.words("intent_heads")
_LEMMA_CORRECTIONS = rules.table("lemma_corrections")


def verb_lemma(token: Token) -> str:
    """The token's lemma, lower-cased, with the lemmatizer's known slips corrected ("hoping"
    is no form of "hop")."""
    return _LEMMA_CORRECTIONS.get(token.lower_) or token.lemma_.lower()


def points_forward(token: Token, factuality: str | None) -> bool:
    """Whether the event lies after publication: future factuality, a future auxiliary, or a
    present-tense governor of scheduling or intention ("is set to meet", "wants to visit")."""
    if factuality == "future":
        return True
    current = token
    for _ in range(3):
        if current.i != token.i and verb_lemma(current) in _FUTURE_OR_INTENT_HEADS and not is_past(current):
            return True
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in current.children):
            return True
        if current.dep_ not in ("xcomp", "pcomp", "acomp") or current.head.i == current.i:
            return False
        current = current.head
    return False


def is_present_perfect(token: Token) -> bool:
    return token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in _PRESENT_PERFECT_AUX for c in token.children)


def is_past_perfect(token: Token) -> bool:
    """ "the request had been rejected": told as before the story's own happening."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in token.children)


def is_past(token: Token) -> bool:
    if token.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PAST_AUX for c in token.children)


def has_own_tense(token: Token) -> bool:
    """A finite verb or one with auxiliaries, unlike a bare, -ing or participle form that takes
    its time from the clause it hangs from."""
    return token.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in token.children)
