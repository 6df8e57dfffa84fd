"""The display rule: data reaches the terminal without escape sequences, control characters or
live Rich markup, and tables fit the terminal (one line per row) or become TSV in a pipe."""

import io

import pytest
from rich.console import Console

from tacitus.cli.display import clean, print_table, safe, shorten, write_tsv

HOSTILE = {
    "clear screen": "Iran \x1b[2Jrejected talks",
    "clipboard (OSC 52)": "Iran \x1b]52;c;cm0gLXJmIH4=\x07rejected talks",
    "hyperlink (OSC 8)": "Iran \x1b]8;;http://evil.invalid\x1b\\rejected\x1b]8;;\x1b\\ talks",
    "8-bit CSI": "Iran \x9b2Jrejected talks",
    "bell and backspace": "Iran \x07\x08rejected talks",
    "bidi override": "Iran \u202erejected talks",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_clean_removes_escape_sequences_and_controls(text):
    assert clean(text) == "Iran rejected talks"


def test_clean_keeps_tabs_and_line_feeds_unless_one_line():
    assert clean("a\tb\nc") == "a\tb\nc"
    assert clean("a\t\tb\r\nc", one_line=True) == "a b c"


@pytest.mark.parametrize("markup", ["[/]", "[red]x.txt", "[link=http://evil.invalid]click[/link]", "[bold"])
def test_safe_text_prints_literally_inside_markup(markup):
    out = Console(file=io.StringIO(), width=200)
    out.print(f"[red]file:[/red] {safe(markup)}")
    assert out.file.getvalue().strip() == f"file: {markup}"


def test_shorten_cuts_with_an_ellipsis():
    assert shorten("Iran rejected a proposal", 10) == "Iran rejе…".replace("е", "e")
    assert shorten("short", 10) == "short"


def test_terminal_table_has_one_line_per_row_at_80_columns():
    sentence = "The foreign ministry said on Monday that Iran rejected a proposal for talks. " * 5
    out = Console(file=io.StringIO(), width=80, force_terminal=True, color_system=None)
    print_table("3 events", ("date", "dyad", "sentence"), [("2024-05-06", "IRN→USA", sentence)] * 3, out=out,
                flexible=("sentence",))
    lines = out.file.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines)
    body = [line for line in lines if "2024-05-06" in line]
    assert len(body) == 3 and all("…" in line for line in body)


def test_wide_table_shows_every_cell_in_full():
    sentence = "Iran rejected a proposal for talks " * 4
    out = Console(file=io.StringIO(), width=80, force_terminal=True, color_system=None)
    print_table("1 events", ("date", "sentence"), [("2024-05-06", sentence)], out=out, wide=True)
    shown = "".join(line.strip("│ ") for line in out.file.getvalue().splitlines())
    assert "…" not in shown and shown.count("proposal") == 4


def test_table_cells_are_never_markup():
    out = Console(file=io.StringIO(), width=120, force_terminal=True, color_system=None)
    print_table("[/]", ("title",), [("[link=http://evil.invalid]x[/link] \x1b]52;c;aGk=\x07[/]",)], out=out)
    text = out.file.getvalue()
    assert "[link=http://evil.invalid]x[/link]" in text and "\x1b" not in text


def test_tsv_rows_are_cleaned_one_line_each():
    stream = io.StringIO()
    write_tsv(("id", "title"), [("a", "two\nlines\tand \x1b[2J escape"), ("b", None)], stream)
    assert stream.getvalue() == "id\ttitle\na\ttwo lines and  escape\nb\t\n"
