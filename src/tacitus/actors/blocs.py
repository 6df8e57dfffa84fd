"""Organisations a story names by a shorthand: "the bloc" for the EU it named before, "Europe"
acting as a party for the European Union.

"The bloc" (rule words ``bloc_nouns``) is the international organisation the article named last
before it (or first after it, in a headline that names it later). A continent that acts or is
acted on ("threatening Europe", "Europe told Washington", "Europe's security"), with no modifier
that makes it a region ("western Europe") and not the object of a place preposition or of a
verb of motion, stands for the organisation the ``continent_organisations`` table gives it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tacitus import rules
from tacitus.actors.kb import ActorKnowledgeBase
from tacitus.actors.mentions import Mention

BLOC_NOUNS = rules.words("bloc_nouns")
CONTINENT_ORGANISATIONS = rules.table("continent_organisations")
LOCATION_PREPOSITIONS = rules.words("location_preps")
MOTION_VERBS = rules.words("motion_verbs")
# Relations in which a continent is a party rather than a place.
PARTY_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "dative", "poss", "pobj"))


def organisation_shorthands(doc: Doc, mentions: list[Mention], kb: ActorKnowledgeBase) -> list[Mention]:
    """Mentions for "the bloc" and for continents acting as parties (see the module docstring)."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    organisations = sorted((m for m in mentions if m.kind == "igo" and m.code and not m.place), key=lambda m: m.start)
    found = []
    for token in doc:
        if token.i in taken:
            continue
        if token.lower_ in BLOC_NOUNS and token.i > 0 and doc[token.i - 1].lower_ == "the" and organisations:
            before = [m for m in organisations if m.start < token.i]
            named = before[-1] if before else organisations[0]
            found.append(_mention(token, named.code, named.name, f"'the {token.text}': '{named.text}' named in the article"))
        elif token.text in CONTINENT_ORGANISATIONS and _acts_as_party(token):
            igo = kb.igos.get(CONTINENT_ORGANISATIONS[token.text])
            if igo is not None:
                found.append(_mention(token, igo.code, igo.name, f"'{token.text}' acting as a party: {igo.name}"))
    return found


def _acts_as_party(token: Token) -> bool:
    if token.dep_ not in PARTY_DEPS or any(c.dep_ in ("amod", "compound") for c in token.children):
        return False
    if token.dep_ == "pobj":
        return token.head.lower_ not in LOCATION_PREPOSITIONS and token.head.lower_ not in ("to", "for")
    if token.dep_ == "dobj":
        return token.head.lemma_.lower() not in MOTION_VERBS
    return True


def _mention(token: Token, code: str, name: str, why: str) -> Mention:
    return Mention(token.i, token.i + 1, token.text, (token.idx, token.idx + len(token)),
                   code, None, None, name, code, "igo", why)
