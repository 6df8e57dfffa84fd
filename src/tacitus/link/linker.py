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
from tacitus.link.claims import summarize
from tacitus.link.dedup import COPY_WINDOW_DAYS, find_copies
from tacitus.store.signature import ArticleSignature
from tacitus.link.wording import terms
from tacitus.store.db import EventStore, fetch_dicts

TOP_ACTORS = 5


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
        new_docs = _link_copies(store, summary)
        summary.seconds["copies"] = time.perf_counter() - started

        started = time.perf_counter()
        _link_events(store, summary)
        summary.seconds["clusters"] = time.perf_counter() - started

        started = time.perf_counter()
        _link_stories(store, new_docs, summary)
        summary.seconds["stories"] = time.perf_counter() - started

        _refresh_actors(store)
    return summary


# -- near-duplicate articles -------------------------------------------------------------------

def _link_copies(store: EventStore, summary: LinkSummary) -> list[str]:
    """Give every unlinked article its link row, with the original it copies if any."""
    con = store.con
    new = [ArticleSignature(doc_id, published, bytes(minhash), shingles) for doc_id, published, minhash, shingles in
           con.execute("SELECT doc_id, published, minhash, shingles FROM articles "
                       "ANTI JOIN article_links USING (doc_id)").fetchall()]
    summary.articles = len(new)
    if not new:
        return []
    dates = [a.published for a in new if a.published]
    window = (min(dates) - dt.timedelta(days=COPY_WINDOW_DAYS), max(dates) + dt.timedelta(days=COPY_WINDOW_DAYS)) \
        if dates else (dt.date.max, dt.date.min)
    known = [ArticleSignature(doc_id, published, bytes(minhash), shingles, dup_of)
             for doc_id, published, minhash, shingles, dup_of in
             con.execute("SELECT a.doc_id, a.published, a.minhash, a.shingles, l.dup_of FROM articles a "
                         "JOIN article_links l USING (doc_id) "
                         "WHERE a.published IS NULL OR a.published BETWEEN ? AND ?", list(window)).fetchall()]
    copies = find_copies(known, new)
    summary.copies = len(copies)
    rows = pa.table({
        "doc_id": [a.doc_id for a in new],
        "dup_of": pa.array([copies.get(a.doc_id) for a in new], pa.string()),
        "story_id": pa.array([None] * len(new), pa.string()),
    })
    con.execute("INSERT INTO article_links BY NAME SELECT * FROM rows")
    return [a.doc_id for a in new]


# -- event clusters ----------------------------------------------------------------------------

_MENTION_COLUMNS = ("e.event_id, e.event, e.cameo, e.factuality, e.sentence, e.date, e.date_precision, e.published, "
                    "e.source_text, e.source_code, e.source_country, e.source_sector, "
                    "e.target_text, e.target_code, e.target_country, e.target_sector")


def _link_events(store: EventStore, summary: LinkSummary) -> None:
    con = store.con
    mentions = [clustering.Mention.from_row(row) for row in fetch_dicts(con.execute(
        f"SELECT {_MENTION_COLUMNS} FROM events e ANTI JOIN event_links l USING (event_id)"))]
    summary.events = len(mentions)
    existing = _clusters_near(store, mentions)
    assignment, created = clustering.assign(existing, mentions)
    summary.clusters_created = len(created)
    links = pa.table({"event_id": list(assignment), "cluster_id": [c.cluster_id for c in assignment.values()]})
    con.execute("INSERT INTO event_links BY NAME SELECT * FROM links")

    # Clusters that lost members (their article was replaced by a new version) are redone too.
    stale = {cluster_id for (cluster_id,) in con.execute(
        "SELECT c.cluster_id FROM clusters c LEFT JOIN "
        "(SELECT cluster_id, count(*) AS n FROM event_links GROUP BY cluster_id) m USING (cluster_id) "
        "WHERE coalesce(m.n, 0) <> c.members").fetchall()}
    touched = {c.cluster_id: c for c in assignment.values()}
    summary.clusters_updated = len(set(touched) | stale) - len(created)
    _write_clusters(store, touched, stale - set(touched))
    con.execute("""
        UPDATE clusters SET previous_cluster_id = p.previous FROM (
            SELECT cluster_id, lag(cluster_id) OVER (
                PARTITION BY source_actor, target_actor, type_key
                ORDER BY coalesce(date, first_seen), first_seen, cluster_id) AS previous
            FROM clusters) p
        WHERE clusters.cluster_id = p.cluster_id AND clusters.previous_cluster_id IS DISTINCT FROM p.previous
    """)


def _clusters_near(store: EventStore, mentions: list[clustering.Mention]) -> list[clustering.Cluster]:
    """Stored clusters of the new mentions' blocks whose dates could match one of them."""
    con = store.con
    if not mentions or not con.execute("SELECT count(*) FROM clusters").fetchone()[0]:
        return []
    ranges: dict[str, list[int]] = {}
    for m in mentions:
        low, high = m.interval or (dt.date.min.toordinal(), dt.date.max.toordinal())
        bounds = ranges.setdefault(m.block, [low, high])
        bounds[0], bounds[1] = min(bounds[0], low), max(bounds[1], high)
    tolerance = clustering.DAY_TOLERANCE
    wanted = pa.table({
        "block": list(ranges),
        "low": [dt.date.fromordinal(max(1, b[0] - tolerance)) for b in ranges.values()],
        "high": [dt.date.fromordinal(min(dt.date.max.toordinal(), b[1] + tolerance)) for b in ranges.values()],
    })
    found: dict[str, clustering.Cluster] = {}
    for cluster_id, block, start, end in con.execute(
            "SELECT c.cluster_id, c.block, c.anchor_start, c.anchor_end FROM clusters c JOIN wanted w USING (block) "
            "WHERE c.anchor_start IS NULL OR (c.anchor_end >= w.low AND c.anchor_start <= w.high)").fetchall():
        interval = (start.toordinal(), end.toordinal()) if start else None
        found[cluster_id] = clustering.Cluster(cluster_id, block, interval)
    if not found:
        return []
    loaded = pa.table({"cluster_id": list(found)})
    for row in fetch_dicts(con.execute(
            "SELECT l.cluster_id, e.cameo, e.sentence, e.source_text, e.target_text, e.source_sector, "
            "e.target_sector FROM event_links l JOIN loaded USING (cluster_id) JOIN events e USING (event_id) "
            "ORDER BY l.cluster_id, e.event_id")):
        cluster = found[row["cluster_id"]]
        cluster.cameos.add(row["cameo"])
        cluster.sectors = tuple(own or theirs for own, theirs in
                                zip(cluster.sectors, (row["source_sector"], row["target_sector"])))
        if len(cluster.samples) < clustering.SAMPLES:
            cluster.samples.append(terms(row["sentence"] or "", row["source_text"], row["target_text"]))
    return list(found.values())


def _write_clusters(store: EventStore, touched: dict[str, clustering.Cluster], stale: set[str]) -> None:
    con = store.con
    ids = pa.table({"cluster_id": pa.array(list(touched) + sorted(stale), pa.string())})
    intervals: dict[str, tuple[int, int] | None] = {cid: c.interval for cid, c in touched.items()}
    for cluster_id, start, end in con.execute(
            "SELECT cluster_id, anchor_start, anchor_end FROM clusters JOIN ids USING (cluster_id)").fetchall():
        if cluster_id in stale:
            intervals[cluster_id] = (start.toordinal(), end.toordinal()) if start else None
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in fetch_dicts(con.execute(
            "SELECT l.cluster_id, e.*, a.dup_of FROM event_links l JOIN ids USING (cluster_id) "
            "JOIN events e USING (event_id) JOIN article_links a ON a.doc_id = e.doc_id")):
        members[row["cluster_id"]].append(row)
    rows = []
    for cluster_id, rows_of_cluster in members.items():
        figures = summarize(rows_of_cluster)
        first = rows_of_cluster[0]
        interval = intervals.get(cluster_id)
        rows.append({
            "cluster_id": cluster_id,
            "block": clustering.block_of(first),
            "source_actor": clustering.dyad_actor(first, "source"),
            "target_actor": clustering.dyad_actor(first, "target"),
            "type_key": clustering.type_key(first),
            "anchor_start": dt.date.fromordinal(interval[0]) if interval else None,
            "anchor_end": dt.date.fromordinal(interval[1]) if interval else None,
            "date": figures.date,
            "first_seen": figures.first_seen,
            "members": figures.members,
            "mentions": figures.mentions,
            "articles": figures.articles,
            "outlets": figures.outlets,
            "copies": figures.copies,
            "representative": figures.representative,
            "cameo": figures.cameo,
            "status": figures.status,
            "claims": json.dumps(figures.claims, ensure_ascii=False),
            "previous_cluster_id": None,
        })
    cluster_rows = pa.Table.from_pylist(rows, schema=_CLUSTER_SCHEMA)
    con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM ids)")
    con.execute("INSERT INTO clusters BY NAME SELECT * FROM cluster_rows")


_CLUSTER_SCHEMA = pa.schema([
    ("cluster_id", pa.string()), ("block", pa.string()), ("source_actor", pa.string()),
    ("target_actor", pa.string()), ("type_key", pa.string()), ("anchor_start", pa.date32()),
    ("anchor_end", pa.date32()), ("date", pa.date32()), ("first_seen", pa.date32()), ("members", pa.int32()),
    ("mentions", pa.int32()), ("articles", pa.int32()), ("outlets", pa.int32()), ("copies", pa.int32()),
    ("representative", pa.string()), ("cameo", pa.string()), ("status", pa.string()), ("claims", pa.string()),
    ("previous_cluster_id", pa.string()),
])


# -- stories -----------------------------------------------------------------------------------

def _link_stories(store: EventStore, new_docs: list[str], summary: LinkSummary) -> None:
    con = store.con
    # Stories that lost articles (replaced by a new version) are redone too.
    stale = {story_id for (story_id,) in con.execute(
        "SELECT s.story_id FROM stories s LEFT JOIN "
        "(SELECT story_id, count(*) AS n FROM article_links GROUP BY story_id) m USING (story_id) "
        "WHERE coalesce(m.n, 0) <> s.members").fetchall()}
    new = _story_articles(store, pa.table({"doc_id": pa.array(new_docs, pa.string())}))
    new = [a for a in new if a.dyads]  # an article without events has no actors to follow
    if not new:
        if stale:
            _write_stories(store, stale, storying.StoryGrouping({}, set()))
        return
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
    touched = set(grouping.story_of.values()) | set(grouping.terms) | stale
    summary.stories_touched = len(touched)
    _write_stories(store, touched, grouping)


def _story_articles(store: EventStore, docs: pa.Table) -> list[storying.StoryArticle]:
    if not docs.num_rows:
        return []
    dyads: dict[str, set[str]] = defaultdict(set)
    signatures: dict[str, set[str]] = defaultdict(set)
    clusters: dict[str, set[str]] = defaultdict(set)
    for doc_id, source, target, kind, cluster_id in store.con.execute(
            "SELECT e.doc_id, coalesce(e.source_country, e.source_code), coalesce(e.target_country, e.target_code), "
            "coalesce(e.event, 'CAMEO' || left(e.cameo, 2)), k.cluster_id "
            "FROM events e JOIN docs USING (doc_id) LEFT JOIN event_links k USING (event_id)").fetchall():
        if source or target:
            dyads[doc_id].add("+".join(sorted(filter(None, {source, target}))))
            signatures[doc_id].add(f"{source}>{target} {kind}")
        if cluster_id:
            clusters[doc_id].add(cluster_id)
    return [
        storying.StoryArticle(doc_id, published, text, frozenset(dyads.get(doc_id, ())),
                              frozenset(signatures.get(doc_id, ())), frozenset(clusters.get(doc_id, ())),
                              story_id, dup_of)
        for doc_id, published, text, story_id, dup_of in store.con.execute(
            "SELECT a.doc_id, a.published, coalesce(a.title || '\n', '') || a.text, l.story_id, l.dup_of "
            "FROM articles a JOIN docs USING (doc_id) JOIN article_links l USING (doc_id) ORDER BY a.doc_id").fetchall()
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
