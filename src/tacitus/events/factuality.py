"""Did the event happen? Factuality from the trigger's own modality and what governs it.

The modality of the event itself (negation, condition, future, intention) outranks what is said
about it (a denial), which outranks who says it (reported vs asserted): "officials said Iran
will not meet" is negated future speech; we keep the strongest cue and name it as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tacitus import rules
from tacitus.events.phrases import has_to_marker
from tacitus.when import event_phrase_head, verb_lemma

# The word lists are data (src/tacitus/data/rules/<name>.txt); each file says what it is for.
NEGATION_WORDS = rules.words("negation_words")
NEGATING_HEADS = rules.words("negating_heads")
OBLIGATION_AUX = rules.words("obligation_aux")
FUTURE_AUX = rules.words("future_aux")
FUTURE_HEADS = rules.words("future_heads")
INTENT_HEADS = rules.words("intent_heads")
DENIAL_HEADS = rules.words("denial_heads")
MODALS_OF_POSSIBILITY = rules.words("modals_of_possibility")
HEDGING_MODALS = rules.words("hedging_modals")
HEDGING_ADVERBS = rules.words("hedging_adverbs")
CONDITIONAL_MARKERS = rules.words("conditional_markers")
MANDATE_VERBS = rules.words("mandate_verbs")
OCCURRENCE_VERBS = rules.words("occurrence_verbs")
_PAST_AUX = rules.words("past_aux")


@dataclass(frozen=True)
class Factuality:
    value: str  # one of tacitus.records.FACTUALITY_VALUES
    cue: str | None = None  # the words that decided it, for evidence
    # A future that comes from a schedule, an order or the clause the act hangs from, not from
    # an actor's declared will: no offer or threat is read from it.
    scheduled: bool = False

    def describe(self) -> str:
        return f"{self.value} ({self.cue})" if self.cue else self.value


def _governors(token: Token, limit: int = 6):
    """The chain of heads above a token, stopping at the sentence root: (the dependent, its
    relation, its head)."""
    current = token
    for _ in range(limit):
        if current.head.i == current.i:
            return
        yield current, current.dep_, current.head
        current = current.head


def _tenseless(token: Token) -> bool:
    """A bare, "to" or -ing verb with no auxiliary of its own: it takes its time from the
    clause it hangs from ("will leave while continuing to fight")."""
    return token.tag_ in ("VB", "VBG") and not any(
        c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in token.children)


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
            if child.dep_ == "acl" and child.tag_ == "VBN" and NOUN_MODIFIER_MODALITY.get(child.lower_) == "future":
                # "talks planned for later this month", "a vote scheduled for Friday"
                return Factuality("future", f"'{token.text} {child.text}'", scheduled=True)
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
    hedge = next((c.text for c in children if c.dep_ == "advmod" and c.lower_ in HEDGING_ADVERBS), None)
    if hedge is not None:
        # "was most likely ordered by the navy"
        return Factuality("hypothetical", f"'{hedge}'")
    if modal is not None and modal.lower() in HEDGING_MODALS:
        # "might expel", "could start to meet": a possibility, not an act (ANNOTATION_GUIDE: hedges)
        return Factuality("hypothetical", f"'{modal}'")
    if aux_lowers & FUTURE_AUX:
        return Factuality("future", f"'{next(a.text for a in auxes if a.lower_ in FUTURE_AUX)}'")
    if "would" in aux_lowers and _reported_clause(token):
        # reported speech: "they said they would blockade Paris", "the announcement that the
        # troops would leave", "said the army would withdraw and the rebels would disarm"
        return Factuality("future", "'would' in reported speech")
    if aux_lowers & OBLIGATION_AUX:
        return Factuality("hypothetical", f"'{next(a.text for a in auxes if a.lower_ in OBLIGATION_AUX)}' (obligation)")
    if "going" in aux_lowers or ({"be"} & {a.lemma_ for a in auxes} and token.tag_ == "VB"):
        # "is to meet", "are going to meet"
        return Factuality("future", "'be to'")
    return None


def _reported_clause(token: Token) -> bool:
    """A clause of what someone said: a complement clause, a "that" clause on a noun ("the
    announcement that ..."), or a clause conjoined to one."""
    if token.dep_ == "conj" and token.head.dep_ == "ccomp":
        return True
    return token.dep_ == "ccomp" or (token.dep_ == "acl" and token.head.pos_ == "NOUN"
                                     and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children))


def _mandated(trigger: Token) -> Factuality | None:
    """ "ordered a full withdrawal", "talks were scheduled": the lexicon codes the ordered or
    scheduled act on the verb that orders or schedules it; that act is still to happen."""
    if trigger.pos_ == "VERB" and verb_lemma(trigger) in MANDATE_VERBS \
            and any(c.dep_ in ("dobj", "xcomp", "nsubjpass") for c in trigger.children):
        return Factuality("future", f"'{trigger.text}' (mandated)", scheduled=True)
    return None


def _scheduled_subject(trigger: Token) -> Factuality | None:
    """An event noun that is the subject of its own future occurrence: "the talks are due to
    resume", "the summit will be held", "the meeting is scheduled for Monday"."""
    phrase = event_phrase_head(trigger) if trigger.pos_ == "NOUN" else trigger
    if trigger.pos_ != "NOUN" or phrase.dep_ not in ("nsubj", "nsubjpass"):
        return None
    head = phrase.head
    if head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PAST_AUX for c in head.children):
        return None
    predicates = [head, *(c for c in head.children if c.dep_ in ("acomp", "xcomp"))]
    predicates += [g for p in predicates[1:] for g in p.children if g.dep_ == "xcomp"]
    lemmas = [verb_lemma(p) for p in predicates]
    schedule = next((p.text for p, lemma in zip(predicates, lemmas) if lemma in FUTURE_HEADS), None)
    modality = _own_modality(head)
    occurs = any(lemma in OCCURRENCE_VERBS for lemma in lemmas) or (
        schedule is not None and schedule == head.text and head.tag_ == "VBN")
    if not occurs:
        return None
    if modality is not None and modality.value == "future":
        return Factuality("future", f"{modality.cue} of '{head.text}'", scheduled=True)
    if schedule is not None:
        return Factuality("future", f"'{trigger.text} ... {schedule}'", scheduled=True)
    return None


def assess(trigger: Token, codes_complement: bool = False) -> Factuality:
    """Factuality of the event whose trigger (or anchor verb) is `trigger`.

    `codes_complement`: the lexicon coded the act its complement names on this verb ("ordered
    a withdrawal" is the withdrawal, "scheduled talks" the talks), not the verb's own act.
    """
    own = _own_modality(trigger) or (_mandated(trigger) if codes_complement else None) \
        or _scheduled_subject(trigger)
    if own:
        return own
    for dependent, dep, head in _governors(trigger):
        head_lemma = verb_lemma(head)
        if dep == "advcl" and has_to_marker(trigger) \
                and head_lemma in INTENT_HEADS | FUTURE_HEADS:
            # "have sworn to fight" parsed as a purpose clause is still the verb's complement
            dep = "xcomp"
        if dep == "ccomp" and has_to_marker(dependent) and head_lemma in INTENT_HEADS | FUTURE_HEADS:
            # "expected the suspect to be extradited", "wants Turkey to withdraw": an object and
            # a "to" clause, which the parser hangs as a clause of its own
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
            if dep == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in dependent.children):
                # "X did not criticise Y, and the two simply discussed it": a clause of its own
                continue
            if modality.value == "negated" and dep in ("ccomp",):
                # "X did not say that Y met": the saying is negated, not the meeting.
                continue
            return modality
        if modality and modality.value == "future" and dep in ("xcomp", "conj", "advcl") and _tenseless(dependent):
            # "would leave while continuing to fight": the clause's future, not a second announcement
            return Factuality("future", f"{modality.cue} of '{head.text}'", scheduled=True)
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
            break
    return Factuality("asserted")

