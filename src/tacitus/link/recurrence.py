"""Recurrence: earlier events like this one, in any year.

An earlier cluster recurs when it has the same dyad (source and target country, or actor code
where there is no country) and the same PLOVER type or CAMEO root. Candidates are ranked by
same CAMEO code first, then same CAMEO root, then closer wording, then more mentions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb

from tacitus.link.wording import similarity, terms
from tacitus.store.db import fetch_dicts

_CLUSTER_WITH_REPRESENTATIVE = """
    SELECT c.cluster_id, c.source_actor, c.target_actor, c.type_key, c.cameo, c.date, c.first_seen,
           c.mentions, c.articles, c.status, e.event_id, e.event, e.sentence, e.source_text, e.target_text
    FROM clusters c JOIN events e ON e.event_id = c.representative
"""
# A table holding the rows of the query above may stand in for it (`tacitus serve` keeps one,
# sorted by dyad, in its snapshot): its name is passed as `table`.


@dataclass
class Recurrence:
    cluster: dict[str, Any]
    same_code: bool
    same_root: bool
    wording: float

    def rank_key(self) -> tuple:
        return (self.same_code, self.same_root, round(self.wording, 2), self.cluster["mentions"])


def resolve_cluster(con: duckdb.DuckDBPyConnection, ident: str) -> str | None:
    """The cluster of an event_id, or the cluster itself when given a cluster_id."""
    found = con.execute(
        "SELECT cluster_id FROM event_links WHERE event_id = ? "
        "UNION ALL SELECT cluster_id FROM clusters WHERE cluster_id = ? LIMIT 1",
        [ident, ident],
    ).fetchone()
    return found[0] if found else None


def _clusters_from(table: str | None) -> str:
    return f"SELECT * FROM {table} c" if table else _CLUSTER_WITH_REPRESENTATIVE


def cluster_with_representative(con: duckdb.DuckDBPyConnection, cluster_id: str, table: str | None = None
                                ) -> dict[str, Any] | None:
    rows = list(fetch_dicts(con.execute(_clusters_from(table) + " WHERE c.cluster_id = ?", [cluster_id])))
    return rows[0] if rows else None


def similar_earlier(con: duckdb.DuckDBPyConnection, cluster_id: str, limit: int = 10, table: str | None = None
                    ) -> list[Recurrence]:
    """Earlier clusters of the same dyad and type or root, best first."""
    target = cluster_with_representative(con, cluster_id, table)
    if target is None:
        return []
    when: dt.date | None = target["date"] or target["first_seen"]
    candidates = fetch_dicts(con.execute(
        _clusters_from(table)
        + " WHERE c.source_actor IS NOT DISTINCT FROM ? AND c.target_actor IS NOT DISTINCT FROM ?"
          " AND (c.type_key = ? OR substr(c.cameo, 1, 2) = ?) AND c.cluster_id <> ?"
          " AND (CAST(? AS DATE) IS NULL OR coalesce(c.date, c.first_seen) < ?)",
        [target["source_actor"], target["target_actor"], target["type_key"], target["cameo"][:2],
         cluster_id, when, when],
    ))
    wording = terms(target["sentence"] or "", target["source_text"], target["target_text"])
    found = [
        Recurrence(
            cluster=row,
            same_code=row["cameo"] == target["cameo"],
            same_root=row["cameo"][:2] == target["cameo"][:2],
            wording=similarity(wording, terms(row["sentence"] or "", row["source_text"], row["target_text"])),
        )
        for row in candidates
    ]
    found.sort(key=Recurrence.rank_key, reverse=True)
    return found[:limit]
