"""Event searches for the API and the pages: the filters of `tacitus events` plus paging, sorting,
facet counts, dyad timelines and map points.

The filters of `tacitus events` come from :class:`tacitus.store.EventQuery`; the web adds a few
more (factuality, confidence, place, text) as further parameterised clauses on the same query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import duckdb

from tacitus.store.db import EventQuery, fetch_dicts, record_from_row

# Columns a search may sort on, by the name the API accepts (a leading "-" sorts descending).
SORTS = {
    "date": "coalesce(e.date, e.published)",
    "confidence": "e.confidence",
    "goldstein": "e.goldstein",
    "published": "e.published",
}
SORT_CHOICES = tuple(sorted([*SORTS, *(f"-{name}" for name in SORTS)]))
FACTUALITIES = ("asserted", "reported", "denied", "negated", "hypothetical", "future", "intended")
BINS = {"day": "day", "week": "week", "month": "month"}
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

EVENT_FROM = (
    "FROM events e LEFT JOIN event_links l USING (event_id) "
    "LEFT JOIN article_links a ON a.doc_id = e.doc_id LEFT JOIN clusters c ON c.cluster_id = l.cluster_id"
)


@dataclass
class Search:
    """One search: the store's EventQuery plus the web's own filters."""

    query: EventQuery = field(default_factory=EventQuery)
    cameo: str | None = None
    factuality: str | None = None
    min_confidence: float | None = None
    country: str | None = None  # where it happened: a location country code or place name
    text: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        where, params = self.query.where()
        clauses = [where]
        if self.cameo:
            clauses.append("starts_with(e.cameo, ?)")
            params.append(self.cameo)
        if self.factuality:
            clauses.append("e.factuality = ?")
            params.append(self.factuality)
        if self.min_confidence is not None:
            clauses.append("e.confidence >= ?")
            params.append(self.min_confidence)
        if self.country:
            clauses.append("(e.location_country = upper(?) OR e.location_name ILIKE ? ESCAPE '\\')")
            params.extend([self.country, like_pattern(self.country, anywhere=False)])
        if self.text:
            clauses.append("(e.sentence ILIKE ? ESCAPE '\\')")
            params.append(like_pattern(self.text))
        return " AND ".join(clauses), params


def like_pattern(text: str, anywhere: bool = True) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%" if anywhere else escaped


def order_by(sort: str) -> str:
    descending = sort.startswith("-")
    column = SORTS[sort.lstrip("-")]
    direction = "DESC" if descending else "ASC"
    return f"{column} {direction} NULLS LAST, e.doc_id, e.span_start, e.event_id"


def _source(search: Search) -> str:
    """The FROM clause a search needs: the link tables only when it filters on story or cluster,
    so that a search over the events alone scans the events alone."""
    return EVENT_FROM if search.query.story or search.query.cluster else "FROM events e"


def search_rows(con: duckdb.DuckDBPyConnection, search: Search, *, sort: str = "date", limit: int = 50,
                offset: int = 0) -> list[dict[str, Any]]:
    """Flat event rows with their cluster, story and claim status (as `EventStore.event_rows`).
    The page of events is chosen first, then only its rows are joined with their links."""
    where, params = search.where()
    sql = (f"WITH page AS (SELECT e.* {_source(search)} WHERE {where} ORDER BY {order_by(sort)} LIMIT ? OFFSET ?) "
           "SELECT e.*, l.cluster_id, a.story_id, c.status AS claim_status FROM page e "
           "LEFT JOIN event_links l USING (event_id) LEFT JOIN article_links a ON a.doc_id = e.doc_id "
           f"LEFT JOIN clusters c ON c.cluster_id = l.cluster_id ORDER BY {order_by(sort)}")
    return list(fetch_dicts(con.execute(sql, [*params, limit, offset])))


def count(con: duckdb.DuckDBPyConnection, search: Search) -> int:
    where, params = search.where()
    return con.execute(f"SELECT count(*) {_source(search)} WHERE {where}", params).fetchone()[0]


def record(row: dict[str, Any]) -> dict[str, Any]:
    """The contract record of a row, with where it belongs in the store."""
    return {**record_from_row(row), "cluster_id": row.get("cluster_id"), "story_id": row.get("story_id"),
            "claim_status": row.get("claim_status")}


def facets(con: duckdb.DuckDBPyConnection, search: Search, top: int = 12) -> dict[str, list[tuple[str, int]]]:
    """Counts per event type, factuality and place country of the events a search finds."""
    where, params = search.where()
    found = {}
    for name, column in (("event", "coalesce(e.event, 'CAMEO ' || substr(e.cameo, 1, 2))"),
                         ("factuality", "e.factuality"), ("country", "e.location_country")):
        rows = con.execute(
            f"SELECT {column} AS value, count(*) AS n {_source(search)} WHERE {where} AND {column} IS NOT NULL "
            "GROUP BY value ORDER BY n DESC, value LIMIT ?", [*params, top]).fetchall()
        found[name] = [(value, n) for value, n in rows]
    return found


def dyad_timeline(con: duckdb.DuckDBPyConnection, source: str, target: str, bin_size: str) -> list[dict[str, Any]]:
    """Events from `source` to `target` per time bin: counts by quad class and mean Goldstein."""
    where, params = EventQuery(dyad=(source, target)).where()
    unit = BINS[bin_size]
    rows = con.execute(
        f"SELECT date_trunc('{unit}', coalesce(e.date, e.published)) AS bin, e.quad_class, count(*) AS n, "
        f"sum(e.goldstein) AS goldstein FROM events e WHERE {where} AND coalesce(e.date, e.published) IS NOT NULL "
        "GROUP BY bin, e.quad_class ORDER BY bin", params).fetchall()
    bins: dict[dt.date, dict[str, Any]] = {}
    for start, quad, n, goldstein in rows:
        day = start.date() if isinstance(start, dt.datetime) else start
        entry = bins.setdefault(day, {"start": day.isoformat(), "events": 0, "by_quad_class": {str(q): 0 for q in
                                                                                             QUAD_CLASSES},
                                      "_goldstein": 0.0})
        entry["events"] += n
        if quad in QUAD_CLASSES:
            entry["by_quad_class"][str(quad)] += n
        entry["_goldstein"] += goldstein or 0.0
    timeline = []
    for entry in bins.values():
        total = entry.pop("_goldstein")
        entry["mean_goldstein"] = round(total / entry["events"], 3) if entry["events"] else None
        timeline.append(entry)
    return timeline


def map_points(con: duckdb.DuckDBPyConnection, search: Search, cell_degrees: float, limit: int = 2000
               ) -> list[dict[str, Any]]:
    """Located events grouped into cells of `cell_degrees`: one point per cell, with its count,
    its most frequent quad class and place name, and one event to open."""
    where, params = search.where()
    # mode() breaks ties arbitrarily, so the same store could name a cell differently from one
    # request to the next: the most frequent value wins, a tie going to the longer (more specific)
    # name and to the lower quad class.
    rows = con.execute(
        "SELECT gy, gx, count(*) AS n, avg(lat) AS lat, avg(lon) AS lon, "
        "arg_max(quad_class, {'events': quad_events, 'lower': -quad_class}) AS quad_class, "
        "arg_max(name, {'events': name_events, 'length': length(name), 'name': name}) AS place, "
        "min(event_id) AS event_id, count(DISTINCT name) AS places FROM ("
        "SELECT round(e.location_lat / ?) AS gy, round(e.location_lon / ?) AS gx, e.location_lat AS lat, "
        "e.location_lon AS lon, e.quad_class, e.location_name AS name, e.event_id, "
        "count(*) OVER (PARTITION BY gy, gx, e.quad_class) AS quad_events, "
        "count(*) OVER (PARTITION BY gy, gx, e.location_name) AS name_events "
        f"{_source(search)} WHERE {where} AND e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL) "
        "GROUP BY gy, gx ORDER BY n DESC, gy, gx LIMIT ?", [cell_degrees, cell_degrees, *params, limit]).fetchall()
    return [{"lat": round(lat, 4), "lon": round(lon, 4), "events": n, "quad_class": quad, "place": place,
             "places": places, "event_id": event_id}
            for _, _, n, lat, lon, quad, place, event_id, places in rows]
