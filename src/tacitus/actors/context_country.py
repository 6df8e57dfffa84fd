"""Where a document places its actors, for mentions whose own words name no country (read by
:func:`tacitus.actors.discourse.fill_context_country`)."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from tacitus import rules
from tacitus.actors.mentions import Mention

AFFILIATION_WORDS = rules.words("affiliation_words")
# Armed groups without a state: of the country where they fight, not of the actors around them.
PLACED_ONLY_SECTORS = rules.words("placed_only_sectors")
SINGULAR_NOUN_TAGS = frozenset(("NN", "NNP"))


class ContextCountries:
    """Where a document places its actors, for mentions whose own words name no country.

    In order: the actor the group is affiliated with ("workers affiliated with the union") or
    that its "of" phrase names as its owner ("the regime of Bashar al-Assad");
    for one holder of a government title ("the defense secretary", "a spokesman"), the
    government the article names clearly most often (a statement about a place abroad is made
    at home: "the secretary quit over the withdrawal from Syria" is not Syria's); the nearest
    place of the mention's sentence ("in Baku"); else another actor of the sentence, that of
    the same clause and the one before first (news reports domestic events in the frame of the
    country that acts: "the Mozambique government accepted demands from rebels"); else the
    article's clearly dominant country (at least two mentions, more than any other)."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.evidence = [m for m in mentions if m.country and not m.awaits_government and not m.country_from_context]
        self.place_tokens = {i for m in self.evidence if m.place for i in range(m.start, m.end)}
        self.by_token = {i: m for m in self.evidence for i in range(m.start, m.end)}
        self._sent_starts = [sent.start for sent in doc.sents]

    def _sentence(self, mention: Mention) -> int:
        return bisect.bisect_right(self._sent_starts, mention.start)

    def country_for(self, mention: Mention, other_than: str | None = None) -> tuple[str, str] | None:
        """(country, reason) or None."""
        evidence = [m for m in self.evidence if m is not mention and m.country != other_than]
        owner = _affiliation(self.doc, mention, self.by_token)
        if owner is not None and owner is not mention and owner.country != other_than:
            return owner.country, f"affiliated with '{owner.text}'"
        owner = _owner_of_phrase(self.doc, mention, self.by_token)
        if owner is not None and owner is not mention and owner.country != other_than:
            return owner.country, f"of '{owner.text}'"
        if mention.sector == "GOV" and self.doc[mention.end - 1].tag_ in SINGULAR_NOUN_TAGS:
            government = self._dominant_government(evidence)
            if government is not None:
                return government
        sentence = self._sentence(mention)
        same_sentence = [m for m in evidence if self._sentence(m) == sentence]
        places = [m for m in same_sentence if m.place]
        actors = [m for m in same_sentence if not m.place]
        if places:
            source = min(places, key=lambda m: abs(m.start - mention.start))
            return source.country, f"place '{source.text}' in the sentence"
        main_place = self._main_place(evidence) if mention.sector in PLACED_ONLY_SECTORS else None
        if main_place is not None:
            return main_place
        if actors:
            clause = _clause_head(self.doc[mention.start:mention.end].root).i
            source = min(actors, key=lambda m: (
                _clause_head(self.doc[m.start:m.end].root).i != clause, m.start > mention.start,
                abs(m.start - mention.start)))
            return source.country, f"actor '{source.text}' in the same sentence (domestic default)"
        leader = clear_leader(m.country for m in evidence)
        if leader is not None:
            country, count = leader
            return country, f"the article's dominant country ({count} mentions); lower confidence"
        return None

    def _dominant_government(self, evidence: list[Mention]) -> tuple[str, str] | None:
        """The country whose government the article names clearly most often."""
        leader = clear_leader(m.country for m in evidence if m.sector == "GOV")
        if leader is not None:
            country, count = leader
            return country, f"the government of the article's dominant country ({count} government mentions)"
        return None

    def _main_place(self, evidence: list[Mention]) -> tuple[str, str] | None:
        """The country the article names clearly most often as a place."""
        leader = clear_leader(m.country for m in evidence if m.place)
        if leader is not None:
            country, count = leader
            return country, f"where the article's events happen ({count} place mentions); lower confidence"
        return None


def clear_leader(values: Iterable[str | None], minimum: int = 2) -> tuple[str, int] | None:
    """(value, count) of the value named at least `minimum` times and more often than any other."""
    counts = Counter(values).most_common(2)
    if counts and counts[0][1] >= minimum and (len(counts) == 1 or counts[0][1] > counts[1][1]):
        return counts[0]
    return None


def _affiliation(doc: Doc, mention: Mention, by_token: dict[int, Mention]) -> Mention | None:
    """ "workers affiliated with the Serbian union", "militias loyal to Tripoli": the actor a
    group belongs to."""
    for modifier in doc[mention.start:mention.end].root.children:
        if modifier.dep_ not in ("acl", "amod") or not {modifier.lemma_.lower(), modifier.lower_} & AFFILIATION_WORDS:
            continue
        for prep in modifier.children:
            if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                for pobj in prep.children:
                    owner = by_token.get(pobj.i)
                    if owner is not None:
                        return owner
    return None


def _owner_of_phrase(doc: Doc, mention: Mention, by_token: dict[int, Mention]) -> Mention | None:
    """ "the regime of Bashar al-Assad", "the army of Myanmar": the actor the "of" phrase right
    after the noun names (not one nested deeper: "the leader of the talks with Iran")."""
    for prep in doc[mention.start:mention.end].root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                owner = by_token.get(pobj.i)
                if pobj.dep_ == "pobj" and owner is not None:
                    return owner
    return None


def _clause_head(token: Token) -> Token:
    """The verb whose clause the token belongs to (the root when there is none)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token
