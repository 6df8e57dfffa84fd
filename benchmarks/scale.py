"""Scale benchmark: workers, Dask, start-up, bulk insert and linking at 100k+ events, GDELT-day projection.

    .venv/bin/python benchmarks/scale.py [-n ARTICLES] [--events 100000,300000,1000000] [--skip-coding]

One run of each measurement, nothing asserted (the machine is shared: ratios are noisy):
1. articles/s coding the Guardian sample (or the examples, repeated) with the process pool at 1
   and 2 workers and with a local Dask cluster at 1 and 2 workers, start-up included, with the
   CPU seconds each setting spent per article (its overhead, whatever the machine's load);
2. start-up: `tacitus --help`, and a one-sentence file to its first record on stdout, cold (the
   compiled caches unused) and warm (read from them), with the CPU seconds of each run;
3. per synthetic store size (benchmarks/store.py's generator): bulk insert of the workers'
   Parquet (events/s), linking seconds and the peak memory of the process that loads and links;
   with the CPU seconds of each (all threads of the process), which a shared machine's load
   stretches less than the wall-clock seconds;
4. the hours a GDELT day (100,000 articles, ~300,000 events) would take on this machine, and
   what each added worker saves.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
GDELT_ARTICLES = 100_000
GDELT_EVENTS = 300_000
SYNTHETIC_PARTITION = 10_000


# -- coding throughput -------------------------------------------------------------------------

def coding_rates(articles: int, directory: Path) -> dict[str, float]:
    from throughput import DEFAULT_CSV, load_articles

    from tacitus.execute.cluster import DaskOptions, run_on_dask
    from tacitus.pipeline import EngineConfig, RunSummary, code_stream

    items = load_articles(DEFAULT_CSV, articles)
    config = EngineConfig()
    rates = {}
    for workers in (1, 2):
        summary = RunSummary()
        started, cpu = time.perf_counter(), cpu_seconds()
        sum(1 for _ in code_stream(iter(items), config, workers=workers, summary=summary))
        rates[f"pool {workers}"] = len(items) / (time.perf_counter() - started)
        print(f"process pool, {workers} worker(s): {len(items)} articles, {summary.events} events, "
              f"{rates[f'pool {workers}']:.2f} articles/s, {(cpu_seconds() - cpu) / len(items):.3f} cpu s/article "
              f"| load average {os.getloadavg()[0]:.1f}", flush=True)
    for workers in (1, 2):
        output = directory / f"dask-{workers}"
        shutil.rmtree(output, ignore_errors=True)  # an earlier run's Parquet in a reused --dir
        started, cpu = time.perf_counter(), cpu_seconds()
        run = run_on_dask(iter(items), config, str(output),
                          DaskOptions(workers=workers, partition_size=8))
        rates[f"dask {workers}"] = len(items) / (time.perf_counter() - started)
        print(f"dask local, {workers} worker(s): {len(items)} articles, {run.summary.events} events, "
              f"{rates[f'dask {workers}']:.2f} articles/s, {(cpu_seconds() - cpu) / len(items):.3f} cpu s/article, "
              f"cluster and engines up in {run.engines_ready - started:.1f} s "
              f"| load average {os.getloadavg()[0]:.1f}", flush=True)
    print(f"ratio 2/1 workers: process pool {rates['pool 2'] / rates['pool 1']:.2f}x, "
          f"dask {rates['dask 2'] / rates['dask 1']:.2f}x | dask/pool at 2 workers "
          f"{rates['dask 2'] / rates['pool 2']:.2f}", flush=True)
    return rates


def cpu_seconds() -> float:
    """CPU seconds of this process and of its ended children (the workers, once shut down): per
    article, what a setting costs whatever the machine's load, start-up of the workers included."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


# -- start-up ----------------------------------------------------------------------------------

def first_record(sentence: Path, environment: dict[str, str]) -> tuple[float, float, bool]:
    """Wall seconds to the first record on stdout, CPU seconds of the whole run, and whether a record came."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen([BIN / "tacitus", "code", str(sentence), "--published", "2024-03-04"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environment)
    first = process.stdout.readline()
    wall = time.perf_counter() - started
    process.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, first.startswith("{")


def startup(directory: Path) -> tuple[float, float]:
    started = time.perf_counter()
    subprocess.run([BIN / "tacitus", "--help"], capture_output=True, check=True)
    help_s = time.perf_counter() - started
    sentence = directory / "one.txt"
    sentence.write_text("Chile recalled its ambassador from Peru on Monday.\n", encoding="utf-8")
    # cold: the compiled caches (tacitus.cache) not used, as on the first start after an
    # install or a data change; warm: a later start, which only reads them
    cold = first_record(sentence, {**os.environ, "TACITUS_NO_CACHE": "1"})
    first_record(sentence, dict(os.environ))  # writes the caches if this machine has none yet
    warm = first_record(sentence, dict(os.environ))
    print(f"start-up: tacitus --help {help_s:.2f} s | one-sentence file to first record: cold {cold[0]:.2f} s "
          f"(cpu {cold[1]:.2f} s), warm {warm[0]:.2f} s (cpu {warm[1]:.2f} s) | load average "
          f"{os.getloadavg()[0]:.1f}{'' if cold[2] and warm[2] else ' (no record!)'}", flush=True)
    return help_s, warm[0]


# -- bulk insert and linking -------------------------------------------------------------------

def prepare_dataset(size: int, dest: str) -> None:
    """Child process: synthetic coded articles written as the workers write them."""
    from store import synthetic_articles

    from tacitus.execute.partitions import write_partition

    # A crawl arrives roughly in publication order, so a partition spans a month or two.
    coded = sorted(synthetic_articles(size), key=lambda pair: (pair[0].published, pair[0].doc_id))
    for i in range(0, len(coded), SYNTHETIC_PARTITION):
        write_partition(dest, f"part-{i // SYNTHETIC_PARTITION:06d}", coded[i:i + SYNTHETIC_PARTITION],
                        with_articles=True)


def load_and_link(dest: str, db: str) -> dict[str, float]:
    """Child process: bulk-load the dataset into a new store and link it; its own peak memory."""
    from tacitus.link.linker import link
    from tacitus.store import EventStore
    from tacitus.store.bulk import load_dataset

    with EventStore(db) as store:
        started, cpu = time.perf_counter(), time.process_time()
        _, _, events = load_dataset(store, dest)
        insert_s, insert_cpu = time.perf_counter() - started, time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        summary = link(store)
        link_s, link_cpu = time.perf_counter() - started, time.process_time() - cpu
        clusters = store.counts()["clusters"]
    return {"events": events, "articles": summary.articles, "insert_s": insert_s, "link_s": link_s,
            "insert_cpu": insert_cpu, "link_cpu": link_cpu,
            "clusters": clusters, "copies": summary.copies, **{f"{k}_s": v for k, v in summary.seconds.items()},
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def store_run(size: int, directory: Path) -> dict[str, float]:
    dest, db = directory / f"synthetic-{size}", directory / f"synthetic-{size}.duckdb"
    started = time.perf_counter()
    if not dest.exists():  # a dataset left by an earlier run in the same --dir is the same data (fixed seed)
        partial = directory / f"synthetic-{size}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        subprocess.run([sys.executable, __file__, "--child-prepare", str(size), str(partial)], check=True)
        partial.rename(dest)
    prepared_s = time.perf_counter() - started
    done = subprocess.run([sys.executable, __file__, "--child-link", str(dest), str(db)], check=True,
                          capture_output=True, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{result['events']:>8} events {result['articles']:>8} articles | prepared in {prepared_s:.0f} s | "
          f"insert {result['events'] / result['insert_s']:>8.0f} events/s ({result['insert_s']:.1f} s, "
          f"{result['insert_cpu']:.1f} s CPU) | "
          f"link {result['link_s']:6.1f} s, {result['link_cpu']:.1f} s CPU (copies {result['copies_s']:.1f}, "
          f"clusters {result['clusters_s']:.1f}, stories {result['stories_s']:.1f}) | {result['clusters']} clusters | "
          f"peak memory {result['peak_mb']:.0f} MB | load average {os.getloadavg()[0]:.1f}", flush=True)
    db.unlink(missing_ok=True)
    return result


# -- projection --------------------------------------------------------------------------------

def project(rates: dict[str, float], stores: list[dict[str, float]]) -> None:
    one, two = rates["dask 1"], rates["dask 2"]
    per_worker = two - one
    hours_one = GDELT_ARTICLES / one / 3600
    print(f"GDELT day ({GDELT_ARTICLES} articles): coding {hours_one:.1f} h with 1 worker, "
          f"{GDELT_ARTICLES / two / 3600:.1f} h with 2 | each added worker {per_worker:+.2f} articles/s "
          f"(measured 1 -> 2 workers on this box)", flush=True)
    if stores:
        nearest = min(stores, key=lambda r: abs(r["events"] - GDELT_EVENTS))
        scale = GDELT_EVENTS / nearest["events"]
        store_h = (nearest["insert_s"] + nearest["link_s"]) * scale / 3600
        print(f"GDELT day store side ({GDELT_EVENTS} events, scaled from {nearest['events']}): insert + link "
              f"{store_h * 60:.1f} min", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=80, help="Articles coded per worker setting.")
    parser.add_argument("--events", default="100000", help="Comma-separated synthetic store sizes.")
    parser.add_argument("--skip-coding", action="store_true", help="Only start-up and the store measurements.")
    parser.add_argument("--startup-only", action="store_true", help="Only the start-up measurements.")
    parser.add_argument("--dir", type=Path, default=None,
                        help="Where temporary files go; synthetic datasets already there are reused.")
    parser.add_argument("--child-prepare", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--child-link", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    if args.child_prepare:
        prepare_dataset(int(args.child_prepare[0]), args.child_prepare[1])
        return
    if args.child_link:
        print(json.dumps(load_and_link(*args.child_link)))
        return
    directory = args.dir or Path(tempfile.mkdtemp(prefix="tacitus-scale-"))
    directory.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    startup(directory)
    if args.startup_only:
        return
    rates = {} if args.skip_coding else coding_rates(args.articles, directory)
    stores = [store_run(int(size), directory) for size in args.events.split(",") if size]
    if rates:
        project(rates, stores)


if __name__ == "__main__":
    main()
