"""The "for X to do" clause of a request: "called for Iran to withdraw", "pressed for the rebels
to free the crew", "its call for Assad to stand aside".

The parser makes "for" the mark of an adverbial clause whose subject is the one asked, not a
preposition of the request word: the clause counts as the "for" phrase the lexicon's request
entries name ("call ... for"), its subject as the addressee (`targets.candidate_heads`), and its
act as what is asked, not an act of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from tacitus.events.phrases import has_to_marker

if TYPE_CHECKING:
    from tacitus.events.content import TriggerDecision

FOR_CLAUSE_DEPS = frozenset(("advcl", "acl", "ccomp"))


def is_for_clause(clause: Token) -> bool:
    """ "for Iran to withdraw": a "to" infinitive with its own subject, marked by "for"."""
    return clause.dep_ in FOR_CLAUSE_DEPS and has_to_marker(clause) \
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def for_clause_of(word: Token) -> Token | None:
    """The "for X to do" clause the word governs, if any; for an object noun, also the clause
    the parser hung on its verb right after the noun ("renewed its call [for X to act]")."""
    governed = [*word.children]
    if word.pos_ == "NOUN" and word.dep_ == "dobj":
        governed += [c for c in word.head.children if c.left_edge.i == word.right_edge.i + 1]
    return next((c for c in governed if is_for_clause(c)), None)


def claim_for_clause_content(decisions: Sequence[TriggerDecision], claimed: dict[int, TriggerDecision],
                             content_roots: frozenset[str]) -> None:
    """ "called for Iran to withdraw its troops": the withdrawal is what is asked (of a request,
    promise, refusal or threat: `content_roots`), not a withdrawal told as done."""
    owners = {for_clause.i: d for d in decisions if d.codes_an_event and d.entry.cameo[:2] in content_roots
              and (for_clause := for_clause_of(d.token)) is not None}
    for decision in decisions:
        owner = owners.get(decision.token.i)
        if decision.pos == "verb" and owner is not None and owner is not decision:
            claimed.setdefault(decision.token.i, owner)
