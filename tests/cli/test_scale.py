"""Start-up of the command line and the checks of the --dask options that need no cluster."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from tacitus.cli import app

runner = CliRunner()
HEAVY = ("spacy", "pandas", "duckdb", "pyarrow", "datasketch", "distributed", "tacitus.actors.kb",
         "tacitus.events.lexicon", "tacitus.where.gazetteer")


def modules_loaded_by(*args: str) -> set[str]:
    probe = ("import sys\nfrom tacitus.cli import main\nsys.argv = ['tacitus', *sys.argv[1:]]\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=120)
    return set(done.stderr.split())


def test_help_and_version_load_neither_spacy_nor_pandas_nor_the_knowledge_base():
    assert modules_loaded_by("--help") == set()
    assert modules_loaded_by("--version") == set()
    assert modules_loaded_by("code", "--help") == set()


def test_a_dask_run_of_code_needs_an_output_dataset(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Chile recalled its ambassador from Peru.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(story), "--dask"])
    assert result.exit_code == 2 and "Parquet dataset" in result.output
    result = runner.invoke(app, ["code", str(story), "--dask", "-o", str(tmp_path / "out"), "--format", "csv"])
    assert result.exit_code == 2 and "Parquet only" in result.output


def test_ingest_on_a_remote_scheduler_needs_a_shared_parquet_location(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Chile recalled its ambassador from Peru.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(story), "--db", str(tmp_path / "e.duckdb"),
                                 "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "--parquet" in result.output
