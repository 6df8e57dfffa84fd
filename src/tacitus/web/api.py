"""The REST API under /api: JSON over the store (and CSV/Parquet downloads of a search)."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from collections.abc import Iterator
from enum import Enum
from typing import Annotated, Any

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from tacitus import __version__
from tacitus.store.db import EVENT_SCHEMA
from tacitus.web import details, queries
from tacitus.web.coding import MAX_TEXT_CHARS, CodingRefused, code_pasted
from tacitus.web.highlight import record_spans
from tacitus.web.serving import Reader
from tacitus.web.params import MAX_DOWNLOAD_ROWS, SHORT, Paging, Search, paging, search_filters

router = APIRouter(prefix="/api", tags=["api"])

Ident = Annotated[str, Path(min_length=1, max_length=SHORT)]
LINK_COLUMNS = ("cluster_id", "story_id", "claim_status")


class Format(str, Enum):
    json = "json"
    csv = "csv"
    parquet = "parquet"


class Bin(str, Enum):
    day = "day"
    week = "week"
    month = "month"


class CodeRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="Article text (English).")
    published: dt.date | None = Field(None, description="Publication date, for relative dates (YYYY-MM-DD).")


def store(request: Request) -> Iterator[Reader]:
    """A read-only view of the current snapshot (StoreUnavailable becomes a 503)."""
    reader = request.app.state.snapshots.reader()
    try:
        yield reader
    finally:
        reader.close()


Store = Annotated[Reader, Depends(store)]


# The busiest endpoints answer with a JSONResponse of their JSON-ready body: FastAPI's validation
# and encoding of a plain dict cost more CPU than the queries behind them.


def found_or_404(found: dict[str, Any] | None, what: str, ident: str) -> dict[str, Any]:
    """The looked-up resource, or a 404 that names what was asked for."""
    if found is None:
        raise HTTPException(404, detail=f"no {what} {ident!r} in the store")
    return found


@router.get("/health", summary="Is the store readable, and how big is it")
def health(reader: Store) -> dict[str, Any]:
    counts = {table: reader.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("articles", "events", "clusters", "stories")}
    return {"status": "ok", "version": __version__, "counts": counts}


@router.get("/events", summary="Search events with the filters of `tacitus events`",
            responses={200: {"content": {"text/csv": {}, "application/vnd.apache.parquet": {}}}})
def events(reader: Store, search: Annotated[Search, Depends(search_filters)],
           page: Annotated[Paging, Depends(paging)],
           format: Annotated[Format, Query(description="json: one page; csv/parquet: download the query")] = Format.json,
           limit: Annotated[int, Query(ge=1, le=MAX_DOWNLOAD_ROWS, description="Rows in a csv/parquet download.")] = 10_000,
           facets: Annotated[bool, Query(description="Also count the results per type, factuality and country.")] = False,
           ) -> Any:
    if format is not Format.json:
        rows = queries.search_rows(reader, search, sort=page.sort, limit=limit)
        return download(rows, format)
    rows = queries.search_rows(reader, search, sort=page.sort, limit=page.page_size, offset=page.offset)
    body: dict[str, Any] = {"total": queries.count(reader, search), "page": page.page, "page_size": page.page_size,
                            "events": [queries.record(row) for row in rows]}
    if facets:
        body["facets"] = {name: [{"value": v, "count": n} for v, n in counts]
                          for name, counts in queries.facets(reader, search).items()}
    return JSONResponse(body)


def download(rows: list[dict[str, Any]], format: Format) -> Response:
    columns = [*EVENT_SCHEMA.names, *LINK_COLUMNS]
    if format is Format.csv:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return Response(out.getvalue(), media_type="text/csv",
                        headers={"Content-Disposition": 'attachment; filename="events.csv"'})
    schema = pa.schema([*EVENT_SCHEMA, *(pa.field(name, pa.string()) for name in LINK_COLUMNS)])
    table = pa.Table.from_pylist([{name: row.get(name) for name in columns} for row in rows], schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return Response(sink.getvalue(), media_type="application/vnd.apache.parquet",
                    headers={"Content-Disposition": 'attachment; filename="events.parquet"'})


@router.get("/events/{event_id}", summary="One event: evidence, cluster, similar earlier events",
            response_model=dict[str, Any])
def event(reader: Store, event_id: Ident) -> JSONResponse:
    return JSONResponse(found_or_404(details.event(reader, event_id), "event", event_id))


@router.get("/clusters/{cluster_id}", summary="Every report of one event and its claim status")
def cluster(reader: Store, cluster_id: Ident) -> dict[str, Any]:
    return found_or_404(details.cluster(reader, cluster_id), "cluster", cluster_id)


@router.get("/stories", summary="Stories, most recent first (as `tacitus stories`)")
def stories(reader: Store, page: Annotated[Paging, Depends(paging)]) -> dict[str, Any]:
    total = reader.execute("SELECT count(*) FROM stories").fetchone()[0]
    return {"total": total, "page": page.page, "page_size": page.page_size,
            "stories": details.stories(reader, page.page_size, page.offset)}


@router.get("/stories/{story_id}", summary="One story: its articles and the timeline of its events")
def story(reader: Store, story_id: Ident) -> dict[str, Any]:
    return found_or_404(details.story(reader, story_id), "story", story_id)


@router.get("/articles/{doc_id}", summary="An article's text with the spans of every trigger and actor")
def article(reader: Store, doc_id: Ident) -> dict[str, Any]:
    return found_or_404(details.article(reader, doc_id), "article", doc_id)


@router.get("/dyads/{source}/{target}/timeline", summary="Events of a dyad per day, week or month",
            response_model=dict[str, Any])
def dyad_timeline(reader: Store, source: Ident, target: Ident, bin: Bin = Bin.month) -> JSONResponse:
    return JSONResponse({"source": source, "target": target, "bin": bin.value,
                         "bins": queries.dyad_timeline(reader, source, target, bin.value)})


@router.get("/map", summary="Located events grouped into map cells, with the search filters",
            response_model=dict[str, Any])
def map_points(reader: Store, search: Annotated[Search, Depends(search_filters)],
               cell: Annotated[float, Query(ge=0.1, le=30.0, description="Cell size in degrees.")] = 2.0
               ) -> JSONResponse:
    return JSONResponse({"cell_degrees": cell, "points": queries.map_points(reader, search, cell)})


@functools.cache
def _knowledge_base():
    from tacitus.actors.kb import ActorKnowledgeBase

    return ActorKnowledgeBase.load()


@router.get("/actors", summary="Who a name is at a date (as `tacitus actors lookup`)")
def actors(q: Annotated[str, Query(min_length=1, max_length=SHORT, description="Name, alias or title.")],
           date: Annotated[dt.date | None, Query(description="Resolve roles at this day.")] = None
           ) -> dict[str, Any]:
    found = _knowledge_base().lookup(q, date)
    return {"q": q, "date": date.isoformat() if date else None, "actors": [
        {"code": res.code, "country": res.country, "sector": res.sector, "name": res.name, "kind": res.kind,
         "why": res.why} for res in found]}


@router.post("/code", summary="Code a pasted text without storing it",
             responses={422: {"description": "The text cannot be coded (empty, not English, too long)."}})
def code(request: Annotated[CodeRequest, Body()]) -> dict[str, Any]:
    try:
        coded = code_pasted(request.text, request.published)
    except CodingRefused as err:
        raise HTTPException(422, detail={"error": str(err), "parameter": "text"}) from None
    return {"text": coded.text, "published": coded.published.isoformat() if coded.published else None,
            "events": coded.events, "spans": [span for item in coded.events for span in record_spans(item)]}
