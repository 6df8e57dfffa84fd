"""Marks of what a verb's clause does rather than what it names (see `complement_marks`):

- ``@question``: a verb of asking reports a question, not a request: its clause opens with
  "whether", "if" or a wh-word ("asked whether Uganda would pay") or ends in a question mark,
  or it has nothing asked for or of anyone ("'Why are we there?' the president asked"). "asked Uganda to pay", "asked for
  help" are requests.
- ``@to-act``: a verb's open complement is a "to" infinitive: "sought to reassure its allies" is
  an attempt at that act, not a request ("sought help" is one).
- ``@named``: a verb's object is given a name or a quality ("called the talks constructive",
  "called the summit a success"): the object is described, not asked for.
- ``@patronage``: a participle with a "by" phrase describes armed or governing forces by their
  backer ("Kurdish militias backed by the US"): who they are, not an act of backing.
"""

from __future__ import annotations

from spacy.tokens import Token

from tacitus import rules
from tacitus.events.judgements import condemning_description
from tacitus.events.phrases import has_to_marker

QUESTION_MARK = "@question"
TO_ACT_MARK = "@to-act"
NAMED_MARK = "@named"
PATRONAGE_MARK = "@patronage"
CLIENT_FORCE_NOUNS = rules.words("client_force_nouns")
QUESTION_MARKERS = rules.words("question_markers")
REQUEST_OBJECT_PREPS = rules.words("request_object_preps")
# What is asked of whom: an addressee or an act asked for makes a request.
ASKED_DEPS = ("dobj", "dative", "xcomp")


def act_marks(verb: Token, asked: set[str]) -> set[str]:
    """The marks among `asked` that the verb's clause has."""
    marks = set()
    if QUESTION_MARK in asked and asks_a_question(verb):
        marks.add(QUESTION_MARK)
    if TO_ACT_MARK in asked and any(c.dep_ == "xcomp" and c.pos_ == "VERB" and has_to_marker(c) for c in verb.children):
        marks.add(TO_ACT_MARK)
    # "called the talks a sham" condemns them (@condemnation): not merely a description
    if NAMED_MARK in asked and any(c.dep_ == "oprd" for c in verb.children) and not condemning_description(verb):
        marks.add(NAMED_MARK)
    if PATRONAGE_MARK in asked and describes_patronage(verb):
        marks.add(PATRONAGE_MARK)
    return marks


def asks_a_question(verb: Token) -> bool:
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    children = list(verb.children)
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if any(_opens_a_question(c) for c in clauses):
        return True
    asks_for = any(c.dep_ in ASKED_DEPS for c in children) or any(
        c.dep_ == "prep" and c.lower_ in REQUEST_OBJECT_PREPS for c in children)
    return not asks_for and not clauses


def _opens_a_question(clause: Token) -> bool:
    first = next((t for t in clause.subtree if not t.is_punct), clause)
    return first.lower_ in QUESTION_MARKERS or first.tag_.startswith("W") or any(t.text == "?" for t in clause.subtree)


def describes_patronage(verb: Token) -> bool:
    """ "militias backed by the US": a participle with a "by" phrase on a noun of armed or
    governing forces."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.lemma_.lower() in CLIENT_FORCE_NOUNS \
        and any(c.dep_ == "agent" for c in verb.children)
