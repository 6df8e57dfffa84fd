"""Judgements that condemn an act: "the raid was illegal", "the plan is a threat to peace", "the
move is of grave concern".

Told by a speech verb ("Ghana said the raid was illegal") the speaker condemns the act
(:func:`tacitus.events.triggers.stated_condemnation`). Told as a sentence of its own inside a
quotation ("“The raids are illegal. ...,” the minister said") the judgement is the quoted
speaker's: the clause's subject is what is judged, never who judges, so such a trigger takes no
source from its own clause and the article-level pass gives it the quotation's speaker
(:mod:`tacitus.discourse.judgements`).
"""

from __future__ import annotations

from spacy.tokens import Token

from tacitus import rules
from tacitus.events.attribution import SPEECH_VERBS
from tacitus.events.lexicon import TriggerEntry
from tacitus.events.phrases import declares

DISAPPROVAL_PREDICATES = rules.words("disapproval_predicates")
DISAPPROVAL_NOUNS = rules.words("disapproval_nouns")
# "is of grave concern": nouns of disapproval that an "of" phrase makes a predicate.
CONCERN_NOUNS = rules.words("concern_predicate_nouns")
PRIORITY_QUALIFIERS = rules.words("priority_qualifiers")
FIRST_PERSON = rules.words("discourse_first_person")

THREATENED_FATES = {verb: frozenset(nouns.split("|")) for verb, nouns in rules.table("threatened_fates").items()}
NAMED_PARTY_TYPES = frozenset(("GPE", "NORP", "ORG", "PERSON"))
STATED_THREAT_ENTRY = TriggerEntry(cameo="130", pos="verb", lemma="", complement=(), prep=None,
                                   note="rule: a speaker says another will pay for what it does",
                                   origin="rule:stated-threat")

SPOKEN_JUDGEMENT_ORIGIN = "rule:spoken-judgement"
SPOKEN_JUDGEMENT_ENTRY = TriggerEntry(cameo="111", pos="verb", lemma="", complement=(), prep=None,
                                      note="rule: a quoted sentence condemns an act (the quotation's speaker judges)",
                                      origin=SPOKEN_JUDGEMENT_ORIGIN)


def condemning_clause(clause: Token) -> bool:
    """Whether a "be" clause condemns its subject: "was unacceptable", "was a violation", "was an
    illegal act", "is of grave concern" (not "was not illegal")."""
    if clause.lemma_ != "be" or any(c.dep_ == "neg" for c in clause.children):
        return False
    return any(c.dep_ == "acomp" and c.lower_ in DISAPPROVAL_PREDICATES
               or c.dep_ == "attr" and condemning_noun(c)
               or c.dep_ == "prep" and c.lower_ == "of" and any(_disapproving_concern(p) for p in c.children)
               for c in clause.children)


def threatened_fate(clause: Token) -> bool:
    """ "Israel would pay a heavy price", "any group will suffer the consequences": a clause that
    says, as what will be, that its subject will undergo a harm (`THREATENED_FATES`)."""
    nouns = THREATENED_FATES.get(clause.lemma_.lower())
    if nouns is None or clause.pos_ != "VERB" or not declares(clause):
        return False
    if any(c.dep_ == "neg" for c in clause.children):
        return False
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    # a named party, or "any/those who ...": not "the economy will suffer the consequences"
    if subject is None or subject.lower_ in FIRST_PERSON or not (
            any(t.ent_type_ in NAMED_PARTY_TYPES for t in subject.subtree)
            or any(c.dep_ == "det" and c.lower_ in ("any", "those") for c in subject.children)
            or subject.lower_ in ("anyone", "anybody", "whoever", "those")):
        return False
    complement = {t.lemma_.lower() for c in clause.children if c.dep_ in ("dobj", "prep") for t in c.subtree}
    return bool(nouns & complement)


def condemning_description(verb: Token) -> bool:
    """Whether the verb describes its object as something condemned: the "as" phrase ("described
    the move as a betrayal", "as illegal"), the object predicate ("called the vote a sham",
    "called it illegal") or a noun in apposition to the object ("branded the attack a crime")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    descriptions = [c for c in verb.children if c.dep_ == "oprd"]
    descriptions += [c for o in objects for c in o.children if c.dep_ == "appos"]
    for head in [verb, *objects]:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                descriptions += [c for c in prep.children if c.dep_ in ("pobj", "amod", "acomp")]
    return any(c.lower_ in DISAPPROVAL_PREDICATES if c.pos_ == "ADJ" else condemning_noun(c) for c in descriptions)


def _disapproving_concern(noun: Token) -> bool:
    """ "(of) grave concern", not "(of) paramount concern" (a priority)."""
    return noun.dep_ == "pobj" and noun.lemma_.lower() in CONCERN_NOUNS and not any(
        c.dep_ == "amod" and c.lower_ in PRIORITY_QUALIFIERS for c in noun.children)


def condemning_noun(noun: Token) -> bool:
    """ "a violation", "an illegal act": a noun, or a noun described by a word, of condemnation."""
    return noun.lemma_ in DISAPPROVAL_NOUNS or any(
        c.dep_ == "amod" and c.lower_ in DISAPPROVAL_PREDICATES for c in noun.children)


def spoken_judgement(token: Token) -> TriggerEntry | None:
    """The entry for the root of a sentence that condemns its subject with no speech verb of its
    own ("The raids are illegal."), unless said of the speaker's own side ("we"): who
    judges is whoever the sentence is quoted from, if anyone."""
    if token.dep_ != "ROOT" or not condemning_clause(token):
        return None
    children = list(token.children)
    if any(c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in SPEECH_VERBS for c in children):
        return None  # "The raids, he said, are illegal": told by a speech verb after all
    subject = judged_subject(token)
    if subject is None or subject.lower_ in FIRST_PERSON:
        return None
    return SPOKEN_JUDGEMENT_ENTRY


def judged_by_speaker(entry: TriggerEntry | None) -> bool:
    """Whether the event's source is the one the sentence is quoted from, not its clause's subject."""
    return entry is not None and entry.origin == SPOKEN_JUDGEMENT_ORIGIN


def judged_subject(token: Token) -> Token | None:
    """The subject the judgement condemns."""
    return next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
