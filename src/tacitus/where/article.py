"""What a whole article says about places, computed once per document: the countries and US
states it names as places, the places it has clearly placed (anchors for "nearby"), the
countries of its actors, its dateline, and its scene — where the story it leads with happens.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tacitus.dateline import Dateline, find_dateline
from tacitus.where.gazetteer import Gazetteer
from tacitus.where.index import compact_key
from tacitus.where.naming import PLACE_LABELS, Found, named_place, resolve_phrase
from tacitus.where.phrases import (CLAUSE_DEPS, LOCATIVE_PREPS, content_phrases, is_predicate,
                                   places_a_happening)
from tacitus.where.resolve import ArticleGeography
from tacitus.where.tables import word_set
from tacitus.where.speakers import is_statement, same_speaker, speaker_of, spoken_phrases

_DOC_KEY = "tacitus.where.article"
# A place anchors "nearby" readings when it is this much bigger than any namesake.
_ANCHOR_DOMINANCE = 10
# The scene is read from the story's lead: its headline and first sentences.
_LEAD_SENTENCES = 4
_SENTENCE_ENDS = (".", "!", "?", "”", '"', "’")
# A place phrase on a verb places a happening; one on a noun may only describe a thing.
_VERB_PHRASE_WEIGHT = 2
# Datelines the wire-style reader leaves alone: "Lima (AFP) -" in title case, and a bare
# "SEOUL:" line opening, trusted only when it names a big city.
_AGENCY_DATELINE_RE = re.compile(r"^[ \t]*(?P<city>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})[ \t]*\([A-Za-z .]{2,20}\)"
                                 r"[ \t]*(?:--|[-–—:])", re.MULTILINE)
_BARE_DATELINE_RE = re.compile(r"^[ \t]*(?P<city>[A-Z]{3,}(?:[ \t][A-Z]{2,}){0,2})[ \t]*(?:--|[-–—:])[ \t]", re.MULTILINE)
_BARE_DATELINE_POPULATION = 100_000
_DATELINE_CHARS = 600
_MOST_NAMED_MIN = 2
# Prepositions that give the reason for an act, another event with a place of its own.
REASON_PREPS = word_set("reason_prepositions")


@dataclass
class ArticlePlaces:
    geography: ArticleGeography
    dateline: Dateline | None
    scene: Found | None  # from the story's first paragraph (after its headline)
    later_scene: Found | None  # from the first sentences, when the first paragraph names no place
    # The town or region the whole article names most (at least twice, more than any other).
    most_named: Found | None
    # Where each speaker (see `speakers.speaker_of`) is said to have spoken, by the position of
    # the speech verb: "Erdoğan said in a speech in Ankara" places his other statements there.
    speaker_places: list[tuple[tuple[str, str | None], int, Found]]

    def speaker_place(self, speaker: tuple[str, str | None], position: int) -> Found | None:
        """Where `speaker` spoke, as said nearest to the token at `position`."""
        spoken = [(at, found) for who, at, found in self.speaker_places if same_speaker(who, speaker)]
        return min(spoken, key=lambda item: abs(item[0] - position))[1] if spoken else None


def article_places(ctx, gazetteer: Gazetteer) -> ArticlePlaces:
    doc: Doc = ctx.doc
    cached = doc.user_data.get(_DOC_KEY)
    if cached is None:
        geography = _geography(ctx, gazetteer)
        first_paragraph, opening = _lead(doc)
        cached = ArticlePlaces(geography, _dateline(doc.text, gazetteer),
                               _scene(first_paragraph, gazetteer, geography), _scene(opening, gazetteer, geography),
                               _most_named(ctx, gazetteer, geography), _speaker_places(ctx, gazetteer, geography))
        doc.user_data[_DOC_KEY] = cached
    return cached


def _geography(ctx, gazetteer: Gazetteer) -> ArticleGeography:
    """Each place entity votes for its country (and US state) under its own name key, so an
    ambiguous name never votes for one of its own readings."""
    geography = ArticleGeography()
    actor_tokens = set()
    for mention in ctx.mentions:
        if mention.place:
            continue
        if mention.country:
            geography.actor_countries.add(mention.country)
        actor_tokens.update(range(mention.start, mention.end))
    for entity in ctx.doc.ents:
        if entity.label_ == "NORP":
            code = gazetteer.country_of_adjective(entity.text)
            if code:
                geography.actor_countries.add(code)
            continue
        if entity.label_ not in PLACE_LABELS:
            continue
        key = compact_key(entity.text)
        region = gazetteer.region(entity.text)
        # "Iran and the United States held talks": an actor, whose country says less about
        # where things happen than a place the article names ("in Texas")
        as_actor = (entity.root.i in actor_tokens or entity.start in actor_tokens) and not (
            entity.root.dep_ == "pobj" and entity.root.head.lower_ in LOCATIVE_PREPS)
        if region is not None:
            if as_actor:
                geography.actor_countries.add(region.country)
            else:
                _vote(geography.place_votes, region.country, key)
                if region.feature == "admin1" and region.country == "USA":
                    _vote(geography.state_votes, region.admin1, key)
            continue
        if as_actor:
            continue
        towns = sorted((m.place for m in gazetteer.city_matches(entity.text) if m.primary),
                       key=lambda p: -p.population)
        if towns and (len(towns) == 1 or towns[0].population >= _ANCHOR_DOMINANCE * max(towns[1].population, 1)):
            town = towns[0]
            _vote(geography.place_votes, town.country, key)
            if town.country == "USA" and town.admin1:
                _vote(geography.state_votes, town.admin1, key)
            if town.lat is not None:
                geography.anchors.append((key, town.lat, town.lon))
        for region_row in gazetteer.named_regions(entity.text)[:1]:
            _vote(geography.place_votes, region_row.country, key)
        first_level = gazetteer.first_level(entity.text)
        if len(first_level) == 1 and not towns:
            _vote(geography.place_votes, first_level[0].country, key)  # "British Columbia"
    return geography


def _vote(votes: dict, code: str | None, key: str) -> None:
    if code:
        names = votes.setdefault(code, {})
        names[key] = names.get(key, 0) + 1


def _dateline(text: str, gazetteer: Gazetteer) -> Dateline | None:
    dateline = find_dateline(text)
    if dateline is not None:
        return dateline
    opening = text[:_DATELINE_CHARS]
    match = _AGENCY_DATELINE_RE.search(opening)
    if match:
        return Dateline(city=match["city"], span=match.span())
    match = _BARE_DATELINE_RE.search(opening)
    if match and any(m.primary and m.place.population >= _BARE_DATELINE_POPULATION
                     for m in gazetteer.city_matches(match["city"])):
        return Dateline(city=match["city"], span=match.span())
    return None


def _lead(doc: Doc) -> tuple[list[Span], list[Span]]:
    """The story's first paragraph (after its headline, if it opens with one), and its first
    sentences whatever the paragraphs, each at most `_LEAD_SENTENCES` sentences: a later
    paragraph may be another story ("... denied that Iran rejected a request.\n\nIsraeli jets
    struck targets near Damascus")."""
    by_paragraph: dict[int, list[Span]] = {}
    text = doc.text  # spaCy joins the tokens anew on every read
    for sentence in doc.sents:
        if sentence.text.strip():
            by_paragraph.setdefault(text.count("\n\n", 0, sentence.start_char), []).append(sentence)
    paragraphs = [by_paragraph[key] for key in sorted(by_paragraph)]
    if not paragraphs:
        return [], []
    lead = paragraphs[0]
    if len(lead) == 1 and not lead[0].text.rstrip().endswith(_SENTENCE_ENDS) and len(paragraphs) > 1:
        lead = lead + paragraphs[1]  # a headline, then the first paragraph
    opening = [sentence for paragraph in paragraphs for sentence in paragraph]
    return lead[:_LEAD_SENTENCES], opening[:_LEAD_SENTENCES]


def _scene(sentences: list[Span], gazetteer: Gazetteer, geography: ArticleGeography) -> Found | None:
    """The place the lead places most of its happenings in (ties: the first named), not
    counting where speakers are said to have spoken."""
    found: list[tuple[Found, int]] = []
    for sentence in sentences:
        for clause in sentence:
            if not (clause.dep_ == "ROOT" or (is_predicate(clause) and clause.dep_ in CLAUSE_DEPS)):
                continue
            for prep, head in content_phrases(clause):
                if _about_another_event(prep, clause):
                    continue
                place = resolve_phrase(prep, head, gazetteer, geography)
                if place is not None:
                    # "visited Ankara", "fighting in Afrin" place a happening; "its bases in
                    # Syria" only describes a thing
                    weight = _VERB_PHRASE_WEIGHT if places_a_happening(prep) else 1
                    found.append((place, weight))
    if not found:
        return None
    weights = Counter()
    for place, weight in found:
        weights[place.place.name, place.place.country] += weight
    return max((place for place, _ in found), key=lambda f: weights[f.place.name, f.place.country])


def _about_another_event(prep: Token, clause: Token) -> bool:
    """A place phrase inside the reason for an act ("expelled a diplomat *over* the killing of
    a leader in Vancouver", "jailed him *for* his role in the attack in Kabul") places that
    other event; the reason hangs on the verb ("a request *for* a meeting at the UN" does not)."""
    token = prep.head
    while token.i != clause.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in REASON_PREPS and token.head.pos_ in ("VERB", "AUX"):
            return True
        token = token.head
    return False


def _most_named(ctx, gazetteer: Gazetteer, geography: ArticleGeography) -> Found | None:
    """The town or region below country level the article names most often as a place, when
    it does so at least `_MOST_NAMED_MIN` times and more often than any other: "the mayor of
    Dar es Salaam", "Dar es Salaam's police commander" set a story that never says "in Dar es
    Salaam". A name the recognizer took for a place once counts wherever the article writes it,
    except where it stands for a government ("Ankara said")."""
    doc: Doc = ctx.doc
    places: dict[str, Found] = {}
    for entity in doc.ents:
        if entity.label_ in PLACE_LABELS and entity.text not in places:
            found = named_place(entity.root, gazetteer, geography)
            # a place in a country the story is about ("Obama" is no town in Japan)
            if found is not None and found.place.feature not in ("country", "venue") \
                    and geography.mentions_country(found.place.country, compact_key(found.text)):
                places[found.text] = found
    # the name alone standing for an actor ("Ankara said"); "Ankara's police chief" is a place use
    as_actor = {tuple(m.span) for m in ctx.mentions if not getattr(m, "place", False) and getattr(m, "span", None)}
    text = doc.text
    counts = Counter({name: sum(1 for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
                                if match.span() not in as_actor)
                      for name in places})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _MOST_NAMED_MIN or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return places[ranked[0][0]]


def _speaker_places(ctx, gazetteer: Gazetteer,
                    geography: ArticleGeography) -> list[tuple[tuple[str, str | None], int, Found]]:
    """Every place each speaker is said to have spoken in, with the position of the speech
    verb: "said in Ankara", "said during a speech in Ankara", "told a rally in Bursa",
    "Speaking in London, he said" (a country says too little of where someone spoke)."""
    places = []
    for verb in ctx.doc:
        if not is_statement(verb):
            continue
        speaker = speaker_of(verb, ctx)
        if speaker is None:
            continue
        for prep, head in spoken_phrases(verb):
            found = resolve_phrase(prep, head, gazetteer, geography)
            if found is not None and found.place.feature != "country":
                places.append((speaker, verb.i, found))
                break
    return places
