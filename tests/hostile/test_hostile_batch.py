"""The hostile batch through every command that reads or prints: no crash (exit 3 or a
traceback), every input accounted for, no escape byte in any output.

The default run takes a 200-input slice; the full 1,000-input batch is marked slow
(`pytest -m slow tests/hostile`). Peak memory of the full batch is measured by
benchmarks/hostile_batch.py.
"""

from __future__ import annotations

import json

import pytest
from generator import HOSTILE, account, generate, gold_file

from tacitus.cli.app import run
from tacitus.ingest import read_inputs

ESC, C1_CSI = "\x1b", "\x9b"


def command(capsys, *args) -> tuple[int, str, str]:
    status = run([str(a) for a in args])
    out, err = capsys.readouterr()
    assert status in (0, 1, 2), (args, status, err[-2000:])
    assert "Traceback" not in err and "internal error" not in err, (args, err[-2000:])
    assert ESC not in out and ESC not in err and C1_CSI not in out and C1_CSI not in err, args
    return status, out, err


def check_batch(tmp_path, capsys, count: int) -> None:
    inputs = tmp_path / "inputs"
    paths = generate(inputs, count)
    items = list(read_inputs([inputs]))
    assert account(paths, [item.origin for item in items]) == []

    summary = tmp_path / "summary.json"
    status, out, _ = command(capsys, "code", inputs, "--summary-json", summary)
    assert status == 1  # the batch holds broken inputs: some are skipped, the rest coded
    stats = json.loads(summary.read_text(encoding="utf-8"))
    assert stats["articles_seen"] == len(items)
    assert all(json.loads(line) for line in out.splitlines())

    db = tmp_path / "hostile.duckdb"
    status, _, err = command(capsys, "ingest", inputs, "--db", db)
    assert status == 1 and f"articles: {len(items)} read" in err

    for fmt in ("table", "jsonl", "csv"):
        command(capsys, "events", "--db", db, "--format", fmt)
    command(capsys, "events", "--db", db, "--wide")
    for fmt in ("table", "jsonl"):
        command(capsys, "stories", "--db", db, "--format", fmt)
    _, events, _ = command(capsys, "events", "--db", db, "--format", "jsonl")
    for line in events.splitlines()[:5]:
        command(capsys, "similar", json.loads(line)["event_id"], "--db", db)
    command(capsys, "similar", HOSTILE[3], "--db", db)
    for fmt in ("gdelt", "plover-json", "csv"):
        command(capsys, "export", "--db", db, "--format", fmt)
    command(capsys, "export", "--db", db, "--format", "parquet", "-o", tmp_path / "parquet")

    for hostile in HOSTILE[:8]:
        command(capsys, "explain", f"Iran rejected {hostile} a US proposal for talks on Monday.",
                "--published", "2024-05-08")
    command(capsys, "evaluate", gold_file(tmp_path), "--errors", "8")
    command(capsys, "actors", "lookup", HOSTILE[5])


def test_a_200_input_slice(tmp_path, capsys):
    check_batch(tmp_path, capsys, 200)


@pytest.mark.slow
def test_the_full_1000_input_batch(tmp_path, capsys):
    check_batch(tmp_path, capsys, 1000)


def test_the_issue_reproductions_give_clean_skips(tmp_path, capsys):
    rows = [
        {"id": "b", "text": "Iran rejected a US [/] proposal for talks on Monday, the foreign ministry said.",
         "published": "2024-05-08"},
        {"id": "l", "text": "Egypt rejected a Turkish proposal for talks on Monday.", "lang": "[/]"},
        {"id": "p", "text": "Chile rejected a Peruvian proposal for talks on Monday.", "published": "[/x]"},
        {"id": "t", "title": "\x1b]52;c;cm0gLXJmIH4=\x07[link=http://evil.invalid]x[/link]\x1b[2J",
         "text": "Kenya \x1b[2Jrejected a Ghanaian offer of aid on Friday, officials said.", "published": "2024-05-09"},
    ]
    weird = tmp_path / "[red]x\x1b[2J.jsonl"
    weird.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    deep = tmp_path / "deep.jsonl"
    deep.write_text("[" * 100_000 + "\n", encoding="utf-8")
    db = tmp_path / "m.duckdb"
    status, _, err = command(capsys, "ingest", weird, deep, "--db", db)
    assert status == 1 and "[red]x.jsonl" in err and "JSON nested too deeply" in err
    assert "language '[/]' is not supported" in err and "unreadable date '[/x]'" in err
    _, table, _ = command(capsys, "events", "--db", db)
    assert "[/] proposal" in table and "Kenya rejected" in table
    _, stories, _ = command(capsys, "stories", "--db", db)
    assert "[link=http://evil.invalid]x[/link]" in stories
    _, explained, _ = command(capsys, "explain", "Iran did not reject the US proposal.", "--published", "2024-05-08")
    assert "[negated]" in explained
