"""Where an event took place.

A statement (an event of one of the statement types: an accusation, a threat, a demand ...)
is made where its speaker spoke, when the text says where that was (see
:mod:`tacitus.where.speakers`). Otherwise, in order: a place phrase of the event's own clause ("shelled villages *near Afrin*", "told
reporters *in Tehran*" for the telling), the nearest one winning; then a place phrase of another
clause of the same sentence, leaving out the clauses of the speech verbs the event is reported
through (the speaker's place is not the event's); then the article's scene (where its lead
places its happenings), unless the event's own words date it weeks before the story's news;
then the story's dateline (its country only, for an act on the ground); then the places of its first sentences
beyond the lead paragraph. Without any of them, no location.

`clause_only` asks for the first step alone, for callers that need what the clause itself says
(who acted where, where a speaker spoke).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import replace

from spacy.tokens import Token

from tacitus.records import Location
from tacitus.when import period_end, resolve_event_date
from tacitus.where.article import ArticlePlaces, article_places
from tacitus.where.gazetteer import Gazetteer, Place, get_gazetteer
from tacitus.where.naming import Found, resolve_phrase
from tacitus.where.phrases import phrases_with_origin, sentence_phrases
from tacitus.where.resolve import describe, resolve
from tacitus.where.speakers import (STATEMENT_EVENT_TYPES, actor_country, is_statement, speaker_of,
                                    speaking_verb, spoken_phrases)
from tacitus.where.tables import word_set

DATELINE_VIA = "dateline (where the story was filed)"
ACTOR_HOME_VIA = "the country of the event's actor, where the article places things"
# Events made where the reporter files from (statements, meetings): the dateline's own town.
DATELINE_CITY_EVENT_TYPES = STATEMENT_EVENT_TYPES | word_set("dateline_city_event_types")
# An event dated further back than this before publication is not the story's news.
_NEWS_SPAN = dt.timedelta(days=14)
# Places that only stand in for the event's own: a related event's place improves on them.
STAND_IN_VIAS = frozenset({DATELINE_VIA, ACTOR_HOME_VIA})


class PlaceScope(str, enum.Enum):
    """Which step found an event's place; the evidence's ``place_scope`` holds the value."""

    CLAUSE = "clause"  # a place phrase of the event's own clause
    SPEAKER = "speaker"  # where the statement was said, or its speaker is said to have spoken
    SENTENCE = "sentence"  # a place phrase of another clause of the sentence
    ARTICLE = "article"  # the scene of the article's lead or opening, or the place it names most
    DATELINE = "dateline"  # where the story was filed
    ACTOR = "actor"  # the country of the event's actor

    @classmethod
    def of(cls, evidence: dict) -> PlaceScope | None:
        """The scope of the place evidence `locate_event` returned (None: no place)."""
        scope = evidence.get("place_scope")
        return cls(scope) if scope is not None else None


def locate_event(trigger: Token, ctx, clause_only: bool = False,
                 event_type: str | None = None) -> tuple[Location | None, dict]:
    """(location, evidence) for the event whose trigger (or anchor verb) is `trigger`;
    `ctx` is a :class:`tacitus.events.coder.ArticleContext`; `event_type`, the event's PLOVER
    type when the caller knows it, says whether the event is a statement."""
    gazetteer = get_gazetteer()
    article = article_places(ctx, gazetteer)
    if event_type in STATEMENT_EVENT_TYPES and not clause_only:
        said = _where_it_was_said(trigger, ctx, article, gazetteer)
        if said is not None:
            return said
    for (prep, head), via in phrases_with_origin(trigger):
        found = resolve_phrase(prep, head, gazetteer, article.geography)
        if found is not None:
            return _result(found, f"'{prep.text} {found.text}'", via, PlaceScope.CLAUSE)
    if clause_only:
        return None, {}
    spoken = _where_the_speaker_spoke(trigger, ctx, article)
    if spoken is not None:
        return _result(spoken, f"'{spoken.text}'", "where the speaker is said to have spoken", PlaceScope.SPEAKER)
    for (prep, head), via in sentence_phrases(trigger):
        found = resolve_phrase(prep, head, gazetteer, article.geography)
        if found is not None:
            return _result(found, f"'{prep.text} {found.text}'", via, PlaceScope.SENTENCE)
    dateline, later = _dateline_place(article, gazetteer), article.later_scene
    apart = (article.scene or later or article.most_named) is not None and _dated_apart(trigger, ctx)
    if article.scene is not None and not apart:
        return _result(article.scene, f"'{article.scene.text}'", "the scene of the article's lead", PlaceScope.ARTICLE)
    if later is not None and not apart and (dateline is None or _acts_at_home(trigger, ctx, later, dateline)):
        return _result(later, f"'{later.text}'", "the scene of the article's opening", PlaceScope.ARTICLE)
    if article.most_named is not None and not apart:
        return _result(article.most_named, f"'{article.most_named.text}'", "the place the article names most",
                       PlaceScope.ARTICLE)
    if dateline is not None:
        return _result(_dateline_for(dateline, event_type, gazetteer), f"dateline '{dateline.text}'", DATELINE_VIA,
                       PlaceScope.DATELINE)
    home = _actor_home(trigger, ctx, article, gazetteer)
    if home is not None:
        return _result(home, f"'{home.text}'", ACTOR_HOME_VIA, PlaceScope.ACTOR)
    return None, {}


def _dated_apart(trigger: Token, ctx) -> bool:
    """The event's own words date it well before the story's news ("Last month, the government
    raised its raids on the press", "an attack in 2014"): another story, which the scene of
    this one does not place."""
    published = ctx.article.published
    if published is None:
        return False
    day, precision, evidence = resolve_event_date(trigger, ctx, "asserted")
    if day is None or "date_via" not in evidence or evidence["date_via"] == "related event":
        return False
    # the last day the date allows: "this year" may still be the story's news
    return published - period_end(day, precision) > _NEWS_SPAN


def _actor_home(trigger: Token, ctx, article: ArticlePlaces, gazetteer: Gazetteer) -> Found | None:
    """With no place in the text for the event or its story, the country of its actor, when
    the article places things in that country ("Canada expelled a diplomat over a killing in
    Vancouver"): a country, with no point on the map."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    country = actor_country(verb, ctx)
    place = gazetteer.countries.get(country) if country else None
    if place is None or not article.geography.names_country(country, other_than=""):
        return None
    return Found(place, place.name, "a country")


def _acts_at_home(trigger: Token, ctx, scene: Found, dateline: Found) -> bool:
    """The event's actor is of the country the article's opening is set in, not of the
    dateline's: a North Korean act in a story filed from Seoul happens where the opening says."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    country = actor_country(verb, ctx)
    return country is not None and country == scene.place.country != dateline.place.country


def _where_it_was_said(trigger: Token, ctx, article: ArticlePlaces,
                       gazetteer: Gazetteer) -> tuple[Location, dict] | None:
    """A statement event is placed where its speech verb says it was said ("said in a speech
    in Ankara that Turkey will launch ..."), else where the article says its speaker spoke. A
    country on the verb ("warned activists in Turkey") is more likely what the statement is
    about: it yields to a town the article says the speaker spoke in."""
    verb = speaking_verb(trigger, ctx, statement=True)
    if verb is None:
        return None
    country = None
    for prep, head in spoken_phrases(verb):
        found = resolve_phrase(prep, head, gazetteer, article.geography)
        if found is not None and found.place.feature != "country":
            return _result(found, f"'{prep.text} {found.text}'", f"where '{verb.text}' was said", PlaceScope.SPEAKER)
        if found is not None and country is None:
            country = _result(found, f"'{prep.text} {found.text}'", f"where '{verb.text}' was said", PlaceScope.SPEAKER)
    spoken = _where_the_speaker_spoke(verb, ctx, article, statement=True)
    if spoken is not None:
        return _result(spoken, f"'{spoken.text}'", "where the speaker is said to have spoken", PlaceScope.SPEAKER)
    return country


def _where_the_speaker_spoke(trigger: Token, ctx, article: ArticlePlaces, statement: bool = False) -> Found | None:
    """A statement (a speech verb, a statement verb such as "accused", or the verb of an event
    the caller knows is a statement) is made where the article says its speaker spoke, when it
    says so."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if not (statement or is_statement(verb)):
        return None
    speaker = speaker_of(verb, ctx)
    return article.speaker_place(speaker, verb.i) if speaker else None


def _dateline_for(dateline: Found, event_type: str | None, gazetteer: Gazetteer) -> Found:
    """The dateline says where the reporter filed: statements and meetings are made where the
    reporter hears of them, but an act on the ground ("soldiers were killed", "the rebels
    declared a truce") only lies somewhere in the dateline's country."""
    if event_type is None or event_type in DATELINE_CITY_EVENT_TYPES:
        return dateline
    country = gazetteer.countries.get(dateline.place.country) if dateline.place.country else None
    if country is None or dateline.place.feature == "country":
        return dateline
    return Found(country, dateline.text, "the country of the dateline, where an act on the ground lies")


def _dateline_place(article: ArticlePlaces, gazetteer: Gazetteer) -> Found | None:
    dateline = article.dateline
    if dateline is None:
        return None
    venue = gazetteer.venue(dateline.place_name)
    if venue is not None:
        return Found(venue, dateline.city, "venue")
    qualifier = gazetteer.region(dateline.region) if dateline.region else None
    resolution = resolve(dateline.place_name, gazetteer, article.geography, qualifier)
    if resolution is None:
        return None
    place = resolution.place
    if place.feature in ("city", "village"):
        place = replace(place, name=dateline.place_name)
    return Found(place, dateline.city, resolution.how, resolution.runner_up)


def _result(found: Found, said: str, via: str, scope: PlaceScope) -> tuple[Location, dict]:
    evidence = {
        "place": f"{said} -> {describe(found.place)} ({found.how})",
        "place_text": found.text,
        "place_via": via,
        "place_scope": scope.value,
    }
    if found.runner_up:
        evidence["place_runner_up"] = found.runner_up
    return location_of(found.place), evidence


def location_of(place: Place) -> Location:
    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon, geonameid=place.geonameid,
                    feature=place.feature, precision=place.precision_km)
