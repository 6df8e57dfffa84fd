"""What single tokens and short runs of a parsed document say about names: whether a span
looks like a name, where a name runs after a title, which words may stand between a country and
its agent noun. Used by the matcher and the name passes of :mod:`tacitus.actors`."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from tacitus import rules

# Entity types that make a capitalised word something other than a person's name.
NOT_A_PERSON = frozenset(("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"))
NAME_PARTICLES = rules.words("name_particles")


def name_like(span: Span) -> bool:
    # The small English model often tags a sentence-initial surname ("Trump met ...") NOUN.
    return all(
        t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in NOT_A_PERSON
        for t in span
    )


def inside_longer_entity(doc: Doc, start: int, end: int) -> bool:
    before = start > 0 and doc[start].ent_iob_ == "I"
    after = end < len(doc) and doc[end].ent_iob_ == "I"
    return before or after


def defines_an_abbreviation(doc: Doc, start: int, end: int) -> bool:
    """An upper-case form in brackets right after a proper name: "Association (AKK)"."""
    return (end - start == 1 and doc[start].text.isupper() and start >= 2 and end < len(doc)
            and doc[start - 1].text == "(" and doc[end].text == ")" and doc[start - 2].pos_ == "PROPN")


def modifier_token(token: Token) -> bool:
    """Words that may stand between a country and its agent noun ("Israel's new", "paper")."""
    if token.tag_ == "POS" or token.tag_ == "HYPH":
        return True
    if token.pos_ in ("ADJ", "NUM"):
        return True
    if token.tag_ in ("VBG", "VBN") and token.dep_ == "amod":  # "visiting", "exiled"
        return True
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("compound", "amod", "nmod")


def name_run(doc: Doc, start: int, limit: int) -> tuple[int, int] | None:
    """Name tokens right after a title ("Defence Minister Pierre Joxe", "Foreign Minister Hans
    van den Broek"). A capitalised title is how English introduces a name, so what follows it
    is taken as one even when the tagger calls it an organisation; after a lowercase noun
    ("rebel Kurdistan Workers' Party", "opposition leader X") only a PERSON entity is a name."""
    if start >= limit or start == 0:
        return None
    if not doc[start - 1].text[:1].isupper() and doc[start].ent_type_ != "PERSON":
        return None
    end = start
    while end < limit:
        token = doc[end]
        if token.ent_type_ in NOT_A_PERSON:
            break
        if token.pos_ == "PROPN" or (end > start and token.ent_type_ == "PERSON" and token.ent_iob_ == "I"):
            end += 1
        elif (
            end > start and token.lower_ in NAME_PARTICLES and end + 1 < limit
            and doc[end + 1].pos_ == "PROPN"
        ):
            end += 2
        else:
            break
    if end == start:
        return None
    return start, end
