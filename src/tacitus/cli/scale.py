"""The `--dask` runs of `tacitus code` and `tacitus ingest`: options, progress, closing summary.

The commands themselves stay in cli/app.py and cli/store.py; they hand over here when `--dask`
or `--scheduler` is given. Nothing of Dask is imported before that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Optional

import typer
from rich.console import Console

DASK_OPTION = typer.Option(False, "--dask", help="Run on a local Dask cluster of --workers processes; workers "
                                                 "write month-partitioned Parquet.")
SCHEDULER_OPTION = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                help="Run on an existing Dask cluster (tcp://HOST:8786); implies --dask.")
PARTITION_OPTION = typer.Option(64, "--partition-size", min=1, help="Articles per Dask task (with --dask).")

stderr = Console(stderr=True)
EXIT_USAGE = 2


def dask_options(dask: bool, scheduler: Optional[str], workers: int, partition_size: int):
    """The Dask options of a command, or None when it runs without Dask."""
    if not dask and not scheduler:
        return None
    from tacitus.execute.cluster import DaskOptions

    return DaskOptions(workers=workers, scheduler=scheduler, partition_size=partition_size)


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr (when it is a terminal) advanced by the articles done."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                        TimeElapsedColumn(), console=stderr, transient=True, disable=not stderr.is_terminal)
    with progress:
        task = progress.add_task(label, total=None)
        yield lambda n: progress.advance(task, n)


def code_on_dask(items, config, options, output: Optional[str], fmt: str):
    """`tacitus code --dask`: code into a Parquet dataset at `output`; returns the run summary."""
    from rich.markup import escape

    from tacitus.execute.cluster import EngineLoadError, run_on_dask
    from tacitus.execute.partitions import OutputExistsError

    if output is None:
        raise typer.BadParameter("a Dask run writes a Parquet dataset: pass -o DIRECTORY or URL", param_hint="--output")
    if fmt not in ("jsonl", "parquet"):  # jsonl is only the default of --format: not asked for
        raise typer.BadParameter("a Dask run writes Parquet only", param_hint="--format")
    try:
        with progress_bar("coding on Dask") as advance:
            run = run_on_dask(items, config, output, options, on_progress=advance)
    except OutputExistsError as err:
        raise typer.BadParameter(str(err), param_hint="--output") from None
    except EngineLoadError as err:
        stderr.print(f"[red]error:[/red] {escape(str(err))}")
        raise typer.Exit(EXIT_USAGE) from None
    print_dask_run(run, output)
    return run.summary


def ingest_on_dask(store, items, config, options, parquet: Optional[str]):
    """`tacitus ingest --dask`: code on the cluster, bulk-load the Parquet; returns the ingest summary."""
    from tacitus.execute.partitions import OutputExistsError
    from tacitus.store.bulk import ingest_on_dask as ingest_bulk

    try:
        with progress_bar("ingesting on Dask") as advance:
            return ingest_bulk(store, items, config, options, parquet=parquet, on_progress=advance)
    except OutputExistsError as err:
        raise typer.BadParameter(str(err), param_hint="--parquet") from None


def print_dask_run(run, dest: str) -> None:
    stderr.print(f"dask: {run.workers} workers, {run.partitions} partitions"
                 + (f" ({run.partitions_split} split after a failure)" if run.partitions_split else "")
                 + f", {len(run.files)} Parquet files in {dest}")
