"""The server-rendered pages: search, event, dyad timeline, map, article, stories, try it, API docs."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from tacitus.web import charts, details, geo, queries
from tacitus.web.api import Bin, Ident, Store
from tacitus.web.coding import MAX_TEXT_CHARS, CodingRefused, code_pasted
from tacitus.web.highlight import record_spans, runs
from tacitus.web.params import FACTUALITIES, SORT_CHOICES, Paging, Search, paging, search_filters

router = APIRouter(include_in_schema=False)

FILTER_NAMES = ("actor", "dyad", "type", "cameo", "factuality", "min_confidence", "since", "until", "story",
                "cluster", "country", "q")
STANCE_WORDS = {"asserted": "reported by", "reported": "reported by", "confirmed": "confirmed by",
                "denied": "denied by", "future": "announced as planned by", "intended": "announced as intended by",
                "hypothetical": "raised as possible by"}


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context,
                                                        status_code=status)


def current_filters(request: Request) -> dict[str, str]:
    return {name: request.query_params[name] for name in FILTER_NAMES if request.query_params.get(name)}


def with_params(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters set (None removes one); page goes back to 1."""
    params = dict(request.query_params)
    params.pop("page", None)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = str(value)
    return str(request.url.replace_query_params(**params))


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, reader: Store, search: Annotated[Search, Depends(search_filters)],
                page: Annotated[Paging, Depends(paging)]) -> HTMLResponse:
    rows = queries.search_rows(reader, search, sort=page.sort, limit=page.page_size, offset=page.offset)
    total = queries.count(reader, search)
    pages = max(1, math.ceil(total / page.page_size))
    facet_links = {
        name: [{"value": value, "count": n, "href": with_params(request, **{param: value}),
                "active": request.query_params.get(param) == value} for value, n in counts]
        for (name, counts), param in zip(queries.facets(reader, search).items(), ("type", "factuality", "country"))
    }
    return render(request, "search.html", rows=rows, total=total, page=page, pages=pages,
                  filters=current_filters(request), facets=facet_links, factualities=FACTUALITIES,
                  sorts=SORT_CHOICES,
                  prev_href=with_params(request, page=page.page - 1) if page.page > 1 else None,
                  next_href=with_params(request, page=page.page + 1) if page.page < pages else None,
                  csv_href=str(request.url.replace(path="/api/events").include_query_params(format="csv")),
                  clear_hrefs={name: with_params(request, **{name: None}) for name in current_filters(request)})


def claim_line(claims: list[dict[str, Any]]) -> str:
    """'reported by X on D; denied by the White House on D; ...' from a cluster's claims, in order."""
    parts = []
    for claim in claims:
        words = STANCE_WORDS.get(claim["stance"], claim["stance"] + " by")
        who = claim["who"] or claim["outlet"] or "an unnamed source"
        via = f" (in {claim['outlet']})" if claim["outlet"] and claim["outlet"] != who else ""
        parts.append(f"{words} {who}{via}" + (f" on {claim['when']}" if claim["when"] else ""))
    return "; ".join(parts)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, reader: Store, event_id: Ident) -> HTMLResponse:
    found = details.event(reader, event_id)
    if found is None:
        raise HTTPException(404, detail=f"no event {event_id!r} in the store")
    sentence_runs = runs(found["sentence"] or "", record_spans(found), offset=found["span"][0] or 0)
    cluster = found["cluster"]
    return render(request, "event.html", event=found, runs=sentence_runs,
                  claim_line=claim_line(cluster["claims"]) if cluster else "",
                  evidence=found["evidence"], similar=found["similar_earlier"])


@router.get("/dyads/{source}/{target}", response_class=HTMLResponse)
def dyad_page(request: Request, reader: Store, source: Ident, target: Ident, bin: Bin = Bin.month) -> HTMLResponse:
    bins = queries.dyad_timeline(reader, source, target, bin.value)
    search = Search(query=queries.EventQuery(dyad=(source, target)))
    recent = queries.search_rows(reader, search, sort="-date", limit=25)
    return render(request, "dyad.html", source=source, target=target, bin=bin.value, bins=bins,
                  chart=charts.timeline(bins), recent=recent, total=sum(b["events"] for b in bins),
                  bin_hrefs={b.value: with_params(request, bin=b.value) for b in Bin},
                  reverse_href=f"/dyads/{target}/{source}")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, reader: Store, search: Annotated[Search, Depends(search_filters)],
             cell: Annotated[float, Query(ge=0.5, le=30.0)] = 3.0) -> HTMLResponse:
    points = []
    for point in queries.map_points(reader, search, cell):
        x, y = geo.project(point["lat"], point["lon"])
        points.append({**point, "x": round(x, 1), "y": round(y, 1),
                       "r": round(min(22.0, 5.0 + 2.2 * math.sqrt(point["events"] - 1)), 1)})
    points.sort(key=lambda p: -p["r"])  # small circles drawn last stay clickable
    return render(request, "map.html", countries=geo.country_paths(), viewbox=geo.VIEWBOX, points=points,
                  filters=current_filters(request), factualities=FACTUALITIES, cell=cell,
                  located=sum(p["events"] for p in points), total=queries.count(reader, search))


@router.get("/articles/{doc_id}", response_class=HTMLResponse)
def article_page(request: Request, reader: Store, doc_id: Ident) -> HTMLResponse:
    found = details.article(reader, doc_id)
    if found is None:
        raise HTTPException(404, detail=f"no article {doc_id!r} in the store")
    return render(request, "article.html", article=found, runs=runs(found["text"], found["spans"]))


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, reader: Store, page: Annotated[Paging, Depends(paging)]) -> HTMLResponse:
    total = reader.execute("SELECT count(*) FROM stories").fetchone()[0]
    pages = max(1, math.ceil(total / page.page_size))
    return render(request, "stories.html", stories=details.stories(reader, page.page_size, page.offset), total=total,
                  page=page, pages=pages,
                  prev_href=with_params(request, page=page.page - 1) if page.page > 1 else None,
                  next_href=with_params(request, page=page.page + 1) if page.page < pages else None)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, reader: Store, story_id: Ident) -> HTMLResponse:
    found = details.story(reader, story_id)
    if found is None:
        raise HTTPException(404, detail=f"no story {story_id!r} in the store")
    return render(request, "story.html", story=found)


@router.get("/try", response_class=HTMLResponse)
def try_page(request: Request) -> HTMLResponse:
    return render(request, "try.html", text="", published="", result=None, error=None, max_chars=MAX_TEXT_CHARS)


@router.post("/try", response_class=HTMLResponse)
def try_submit(request: Request, text: Annotated[str, Form(max_length=MAX_TEXT_CHARS)] = "",
               published: Annotated[str, Form(max_length=10)] = "") -> HTMLResponse:
    day, error, result = None, None, None
    try:
        day = dt.date.fromisoformat(published) if published else None
    except ValueError:
        error = f"published: expected YYYY-MM-DD, got {published!r}"
    if error is None:
        try:
            coded = code_pasted(text, day)
            spans = [span for item in coded.events for span in record_spans(item)]
            result = {"runs": runs(coded.text, spans), "events": coded.events}
        except CodingRefused as err:
            error = str(err)
    return render(request, "try.html", status=422 if error else 200, text=text, published=published,
                  result=result, error=error, max_chars=MAX_TEXT_CHARS)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    operations = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", ""),
         "parameters": [_parameter(p, schema.get("components", {})) for p in op.get("parameters", [])], "body": "requestBody" in op,
         "id": op.get("operationId", f"{method}-{path}")}
        for path, methods in schema["paths"].items() for method, op in methods.items()
    ]
    return render(request, "docs.html", operations=operations, info=schema["info"])


def _parameter(parameter: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    spec = parameter.get("schema", {})
    options = [_resolve(o, components) for o in spec.get("anyOf", [spec])]
    kinds = [o.get("format") or o.get("type") for o in options if o.get("type") != "null"]
    enum = next((o["enum"] for o in options if "enum" in o), None)
    return {"name": parameter["name"], "in": parameter["in"], "required": parameter.get("required", False),
            "type": " | ".join(k for k in kinds if k) or "string", "description": parameter.get("description", ""),
            "enum": enum, "default": spec.get("default")}


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg")


def _resolve(spec: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    """A schema with its "$ref" to #/components/schemas/NAME replaced by the schema itself."""
    ref = spec.get("$ref", "")
    return components.get("schemas", {}).get(ref.rsplit("/", 1)[-1], spec) if ref else spec
