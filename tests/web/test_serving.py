"""The serving tables answer every search exactly as the events table does: the same events, in
the same order, with the same counts, facets, timelines and look-ups. The reference answers here
are computed the plain way, over `events` and its link tables, on a store of generated events
written for this test (actors with and without countries and actor ids, undated events, places,
every factuality)."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from tacitus.link.linker import link
from tacitus.records import ActorRef, Article, EventRecord, Location, Trigger
from tacitus.store import EventStore
from tacitus.store.db import EventQuery
from tacitus.web import details, queries
from tacitus.web.queries import Search, following, words
from tacitus.web.snapshot import StoreSnapshots, rows_of

ACTORS = [  # (words in the sentence, code, country, actor_id)
    ("Iran", "IRN", "IRN", None), ("the Iranian government", "IRNGOV", "IRN", None),
    ("President Rouhani", "IRNGOV", "IRN", "Q123"), ("Washington", "USAGOV", "USA", None),
    ("the Pentagon", "USAMIL", "USA", "Q11209"), ("Moscow", "RUSGOV", "RUS", None),
    ("rebel fighters", "REB", None, None), ("Syria", "SYR", "SYR", None),
]
ACTIONS = [("rejected talks with", "125", "REJECT", 3, -5.0), ("accused", "112", "ACCUSE", 3, -2.0),
           ("sanctioned", "163", "SANCTION", 4, -8.0), ("met", "040", "CONSULT", 1, 1.0),
           ("praised", "051", None, 1, 3.4)]
PLACES = [None, None, Location("Damascus", "SYR", 33.51, 36.29), Location("Aleppo", "SYR", 36.2, 37.16),
          Location("Tehran", "IRN", 35.69, 51.42), Location("Geneva", "CHE", 46.2, 6.15)]
ENDINGS = ["over the nuclear programme.", "after border clashes.", "at the summit in Geneva.",
           "— officials said 100% of it was false.", "over sanctions relief."]


def generated_articles(count: int, seed: int = 3) -> list[tuple[Article, list[EventRecord]]]:
    rng = random.Random(seed)
    made = []
    for number in range(count):
        source, target = rng.sample(ACTORS, 2)
        verb, cameo, event, quad, goldstein = rng.choice(ACTIONS)
        sentence = f"{source[0][0].upper()}{source[0][1:]} {verb} {target[0]} {rng.choice(ENDINGS)}"
        published = dt.date(2013, 1, 1) + dt.timedelta(days=rng.randrange(2000))
        article = Article(f"doc-{number:04d}", sentence, title=f"Report {number}", published=published,
                          outlet=rng.choice(["Gulf Courier", "Levant Wire", None]))
        at_target = sentence.index(target[0])
        record = EventRecord(
            doc_id=article.doc_id, sentence_index=0, sentence=sentence, span=(0, len(sentence)),
            trigger=Trigger(verb.split()[0], (len(source[0]) + 1, len(source[0]) + 1 + len(verb.split()[0]))),
            event=event, cameo=cameo, quad_class=quad, goldstein=goldstein,
            source=ActorRef(source[0], (0, len(source[0])), code=source[1], country=source[2], actor_id=source[3]),
            target=ActorRef(target[0], (at_target, at_target + len(target[0])), code=target[1], country=target[2],
                            actor_id=target[3]),
            factuality=rng.choice(["asserted", "asserted", "reported", "denied", "future"]),
            date=published - dt.timedelta(days=rng.randrange(3)) if rng.random() < 0.7 else None,
            location=rng.choice(PLACES), confidence=rng.choice([0.3, 0.55, 0.8, 0.9]),
            published=published, outlet=article.outlet)
        made.append((article, [record]))
    return made


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    directory = tmp_path_factory.mktemp("serving")
    path = directory / "events.duckdb"
    with EventStore(path) as store:
        store.add(generated_articles(400))
        link(store)
    snapshots = StoreSnapshots(path, directory / "snapshots")
    assert snapshots.refresh()
    reader = snapshots.reader()
    yield reader
    reader.close()
    snapshots.close()


# -- the plain way: every filter over the events table --------------------------------------------

PLAIN_SORTS = {"date": "coalesce(e.date, e.published)", "confidence": "e.confidence", "goldstein": "e.goldstein",
               "published": "e.published"}


def plain_ids(reader, search: Search, sort: str = "date") -> list[str]:
    where, params = search.query.where()
    clauses = [where]
    if search.cameo:
        clauses.append("starts_with(e.cameo, ?)")
        params.append(search.cameo)
    if search.factuality:
        clauses.append("e.factuality = ?")
        params.append(search.factuality)
    if search.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(search.min_confidence)
    if search.country:
        clauses.append("(e.location_country = upper(?) OR lower(e.location_name) = lower(?))")
        params.extend([search.country, search.country])
    column = PLAIN_SORTS[sort.lstrip("-")]
    direction = "DESC" if sort.startswith("-") else "ASC"
    rows = reader.execute(
        "SELECT e.event_id, e.sentence FROM events e LEFT JOIN event_links l USING (event_id) "
        "LEFT JOIN article_links a ON a.doc_id = e.doc_id "
        f"WHERE {' AND '.join(clauses)} ORDER BY {column} {direction} NULLS LAST, e.doc_id, e.span_start, e.event_id",
        params).fetchall()
    if search.text is not None:
        wanted = words(search.text)
        rows = [row for row in rows if wanted and all(
            any(word.startswith(w) for word in re.findall(r"[^\W_]+", row[1].lower())) for w in wanted)]
    return [event_id for event_id, _ in rows]


SEARCHES = [
    Search(),
    Search(query=EventQuery(actor="IRN")),
    Search(query=EventQuery(actor="USAMIL")),
    Search(query=EventQuery(actor="Q123")),
    Search(query=EventQuery(actor="REB")),
    Search(query=EventQuery(dyad=("IRN", "USA"))),
    Search(query=EventQuery(dyad=("IRNGOV", "Q11209"))),
    Search(query=EventQuery(dyad=("IRN", "USA"), actor="Q123")),
    Search(query=EventQuery(dyad=("IRN", "USA"), event_type="REJECT")),
    Search(query=EventQuery(event_type="reject")),
    Search(query=EventQuery(event_type="1")),
    Search(query=EventQuery(actor="USA", since=dt.date(2014, 1, 1), until=dt.date(2015, 6, 30))),
    Search(query=EventQuery(min_confidence=0.5)),
    Search(cameo="16", factuality="asserted"),
    Search(query=EventQuery(actor="SYR"), min_confidence=0.6),
    Search(country="SYR"),
    Search(country="geneva"),
    Search(query=EventQuery(actor="IRN"), text="nuclear"),
    Search(text="sanction"),
    Search(text="Border CLASHES"),
    Search(text="100%"),
    Search(text="%"),
    Search(text="summit", country="syr"),
]


@pytest.mark.parametrize("search", SEARCHES, ids=lambda s: repr(s)[:90])
def test_a_search_finds_what_the_events_table_holds_in_its_order(reader, search):
    expected = plain_ids(reader, search)
    assert queries.count(reader, search) == len(expected)
    assert [row["event_id"] for row in queries.search_rows(reader, search, limit=1000)] == expected


def test_every_sort_and_page_matches(reader):
    search = Search(query=EventQuery(actor="USA"))
    for sort in queries.SORT_CHOICES:
        expected = plain_ids(reader, search, sort)
        assert len(expected) > 60
        pages = [row["event_id"] for offset in range(0, len(expected), 25)
                 for row in queries.search_rows(reader, search, sort=sort, limit=25, offset=offset)]
        assert pages == expected, sort


def test_story_and_cluster_filters_match(reader):
    story_id, cluster_id = reader.execute(
        "SELECT a.story_id, l.cluster_id FROM event_links l JOIN events e USING (event_id) "
        "JOIN article_links a ON a.doc_id = e.doc_id WHERE a.story_id IS NOT NULL LIMIT 1").fetchone()
    for search in (Search(query=EventQuery(story=story_id)), Search(query=EventQuery(cluster=cluster_id))):
        expected = plain_ids(reader, search)
        assert expected and [row["event_id"] for row in queries.search_rows(reader, search)] == expected


def test_rows_carry_their_links_and_article(reader):
    row = queries.search_rows(reader, Search(query=EventQuery(dyad=("IRN", "USA"))), limit=1)[0]
    plain = reader.execute(
        "SELECT l.cluster_id, a.story_id, c.status, a.dup_of, r.title FROM events e "
        "LEFT JOIN event_links l USING (event_id) LEFT JOIN clusters c USING (cluster_id) "
        "LEFT JOIN article_links a ON a.doc_id = e.doc_id JOIN articles r ON r.doc_id = e.doc_id "
        "WHERE e.event_id = ?", [row["event_id"]]).fetchone()
    assert (row["cluster_id"], row["story_id"], row["claim_status"], row["copy_of"], row["title"]) == plain
    assert row["sentence"] and row["date"] is None or isinstance(row["date"], dt.date)


@pytest.mark.parametrize("search", [Search(), Search(query=EventQuery(actor="IRN"))], ids=["store", "actor"])
def test_facets_count_the_search_result(reader, search):
    where, params = search.query.where()
    found = queries.facets(reader, search, top=50)
    for name, column in (("event", "coalesce(e.event, 'CAMEO ' || substr(e.cameo, 1, 2))"),
                         ("factuality", "e.factuality"), ("country", "e.location_country")):
        plain = reader.execute(
            f"SELECT {column} AS value, count(*) AS n FROM events e WHERE {where} AND {column} IS NOT NULL "
            "GROUP BY value ORDER BY n DESC, value", params).fetchall()
        assert found[name] == plain, name
    assert [value for value, _ in found["event"]].count("CAMEO 05") == 1  # the praise has no PLOVER type


def test_dyad_timeline_counts_each_event_once(reader):
    bins = queries.dyad_timeline(reader, "IRN", "USA", "month")
    where, params = EventQuery(dyad=("IRN", "USA")).where()
    dated = reader.execute(f"SELECT count(*) FROM events e WHERE {where} AND coalesce(e.date, e.published) "
                           "IS NOT NULL", params).fetchone()[0]
    assert sum(entry["events"] for entry in bins) == dated > 0


def test_map_cells_open_a_located_event_of_the_cell(reader):
    points = queries.map_points(reader, Search(query=EventQuery(actor="SYR")), 1.0)
    assert points
    for point in points:
        lat, lon = reader.execute("SELECT location_lat, location_lon FROM events WHERE event_id = ?",
                                  [point["event_id"]]).fetchone()
        assert round(lat) == round(point["lat"]) and round(lon) == round(point["lon"])


def test_event_article_and_cluster_look_ups(reader):
    event_id, doc_id, cluster_id = reader.execute(
        "SELECT e.event_id, e.doc_id, l.cluster_id FROM events e JOIN event_links l USING (event_id) "
        "ORDER BY e.event_id LIMIT 1").fetchone()
    found = details.event(reader, event_id)
    assert found["event_id"] == event_id and found["cluster_id"] == cluster_id
    assert found["article"]["doc_id"] == doc_id
    members = {row[0] for row in reader.execute("SELECT event_id FROM event_links WHERE cluster_id = ?",
                                                [cluster_id]).fetchall()}
    assert {report["event_id"] for report in found["cluster"]["reports"]} == members
    assert [event["event_id"] for event in details.article(reader, doc_id)["events"]] == [event_id]
    assert details.event(reader, "no-such-event") is None


def test_words_are_split_and_bounded_as_the_serving_tables_split_them(reader):
    assert words("Border, CLASHES border") == ["border", "clashes"]
    assert words("100% -- _") == ["100"]
    assert following("abc") == "abd" and following("a\U0010ffff") > "a\U0010ffff"
    assert "border" >= "bord" and "border" < following("bord") and not "bore" < following("bord")
    stored = {row[0] for row in reader.execute("SELECT DISTINCT word FROM serve_words").fetchall()}
    assert {"nuclear", "100", "border", "rouhani"} <= stored and "100%" not in stored


def test_a_retired_snapshot_leaves_no_files(tmp_path):
    path = tmp_path / "events.duckdb"
    made = generated_articles(6)
    for number in range(3):
        with EventStore(path) as store:
            store.add(made[2 * number:2 * number + 2])
        if number == 0:
            snapshots = StoreSnapshots(path, tmp_path / "snapshots")
        assert snapshots.refresh()
    # The first copy was retired by the second and closed by the third refresh, rows and all.
    names = sorted(part.name for part in (tmp_path / "snapshots").iterdir())
    assert names == ["snapshot-2.duckdb", "snapshot-2.duckdb.rows.arrow",
                     "snapshot-3.duckdb", "snapshot-3.duckdb.rows.arrow"]
    with snapshots.reader() as reader:
        assert reader.execute("SELECT count(*) FROM serve_events").fetchone()[0] == 6
    snapshots.close()
