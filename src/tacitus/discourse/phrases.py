"""Actors named by a noun phrase, from the resolved mentions of the article (no spaCy model work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from tacitus.events.phrases import conjuncts
from tacitus.records import ActorRef

if TYPE_CHECKING:
    from tacitus.context import ArticleContext


def names_actor(mention) -> bool:
    """A mention that names an actor (a place used as a location does not)."""
    return mention is not None and bool(mention.code or mention.country) and not mention.place


def actors_of_phrase(head: Token, ctx: ArticleContext) -> list[ActorRef]:
    """The actor at the head of a phrase and at each of its conjuncts; failing that, the first
    actor named inside the phrase ("the leader of the Syrian opposition")."""
    refs: list[ActorRef] = []
    for member in [head, *conjuncts(head)]:
        mention = ctx.token_mentions.get(member.i)
        if names_actor(mention) and not any(r.span == mention.span for r in refs):
            refs.append(mention.to_actor_ref())
    if refs:
        return refs
    for token in head.subtree:
        mention = ctx.token_mentions.get(token.i)
        if names_actor(mention):
            return [mention.to_actor_ref()]
    return []


def subject_actors(verb: Token, ctx: ArticleContext) -> list[ActorRef]:
    """Who does `verb`: its active subject, or the one of the clause it hangs from when it has
    none of its own ("Speaking after a meeting with X, Y said": Y)."""
    current = verb
    for _ in range(3):
        if any(c.dep_ == "nsubjpass" for c in current.children):
            return []
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "expl")]
        if subjects:
            return [r for s in subjects for r in actors_of_phrase(s, ctx)]
        if current.dep_ not in ("advcl", "xcomp", "conj", "acl") or current.head is current:
            return []
        current = current.head
    return []


def same_actor(a: ActorRef | None, b: ActorRef | None) -> bool:
    if a is None or b is None:
        return False
    if a.span == b.span or (a.actor_id and a.actor_id == b.actor_id):
        return True
    return bool(a.code and a.code == b.code)
