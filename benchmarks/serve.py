"""Serve benchmark: `tacitus serve` over a store of synthetic events, under a bounded load on loopback.

Builds (once; reused when --store exists) a linked store of synthetic events from
benchmarks/store.py's generator, starts `tacitus serve` on 127.0.0.1, and lets --clients
concurrent clients send requests for --seconds: filtered event searches (dyad and type, actor and
period, factuality and place, text), single events, dyad timelines, map cells and the search page
with its facet counts. Prints requests/s, p50/p95/p99 latency and errors per kind of request, and
the server's CPU time per request, which depends far less than latency on what else the machine
is running (latency on a shared machine is mostly waiting for a core).
With --writer, a second round runs while another process holds the store open for writing and
adds articles to it, as `tacitus ingest` does; the server answers from its snapshot meanwhile.

    .venv/bin/python benchmarks/serve.py [--events 1000000] [--store /tmp/serve-1m.duckdb]
                                          [--clients 50] [--seconds 30] [--writer]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from store import ACTIONS, COUNTRIES, synthetic_articles  # noqa: E402  (the store benchmark's generator)

from tacitus.events.ontology import cameo as cameo_info  # noqa: E402
from tacitus.link.linker import link  # noqa: E402
from tacitus.store import EventStore  # noqa: E402

CHUNK = 100_000
FILTERED = ("events: dyad+type", "events: actor+period", "events: factuality+place", "events: text")
WRITER = """
import sys, dataclasses
sys.path.insert(0, sys.argv[3])
from store import synthetic_articles
from tacitus.store import EventStore
articles = synthetic_articles(int(sys.argv[2]), seed=99)
with EventStore(sys.argv[1]) as store:
    for i in range(0, len(articles), 200):
        batch = [(dataclasses.replace(a, doc_id=sys.argv[4] + a.doc_id),
                  [dataclasses.replace(e, doc_id=sys.argv[4] + e.doc_id) for e in events]) for a, events in articles[i:i + 200]]
        store.add(batch)
print("written", flush=True)
"""


def build_store(path: Path, events: int) -> None:
    """Chunks of synthetic events, each with its own doc_id prefix, stored and then linked."""
    started = time.perf_counter()
    with EventStore(path) as store:
        for chunk, produced in enumerate(range(0, events, CHUNK)):
            articles = synthetic_articles(min(CHUNK, events - produced), seed=7 + chunk)
            renamed = [(dataclasses.replace(a, doc_id=f"c{chunk}-{a.doc_id}"),
                        [dataclasses.replace(e, doc_id=f"c{chunk}-{e.doc_id}") for e in records])
                       for a, records in articles]
            for i in range(0, len(renamed), 5000):
                store.add(renamed[i:i + 5000])
            print(f"  stored {produced + len(renamed):,} events ({time.perf_counter() - started:.0f} s)", flush=True)
        summary = link(store)
        counts = store.counts()
    print(f"built {path}: {counts['events']:,} events, {counts['clusters']:,} clusters, {counts['stories']:,} stories "
          f"in {time.perf_counter() - started:.0f} s (link {sum(summary.seconds.values()):.0f} s)", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(store: Path, port: int) -> subprocess.Popen:
    tacitus = Path(sys.executable).with_name("tacitus")
    server = subprocess.Popen([str(tacitus), "serve", "--db", str(store), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 600  # the first snapshot of a large store takes a while
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=60).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read().decode()}")
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("server did not become ready")


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of a process so far (Linux /proc), None where unavailable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def request_maker(event_ids: list[str]):
    codes = [code for _, code, _ in COUNTRIES]
    types = sorted({cameo_info(code).plover_event for code, _, _ in ACTIONS if cameo_info(code).plover_event})
    words = ["sanctions", "talks", "border", "nuclear", "ceasefire", "aid"]

    def make(rng: random.Random) -> tuple[str, str, dict]:
        a, b = rng.sample(codes[:12], 2)
        year = rng.randrange(2015, 2025)
        roll = rng.random()
        if roll < 0.2:
            return "events: dyad+type", "/api/events", {"dyad": f"{a}:{b}", "type": rng.choice(types)}
        if roll < 0.35:
            return "events: actor+period", "/api/events", {"actor": a, "since": f"{year}-01-01",
                                                           "until": f"{year}-06-30", "sort": "-date"}
        if roll < 0.45:
            return "events: factuality+place", "/api/events", {"factuality": "asserted", "dyad": f"{a}:{b}",
                                                               "min_confidence": 0.5}
        if roll < 0.55:
            return "events: text", "/api/events", {"q": rng.choice(words), "actor": a}
        if roll < 0.75:
            return "event by id", f"/api/events/{rng.choice(event_ids)}", {}
        if roll < 0.85:
            return "dyad timeline", f"/api/dyads/{a}/{b}/timeline", {"bin": rng.choice(["week", "month"])}
        if roll < 0.93:
            return "map", "/api/map", {"actor": a, "since": f"{year}-01-01", "until": f"{year}-12-31"}
        return "search page + facets", "/", {"dyad": f"{a}:{b}"}

    return make


async def load(base: str, clients: int, seconds: float, make) -> dict[str, list]:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[int]] = defaultdict(list)
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(number: int, http: httpx.AsyncClient) -> None:
        rng = random.Random(number)
        while time.monotonic() < stop_at:
            kind, path, params = make(rng)
            started = time.perf_counter()
            try:
                response = await http.get(base + path, params=params)
                status = response.status_code
            except httpx.HTTPError:
                status = 0
            latencies[kind].append(time.perf_counter() - started)
            if status != 200:
                errors[kind].append(status)

    async with httpx.AsyncClient(timeout=60, limits=limits) as http:
        await asyncio.gather(*(client(n, http) for n in range(clients)))
    return {"latencies": latencies, "errors": errors}


def report(title: str, result: dict, seconds: float, server_cpu: float | None) -> None:
    latencies, errors = result["latencies"], result["errors"]
    print(f"\n{title} (load average {os.getloadavg()[0]:.1f} at the end)")
    print(f"{'request':<26} {'count':>7} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")

    def line(name: str, values: list[float], failed: int) -> None:
        ms = sorted(v * 1000 for v in values)
        q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
        print(f"{name:<26} {len(ms):>7} {len(ms) / seconds:>7.1f} {q[49]:>8.0f} {q[94]:>8.0f} {q[98]:>8.0f} "
              f"{failed:>7}")

    for kind in sorted(latencies):
        line(kind, latencies[kind], len(errors.get(kind, [])))
    filtered = [v for kind in FILTERED for v in latencies.get(kind, [])]
    line("ALL filtered event queries", filtered, sum(len(errors.get(kind, [])) for kind in FILTERED))
    everything = [v for values in latencies.values() for v in values]
    line("ALL requests", everything, sum(len(v) for v in errors.values()))
    statuses = sorted({s for values in errors.values() for s in values})
    if statuses:
        print(f"error statuses: {statuses}")
    if server_cpu is not None and everything:
        print(f"server CPU: {server_cpu:.1f} s for {len(everything)} requests = "
              f"{1000 * server_cpu / len(everything):.1f} ms per request")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path, default=None, help="Store file; built when absent, reused otherwise.")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--writer", action="store_true", help="Also measure while another process writes.")
    args = parser.parse_args()
    store = args.store or Path(f"/tmp/tacitus-serve-bench-{args.events}.duckdb")
    if not store.exists():
        print(f"building a store of {args.events:,} synthetic events at {store}", flush=True)
        build_store(store, args.events)
    with EventStore(store, create=False) as opened:
        event_ids = [row[0] for row in opened.con.execute(
            "SELECT event_id FROM events USING SAMPLE 2000 ROWS").fetchall()]
        total = opened.event_count()
    port = free_port()
    started = time.perf_counter()
    server = start_server(store, port)
    print(f"server ready on 127.0.0.1:{port} in {time.perf_counter() - started:.1f} s (first snapshot of "
          f"{store.stat().st_size / 1e6:.0f} MB)")
    base = f"http://127.0.0.1:{port}"
    try:
        make = request_maker(event_ids)
        cpu_before = cpu_seconds(server.pid)
        result = asyncio.run(load(base, args.clients, args.seconds, make))
        cpu_after = cpu_seconds(server.pid)
        report(f"{total:,} events, {args.clients} concurrent clients, {args.seconds:.0f} s", result, args.seconds,
               cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None)
        if args.writer:
            writer = subprocess.Popen([sys.executable, "-c", WRITER, str(store), "20000", str(Path(__file__).parent),
                                       f"w{time.time_ns()}-"],
                                      stdout=subprocess.PIPE, text=True)
            time.sleep(3)  # let the writer take the store
            result = asyncio.run(load(base, args.clients, args.seconds, make))
            writer_done = writer.poll() is not None
            report(f"while another process writes the store (writer {'finished' if writer_done else 'still writing'})",
                   result, args.seconds, None)
            writer.wait()
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
