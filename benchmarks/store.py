"""Store and link benchmark: synthetic event records, insert rate, linking rate, peak memory.

Generates news-like articles about synthetic real-world events (each reported by one to four
outlets, some as syndicated copies), stores their records in fresh DuckDB files and links them.
Clustering time is measured at 10k, 30k and 100k records to show it grows linearly.

    .venv/bin/python benchmarks/store.py [--events 100000] [--dir /tmp]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import tempfile
import time
from pathlib import Path

from tacitus.events.ontology import cameo as cameo_info
from tacitus.link.linker import link
from tacitus.records import ActorRef, Article, EventRecord, Trigger
from tacitus.store import EventStore

# (name, code, weight): how often a country appears in international news, roughly.
COUNTRIES = [
    ("the United States", "USA", 30), ("China", "CHN", 12), ("Russia", "RUS", 14), ("Iran", "IRN", 8),
    ("Israel", "ISR", 9), ("Palestinian militants", "PSE", 6), ("Ukraine", "UKR", 10), ("Turkey", "TUR", 5),
    ("Saudi Arabia", "SAU", 4), ("India", "IND", 5), ("Pakistan", "PAK", 4), ("North Korea", "PRK", 4),
    ("South Korea", "KOR", 3), ("Japan", "JPN", 3), ("Germany", "DEU", 4), ("France", "FRA", 4),
    ("Britain", "GBR", 5), ("Egypt", "EGY", 3), ("Syria", "SYR", 4), ("Iraq", "IRQ", 3), ("Afghanistan", "AFG", 3),
    ("Venezuela", "VEN", 2), ("Brazil", "BRA", 2), ("Nigeria", "NGA", 2), ("Ethiopia", "ETH", 2),
    ("Sudan", "SDN", 2), ("Taiwan", "TWN", 2), ("Qatar", "QAT", 2), ("Yemen", "YEM", 2), ("Lebanon", "LBN", 2),
]
SECTORS = [None, "GOV", "GOV", "MIL"]
# (CAMEO code, verb phrases used by different outlets, objects)
ACTIONS = [
    ("042", ["visited", "travelled to", "paid a visit to"], ["for talks on trade", "to discuss security ties"]),
    ("036", ["offered to meet", "said it was ready to meet"], ["to discuss the crisis", "over the border dispute"]),
    ("040", ["held talks with", "met officials from"], ["on energy cooperation", "about the peace process"]),
    ("057", ["signed an agreement with", "concluded a deal with"], ["on gas supplies", "on arms control"]),
    ("071", ["pledged economic aid to", "announced financial support for"], ["after the floods", "for reconstruction"]),
    ("112", ["accused", "blamed"], ["of violating the ceasefire", "of spying on its diplomats"]),
    ("111", ["condemned", "criticised"], ["over the missile test", "over the arrest of activists"]),
    ("125", ["rejected an offer of talks from", "turned down a proposal for negotiations from"], ["on the nuclear programme", "over the maritime dispute"]),
    ("130", ["threatened", "warned"], ["with retaliation", "of serious consequences"]),
    ("163", ["imposed sanctions on", "announced an embargo against"], ["over human rights abuses", "over its nuclear programme"]),
    ("173", ["arrested citizens of", "detained nationals of"], ["near the border", "on espionage charges"]),
    ("190", ["attacked", "launched strikes against"], ["near the frontier", "in the disputed region"]),
    ("195", ["carried out air strikes on", "bombed positions of"], ["overnight", "in the north"]),
]
OUTLETS = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "CNN", "The Guardian", "Xinhua", "TASS", "Anadolu",
           "Times of India", "Dawn", "NHK", "DW", "France 24", "Gulf News"]
FILLER = ["Officials gave no further details.", "The ministry declined to comment.",
          "Analysts said the move could raise tensions in the region.", "Markets reacted calmly to the news.",
          "Diplomats said talks would continue next week.", "The statement was carried by state media."]
START = dt.date(2015, 1, 1)


def synthetic_articles(target_events: int, seed: int = 7) -> list[tuple[Article, list[EventRecord]]]:
    """Articles about synthetic events until `target_events` records exist."""
    rng = random.Random(seed)
    names, codes, weights = zip(*COUNTRIES)
    articles: list[tuple[Article, list[EventRecord]]] = []
    produced = 0
    serial = 0
    while produced < target_events:
        a, b = rng.choices(range(len(codes)), weights=weights, k=2)
        if a == b:
            continue
        code, verbs, objects = rng.choice(ACTIONS)
        day = START + dt.timedelta(days=rng.randrange(3650))
        sectors = (rng.choice(SECTORS), rng.choice(SECTORS))
        obj = rng.choice(objects)
        original = None
        for _ in range(rng.choices((1, 2, 3, 4), weights=(50, 25, 15, 10))[0]):
            serial += 1
            published = day + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2)))
            outlet = rng.choice(OUTLETS)
            if original is not None and rng.random() < 0.2:  # a syndicated reprint
                text = original.text + " " + rng.choice(FILLER)
            else:
                sentence = f"{names[a].capitalize()} {rng.choice(verbs)} {names[b]} {obj} on {day:%A}."
                text = f"{sentence} {rng.choice(FILLER)} {rng.choice(FILLER)}"
            article = Article(f"bench-{serial:07d}", text, title=text.split(".")[0], published=published,
                              outlet=outlet)
            original = original or article
            sentence = text.split(". ")[0] + ("" if text.split(". ")[0].endswith(".") else ".")
            articles.append((article, [_record(article, sentence, names[a], codes[a], names[b], codes[b], sectors,
                                                code, day if rng.random() < 0.7 else None)]))
            produced += 1
    return articles


def _record(article: Article, sentence: str, source: str, source_code: str, target: str, target_code: str,
            sectors: tuple, cameo: str, day: dt.date | None) -> EventRecord:
    info = cameo_info(cameo)
    source_text = source.capitalize()
    s, t = sentence.index(source_text), sentence.index(target)

    def ref(text: str, at: int, country: str, sector: str | None) -> ActorRef:
        return ActorRef(text, (at, at + len(text)), code=country + (sector or ""), country=country, sector=sector)

    verb_at = s + len(source_text) + 1
    return EventRecord(
        doc_id=article.doc_id, sentence_index=0, sentence=sentence, span=(0, len(sentence)),
        trigger=Trigger(sentence[verb_at:verb_at + 8], (verb_at, verb_at + 8)), event=info.plover_event,
        mode=info.plover_mode, cameo=cameo, quad_class=info.quad_class, goldstein=info.goldstein,
        source=ref(source_text, s, source_code, sectors[0]), target=ref(target, t, target_code, sectors[1]),
        factuality="asserted", date=day, date_precision="day" if day else None, confidence=0.8,
        evidence={"rule": "benchmark"}, published=article.published, outlet=article.outlet,
        coder_version="benchmark",
    )


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(size: int, directory: Path, batch: int = 200) -> dict[str, float]:
    articles = synthetic_articles(size)
    events = sum(len(e) for _, e in articles)
    path = directory / f"bench-{size}.duckdb"
    path.unlink(missing_ok=True)
    with EventStore(path) as store:
        started = time.perf_counter()
        for i in range(0, len(articles), batch):
            store.add(articles[i:i + batch])
        inserted = time.perf_counter() - started
        started = time.perf_counter()
        summary = link(store)
        linked = time.perf_counter() - started
        clusters = store.con.execute("SELECT count(*) FROM clusters").fetchone()[0]
    path.unlink()
    return {"events": events, "articles": len(articles), "insert_s": inserted, "link_s": linked,
            "cluster_s": summary.seconds["clusters"], "copies_s": summary.seconds["copies"],
            "stories_s": summary.seconds["stories"], "clusters": clusters, "copies": summary.copies}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=None, help="Where the temporary stores go.")
    args = parser.parse_args()
    directory = args.dir or Path(tempfile.mkdtemp(prefix="tacitus-bench-"))
    sizes = sorted({s for s in (10_000, 30_000, args.events) if s <= args.events})
    for size in sizes:
        r = run(size, directory)
        print(f"{r['events']:>7} events  {r['articles']:>7} articles  {r['clusters']:>7} clusters  "
              f"{r['copies']:>6} copies | insert {r['events'] / r['insert_s']:>8.0f} events/s | "
              f"clustering {r['cluster_s']:6.2f} s = {r['events'] / r['cluster_s']:>7.0f} events/s | "
              f"copies {r['copies_s']:5.2f} s | stories {r['stories_s']:5.2f} s | "
              f"link total {r['link_s']:6.2f} s | peak memory {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
