"""Linking stored articles and events: copies, event clusters, claim status, stories, actors.

`link` works on what is not linked yet (articles without an ``article_links`` row, events without
an ``event_links`` row) and updates only the clusters and stories those touch, so ingest can call
it after every run. ``full=True`` drops all links first and recomputes them. Each call is one
transaction: a run killed while linking leaves the previous links, and the next call redoes it.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from tacitus.link import clusters as clustering
from tacitus.link import stories as storying
from tacitus.link.cluster_store import clusters_near, write_clusters
from tacitus.link.dedup import BATCH_ROWS, COPY_WINDOW_DAYS, find_copies_in_batches, signature_batches
from tacitus.store.db import EventStore, fetch_dicts

TOP_ACTORS = 5
# Linking holds at most about this many events, or articles, in memory at once: events are
# clustered a bucket of blocks at a time, and stories grow a chunk of articles (in publication
# order) at a time.
CLUSTER_CHUNK = 50_000
STORY_CHUNK = 20_000


@dataclass
class LinkSummary:
    articles: int = 0
    copies: int = 0
    events: int = 0
    clusters_created: int = 0
    clusters_updated: int = 0
    stories_touched: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {**{k: v for k, v in self.__dict__.items() if k != "seconds"},
                "seconds": {k: round(v, 3) for k, v in self.seconds.items()}}


def link(store: EventStore, *, full: bool = False) -> LinkSummary:
    summary = LinkSummary()
    con = store.con
    with store.transaction():
        if full:
            for table in ("event_links", "article_links", "clusters", "stories"):
                con.execute(f"DELETE FROM {table}")
        started = time.perf_counter()
        _link_copies(store, summary)
        summary.seconds["copies"] = time.perf_counter() - started

        started = time.perf_counter()
        _link_events(store, summary)
        summary.seconds["clusters"] = time.perf_counter() - started

        started = time.perf_counter()
        _link_stories(store, summary)
        summary.seconds["stories"] = time.perf_counter() - started

        _refresh_actors(store)
    return summary


# -- near-duplicate articles -------------------------------------------------------------------

def _link_copies(store: EventStore, summary: LinkSummary) -> None:
    """Give every unlinked article its link row, with the original it copies if any.

    The unlinked articles are noted in the temporary table ``new_docs`` (with the chunk of
    STORY_CHUNK articles, in publication order, the story step takes them in). Signatures are
    read as one stream in comparison order, so only a few days of articles are in memory.
    """
    con = store.con
    con.execute("""
        CREATE OR REPLACE TEMP TABLE new_docs AS
        SELECT doc_id, published,
               (row_number() OVER (ORDER BY published NULLS LAST, doc_id) - 1) // ? AS chunk
        FROM articles ANTI JOIN article_links USING (doc_id)""", [STORY_CHUNK])
    (summary.articles, low, high), = con.execute("SELECT count(*), min(published), max(published) FROM new_docs").fetchall()
    if not summary.articles:
        return
    window = (low - dt.timedelta(days=COPY_WINDOW_DAYS), high + dt.timedelta(days=COPY_WINDOW_DAYS)) \
        if low else (dt.date.max, dt.date.min)
    reader = con.sql("""
        SELECT a.doc_id, a.published, a.minhash, a.shingles, l.dup_of, l.doc_id IS NULL AS is_new
        FROM articles a LEFT JOIN article_links l USING (doc_id)
        WHERE l.doc_id IS NULL OR a.published IS NULL OR a.published BETWEEN ? AND ?
        ORDER BY a.published IS NULL, a.published, is_new, a.doc_id""", params=list(window)).to_arrow_reader(BATCH_ROWS)
    copies = find_copies_in_batches(signature_batches(reader))
    summary.copies = len(copies)
    found = pa.table({"doc_id": pa.array(list(copies), pa.string()),
                      "dup_of": pa.array(list(copies.values()), pa.string())})
    con.execute("INSERT INTO article_links BY NAME "
                "SELECT n.doc_id, f.dup_of, NULL::VARCHAR AS story_id FROM new_docs n LEFT JOIN found f USING (doc_id)")


# -- event clusters ----------------------------------------------------------------------------

# The bucket of an event's block (tacitus.link.clusters.block_of): equal blocks, equal buckets.
_BLOCK_HASH = ("hash(coalesce(e.source_country, e.source_code, '~' || lower(e.source_text)), "
               "coalesce(e.target_country, e.target_code, '~' || lower(e.target_text)), "
               "coalesce(e.event, 'CAMEO' || left(e.cameo, 2)), "
               f"e.factuality IN ({', '.join(repr(f) for f in sorted(clustering.IRREALIS))}))")
_MENTION_COLUMNS = ("e.event_id, e.event, e.cameo, e.factuality, e.sentence, e.date, e.date_precision, e.published, "
                    "e.source_text, e.source_code, e.source_country, e.source_sector, "
                    "e.target_text, e.target_code, e.target_country, e.target_sector")


def _link_events(store: EventStore, summary: LinkSummary) -> None:
    """Cluster the unlinked events, a bucket of blocks at a time (clusters never cross blocks,
    so the buckets give the clusters one pass over all events would, in bounded memory)."""
    con = store.con
    summary.events = con.execute("SELECT count(*) FROM events ANTI JOIN event_links USING (event_id)").fetchone()[0]
    buckets = max(1, -(-summary.events // CLUSTER_CHUNK))
    touched_ids: set[str] = set()
    for bucket in range(buckets):
        mentions = [clustering.Mention.from_row(row) for row in fetch_dicts(con.execute(
            f"SELECT {_MENTION_COLUMNS} FROM events e ANTI JOIN event_links l USING (event_id) "
            f"WHERE {_BLOCK_HASH} % ? = ?", [buckets, bucket]))]
        if not mentions:
            continue
        existing = clusters_near(store, mentions)
        assignment, created = clustering.assign(existing, mentions)
        del mentions
        summary.clusters_created += len(created)
        links = pa.table({"event_id": list(assignment), "cluster_id": [c.cluster_id for c in assignment.values()]})
        con.execute("INSERT INTO event_links BY NAME SELECT * FROM links")
        touched = {c.cluster_id: c for c in assignment.values()}
        touched_ids.update(touched)
        write_clusters(store, touched, set())

    # Clusters that lost members (their article was replaced by a new version) are redone too.
    stale = {cluster_id for (cluster_id,) in con.execute(
        "SELECT c.cluster_id FROM clusters c LEFT JOIN "
        "(SELECT cluster_id, count(*) AS n FROM event_links GROUP BY cluster_id) m USING (cluster_id) "
        "WHERE coalesce(m.n, 0) <> c.members").fetchall()}
    summary.clusters_updated = len(touched_ids | stale) - summary.clusters_created
    if stale:
        write_clusters(store, {}, stale)
    con.execute("""
        UPDATE clusters SET previous_cluster_id = p.previous FROM (
            SELECT cluster_id, lag(cluster_id) OVER (
                PARTITION BY source_actor, target_actor, type_key
                ORDER BY coalesce(date, first_seen), first_seen, cluster_id) AS previous
            FROM clusters) p
        WHERE clusters.cluster_id = p.cluster_id AND clusters.previous_cluster_id IS DISTINCT FROM p.previous
    """)


# -- stories -----------------------------------------------------------------------------------

def _link_stories(store: EventStore, summary: LinkSummary) -> None:
    """Add the new articles to stories, a chunk of STORY_CHUNK of them (in publication order) at
    a time: each chunk meets the stored articles published near it, earlier chunks included."""
    con = store.con
    # Stories that lost articles (replaced by a new version) are redone too.
    stale = {story_id for (story_id,) in con.execute(
        "SELECT s.story_id FROM stories s LEFT JOIN "
        "(SELECT story_id, count(*) AS n FROM article_links GROUP BY story_id) m USING (story_id) "
        "WHERE coalesce(m.n, 0) <> s.members").fetchall()}
    chunks, low, high = con.execute("SELECT coalesce(max(chunk) + 1, 0), min(published), max(published) "
                                    "FROM new_docs").fetchall()[0]
    if chunks:
        # The features of every article a chunk may meet (the new ones, and the stored ones in a
        # story published near them) in one pass over the events, not one pass per chunk.
        window = dt.timedelta(days=storying.WINDOW_DAYS)
        con.execute("CREATE OR REPLACE TEMP TABLE featured AS SELECT doc_id FROM new_docs UNION "
                    "SELECT a.doc_id FROM articles a JOIN article_links l USING (doc_id) "
                    "WHERE l.story_id IS NOT NULL AND (a.published IS NULL OR a.published BETWEEN ? AND ?)",
                    [low - window, high + window] if low else [dt.date.max, dt.date.min])
        con.execute(f"CREATE OR REPLACE TEMP TABLE story_features AS {_STORY_FEATURES}")
    touched: set[str] = set()
    for chunk in range(chunks):
        ids = [doc_id for (doc_id,) in con.execute("SELECT doc_id FROM new_docs WHERE chunk = ?", [chunk]).fetchall()]
        docs = pa.table({"doc_id": pa.array(ids, pa.string())})
        touched |= _link_story_chunk(store, docs)
    if stale - touched:
        _write_stories(store, stale - touched, storying.StoryGrouping({}, set()))
    if chunks:
        con.execute("DROP TABLE story_features")
        con.execute("DROP TABLE featured")
    summary.stories_touched = len(touched | stale)


def _link_story_chunk(store: EventStore, docs: pa.Table) -> set[str]:
    con = store.con
    new = [a for a in _story_articles(store, docs) if a.dyads]  # an article without events has no actors to follow
    if not new:
        return set()
    dates = [a.published for a in new if a.published]
    window = storying.WINDOW_DAYS
    low = min(dates) - dt.timedelta(days=window) if dates else dt.date.max
    high = max(dates) + dt.timedelta(days=window) if dates else dt.date.min
    new_ids = {a.doc_id for a in new}
    nearby = con.execute(
        "SELECT a.doc_id FROM articles a JOIN article_links l USING (doc_id) "
        "WHERE l.story_id IS NOT NULL AND (a.published IS NULL OR a.published BETWEEN ? AND ?)", [low, high]).fetchall()
    known = _story_articles(store, pa.table({"doc_id": pa.array([d for (d,) in nearby if d not in new_ids], pa.string())}))
    grouping = storying.group(known, new)
    changes = pa.table({"doc_id": pa.array(list(grouping.story_of), pa.string()),
                        "story_id": pa.array(list(grouping.story_of.values()), pa.string())})
    con.execute("UPDATE article_links SET story_id = c.story_id FROM changes c WHERE article_links.doc_id = c.doc_id")
    touched = set(grouping.story_of.values()) | set(grouping.terms)
    _write_stories(store, touched, grouping)
    return touched


# Per article, its events' unordered actor pairs ("IRN+USA", or the one actor), directed
# signatures ("IRN>USA REJECT", a missing side written None) and clusters, as lists.
_STORY_FEATURES = """
    SELECT doc_id,
           list_distinct(list(nullif(CASE WHEN coalesce(s, '') = '' THEN t WHEN coalesce(t, '') = '' OR s = t THEN s
                                          ELSE least(s, t) || '+' || greatest(s, t) END, ''))) AS dyads,
           list_distinct(list(coalesce(s, 'None') || '>' || coalesce(t, 'None') || ' ' || kind)
                         FILTER (coalesce(s, '') <> '' OR coalesce(t, '') <> '')) AS signatures,
           list_distinct(list(cluster_id)) AS clusters
    FROM (SELECT e.doc_id, coalesce(e.source_country, e.source_code) AS s, coalesce(e.target_country, e.target_code) AS t,
                 coalesce(e.event, 'CAMEO' || left(e.cameo, 2)) AS kind, k.cluster_id
          FROM events e JOIN featured USING (doc_id) LEFT JOIN event_links k USING (event_id))
    GROUP BY doc_id
"""


def _story_articles(store: EventStore, docs: pa.Table) -> list[storying.StoryArticle]:
    if not docs.num_rows:
        return []
    return [
        storying.StoryArticle(doc_id, published, text, frozenset(dyads or ()), frozenset(signatures or ()),
                              frozenset(clusters or ()), story_id, dup_of)
        for doc_id, published, text, story_id, dup_of, dyads, signatures, clusters in store.con.execute(
            "SELECT a.doc_id, a.published, coalesce(a.title || '\n', '') || a.text, l.story_id, l.dup_of, "
            "f.dyads, f.signatures, f.clusters "
            "FROM articles a JOIN docs USING (doc_id) JOIN article_links l USING (doc_id) "
            "LEFT JOIN story_features f USING (doc_id) ORDER BY a.doc_id").fetchall()
    ]


def _write_stories(store: EventStore, touched: Iterable[str], grouping: storying.StoryGrouping) -> None:
    con = store.con
    merged = pa.table({"story_id": pa.array(sorted(grouping.merged), pa.string())})
    con.execute("DELETE FROM stories WHERE story_id IN (SELECT story_id FROM merged)")
    ids = pa.table({"story_id": pa.array(sorted(touched), pa.string())})
    kept_terms = dict(con.execute("SELECT story_id, terms FROM stories JOIN ids USING (story_id)").fetchall())
    actors: dict[str, list[str]] = defaultdict(list)
    for story_id, code in con.execute("""
            SELECT story_id, code FROM (
                SELECT l.story_id, x.code, count(*) AS n FROM article_links l JOIN ids USING (story_id)
                JOIN events e USING (doc_id), unnest([e.source_code, e.target_code]) AS x(code)
                WHERE x.code IS NOT NULL GROUP BY ALL)
            QUALIFY row_number() OVER (PARTITION BY story_id ORDER BY n DESC, code) <= ?
            ORDER BY story_id, n DESC, code""", [TOP_ACTORS]).fetchall():
        actors[story_id].append(code)
    con.execute("DELETE FROM stories WHERE story_id IN (SELECT story_id FROM ids)")
    con.execute("""
        INSERT INTO stories BY NAME
        SELECT l.story_id,
               arg_min(coalesce(a.title, left(a.text, 120)), (coalesce(a.published, DATE '9999-12-31'), a.doc_id)) AS title,
               min(a.published) AS first_published, max(a.published) AS last_published,
               count(*) AS members, count(*) FILTER (WHERE l.dup_of IS NULL) AS articles,
               coalesce(sum(a.event_count) FILTER (WHERE l.dup_of IS NULL), 0) AS events, '[]' AS actors, '[]' AS terms
        FROM article_links l JOIN ids USING (story_id) JOIN articles a USING (doc_id)
        GROUP BY l.story_id
    """)
    details = pa.table({
        "story_id": ids["story_id"],
        "actors": [json.dumps(actors.get(s, [])) for s in ids["story_id"].to_pylist()],
        "terms": [json.dumps(grouping.terms[s]) if s in grouping.terms else kept_terms.get(s, "[]")
                  for s in ids["story_id"].to_pylist()],
    })
    con.execute("UPDATE stories SET actors = d.actors, terms = d.terms FROM details d "
                "WHERE stories.story_id = d.story_id")


# -- actors ------------------------------------------------------------------------------------

def _refresh_actors(store: EventStore) -> None:
    """Actors as coded: one row per actor code with its usual name and how often it acts."""
    store.con.execute("DELETE FROM actors")
    store.con.execute("""
        INSERT INTO actors BY NAME
        SELECT code, mode(country) AS country, mode(sector) AS sector, mode(name) AS name,
               mode(actor_id) AS actor_id, count(*) AS events, min(day) AS first_seen, max(day) AS last_seen
        FROM (
            SELECT source_code AS code, source_country AS country, source_sector AS sector, source_name AS name,
                   source_actor_id AS actor_id, coalesce(date, published) AS day FROM events
            UNION ALL
            SELECT target_code, target_country, target_sector, target_name, target_actor_id,
                   coalesce(date, published) FROM events
        ) WHERE code IS NOT NULL
        GROUP BY code
    """)
