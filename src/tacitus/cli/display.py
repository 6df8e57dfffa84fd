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
# Widest a column of short values (dates, codes, ids) may claim before it, too, is cut.
MAX_FIXED_WIDTH = 24


def clean(value: Any, *, one_line: bool = False) -> str:
    """`value` as text with escape sequences and control characters removed (tabs and line
    breaks kept unless `one_line`, when they become single spaces)."""
    return strip_controls("" if value is None else str(value), one_line=one_line)


def safe(value: Any) -> str:
    """`value` cleaned and escaped for use inside a Rich markup string."""
    return escape(clean(value))


def console(*, stderr: bool = False) -> Console:
    """A console that never turns ``:name:`` into emoji nor colours numbers in data; messages
    on stderr stay one line each, however narrow the terminal."""
    return Console(stderr=stderr, emoji=False, highlight=False, soft_wrap=stderr)


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
    cells = [[clean(cell, one_line=True)[:MAX_CELL] for cell in row] for row in rows]
    widths = [max([len(column), *(len(row[index]) for row in cells)]) for index, column in enumerate(columns)]
    if not wide:
        widths = _fit(widths, [column in flexible for column in columns], out.width)
    table = Table(title=Text(clean(title, one_line=True)), show_lines=False)
    for column, width in zip(columns, widths):
        table.add_column(column, no_wrap=not wide, overflow="fold" if wide else "ellipsis",
                         min_width=None if wide else width, max_width=None if wide else width)
    for row in cells:
        table.add_row(*(Text(cell if wide else shorten(cell, width)) for cell, width in zip(row, widths)))
    out.print(table)


def _fit(widths: list[int], flexible: list[bool], total: int) -> list[int]:
    """Column widths that fit `total` terminal columns: short columns keep up to
    MAX_FIXED_WIDTH, the flexible ones share what is left (at least 8 each); with no
    flexible column every column shrinks alike."""
    borders = 3 * len(widths) + 1
    fixed = [min(w, MAX_FIXED_WIDTH) if not flex else w for w, flex in zip(widths, flexible)]
    if not any(flexible):
        flexible = [True] * len(widths)
        fixed = widths
    room = total - borders - sum(w for w, flex in zip(fixed, flexible) if not flex)
    share = max(8, room // max(1, sum(flexible)))
    return [min(w, share) if flex else w for w, flex in zip(fixed, flexible)]


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
