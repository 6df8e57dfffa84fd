"""Statements are made where their speaker spoke (sentences written for these tests)."""

import datetime as dt

from tacitus.actors.mentions import Mention
from tacitus.where import locate_event
from tacitus.where.speakers import same_speaker, speaker_of, speaking_verb

PUBLISHED = dt.date(2018, 12, 12)


def actor(token, code, person=None):
    return Mention(start=token.i, end=token.i + 1, text=token.text, span=(token.idx, token.idx + len(token)),
                   code=code, country=code[:3], sector=None, name=person, actor_id=person, kind="agent", why="test")


def context(article_context, nlp, text, people):
    """`people`: word -> (code, person id) for every occurrence of the word."""
    doc = nlp(text)
    mentions = [actor(t, *people[t.text]) for t in doc if t.text in people]
    return article_context(text, PUBLISHED, mentions=mentions)


def word(ctx, text, nth=0):
    return [t for t in ctx.doc if t.text == text][nth]


def test_a_threat_in_what_a_leader_said_is_made_where_he_said_it(article_context, nlp):
    ctx = context(article_context, nlp,
                  "The president said in a speech in Izmir that Turkey would strike the militias in Manbij.",
                  {"president": ("TURGOV", None), "Turkey": ("TUR", None)})
    strike = word(ctx, "strike")
    location, evidence = locate_event(strike, ctx, event_type="THREATEN")
    assert (location.name, evidence["place_scope"]) == ("Izmir", "speaker")
    # the strike itself, were it coded as one, is where it would happen
    assert locate_event(strike, ctx, event_type="ASSAULT")[0].name == "Manbij"
    assert locate_event(strike, ctx)[0].name == "Manbij"


def test_another_actors_statement_is_not_placed_where_the_speaker_spoke(article_context, nlp):
    ctx = context(article_context, nlp,
                  "The minister said in Izmir that Iran would close the strait.",
                  {"minister": ("TURGOV", None), "Iran": ("IRN", None)})
    close = word(ctx, "close")
    assert speaking_verb(close, ctx) is None
    location, _ = locate_event(close, ctx, event_type="THREATEN")
    assert location is None or location.name != "Izmir"


def test_a_statement_takes_the_place_the_article_gives_its_speaker_elsewhere(article_context, nlp):
    ctx = context(article_context, nlp,
                  "Erdogan vowed to finish the campaign soon and warned activists in Turkey against protests. "
                  "He told a rally in Konya that the nation was united.",
                  {"Erdogan": ("TURGOV", "erdogan"), "He": ("TURGOV", "erdogan")})
    location, evidence = locate_event(word(ctx, "warned"), ctx, event_type="THREATEN")
    # a country on the statement verb is what it is about; the rally says where he spoke
    assert (location.name, evidence["place_scope"]) == ("Konya", "speaker")
    assert locate_event(word(ctx, "vowed"), ctx, event_type="AGREE")[0].name == "Konya"


def test_two_ministers_of_one_government_keep_their_own_places(article_context, nlp):
    ctx = context(article_context, nlp,
                  "Speaking after talks with his counterpart in Athens, Cavusoglu warned Greece against drilling. "
                  "Erdogan said at a rally in Konya that Turkey would defend its rights. "
                  "Erdogan accused Greece of provocations.",
                  {"Cavusoglu": ("TURGOV", "cavusoglu"), "Erdogan": ("TURGOV", "erdogan")})
    warned, evidence = locate_event(word(ctx, "warned"), ctx, event_type="THREATEN")
    assert (warned.name, evidence["place_scope"]) == ("Athens", "speaker")
    assert locate_event(word(ctx, "accused"), ctx, event_type="ACCUSE")[0].name == "Konya"


def test_an_office_named_without_its_holder_is_the_same_speaker():
    assert same_speaker(("TURGOV", None), ("TURGOV", "erdogan"))
    assert not same_speaker(("TURGOV", "cavusoglu"), ("TURGOV", "erdogan"))
    assert not same_speaker(("GRCGOV", None), ("TURGOV", None))


def test_the_subject_of_a_coordinated_verb_speaks_for_both(article_context, nlp):
    ctx = context(article_context, nlp, "The minister arrived and warned the rebels.",
                  {"minister": ("KENGOV", None)})
    assert speaker_of(word(ctx, "warned"), ctx) == ("KENGOV", None)


def test_said_during_a_trip_is_said_where_the_trip_went(article_context, nlp):
    ctx = context(article_context, nlp,
                  "The foreign secretary told reporters during a trip to Tokyo that Russia must be punished.",
                  {"secretary": ("GBRGOV", None), "Russia": ("RUS", None)})
    location, _ = locate_event(word(ctx, "told"), ctx, event_type="ACCUSE")
    assert (location.name, location.country) == ("Tokyo", "JPN")
    # the trip itself happens where it goes
    assert locate_event(word(ctx, "trip"), ctx)[0].name == "Tokyo"


def test_a_region_larger_than_a_country_is_no_town(article_context):
    ctx = article_context("The envoy began a tour of Asia on Monday. The minister flew to Asia.", PUBLISHED)
    location, _ = locate_event(word(ctx, "tour"), ctx)
    assert location is None or location.country != "PHL"


def test_where_someone_was_speaking_is_not_the_scene_of_the_story(article_context):
    ctx = article_context("Jets struck a convoy near Kunduz on Monday. The minister, speaking in Islamabad, denied "
                          "any role. The militia vowed to retaliate.", PUBLISHED)
    location, evidence = locate_event(word(ctx, "vowed"), ctx)
    assert (location.name, evidence["place_scope"]) == ("Kunduz", "article")
