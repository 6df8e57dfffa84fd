"""Peoples without a state of their own ("the Kurds", "Kurdish militias", "Baloch rebels").

CAMEO codes such an actor by the country it lives and acts in, so a word from the
``stateless_peoples`` table (with the countries the people mainly lives in) gives its phrase
one of those countries, read from the text in this order: a place or country in the phrase
itself ("the Kurds in northern Syria"); a nationality right before it ("Syrian Kurds"); where
other phrases of the article with the same people say it is ("the Kurdish enclave in Syria",
"the Kurdish-led YPG", a group the knowledge base places);
the country among them the article names most as a place, then at all (a story with no place
of the people's countries is usually told from the one it names); the only one when the people
lives in one. When the text does not settle it, the phrase keeps no country rather than the
nearest actor's, which is often the state the people is in conflict with.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from tacitus import rules
from tacitus.actors.kb import compose_code
from tacitus.actors.mentions import Mention

STATELESS_PEOPLES = {word: tuple(codes.split(",")) for word, codes in rules.table("stateless_peoples").items()}
PEOPLE_SECTORS = rules.table("stateless_people_sectors")
PHRASE_PLACE_PREPS = frozenset(("in", "from", "of"))
# Tokens that may stand between the people's adjective and its noun ("Kurdish-led forces").
_MAX_GAP = 3


def stateless_peoples(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Give people-named phrases a country (changing agent mentions in place); returns the new
    mentions of bare people nouns ("the Kurds")."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    found: list[Mention] = []
    for token in doc:
        homelands = STATELESS_PEOPLES.get(token.lower_)
        if homelands is None or not token.text[:1].isupper():
            continue
        inside = by_token.get(token.i)
        if inside is not None:
            if inside.kind == "agent" and inside.country is None and inside.sector is not None:
                _place_agent(doc, token, inside, homelands, mentions)  # "local Kurdish militias"
            continue
        qualified = _qualified_mention(doc, token, by_token)
        if qualified is not None and qualified.kind == "agent":
            if qualified.country is None and qualified.sector is not None:
                _place_agent(doc, token, qualified, homelands, mentions)
            continue
        if qualified is not None and qualified.kind == "group" and qualified.country in homelands:
            continue  # "the Kurdish-led People's Protection Units": the named group is the actor
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("amod", "compound"):
            continue  # "the Kurdish enclave": a description of a place, not an actor
        nationality = by_token.get(token.i - 1)
        if nationality is not None and nationality.country in homelands and not nationality.place:
            _extend(doc, nationality, token.i + 1, f"{nationality.why}; '{token.text}' of {nationality.country}")
            continue
        choice = _choose_country(doc, token, token, homelands, mentions)
        country, reason = choice if choice else (None, "no country settled by the text")
        found.append(Mention(
            token.i, token.i + 1, token.text, (token.idx, token.idx + len(token)), country, country, None,
            None, None, "group", f"'{token.text}': a people of {'/'.join(homelands)}; {reason}",
            country_unsettled=choice is None,
        ))
    return found


def _qualified_mention(doc: Doc, token: Token, by_token: dict[int, Mention]) -> Mention | None:
    """The mention the people's word qualifies: an agent noun ("Kurdish militias", "Kurdish-led
    forces") or a named group ("the Kurdish-led People's Protection Units")."""
    for i in range(token.i + 1, min(token.i + 1 + _MAX_GAP, len(doc))):
        mention = by_token.get(i)
        if mention is not None:
            return mention if mention.start == i else None
        between = doc[i]
        if not (between.text == "-" or between.pos_ in ("ADJ", "VERB") or between.dep_ in ("amod", "compound")):
            return None
    return None


def _place_agent(doc: Doc, token: Token, agent: Mention, homelands: tuple[str, ...], mentions: list[Mention]) -> None:
    root = doc[agent.start:agent.end].root
    agent.sector = PEOPLE_SECTORS.get(agent.sector or "", agent.sector)
    choice = _choose_country(doc, token, root, homelands, mentions)
    reason = f"'{token.text}' names a people of {'/'.join(homelands)}"
    if choice is None:
        agent.country_unsettled = True
        _extend(doc, agent, agent.end, f"{agent.why}; {reason}, no country settled by the text",
                start=min(token.i, agent.start))
        return
    country, why = choice
    agent.country = country
    agent.code = compose_code(country, agent.sector)
    _extend(doc, agent, agent.end, f"{agent.why}; {reason}: {why}", start=min(token.i, agent.start))


def _extend(doc: Doc, mention: Mention, end: int, why: str, start: int | None = None) -> None:
    mention.start = mention.start if start is None else start
    mention.end = end
    span = doc[mention.start:mention.end]
    mention.text, mention.span, mention.why = span.text, (span.start_char, span.end_char), why


def _choose_country(doc: Doc, word: Token, root: Token, homelands: tuple[str, ...],
                    mentions: list[Mention]) -> tuple[str, str] | None:
    """(country, reason) of a people's phrase, or None when the text does not settle it."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    own = _phrase_place(root, homelands, by_token)
    if own is not None:
        return own.country, f"'{own.text}' in its phrase"
    elsewhere = Counter()
    for other in doc:
        if other.i != word.i and STATELESS_PEOPLES.get(other.lower_) == homelands:
            group = _qualified_mention(doc, other, by_token)
            if group is not None and group.kind == "group" and group.country in homelands \
                    and not group.country_from_context:
                elsewhere[group.country] += 1  # "the Kurdish-led YPG" (a Syrian group)
                continue
            head = other.head if other.dep_ in ("amod", "compound") else other
            place = _phrase_place(head, homelands, by_token)
            if place is not None:
                elsewhere[place.country] += 1
    counts = elsewhere.most_common(2)
    if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]):
        return counts[0][0], f"the article places the people in {counts[0][0]} elsewhere"
    for label, pool in (("a place", [m for m in mentions if m.place]), ("an actor or place", mentions)):
        counts = Counter(m.country for m in pool if m.country in homelands and not m.country_from_context
                         and not m.start <= word.i < m.end).most_common(2)
        if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]):
            return counts[0][0], f"the article names {counts[0][0]} most as {label} ({counts[0][1]} times)"
    if len(homelands) == 1:
        return homelands[0], "the only country it lives in"
    return None


def _phrase_place(root: Token, homelands: tuple[str, ...], by_token: dict[int, Mention]) -> Mention | None:
    """A country of the homelands named in the phrase's "in"/"from"/"of" part, attached to the
    phrase or (as the parser often attaches it to the verb) right after it."""
    doc = root.doc
    after = root.i + 1
    if after < len(doc) and doc[after].lower_ in PHRASE_PLACE_PREPS:
        for i in range(after + 1, min(after + 1 + _MAX_GAP, len(doc))):
            named = by_token.get(i)
            if named is not None:
                if named.country in homelands:
                    return named
                break
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ in PHRASE_PLACE_PREPS:
            for inner in prep.subtree:
                named = by_token.get(inner.i)
                if named is not None and named.country in homelands:
                    return named
    return None
