"""`tacitus serve`: the web UI and REST API over a store file, on loopback by default."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import typer
from rich.console import Console

from tacitus.store import DEFAULT_DB

EXIT_USAGE = 2
stderr = Console(stderr=True)


def serve(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB store file (created by `tacitus ingest`)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; the default serves this machine only."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    refresh: float = typer.Option(2.0, "--refresh", min=0.2, help="Seconds between checks for a changed store."),
    open_browser: bool = typer.Option(False, "--open", help="Open the search page in the default web browser."),
) -> None:
    """Serve the store: search, events with their evidence, dyad timelines, a map, articles and a
    REST API under /api (docs at /docs). The store is only read, from a private snapshot, so
    `tacitus ingest` can keep writing to it."""
    import uvicorn

    from tacitus.web.app import create_app

    if not db.exists():
        stderr.print(f"[red]error:[/red] no store at {db}: create one with `tacitus ingest INPUT... --db {db}`")
        raise typer.Exit(EXIT_USAGE)
    url = f"http://{host}:{port}/"
    stderr.print(f"serving {db} on {url}  (API docs: {url}docs; Ctrl-C stops)")
    stderr.print("preparing a copy of the store to serve: a large store takes minutes, pages answer 503 meanwhile")
    server = uvicorn.Server(uvicorn.Config(create_app(db, refresh_seconds=refresh), host=host, port=port,
                                           log_level="warning"))
    if open_browser:
        threading.Thread(target=_open_when_started, args=(server, url), daemon=True).start()
    server.run()


def _open_when_started(server, url: str) -> None:
    import webbrowser

    while not server.started and not server.should_exit:
        time.sleep(0.1)
    if server.started and not webbrowser.open(url):
        stderr.print(f"no web browser found: open {url} yourself")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
