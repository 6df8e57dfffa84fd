"""Event searches for the API and the pages: the filters of `tacitus events` plus paging, sorting,
facet counts, dyad timelines and map points.

Searches read the serving tables of the snapshot (tacitus.web.serving), never the wide events
table: a search with a dyad reads `serve_dyads`, one with an actor `serve_actors`, any other
`serve_events`, each sorted so that the filter skips the rows it does not want. The filters mean
what they mean in :class:`tacitus.store.EventQuery` (an actor value matches a code, a country or
an actor_id, on either side); the web adds factuality, confidence, place and words, as further
parameterised clauses. A page is chosen by number (`n`) first; only its rows are then read from
`events`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from tacitus.store.db import EventQuery, fetch_dicts, record_from_row
from tacitus.web.serving import WORD_PATTERN_PY, Reader

# Columns a search may sort on, by the name the API accepts (a leading "-" sorts descending).
SORTS = {"date": "s.day", "confidence": "s.confidence", "goldstein": "s.goldstein", "published": "s.published"}
SORT_CHOICES = tuple(sorted([*SORTS, *(f"-{name}" for name in SORTS)]))
FACTUALITIES = ("asserted", "reported", "denied", "negated", "hypothetical", "future", "intended")
BINS = {"day": "day", "week": "week", "month": "month"}
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
# Facets by name, with the serving column each counts.
FACETS = {"event": "event_label", "factuality": "factuality", "country": "location_country"}


@dataclass
class Search:
    """One search: the store's EventQuery plus the web's own filters."""

    query: EventQuery = field(default_factory=EventQuery)
    cameo: str | None = None
    factuality: str | None = None
    min_confidence: float | None = None
    country: str | None = None  # where it happened: a location country code or place name
    text: str | None = None  # words of the sentence, each as a word or the start of one

    def source(self) -> str:
        """The serving table this search reads, as `s`."""
        if self.query.dyad:
            return "serve_dyads s"
        return "serve_actors s" if self.query.actor else "serve_events s"

    def where(self) -> tuple[str, list[Any]]:
        query = self.query
        clauses, params = ["true"], []

        def add(clause: str, *values: Any) -> None:
            clauses.append(clause)
            params.extend(values)

        if query.dyad:
            add("s.source_key = ? AND s.target_key = ?", *query.dyad)
            if query.actor:
                add("s.n IN (SELECT n FROM serve_actors WHERE key = ?)", query.actor)
        elif query.actor:
            add("s.key = ?", query.actor)
        if query.event_type:
            # A CAMEO root or code ("12" matches 12x, "125" matches 125 and 125x), else a PLOVER type.
            add("starts_with(s.cameo, ?)" if query.event_type.isdigit() else "s.event = upper(?)", query.event_type)
        if query.since:
            add("s.day >= ?", query.since)
        if query.until:
            add("s.day <= ?", query.until)
        if query.story:
            add("s.story_id = ?", query.story)
        if query.cluster:
            add("s.cluster_id = ?", query.cluster)
        if query.min_confidence is not None:
            add("coalesce(s.confidence, 0) >= ?", query.min_confidence)
        if self.cameo:
            add("starts_with(s.cameo, ?)", self.cameo)
        if self.factuality:
            add("s.factuality = ?", self.factuality)
        if self.min_confidence is not None:
            add("s.confidence >= ?", self.min_confidence)
        if self.country:
            add("(s.location_country = upper(?) OR s.location_name ILIKE ? ESCAPE '\\')",
                self.country, like_pattern(self.country, anywhere=False))
        if self.text is not None:
            found = words(self.text)
            if not found:
                add("false")  # nothing to look for (only punctuation): nothing matches
            for word in found:
                # serve_words is sorted by word: the range lets its scan skip to the word's rows.
                add("s.n IN (SELECT n FROM serve_words WHERE word >= ? AND word < ? AND starts_with(word, ?))",
                    word, following(word), word)
        return " AND ".join(clauses), params


def words(text: str) -> list[str]:
    """The distinct words of a text search, as the serving tables split sentences."""
    return list(dict.fromkeys(re.findall(WORD_PATTERN_PY, text.lower())))


def following(word: str) -> str:
    """The first string after every string that starts with `word` (strings compare by code point)."""
    last = ord(word[-1])
    step = 0xE000 - last if last == 0xD7FF else 1  # no string holds a surrogate code point
    return word[:-1] + chr(last + step) if last < 0x10FFFF else word + chr(0x10FFFF)


def like_pattern(text: str, anywhere: bool = True) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%" if anywhere else escaped


def order_by(sort: str) -> str:
    descending = sort.startswith("-")
    column = SORTS[sort.lstrip("-")]
    direction = "DESC" if descending else "ASC"
    return f"{column} {direction} NULLS LAST, s.tie"


def page_numbers(reader: Reader, search: Search, *, sort: str = "date", limit: int = 50, offset: int = 0
                 ) -> list[int]:
    where, params = search.where()
    sql = f"SELECT s.n FROM {search.source()} WHERE {where} ORDER BY {order_by(sort)} LIMIT ? OFFSET ?"
    return [row[0] for row in reader.execute(sql, [*params, limit, offset]).fetchall()]


def search_rows(reader: Reader, search: Search, *, sort: str = "date", limit: int = 50, offset: int = 0
                ) -> list[dict[str, Any]]:
    """Flat event rows with their cluster, story and claim status (as `EventStore.event_rows`)."""
    return reader.rows_at(page_numbers(reader, search, sort=sort, limit=limit, offset=offset))


def count(reader: Reader, search: Search) -> int:
    where, params = search.where()
    return reader.execute(f"SELECT count(*) FROM {search.source()} WHERE {where}", params).fetchone()[0]


def record(row: dict[str, Any]) -> dict[str, Any]:
    """The contract record of a row, with where it belongs in the store."""
    return {**record_from_row(row), "cluster_id": row.get("cluster_id"), "story_id": row.get("story_id"),
            "claim_status": row.get("claim_status")}


def facets(reader: Reader, search: Search, top: int = 12) -> dict[str, list[tuple[str, int]]]:
    """Counts per event type, factuality and place country of the events a search finds, all
    three from one pass over the search's rows."""
    if search == Search():  # the whole store: counted when the snapshot was built
        sql, params = "SELECT * FROM serve_facets", []
    else:
        where, params = search.where()
        columns = ", ".join(f"s.{column}" for column in FACETS.values())
        sets = ", ".join(f"(s.{column})" for column in FACETS.values())
        sql = (f"SELECT grouping({columns}) AS sets, {columns}, count(*) AS n FROM {search.source()} WHERE {where} "
               f"GROUP BY GROUPING SETS ({sets})")
    found: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    names = list(FACETS)
    for sets, *values, n in reader.execute(sql, params).fetchall():
        # grouping() has one bit per column, set for the columns a row is NOT grouped by.
        position = next(i for i in range(len(names)) if not sets >> (len(names) - 1 - i) & 1)
        if values[position] is not None:
            found[names[position]].append((values[position], n))
    return {name: sorted(counts, key=lambda item: (-item[1], item[0]))[:top] for name, counts in found.items()}


def dyad_timeline(reader: Reader, source: str, target: str, bin_size: str) -> list[dict[str, Any]]:
    """Events from `source` to `target` per time bin: counts by quad class and mean Goldstein."""
    search = Search(query=EventQuery(dyad=(source, target)))
    where, params = search.where()
    unit = BINS[bin_size]
    rows = reader.execute(
        f"SELECT date_trunc('{unit}', s.day) AS bin, s.quad_class, count(*) AS n, sum(s.goldstein) AS goldstein "
        f"FROM {search.source()} WHERE {where} AND s.day IS NOT NULL GROUP BY bin, s.quad_class ORDER BY bin",
        params).fetchall()
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


def map_points(reader: Reader, search: Search, cell_degrees: float, limit: int = 2000
               ) -> list[dict[str, Any]]:
    """Located events grouped into cells of `cell_degrees`: one point per cell, with its count,
    its most frequent quad class and place name, and one event to open (the cell's first by date)."""
    where, params = search.where()
    # mode() breaks ties arbitrarily, so the same store could name a cell differently from one
    # request to the next: the most frequent value wins, a tie going to the longer (more specific)
    # name and to the lower quad class.
    rows = reader.execute(
        "SELECT cells.located, cells.lat, cells.lon, cells.quad_class, cells.place, v.event_id, cells.places FROM ("
        "SELECT gy, gx, count(*) AS located, avg(lat) AS lat, avg(lon) AS lon, "
        "arg_max(quad_class, {'events': quad_events, 'lower': -quad_class}) AS quad_class, "
        "arg_max(name, {'events': name_events, 'length': length(name), 'name': name}) AS place, "
        "min(number) AS first, count(DISTINCT name) AS places FROM ("
        "SELECT round(s.location_lat / ?) AS gy, round(s.location_lon / ?) AS gx, s.location_lat AS lat, "
        "s.location_lon AS lon, s.quad_class, s.location_name AS name, s.n AS number, "
        "count(*) OVER (PARTITION BY gy, gx, s.quad_class) AS quad_events, "
        "count(*) OVER (PARTITION BY gy, gx, s.location_name) AS name_events "
        f"FROM {search.source()} WHERE {where} AND s.location_lat IS NOT NULL AND s.location_lon IS NOT NULL) "
        "GROUP BY gy, gx ORDER BY located DESC, gy, gx LIMIT ?) cells JOIN serve_events v ON v.n = cells.first "
        "ORDER BY located DESC, gy, gx", [cell_degrees, cell_degrees, *params, limit]).fetchall()
    return [{"lat": round(lat, 4), "lon": round(lon, 4), "events": n, "quad_class": quad, "place": place,
             "places": places, "event_id": event_id}
            for n, lat, lon, quad, place, event_id, places in rows]
