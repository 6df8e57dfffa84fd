"""People the knowledge base does not know, named once beside a description of who they are.

News introduces a person with an apposition or an "of" phrase: "the UN envoy for Yemen,
Anna Berg,"; "Tom Reed, the US special representative on Sudan,"; "Omar Haddad,
a member of the opposition's negotiating team"; "Ibrahim X of the Syrian Y
Movement"; or with an agent noun as a title right before it ("the Syrian lead negotiator Bashar
X"). The name then is the described actor (its code, country and sector), and the same
surname later in the article repeats it. A full name the knowledge base does not know also keeps
a later bare surname from being read as a known person who shares it ("Lindsey Graham" ...
"Graham" is not some other Graham). An abbreviation defined in brackets after a phrase naming an
actor ("the Syrian opposition's negotiations committee (HNC)") names that actor wherever it recurs.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tacitus.actors.name_tokens import NAME_PARTICLES, name_like
from tacitus.actors.mentions import Mention

# Kinds of mention that describe who a person is (a country used bare, "a Syria expert", does not).
DESCRIBING_KINDS = frozenset(("agent", "person", "igo", "group"))
MEMBERSHIP_PREPS = frozenset(("of",))
# Clauses inside a describing phrase: they say what the person did or said, not who they are.
DESCRIPTION_CLAUSE_DEPS = frozenset(("relcl", "acl", "ccomp", "advcl"))


def unknown_full_names(doc: Doc, taken: set[int]) -> dict[str, int]:
    """Last word -> start token of person names of two words or more that no knowledge-base
    name covers (first occurrence)."""
    found: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or any(i in taken for i in range(ent.start, ent.end)):
            continue
        last = ent[-1]
        if last.text[:1].isupper() and last.is_alpha:
            found.setdefault(last.text, ent.start)
    return found


def described_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Mentions for unknown names described by an apposition or an "of" phrase, and for their
    later bare surnames."""
    by_token = {i: idx for idx, m in enumerate(mentions) for i in range(m.start, m.end)}
    found: list[Mention] = []
    surnames: dict[str, Mention] = {}
    for token in doc:
        if token.i in by_token or not _name_end(token):
            continue
        if surnames.get(token.text) is not None and _bare(doc, token, by_token):
            first = surnames[token.text]
            start = token.i - 1 if token.i > 0 and doc[token.i - 1].lower_ in NAME_PARTICLES else token.i
            found.append(_person(doc, start, token.i + 1, first, f"same person as '{first.text}'"))
            continue
        start = _name_start(doc, token, by_token)
        described = _description(token, mentions, by_token) or _title_before(doc, start, mentions, by_token)
        if described is None:
            continue
        name = doc[start:token.i + 1]
        if len(name) < 2 or not name_like(doc[start:start + 1]):
            continue
        mention = _person(doc, start, token.i + 1, described,
                          f"'{name.text}' described as '{described.text}' ({described.code})")
        mention.name = name.text
        found.append(mention)
        surnames.setdefault(token.text, mention)
        for i in range(start, token.i + 1):
            by_token[i] = -1
    return found


def _person(doc: Doc, start: int, end: int, like: Mention, why: str) -> Mention:
    span = doc[start:end]
    return Mention(start, end, span.text, (span.start_char, span.end_char), like.code, like.country,
                   like.sector, like.name if like.kind == "person" else None, like.actor_id, "person", why,
                   role=like.role)


def _name_end(token: Token) -> bool:
    # "Ja'afari", "O’Brien": an apostrophe inside a name
    letters = token.text.replace("'", "").replace("’", "")
    return token.pos_ == "PROPN" and token.text[:1].isupper() and letters.isalpha()


def _bare(doc: Doc, token: Token, by_token: dict[int, int]) -> bool:
    """A surname standing alone (a particle before it, "de Mistura", may stay outside)."""
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return not (after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()) \
        and token.i - 1 not in by_token


def _name_start(doc: Doc, last: Token, by_token: dict[int, int]) -> int:
    """First token of the name ending at `last`: capitalised proper nouns, with particles and
    hyphens inside ("Staffan de Mistura", "Ibrahim al-Hassan")."""
    start = last.i
    while start > 0 and start - 1 not in by_token:
        before = doc[start - 1]
        inside = before.lower_ in NAME_PARTICLES or before.text == "-"
        if not (inside or (before.pos_ == "PROPN" and before.text[:1].isupper())):
            break
        start -= 1
    while start < last.i and not doc[start].text[:1].isupper():
        start += 1
    return start


def _description(token: Token, mentions: list[Mention], by_token: dict[int, int]) -> Mention | None:
    """The actor that describes the name: the head it is in apposition to, its own apposition,
    or its "of" phrase."""
    if token.dep_ == "appos":
        # "the UN special envoy for Syria, X": the parser may hang the name on "Syria"
        head = token.head
        for _ in range(3):
            described = _describing(head, mentions, by_token)
            if described is not None:
                return described
            if head.dep_ not in ("pobj", "prep") or head.head is head:
                break
            head = head.head
    for child in token.children:
        if child.dep_ == "appos":
            described = _describing(child, mentions, by_token) or _member_of(child, mentions, by_token)
            if described is not None:
                return described
    return _member_of(token, mentions, by_token)


def _title_before(doc: Doc, start: int, mentions: list[Mention], by_token: dict[int, int]) -> Mention | None:
    """'the Syrian government's lead negotiator Bashar X', 'protester Luis Y': an agent noun
    phrase with a code right before the name, in the same noun phrase, is the person's title."""
    idx = by_token.get(start - 1) if start > 0 else None
    if idx is None or idx < 0:
        return None
    mention = mentions[idx]
    if mention.kind != "agent" or mention.end != start or mention.place or not mention.code or not mention.sector:
        return None
    title = doc[start - 1]
    return mention if title.pos_ == "NOUN" and title.head.i >= start else None


def _describing(token: Token, mentions: list[Mention], by_token: dict[int, int]) -> Mention | None:
    idx = by_token.get(token.i)
    if idx is None or idx < 0:
        return None
    mention = mentions[idx]
    if mention.place or mention.kind not in DESCRIBING_KINDS or not mention.code:
        return None
    return mention


def _member_of(token: Token, mentions: list[Mention], by_token: dict[int, int]) -> Mention | None:
    """'a member of the Syrian opposition', 'X of the Y Movement': the actor of the "of" phrase."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in MEMBERSHIP_PREPS:
            continue
        for inner in prep.subtree:
            idx = by_token.get(inner.i)
            if idx is None or idx < 0 or _inside_clause(inner, prep):
                continue
            mention = mentions[idx]
            if not mention.place and mention.code and mention.kind != "capital":
                return mention
    return None


def _inside_clause(token: Token, top: Token) -> bool:
    """ "director of X, who said Isis had claimed ...": a word of a clause inside the phrase
    tells something else than who the person is."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ in DESCRIPTION_CLAUSE_DEPS:
            return True
        token = token.head
    return False


def defined_abbreviations(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Mentions for an upper-case abbreviation defined in brackets after a phrase that names an
    actor, at its definition and wherever it recurs."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found: list[Mention] = []
    for token in doc:
        i = token.i
        if token.text != "(" or i == 0 or i + 2 >= len(doc) or doc[i + 2].text != ")" or i + 1 in taken:
            continue
        abbreviation = doc[i + 1].text
        if not (abbreviation.isupper() and abbreviation.isalpha() and 2 <= len(abbreviation) <= 6):
            continue
        head = doc[i - 1]
        inside = [m for m in mentions if head.left_edge.i <= m.start and m.end <= i and m.code and not m.place]
        if not inside:
            continue
        described = inside[-1]
        for later in doc[i + 1:]:
            if later.text == abbreviation and later.i not in taken:
                taken.add(later.i)
                found.append(Mention(
                    later.i, later.i + 1, later.text, (later.idx, later.idx + len(later)), described.code,
                    described.country, described.sector, None, None, "group",
                    f"'{abbreviation}' abbreviates '{doc[head.left_edge.i:i].text}' ({described.code})",
                ))
    return found
