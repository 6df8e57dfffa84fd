"""What place a place phrase names: a venue, a region or district, a country, a town or
village, read off the entity the phrase's object heads and resolved against the gazetteer."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from tacitus.where.gazetteer import GENERIC_REGION_NAMES, Gazetteer, Place
from tacitus.where.index import compact_key
from tacitus.where.phrases import (LOCATIVE_PREPS, PLACE_KIND_NOUNS, is_place_object, names_a_meeting_place,
                                   names_a_place_kind, targets_a_place)
from tacitus.where.resolve import ArticleGeography, Resolution, resolve
from tacitus.where.tables import feature_words

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_ENTITIES_KEY = "tacitus.where.entities"
# Labels that are never a place name; other labels the recognizer gives place names it does
# not know ("Dayr al-Zour" as a person, "Manbij" as a product).
NOT_NAME_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT", "LAW", "LANGUAGE"}
FEATURE_WORDS = feature_words()
# "eastern Ghouta", "northern Syria": a direction word before a name keeps the name.
_DIRECTION_PREFIXES = ("north", "south", "east", "west", "central", "upper", "lower")
CAPITAL_NOUN = "capital"


@dataclass(frozen=True)
class Found:
    place: Place
    text: str  # the name as the text writes it
    how: str
    runner_up: str | None = None


def resolve_phrase(prep: Token, head: Token, gazetteer: Gazetteer, geography: ArticleGeography) -> Found | None:
    venue = _venue(head, gazetteer)
    if venue is not None:
        # "at the UN in Geneva": the city named outright, on the venue or beside it, beats
        # the venue's usual city.
        for child in [*head.children, *prep.head.children]:
            if child.dep_ == "prep" and child.lower_ == "in" and child.i != prep.i:
                for pobj in child.children:
                    named = named_place(pobj, gazetteer, geography) if pobj.dep_ == "pobj" else None
                    if named is not None:
                        return named
        place, text = venue
        return Found(place, text, f"venue '{text}'")
    if prep.lower_ not in LOCATIVE_PREPS and not (names_a_place_kind(prep) or targets_a_place(prep)
                                                  or is_place_object(prep, head) or names_a_meeting_place(prep, head)):
        return None
    kind_of_place = False
    for _ in range(3):
        if head.lemma_.lower() not in PLACE_KIND_NOUNS or head.ent_type_:
            break
        # "near the town of Samarra", "in a residential sector of eastern Beirut", "in the capital Lima"
        named = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), None)
        named = named or next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is None:
            break
        head, kind_of_place = named, True
    # A proper noun right after "in", "near", "outside" is a place even where the recognizer
    # says otherwise ("outside Dayr az Zawr" tagged as an organisation), if the gazetteer knows it.
    found = named_place(head, gazetteer, geography, any_label=kind_of_place or head.pos_ == "PROPN",
                        syntax_says_place=kind_of_place)
    if found is None and head.lemma_.lower() in PLACE_KIND_NOUNS:
        # "in Idlib province", "in the Afrin region": the name is a compound of the region word
        names = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names:
            found = named_place(names[-1], gazetteer, geography, any_label=True,
                                feature_hint=FEATURE_WORDS.get(head.lemma_.lower()))
    if found is None and head.lemma_.lower() == CAPITAL_NOUN and not kind_of_place:
        found = _capital(head, gazetteer, geography)
    if found is not None and found.place.feature == "country":
        # the noun the phrase describes, if any, and all it says ("the enclave in Syria known as Afrin")
        scope = prep.head if prep.head.pos_ in ("NOUN", "PROPN") else head
        found = _inner_place(scope, found, gazetteer, geography) or found
    return found


def _capital(head: Token, gazetteer: Gazetteer, geography: ArticleGeography) -> Found | None:
    """ "in the capital", "the Syrian capital", "Guinea's capital": the capital city of the
    country the phrase names, or, named by none, of the country the article places things in."""
    if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in head.children):
        return None  # "raised capital", "a capital of finance": no city
    country = None
    for child in head.children:
        if child.dep_ == "amod":
            country = gazetteer.country_of_adjective(child.text) or country
        elif child.dep_ == "poss" and child.pos_ == "PROPN":
            region = gazetteer.region(_name_span(child).text)
            country = region.country if region is not None and region.feature == "country" else None
            if country is None:
                return None  # "Kurdistan's capital": no country's
    country = country or geography.leading_country()
    name = gazetteer.capitals.get(country) if country else None
    towns = [m.place for m in gazetteer.city_matches(name) if m.place.country == country] if name else []
    if not towns:
        return None
    phrase = head.doc[head.left_edge.i:head.i + 1].text
    # named as the country table spells it ("Brasilia"), as a text would, not GeoNames' "Brasília"
    capital = replace(max(towns, key=lambda p: p.population), name=name)
    return Found(capital, phrase, f"the capital of {country}")


def _inner_place(head: Token, country: Found, gazetteer: Gazetteer, geography: ArticleGeography) -> Found | None:
    """A place inside the country that the same phrase goes on to name: "into the Kurdish
    enclave in Syria known as Afrin" is in Afrin."""
    for token in head.subtree:
        candidates = []
        if token.ent_type_ in PLACE_LABELS and token.ent_iob_ == "B":
            entity = entity_of(token)
            candidates.append(named_place(entity.root, gazetteer, geography) if entity is not None else None)
        if token.pos_ == "PROPN" and token.dep_ in ("compound", "amod", "nmod") and token.ent_type_ not in PLACE_LABELS:
            # "the Kilis criminal court in Turkey": a name the recognizer missed or took for
            # part of an organisation's
            candidates.append(named_place(token, gazetteer, geography, any_label=True, syntax_says_place=False))
        for inner in candidates:
            if inner is not None and inner.place.country == country.place.country \
                    and inner.place.feature != "country":
                return inner
    return None


def named_place(head: Token, gazetteer: Gazetteer, geography: ArticleGeography, any_label: bool = False,
                feature_hint: str | None = None, syntax_says_place: bool = True) -> Found | None:
    """The place an entity headed by `head` names. `any_label`: take a proper noun the
    recognizer did not call a place, which `syntax_says_place` ("the town of X") or, if not, only
    when it names a city, a region or a curated place (not any village called "North")."""
    entity = entity_of(head)
    loose = False
    if any_label and head.pos_ == "PROPN":
        if entity is not None and entity.label_ in NOT_NAME_LABELS:
            return None  # "in March"
        if entity is None or entity.label_ not in PLACE_LABELS:
            entity = _name_span(head)
            loose = not syntax_says_place
    elif entity is None or entity.label_ not in PLACE_LABELS:
        # a curated region or reef whatever the recognizer thought ("the Second Thomas Shoal")
        span = entity or (_name_span(head) if head.pos_ == "PROPN" else None)
        regions = gazetteer.named_regions(span.text) if span is not None else []
        if not regions:
            return None
        resolution = resolve(span.text, gazetteer, geography)
        return Found(resolution.place, span.text, resolution.how, resolution.runner_up) if resolution else None
    name, qualifier_text = split_qualifier(entity)
    name, hint = _strip_feature_word(name)
    before = head.doc[entity.start - 1] if entity.start > 0 else None
    if before is not None and before.lower_.startswith(_DIRECTION_PREFIXES) \
            and gazetteer.named_regions(f"{before.text} {name}"):
        # "eastern Ghouta" is a district of its own, "northern Syria" is Syria
        name = f"{before.text} {name}"
    qualifier = gazetteer.region(qualifier_text) if qualifier_text else None
    resolution = _resolve_variants(name, gazetteer, geography, qualifier, hint or feature_hint)
    if resolution is None:
        return None
    place = resolution.place
    if (name.casefold() in GENERIC_REGION_NAMES or (loose and place.feature == "village")) \
            and place.feature != "country" and not gazetteer.named_regions(name):
        return None  # "into the North" is a direction, not a village called North
    if place.feature == "village" and place.geonameid is not None \
            and not geography.mentions_country(place.country, compact_key(name)):
        return None  # "the Middle East" is no village in Ohio: a village needs its country in the story
    if place.feature not in ("country", "venue") and place not in gazetteer.named_regions(name):
        # The text's own spelling of the place ("Deir Ezzor" for GeoNames' "Deir ez-Zor", ISO's
        # "Dayr az Zawr"); the curated regions keep the names chosen for them.
        place = replace(place, name=name)
    return Found(place, entity.text, resolution.how, resolution.runner_up)


def _name_span(head: Token) -> Span:
    """The capitalised words (and hyphens) of the name `head` ends: "the Second Thomas Shoal",
    "Deir ez-Zor" (lower-case particles inside a name are kept when a capital word precedes)."""
    doc, start = head.doc, head.i
    while start > head.sent.start:
        before = doc[start - 1]
        if before.head.i not in range(start - 1, head.i + 1) or before.dep_ == "det" or before.is_punct and before.text != "-":
            break
        if not (before.text[:1].isupper() or before.text == "-" or before.dep_ == "compound"):
            break
        start -= 1
    while start < head.i and not doc[start].text[:1].isupper():
        start += 1
    return doc[start:head.i + 1]


def _resolve_variants(name: str, gazetteer: Gazetteer, geography: ArticleGeography, qualifier: Place | None,
                      hint: str | None) -> Resolution | None:
    """The name as written, then without a leading "the"-less direction ("eastern Ghouta" is a
    named region; "northern Syria" is Syria)."""
    resolution = resolve(name, gazetteer, geography, qualifier, hint)
    if resolution is None:
        first, _, rest = name.partition(" ")
        if rest and first.lower().startswith(_DIRECTION_PREFIXES):
            resolution = resolve(rest, gazetteer, geography, qualifier, hint)
    return resolution


def _strip_feature_word(name: str) -> tuple[str, str | None]:
    """"Idlib province" -> ("Idlib", "admin1"); a name that is only the word stays."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in FEATURE_WORDS:
        return " ".join(words[:-1]), FEATURE_WORDS[words[-1].lower()]
    return name, None


def _venue(head: Token, gazetteer: Gazetteer) -> tuple[Place, str] | None:
    """The longest known venue name ending at `head`: "the 72nd UN General Assembly" tries
    "72nd UN General Assembly", then "UN General Assembly"."""
    doc = head.doc
    entity = entity_of(head)
    first = entity.start if entity is not None else head.left_edge.i
    end = max(head.i + 1, entity.end if entity is not None else head.i + 1)
    for start in range(min(first, head.i), head.i + 1):
        text = doc[start:end].text
        place = gazetteer.venue(text)
        if place is not None:
            return place, text
    return None


def entity_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    by_token = token.doc.user_data.get(_ENTITIES_KEY)
    if by_token is None:  # once per document: the place finder asks for many tokens
        by_token = {i: entity for entity in token.doc.ents for i in range(entity.start, entity.end)}
        token.doc.user_data[_ENTITIES_KEY] = by_token
    return by_token.get(token.i)


def split_qualifier(entity: Span) -> tuple[str, str | None]:
    """"Paris, Texas" (one entity, or an entity followed by ", Texas") -> ("Paris", "Texas")."""
    if "," in entity.text:
        name, _, qualifier = entity.text.partition(",")
        return name.strip(), qualifier.strip() or None
    doc = entity.doc
    if entity.end + 1 < len(doc) and doc[entity.end].text == ",":
        following = doc[entity.end + 1]
        # "Syria, Iraq and Iran" is a list, not a place and its region.
        if following.ent_type_ == "GPE" and following.dep_ != "conj":
            follower = entity_of(following)
            if follower is not None and follower.start == following.i:
                return entity.text, follower.text
    return entity.text, None
