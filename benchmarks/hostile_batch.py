"""The hostile batch at full size: peak memory and accounting of `tacitus code` and `tacitus ingest`.

Generates the seeded batch of tests/hostile/generator.py (1,000 inputs by default) in a
temporary directory, runs each command under `/usr/bin/time -v` and prints its exit status, the
peak resident memory, the number of inputs the readers yield and the number the summary
accounts for, and whether an ESC byte reached stdout or stderr.

    python benchmarks/hostile_batch.py [--count 1000] [--seed 17]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

from generator import generate  # noqa: E402

from tacitus.ingest import read_inputs  # noqa: E402

TACITUS = Path(sys.executable).with_name("tacitus")


def timed(args: list[str]) -> tuple[int, str, str, int]:
    """Exit status, stdout, stderr and peak RSS in kB of one tacitus command."""
    done = subprocess.run(["/usr/bin/time", "-v", str(TACITUS), *args], capture_output=True)
    err = done.stderr.decode("utf-8", "replace")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1))
    own_err = err.split("\tCommand being timed")[0]
    return done.returncode, done.stdout.decode("utf-8", "replace"), own_err, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=17)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs"
        paths = generate(inputs, options.count, options.seed)
        items = sum(1 for _ in read_inputs([inputs]))
        print(f"{len(paths)} inputs generated; the readers yield {items} articles or skips")
        summary = Path(tmp) / "summary.json"
        status, out, err, peak = timed(["code", str(inputs), "--summary-json", str(summary)])
        seen = json.loads(summary.read_text(encoding="utf-8"))["articles_seen"]
        print(f"code:   exit {status}, peak RSS {peak / 1024:.0f} MB, summary accounts for {seen}/{items}, "
              f"ESC in output: {chr(27) in out + err}")
        status, out, err, peak = timed(["ingest", str(inputs), "--db", str(Path(tmp) / "hostile.duckdb")])
        read = int(re.search(r"articles: (\d+) read", err).group(1))
        already = int(re.search(r"(\d+) already stored articles", err).group(1))
        print(f"ingest: exit {status}, peak RSS {peak / 1024:.0f} MB, summary accounts for {read + already}/{items} "
              f"({read} read, {already} already stored), ESC in output: {chr(27) in out + err}")


if __name__ == "__main__":
    main()
