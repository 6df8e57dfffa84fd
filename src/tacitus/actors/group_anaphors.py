"""Groups a story refers back to by a description: after naming Islamic State, "the group", "the
militant group" or "the terror organisation" is Islamic State.

A definite group noun (``group_anaphor_nouns``) with at most a qualifier of its kind
(``group_anaphor_qualifiers``) and no name, country or other actor in its phrase stands for the
armed group, party or movement the article named last before it. Without such a group named
before, it is left alone (read later from the context, or not at all).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tacitus import rules
from tacitus.actors.mentions import Mention

GROUP_NOUNS = rules.words("group_anaphor_nouns")
QUALIFIERS = rules.words("group_anaphor_qualifiers")


def group_anaphors(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """New mentions for bare "the group" phrases; a qualified one the matcher read as an agent
    noun with no country ("the terrorist group") takes the group in place."""
    named = sorted((m for m in mentions if m.kind == "group" and m.code and not m.place), key=lambda m: m.start)
    if not named:
        return []
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    found: list[Mention] = []
    for token in doc:
        if token.lemma_.lower() not in GROUP_NOUNS or token.pos_ != "NOUN" or not _bare_description(token):
            continue
        before = [m for m in named if m.end <= token.i]
        if not before:
            continue
        group = before[-1]
        start = token.left_edge.i
        existing = {id(by_token[i]): by_token[i] for i in range(start, token.i + 1) if i in by_token}
        if any(m.country or m.code or m.kind != "agent" for m in existing.values()):
            continue  # "the Kurdish militia", "Hamas's armed group": the phrase says whose
        why = f"'{doc[start:token.i + 1].text}' refers back to '{group.text}' named before"
        if existing:
            for mention in existing.values():
                _take(mention, group, why)
            continue
        span = doc[start:token.i + 1]
        found.append(Mention(start, token.i + 1, span.text, (span.start_char, span.end_char), group.code,
                             group.country, group.sector, group.name, group.actor_id, "group", why))
    return found


def _bare_description(token: Token) -> bool:
    """ "the group", "the militant group": the article, qualifiers and nothing else before it."""
    left = [c for c in token.children if c.i < token.i]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in left):
        return False
    return all(c.dep_ == "det" and c.lower_ == "the" or c.lower_ in QUALIFIERS for c in left)


def _take(mention: Mention, group: Mention, why: str) -> None:
    mention.code, mention.country, mention.sector = group.code, group.country, group.sector
    mention.name, mention.actor_id, mention.kind = group.name, group.actor_id, "group"
    mention.why = why
