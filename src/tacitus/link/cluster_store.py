"""Stored clusters: reading those new mentions may join, and writing the rows of changed ones.

A cluster's row is recomputed from all of its member events whenever it gains or loses one. Its
figures and best record come from one SQL aggregate over the members of every changed cluster at
once; only the claims (each counted mention's stance, in publication order, as JSON) and the
block are made in Python, from narrow rows.

Syndicated copies count once: mentions are counted per group of copies (the original and its
copies), taking the largest number of mentions any one article of the group carries; the outlets
and claims are those of the originals, or of the copies when a cluster is seen only through them.
"""

from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa

from tacitus.link import clusters as clustering
from tacitus.link.claims import claims_of
from tacitus.link.wording import terms
from tacitus.store.db import EventStore, fetch_dicts

_LAST_DAY = "DATE '9999-12-31'"  # dt.date.max: what a missing date sorts as

# The members of the clusters being written, with their article's original when it is a copy.
_MEMBERS = """
    CREATE OR REPLACE TEMP TABLE written_members AS
    SELECT l.cluster_id, e.event_id, e.doc_id, e.confidence, e.date, e.date_precision, e.published, e.outlet,
           e.cameo, e.event, e.factuality, e.attribution_text, e.attribution_code, e.evidence,
           e.source_text, e.source_country, e.source_code, e.target_text, e.target_country, e.target_code,
           a.dup_of, bool_or(a.dup_of IS NULL) OVER (PARTITION BY l.cluster_id) AS has_original
    FROM event_links l JOIN written USING (cluster_id) JOIN events e USING (event_id)
    JOIN article_links a ON a.doc_id = e.doc_id
"""
_FIGURES = f"""
    SELECT cluster_id, count(*) AS members,
           count(DISTINCT doc_id) FILTER (WHERE dup_of IS NOT NULL) AS copies,
           count(DISTINCT nullif(outlet, '')) FILTER (WHERE dup_of IS NULL OR NOT has_original) AS outlets,
           -- the best record: most confident, then earliest, then an original, then by event_id
           first(event_id ORDER BY coalesce(confidence, 0) DESC, coalesce(date, published, {_LAST_DAY}),
                 dup_of IS NOT NULL, event_id) AS representative,
           first(cameo ORDER BY coalesce(confidence, 0) DESC, coalesce(date, published, {_LAST_DAY}),
                 dup_of IS NOT NULL, event_id) AS cameo,
           coalesce(min(date) FILTER (WHERE date_precision IS NULL OR date_precision = 'day'), min(date)) AS date,
           min(published) AS first_seen
    FROM written_members GROUP BY cluster_id
"""
_MENTIONS = """
    SELECT cluster_id, sum(mentions) AS mentions, count(*) AS articles FROM (
        SELECT cluster_id, original, max(mentions) AS mentions FROM (
            SELECT cluster_id, coalesce(nullif(any_value(dup_of), ''), doc_id) AS original, count(*) AS mentions
            FROM written_members GROUP BY cluster_id, doc_id)
        GROUP BY cluster_id, original)
    GROUP BY cluster_id
"""
_BLOCK_FIELDS = ("source_text", "source_country", "source_code", "target_text", "target_country", "target_code",
                 "event", "cameo", "factuality")
_DESCRIBED_SCHEMA = pa.schema([
    ("cluster_id", pa.string()), ("block", pa.string()), ("source_actor", pa.string()), ("target_actor", pa.string()),
    ("type_key", pa.string()), ("status", pa.string()), ("claims", pa.string()),
])


def clusters_near(store: EventStore, mentions: list[clustering.Mention]) -> list[clustering.Cluster]:
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


def write_clusters(store: EventStore, touched: dict[str, clustering.Cluster], stale: set[str]) -> None:
    """Rewrite the rows of the `touched` clusters (with the dates the clustering gave them) and of
    the `stale` ones (which keep their stored dates); a cluster left without members is removed."""
    con = store.con

    def day(ordinal: int | None) -> dt.date | None:
        return dt.date.fromordinal(ordinal) if ordinal is not None else None

    fresh = pa.table({
        "cluster_id": pa.array(list(touched), pa.string()),
        "anchor_start": pa.array([day(c.interval[0] if c.interval else None) for c in touched.values()], pa.date32()),
        "anchor_end": pa.array([day(c.interval[1] if c.interval else None) for c in touched.values()], pa.date32()),
    })
    stale_ids = pa.table({"cluster_id": pa.array(sorted(stale), pa.string())})
    con.execute("CREATE OR REPLACE TEMP TABLE written AS SELECT * FROM fresh UNION ALL "
                "SELECT cluster_id, anchor_start, anchor_end FROM clusters JOIN stale_ids USING (cluster_id)")
    con.execute(_MEMBERS)
    described = pa.Table.from_pylist(_describe(store), schema=_DESCRIBED_SCHEMA)
    con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM written)")
    con.execute(f"""
        INSERT INTO clusters BY NAME
        SELECT f.*, m.mentions, m.articles, w.anchor_start, w.anchor_end, d.block, d.source_actor, d.target_actor,
               d.type_key, d.status, d.claims, NULL::VARCHAR AS previous_cluster_id
        FROM ({_FIGURES}) f JOIN ({_MENTIONS}) m USING (cluster_id) JOIN written w USING (cluster_id)
        JOIN described d USING (cluster_id)""")
    con.execute("DROP TABLE written_members")
    con.execute("DROP TABLE written")


def _describe(store: EventStore) -> list[dict[str, str | None]]:
    """Block, dyad, type, claim status and claims of each cluster in ``written_members``."""
    con = store.con
    counted: dict[str, list[tuple]] = {}
    for cluster_id, *mention in con.execute(f"""
            SELECT cluster_id, factuality, attribution_text, attribution_code,
                   CASE WHEN factuality = 'reported' THEN evidence END, outlet, published, doc_id, event_id
            FROM written_members WHERE dup_of IS NULL OR NOT has_original
            ORDER BY cluster_id, coalesce(published, {_LAST_DAY}), doc_id, event_id""").fetchall():
        counted.setdefault(cluster_id, []).append(mention)
    fields = ", ".join(f"'{name}': {name}" for name in _BLOCK_FIELDS)
    described = []
    # Every member of a cluster is in its block, so any one of them gives the block and dyad.
    for cluster_id, member in con.execute(
            f"SELECT cluster_id, first({{{fields}}} ORDER BY event_id) FROM written_members GROUP BY cluster_id").fetchall():
        claims, status = claims_of(counted[cluster_id])
        described.append({
            "cluster_id": cluster_id, "block": clustering.block_of(member),
            "source_actor": clustering.dyad_actor(member, "source"),
            "target_actor": clustering.dyad_actor(member, "target"),
            "type_key": clustering.type_key(member), "status": status,
            "claims": json.dumps(claims, ensure_ascii=False),
        })
    return described
