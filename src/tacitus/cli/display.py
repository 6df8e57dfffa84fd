"""The one rule for everything that reaches the terminal, and tables that fit it.

Article text, titles, file names and option values come from outside: they may hold escape
sequences (clear the screen, write the clipboard with OSC 52, make hyperlinks), other control
characters, or Rich markup like ``[/]`` and ``[link=...]``. Every command prints data only
through :func:`clean` (plain output) or :func:`safe` (inside a Rich markup string), or as
table cells built here, which are Rich ``Text`` objects and so never parsed as markup.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from tacitus.controls import strip_controls

# Longest cell rendered in a terminal table; beyond it Rich spends time on text nobody reads.
MAX_CELL = 2000


def clean(value: Any, *, one_line: bool = False) -> str:
    """`value` as text with escape sequences and control characters removed (tabs and line
    breaks kept unless `one_line`, when they become single spaces)."""
    return strip_controls("" if value is None else str(value), one_line=one_line)


def safe(value: Any) -> str:
    """`value` cleaned and escaped for use inside a Rich markup string."""
    return escape(clean(value))


def console(*, stderr: bool = False) -> Console:
    """A console that never turns ``:name:`` into emoji nor colours numbers in data."""
    return Console(stderr=stderr, emoji=False, highlight=False)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def shorten(text: Any, width: int) -> str:
    text = clean(text, one_line=True)
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], *, wide: bool = False,
                out: Console | None = None, flexible: Sequence[str] = ()) -> None:
    """Print rows as a table on a terminal (one line per row, long cells cut with an ellipsis,
    full cells with `wide`), or as plain tab-separated values when stdout is a file or pipe.

    `flexible` names the columns that give up width first (long free text such as sentences).
    """
    if out is None and not stdout_is_terminal():
        write_tsv(columns, rows, sys.stdout)
        return
    out = out or console()
    table = Table(title=clean(title, one_line=True), show_lines=False)
    for column in columns:
        stretch = column in flexible
        table.add_column(column, no_wrap=not wide, overflow="fold" if wide else "ellipsis",
                         ratio=1 if stretch else None, min_width=8 if stretch else None)
    for row in rows:
        table.add_row(*(Text(clean(cell, one_line=True)[:MAX_CELL]) for cell in row))
    out.print(table)


def write_tsv(columns: Sequence[str], rows: Iterable[Sequence[Any]], stream: TextIO) -> None:
    """Header and rows, tab-separated, one line each; cells cleaned, empty for None."""
    stream.write("\t".join(columns) + "\n")
    for row in rows:
        stream.write("\t".join("" if cell is None else clean(cell, one_line=True) for cell in row) + "\n")
    stream.flush()


class CleanFormatter(logging.Formatter):
    """Log lines name inputs (file names, ids) too: they go through the same rule."""

    def format(self, record: logging.LogRecord) -> str:
        return clean(super().format(record))
