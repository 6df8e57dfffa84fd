"""The web application: the REST API, the pages, their safety rules and error answers.

Safety: templates escape everything they print (Jinja autoescape), every response carries a
Content-Security-Policy allowing only the app's own scripts, styles and images, request bodies
are capped, queries are parameterised, and the store is only ever read through a read-only
snapshot (tacitus.web.snapshot). Errors never show a traceback: a bad parameter gets 422 naming
it, an unknown id 404, an unreadable store 503 with Retry-After.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tacitus import __version__
from tacitus.web import api, pages
from tacitus.web.queries import QUAD_CLASSES
from tacitus.web.snapshot import RETRY_AFTER_SECONDS, StoreSnapshots, StoreUnavailable

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
WEB_DIR = resources.files("tacitus.web")


def create_app(db: str | Path, *, snapshot_dir: str | Path | None = None, refresh_seconds: float | None = 2.0
               ) -> FastAPI:
    """The app serving the store file `db`; `refresh_seconds=None` refreshes only on demand."""
    snapshots = StoreSnapshots(db, snapshot_dir)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if refresh_seconds:
            snapshots.start(refresh_seconds)  # the first copy too: the server answers 503 until it is ready
        else:
            snapshots.refresh()
        yield
        snapshots.close()

    app = FastAPI(title="tacitus", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political event data from news text: events, their evidence, claim status, "
                              "stories and dyad timelines, read from a tacitus event store.")
    app.state.snapshots = snapshots
    app.state.templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))
    app.state.templates.env.globals.update(version=__version__, store_name=Path(db).name, quads=QUAD_CLASSES)
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    app.add_middleware(DropEmptyFormFields)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    return app


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str, parameter: str | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    if wants_json(request):
        body: dict[str, Any] = {"error": message}
        if parameter:
            body["parameter"] = parameter
        return JSONResponse(body, status_code=status, headers=headers)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message,
                                                             "parameter": parameter},
                                      status_code=status, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        location = [str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body")]
        parameter = ".".join(location) or None
        return error_response(request, 422, f"invalid {parameter or 'request'}: {first.get('msg', 'bad value')}",
                              parameter)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail
        if isinstance(detail, dict):
            return error_response(request, exc.status_code, str(detail.get("error")), detail.get("parameter"))
        return error_response(request, exc.status_code, str(detail), headers=exc.headers)

    @app.exception_handler(StoreUnavailable)
    async def unavailable(request: Request, exc: StoreUnavailable) -> Response:
        return error_response(request, 503, f"the store cannot be read right now ({exc}); try again shortly",
                              headers={"Retry-After": str(RETRY_AFTER_SECONDS)})

    @app.exception_handler(Exception)
    async def failure(request: Request, exc: Exception) -> Response:
        log.exception("request %s failed", request.url.path)
        return error_response(request, 500, "internal error; the server log has the details")


class SecurityHeaders:
    """Adds the security headers to every response, static files and errors included."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()
                            if name.lower().encode() not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class DropEmptyFormFields:
    """Pages only: removes empty query parameters, which a GET form sends for every field left
    blank ("min_confidence=&since="), so that blank means "no filter" rather than a bad value.
    The API keeps its strict reading."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/api/") and scope.get("query_string"):
            kept = [pair for pair in scope["query_string"].split(b"&") if pair.partition(b"=")[2].strip(b"+ ")]
            scope = {**scope, "query_string": b"&".join(kept)}
        await self.app(scope, receive, send)


class BodyLimit:
    """Refuses request bodies over `limit` bytes with 413, by Content-Length or as they stream in.
    The body is read before the app runs (it is small by then), so the app never sees a partial one."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(scope, send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await self._refuse(scope, send)
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        response = JSONResponse({"error": f"request body over {self.limit} bytes"}, status_code=413)
        await response(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}
