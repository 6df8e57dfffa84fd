"""Where an event took place.

The place is a prepositional phrase of the event's own clause: "in Tehran", "at the White
House", "near Aleppo" on the trigger or on one of its arguments ("told reporters *in Tehran*"),
the nearest one winning. Institutional venues are also reached through "to"/"before" ("a speech
to the UN General Assembly") and through "the sidelines of". A place that is an argument itself
("*Tehran* said", "sanctions on Iran") is an actor, not a location. Without such a phrase the
story's dateline city is used; without a dateline, no location.

Ambiguous names are settled by the article: the countries and US states its actors and
place names point to ("Paris" in a story that mentions Texas is Paris, Texas), else by size.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tacitus.records import Location
from tacitus.dateline import Dateline, find_dateline
from tacitus.where.gazetteer import Gazetteer, Place, get_gazetteer

LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "within", "across", "throughout"}
# Prepositions through which a venue, but not a city or country, is where the event happened:
# "a speech to the General Assembly" vs "a delegation to Moscow" (a destination, a target).
VENUE_PREPS = {"to", "before"}
SIDELINE_NOUNS = {"sideline", "sidelines", "margin", "margins", "fringe", "fringes"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Nouns that name a kind of place whose "of" phrase names the place itself.
PLACE_KIND_NOUNS = {"town", "city", "village", "province", "region", "district", "enclave", "capital", "sector",
                    "area", "state", "port", "suburb", "outskirt", "outskirts", "part", "neighbourhood",
                    "neighborhood", "quarter", "island", "county", "municipality", "governorate", "centre", "center",
                    "heart", "streets", "street", "border", "coast", "north", "south", "east", "west"}
# Relations that open a clause with an event of its own: its places are not this event's.
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj", "xcomp", "pcomp"}
_DOC_KEY = "tacitus.where.article"

# Candidate scores (see _score): a country or state named outright outranks a city of the same
# name unless the article points to the city's country; context adds more than population.
_COUNTRY_SCORE = 9.0
_STATE_SCORE = 7.5
_PRIMARY_NAME_BONUS = 1.0
_ALTERNATE_NAME_PENALTY = -1.5
_CAPITAL_BONUS = 1.0
_CONTEXT_COUNTRY_BONUS = 2.0
_CONTEXT_STATE_BONUS = 2.5
# A US state yields to its eponymous big city ("New York"): news means the city.
_EPONYMOUS_CITY_POPULATION = 500_000


@dataclass
class ArticlePlaces:
    """What the whole article says about places, computed once per doc."""

    countries: set[str]  # alpha-3
    us_states: set[str]  # two-letter codes
    dateline: Dateline | None


def locate_event(trigger: Token, ctx) -> tuple[Location | None, dict]:
    """(location, evidence) for the event whose trigger (or anchor verb) is `trigger`;
    `ctx` is a :class:`tacitus.context.ArticleContext`."""
    gazetteer = get_gazetteer()
    article = _article_places(ctx, gazetteer)
    for (prep, head), via in _phrases_with_origin(trigger):
        found = _resolve_phrase(prep, head, gazetteer, article)
        if found is not None:
            place, text, how = found
            return _location(place), {
                "place": f"'{prep.text} {text}' -> {_describe(place)} ({how})",
                "place_text": text,
                "place_via": via,
            }
    dateline = article.dateline
    if dateline is not None:
        qualifier = gazetteer.region(dateline.region) if dateline.region else None
        venue = gazetteer.venue(dateline.place_name)
        resolved = (venue, "venue") if venue else _best(dateline.place_name, gazetteer, article, qualifier)
        if resolved is not None:
            place, how = resolved
            return _location(place), {
                "place": f"dateline '{dateline.city}' -> {_describe(place)} ({how})",
                "place_text": dateline.city,
                "place_via": "dateline (where the story was filed)",
            }
    return None, {}


# -- finding the phrase -------------------------------------------------------------------------


def _phrases_with_origin(trigger: Token) -> Iterator[tuple[tuple[Token, Token], str]]:
    """The trigger's own place phrases, then, for a relative clause, those of the noun phrase
    it describes ("a speech to the UN ..., where he attacked the deal"): up to the clause the
    noun belongs to, or into it for a "where" clause, whose antecedent is a place."""
    for phrase in _place_phrases(trigger):
        yield phrase, f"'{phrase[0].text}' phrase of '{trigger.text}'"
    if trigger.dep_ not in ("relcl", "acl"):
        return
    is_where = any(c.lower_ == "where" for c in trigger.children if c.dep_ in ("advmod", "mark"))
    current = trigger.head
    while True:
        if current.dep_ == "pobj" and current.head.dep_ == "prep" and is_where:
            # "in Vienna, where they met": the antecedent itself is the place.
            yield (current.head, current), f"antecedent of '{trigger.text}'"
        if _is_predicate(current) and not is_where:
            return
        for phrase in _place_phrases(current):
            yield phrase, f"'{phrase[0].text}' phrase of '{current.text}', which the relative clause '{trigger.text}' describes"
        if _is_predicate(current) or current.head.i == current.i:
            return
        current = current.head


def _place_phrases(trigger: Token) -> Iterator[tuple[Token, Token]]:
    """(preposition, object) pairs in the trigger's clause, nearest first."""
    queue = deque([trigger])
    while queue:
        token = queue.popleft()
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS:
                continue
            if child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and _could_be_place(child, pobj):
                        yield child, pobj
            queue.append(child)


def _could_be_place(prep: Token, pobj: Token) -> bool:
    word = prep.lower_
    return (word in LOCATIVE_PREPS or word in VENUE_PREPS
            or (word == "of" and prep.head.lower_ in SIDELINE_NOUNS))


def _is_predicate(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"))


# -- naming the place ---------------------------------------------------------------------------


def _resolve_phrase(prep: Token, head: Token, gazetteer: Gazetteer,
                    article: ArticlePlaces) -> tuple[Place, str, str] | None:
    venue = _venue(head, gazetteer)
    if venue is not None:
        # "at the UN in Geneva": the city named outright, on the venue or beside it, beats
        # the venue's usual city.
        for child in [*head.children, *prep.head.children]:
            if child.dep_ == "prep" and child.lower_ == "in" and child.i != prep.i:
                for pobj in child.children:
                    named = _named_place(pobj, gazetteer, article) if pobj.dep_ == "pobj" else None
                    if named is not None:
                        return named
        place, text = venue
        return place, text, f"venue '{text}'"
    if prep.lower_ not in LOCATIVE_PREPS:
        return None
    kind_of_place = False
    for _ in range(3):
        if head.lemma_.lower() not in PLACE_KIND_NOUNS or head.ent_type_:
            break
        # "near the town of Samarra", "in a residential sector of eastern Beirut"
        named = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), None)
        if named is None:
            break
        head, kind_of_place = named, True
    return _named_place(head, gazetteer, article, any_label=kind_of_place)


def _named_place(head: Token, gazetteer: Gazetteer, article: ArticlePlaces,
                 any_label: bool = False) -> tuple[Place, str, str] | None:
    """The country, US state or city a place entity headed by `head` names. `any_label`: the
    syntax already says it is a place ("the town of X"), whatever the entity recognizer thought."""
    entity = _entity_of(head)
    if any_label and head.pos_ == "PROPN":
        entity = entity or head.doc[min(t.i for t in head.subtree if t.pos_ == "PROPN"):head.i + 1]
    elif entity is None or entity.label_ not in PLACE_LABELS:
        return None
    name, qualifier_text = _split_qualifier(entity)
    qualifier = gazetteer.region(qualifier_text) if qualifier_text else None
    resolved = _best(name, gazetteer, article, qualifier)
    if resolved is None:
        return None
    place, how = resolved
    return place, entity.text, how


def _venue(head: Token, gazetteer: Gazetteer) -> tuple[Place, str] | None:
    """The longest known venue name ending at `head`: "the 72nd UN General Assembly" tries
    "72nd UN General Assembly", then "UN General Assembly"."""
    doc = head.doc
    entity = _entity_of(head)
    first = entity.start if entity is not None else head.left_edge.i
    end = max(head.i + 1, entity.end if entity is not None else head.i + 1)
    for start in range(min(first, head.i), head.i + 1):
        text = doc[start:end].text
        place = gazetteer.venue(text)
        if place is not None:
            return place, text
    return None


def _entity_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    for entity in token.doc.ents:
        if entity.start <= token.i < entity.end:
            return entity
    return None


def _split_qualifier(entity: Span) -> tuple[str, str | None]:
    """"Paris, Texas" (one entity, or an entity followed by ", Texas") -> ("Paris", "Texas")."""
    if "," in entity.text:
        name, _, qualifier = entity.text.partition(",")
        return name.strip(), qualifier.strip() or None
    doc = entity.doc
    if entity.end + 1 < len(doc) and doc[entity.end].text == ",":
        following = doc[entity.end + 1]
        # "Syria, Iraq and Iran" is a list, not a place and its region.
        if following.ent_type_ == "GPE" and following.dep_ != "conj":
            follower = _entity_of(following)
            if follower is not None and follower.start == following.i:
                return entity.text, follower.text
    return entity.text, None


def _best(name: str, gazetteer: Gazetteer, article: ArticlePlaces,
          qualifier: Place | None) -> tuple[Place, str] | None:
    candidates: list[tuple[Place, bool]] = [(m.place, m.primary) for m in gazetteer.city_matches(name)]
    country, state = gazetteer.country(name), gazetteer.us_state(name)
    if qualifier is not None and country is None:
        inside = [(p, primary) for p, primary in candidates if _within(p, qualifier)]
        if inside:
            place = max(inside, key=lambda c: c[0].population)[0]
            return place, f"in {qualifier.name}, as the text says"
    if country is not None:
        candidates.append((country, True))
    if state is not None and not any(
        p.kind == "city" and p.country == "USA" and p.admin1 == state.admin1
        and p.population >= _EPONYMOUS_CITY_POPULATION for p, _ in candidates
    ):
        candidates.append((state, True))
    if not candidates:
        return None
    scored = sorted(((_score(p, primary, article), p) for p, primary in candidates),
                    key=lambda item: item[0], reverse=True)
    place = scored[0][1]
    if len(scored) == 1:
        return place, "only candidate"
    if _context_bonus(place, article) > 0:
        return place, f"best of {len(scored)} candidates: the article points to {place.country}"
    return place, f"best of {len(scored)} candidates by kind and population"


def _within(place: Place, region: Place) -> bool:
    if place.country != region.country:
        return False
    return region.kind != "state" or place.admin1 == region.admin1


def _score(place: Place, primary: bool, article: ArticlePlaces) -> float:
    if place.kind == "country":
        base = _COUNTRY_SCORE
    elif place.kind == "state":
        base = _STATE_SCORE
    else:
        base = math.log10(place.population + 1) + (_PRIMARY_NAME_BONUS if primary else _ALTERNATE_NAME_PENALTY)
        base += _CAPITAL_BONUS if place.capital else 0.0
    return base + _context_bonus(place, article)


def _context_bonus(place: Place, article: ArticlePlaces) -> float:
    bonus = _CONTEXT_COUNTRY_BONUS if place.country in article.countries else 0.0
    if place.country == "USA" and place.admin1 in article.us_states:
        bonus += _CONTEXT_STATE_BONUS
    return bonus


# -- what the article says about places -----------------------------------------------------------


def _article_places(ctx, gazetteer: Gazetteer) -> ArticlePlaces:
    doc: Doc = ctx.doc
    cached = doc.user_data.get(_DOC_KEY)
    if cached is None:
        cached = _collect_article_places(ctx, gazetteer)
        doc.user_data[_DOC_KEY] = cached
    return cached


def _collect_article_places(ctx, gazetteer: Gazetteer) -> ArticlePlaces:
    countries = {m.country for m in ctx.mentions if getattr(m, "country", None)}
    states: set[str] = set()
    for entity in ctx.doc.ents:
        if entity.label_ == "NORP":
            code = gazetteer.country_of_adjective(entity.text)
            if code:
                countries.add(code)
            continue
        if entity.label_ not in PLACE_LABELS:
            continue
        # An ambiguous name is what context is needed for: it must not vote for one of its own
        # readings. A state named like a city ("Washington") votes for its country only, and
        # a city only when its name is unique.
        primaries = [m.place for m in gazetteer.city_matches(entity.text) if m.primary]
        region = gazetteer.region(entity.text)
        if region is not None:
            countries.add(region.country)
            if region.kind == "state" and not primaries:
                states.add(region.admin1)
            continue
        if len(primaries) == 1:
            countries.add(primaries[0].country)
            if primaries[0].country == "USA" and primaries[0].admin1:
                states.add(primaries[0].admin1)
    countries.discard(None)
    return ArticlePlaces(countries=countries, us_states=states, dateline=find_dateline(ctx.doc.text))


def _location(place: Place) -> Location:
    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon, geonameid=place.geonameid)


def _describe(place: Place) -> str:
    return f"{place.name} ({place.country})" if place.country else place.name
