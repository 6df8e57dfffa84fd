"""Stories: articles that follow one news story over days."""

from __future__ import annotations

import datetime as dt
import json

from newswire import MONDAY, al_jazeera, associated_press, event_in, irna_denial, reuters

from tacitus.link.linker import link
from tacitus.records import Article


def state_department_follow_up() -> tuple[Article, list]:
    """Another event (a US statement) in the same story, sharing no event cluster with it."""
    article = Article(
        "state-0510",
        "The State Department said on Friday that Washington would keep pursuing diplomacy with Iran over its "
        "nuclear programme despite Tehran's rejection of direct talks. A spokesman said Omani mediation would "
        "continue and that the offer of direct talks remained on the table.",
        published=MONDAY + dt.timedelta(days=4), outlet="CNN")
    return article, [event_in(
        article, "The State Department said on Friday that Washington would keep pursuing diplomacy with Iran over "
                 "its nuclear programme despite Tehran's rejection of direct talks.",
        source=("Washington", "USA"), target=("Iran", "IRN"), trigger="pursuing", cameo="036",
        factuality="intended")]


def treasury_sanctions() -> tuple[Article, list]:
    """The same two countries in the same week, another story."""
    article = Article(
        "treasury-0508",
        "The U.S. Treasury on Wednesday imposed sanctions on six Iranian companies accused of supplying drone "
        "engines to Russia's military. The designations freeze any assets the firms hold in American banks.",
        published=MONDAY + dt.timedelta(days=2), outlet="Bloomberg")
    return article, [event_in(
        article, "The U.S. Treasury on Wednesday imposed sanctions on six Iranian companies accused of supplying "
                 "drone engines to Russia's military.",
        source=("U.S.", "USA"), target=("Iranian", "IRN"), trigger="imposed", cameo="163",
        date=MONDAY + dt.timedelta(days=2))]


def talks_in_july() -> tuple[Article, list]:
    """The same subject two months later: past the story window, a new story."""
    day = dt.date(2024, 7, 15)
    article = Article(
        "muscat-0715",
        "Iran and the United States held indirect talks in Muscat on Monday over Iran's nuclear programme, Omani "
        "officials said, the first such contact since Tehran rejected direct talks in May.",
        published=day, outlet="Reuters")
    return article, [event_in(
        article, "Iran and the United States held indirect talks in Muscat on Monday over Iran's nuclear programme, "
                 "Omani officials said, the first such contact since Tehran rejected direct talks in May.",
        source=("Iran", "IRN"), target=("United States", "USA"), trigger="talks", cameo="040", date=day,
        factuality="reported")]


def story_of(store) -> dict[str, str]:
    return dict(store.con.execute("SELECT doc_id, story_id FROM article_links").fetchall())


def test_articles_following_one_story_are_grouped(store):
    store.add([reuters(), associated_press(), al_jazeera(), irna_denial(), state_department_follow_up(),
               treasury_sanctions(), talks_in_july()])
    link(store)

    stories = story_of(store)
    talks = {stories[d] for d in ("reuters-0506", "ap-0507", "aljazeera-0507", "irna-0509", "state-0510")}
    assert len(talks) == 1
    (talks_story,) = talks
    assert stories["treasury-0508"] != talks_story
    assert stories["muscat-0715"] not in (talks_story, stories["treasury-0508"])

    row = store.con.execute("SELECT first_published, last_published, articles, events, actors, terms, title "
                            "FROM stories WHERE story_id = ?", [talks_story]).fetchone()
    assert row[:4] == (MONDAY, MONDAY + dt.timedelta(days=4), 5, 5)
    assert set(json.loads(row[4])) == {"IRNGOV", "USAGOV"}
    assert "talks" in json.loads(row[5])
    assert row[6] == "Iran rejects U.S. offer of direct nuclear talks"  # the first article's headline


def test_stories_grow_across_runs_and_match_a_full_relink(store):
    for report in (reuters(), treasury_sanctions(), associated_press(), state_department_follow_up(),
                   irna_denial(), talks_in_july()):
        store.add([report])
        link(store)
    incremental = story_of(store)
    assert len(set(incremental.values())) == 3

    link(store, full=True)
    assert story_of(store) == incremental
    assert store.con.execute("SELECT sum(members) FROM stories").fetchone()[0] == 6


def test_article_without_events_is_in_no_story(store):
    weather = Article("weather-0506", "Heavy rain is expected across the north of England on Monday.",
                      published=MONDAY, outlet="BBC")
    store.add([(weather, []), reuters()])
    link(store)
    assert story_of(store)["weather-0506"] is None
    assert store.con.execute("SELECT count(*) FROM stories").fetchone()[0] == 1
