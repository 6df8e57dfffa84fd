"""Who a subject word stands for inside its own sentence.

"Kuwait, which is hosting the conference", "the minister, who announced his departure": the
subject of a relative clause is a relative pronoun, and the actor is the noun the clause
modifies. The source rules ask here before they give up on a subject that names no actor.
"""

from __future__ import annotations

from spacy.tokens import Token

# Penn tags of relative pronouns ("which", "that", "who").
RELATIVE_TAGS = frozenset(("WDT", "WP"))


def relative_antecedent(subject: Token, clause: Token) -> Token | None:
    """The noun a relative clause modifies when `subject` is the clause's relative pronoun."""
    if clause.dep_ != "relcl" or subject.tag_ not in RELATIVE_TAGS or subject.head.i != clause.i \
            or subject.dep_ not in ("nsubj", "nsubjpass"):
        return None
    noun = clause.head
    return noun if noun.pos_ in ("NOUN", "PROPN", "PRON") else None
