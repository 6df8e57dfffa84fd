"""Where an event took place.

In order: a place phrase of the event's own clause ("shelled villages *near Afrin*", "told
reporters *in Tehran*" for the telling), the nearest one winning; then a place phrase of another
clause of the same sentence, leaving out the clauses of the speech verbs the event is reported
through (the speaker's place is not the event's); then the article's scene (where its lead
places its happenings); then the story's dateline; then the places of its first sentences
beyond the lead paragraph. Without any of them, no location.

`clause_only` asks for the first step alone, for callers that need what the clause itself says
(who acted where, where a speaker spoke).
"""

from __future__ import annotations

import enum
from dataclasses import replace

from spacy.tokens import Token

from tacitus.records import Location
from tacitus.where.article import ArticlePlaces, article_places, speaker_code
from tacitus.where.gazetteer import Gazetteer, Place, get_gazetteer
from tacitus.where.naming import Found, resolve_phrase
from tacitus.where.phrases import is_speech, phrases_with_origin, sentence_phrases
from tacitus.where.tables import word_set
from tacitus.where.resolve import describe, resolve

# Verbs of statements that are events themselves: made where their speaker spoke.
STATEMENT_LEMMAS = word_set("statement_verbs")


class PlaceScope(str, enum.Enum):
    """Which step found an event's place; the evidence's ``place_scope`` holds the value."""

    CLAUSE = "clause"  # a place phrase of the event's own clause
    SPEAKER = "speaker"  # where the article says the speaker of a statement spoke
    SENTENCE = "sentence"  # a place phrase of another clause of the sentence
    ARTICLE = "article"  # the scene of the article's lead or opening
    DATELINE = "dateline"  # where the story was filed

    @classmethod
    def of(cls, evidence: dict) -> PlaceScope | None:
        """The scope of the place evidence `locate_event` returned (None: no place)."""
        scope = evidence.get("place_scope")
        return cls(scope) if scope is not None else None


def locate_event(trigger: Token, ctx, clause_only: bool = False) -> tuple[Location | None, dict]:
    """(location, evidence) for the event whose trigger (or anchor verb) is `trigger`;
    `ctx` is a :class:`tacitus.events.coder.ArticleContext`."""
    gazetteer = get_gazetteer()
    article = article_places(ctx, gazetteer)
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
    if article.scene is not None:
        return _result(article.scene, f"'{article.scene.text}'", "the scene of the article's lead",
                       PlaceScope.ARTICLE)
    dateline = _dateline_place(article, gazetteer)
    if dateline is not None:
        return _result(dateline, f"dateline '{dateline.text}'", "dateline (where the story was filed)",
                       PlaceScope.DATELINE)
    if article.later_scene is not None:
        return _result(article.later_scene, f"'{article.later_scene.text}'", "the scene of the article's opening",
                       PlaceScope.ARTICLE)
    return None, {}


def _where_the_speaker_spoke(trigger: Token, ctx, article: ArticlePlaces) -> Found | None:
    """A statement (a speech verb, or a statement verb such as "accused") is made where the
    article says its speaker spoke, when it says so."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if not (is_speech(verb) or verb.lemma_.lower() in STATEMENT_LEMMAS):
        return None
    code = speaker_code(verb, ctx)
    return article.speaker_places.get(code) if code else None


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
