"""Did the event happen? Factuality from the trigger's own modality and what governs it.

The modality of the event itself (negation, condition, future, intention) outranks what is said
about it (a denial), which outranks who says it (reported vs asserted): "officials said Iran
will not meet" is negated future speech; we keep the strongest cue and name it as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tacitus import rules

# The word lists are data (src/tacitus/data/rules/<name>.txt); each file says what it is for.
NEGATION_WORDS = rules.words("negation_words")
NEGATING_HEADS = rules.words("negating_heads")
OBLIGATION_AUX = rules.words("obligation_aux")
FUTURE_AUX = rules.words("future_aux")
FUTURE_HEADS = rules.words("future_heads")
INTENT_HEADS = rules.words("intent_heads")
DENIAL_HEADS = rules.words("denial_heads")
MODALS_OF_POSSIBILITY = rules.words("modals_of_possibility")
CONDITIONAL_MARKERS = rules.words("conditional_markers")


@dataclass(frozen=True)
class Factuality:
    value: str  # one of tacitus.records.FACTUALITY_VALUES
    cue: str | None = None  # the words that decided it, for evidence

    def describe(self) -> str:
        return f"{self.value} ({self.cue})" if self.cue else self.value


def _governors(token: Token, limit: int = 6):
    """The chain of heads above a token, stopping at the sentence root."""
    current = token
    for _ in range(limit):
        if current.head is current:
            return
        yield current.dep_, current.head
        current = current.head


def _is_negated(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "neg" or (child.lower_ in NEGATION_WORDS and child.dep_ in ("advmod", "neg", "det")):
            return child.text
    return None


# Adjectives that put an event noun's event in the future or among possibilities:
# "the proposed meeting", "a planned visit", "possible talks".
NOUN_MODIFIER_MODALITY = rules.table("noun_modifier_modality")


def _own_modality(token: Token) -> Factuality | None:
    children = list(token.children)
    if token.pos_ == "NOUN":
        for child in children:
            value = NOUN_MODIFIER_MODALITY.get(child.lower_) if child.dep_ in ("amod", "compound") else None
            if value:
                return Factuality(value, f"'{child.text} {token.text}'")
    auxes = [c for c in children if c.dep_ in ("aux", "auxpass")]
    aux_lowers = {a.lower_ for a in auxes}
    # "Had Obama and Rouhani met": an inverted perfect auxiliary before the subject.
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    for aux in auxes:
        if aux.lower_ == "had" and subjects and aux.i < subjects[0].i and aux.i == token.sent.start:
            return Factuality("hypothetical", f"inverted '{aux.text}'")
    for child in children:
        if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKERS:
            return Factuality("hypothetical", f"'{child.text}' clause")
    if aux_lowers & MODALS_OF_POSSIBILITY and "have" in aux_lowers:
        return Factuality("hypothetical", "modal perfect")
    negation = _is_negated(token)
    if negation:
        return Factuality("negated", f"'{negation}'")
    modal = next((a.text for a in auxes if a.lower_ in MODALS_OF_POSSIBILITY), None)
    if modal and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKERS
                                                for m in c.children) for c in children):
        # "the EC may halt mediation if cooperation founders": an act on a condition
        return Factuality("hypothetical", f"'{modal}' on a condition")
    if aux_lowers & FUTURE_AUX:
        return Factuality("future", f"'{next(a.text for a in auxes if a.lower_ in FUTURE_AUX)}'")
    if "would" in aux_lowers and token.dep_ == "ccomp":
        # reported speech: "they said they would blockade Paris"
        return Factuality("future", "'would' in reported speech")
    if aux_lowers & OBLIGATION_AUX:
        return Factuality("hypothetical", f"'{next(a.text for a in auxes if a.lower_ in OBLIGATION_AUX)}' (obligation)")
    if "going" in aux_lowers or ({"be"} & {a.lemma_ for a in auxes} and token.tag_ == "VB"):
        # "is to meet", "are going to meet"
        return Factuality("future", "'be to'")
    return None


def assess(trigger: Token, complement_of: Token | None = None) -> Factuality:
    """Factuality of the event whose trigger is `trigger`.

    `complement_of` is the governing verb when the lexicon matched the trigger through it
    ("refused to meet" is coded on "refused"; its modality is that of "refused").
    """
    own = _own_modality(trigger)
    if own:
        return own
    for dep, head in _governors(trigger):
        head_lemma = head.lemma_.lower()
        if dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children) \
                and head_lemma in INTENT_HEADS | FUTURE_HEADS:
            # "have sworn to fight" parsed as a purpose clause is still the verb's complement
            dep = "xcomp"
        if dep == "xcomp" and head_lemma in NEGATING_HEADS:
            return Factuality("negated", f"'{head.text} to'")
        if dep in ("xcomp", "acomp", "pcomp", "prep", "ccomp", "advcl", "pobj", "dobj", "acl"):
            if head_lemma in FUTURE_HEADS and dep in ("xcomp", "acomp", "pcomp", "prep", "pobj", "acl"):
                return Factuality("future", f"'{head.text} to'")
            if head_lemma in INTENT_HEADS and dep in ("xcomp", "prep", "pcomp", "pobj", "acomp", "acl"):
                return Factuality("intended", f"'{head.text}'")
        if head_lemma in DENIAL_HEADS and dep in ("ccomp", "dobj", "pcomp", "pobj", "prep"):
            return Factuality("denied", f"'{head.text}'")
        modality = _own_modality(head)
        if modality and modality.value in ("hypothetical", "negated") and dep in ("xcomp", "ccomp", "conj", "advcl"):
            if modality.value == "negated" and dep in ("ccomp",):
                # "X did not say that Y met": the saying is negated, not the meeting.
                continue
            return modality
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
            break
    return Factuality("asserted")

