"""Ingest through the real pipeline: clusters, copies, disputes and recurrence from coded articles;
idempotent re-runs; and a run killed with SIGKILL mid-way, then resumed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest
import typer
from typer.testing import CliRunner

from tacitus.cli.store import register
from tacitus.store import EventStore

FIRST_WAVE = [
    {"id": "reuters-0506", "published": "2024-05-06", "outlet": "Reuters",
     "title": "Iran rejects U.S. offer of direct nuclear talks",
     "text": "Iran on Monday rejected a U.S. proposal for direct talks on its nuclear programme. Foreign ministry "
             "spokesman Nasser Kanaani told reporters that the offer, delivered through Omani mediators, contained "
             "nothing new. Oil prices rose slightly after the news, traders said."},
    # The Reuters story reprinted the next day under another headline.
    {"id": "gulftimes-0507", "published": "2024-05-07", "outlet": "Gulf Times", "title": "Tehran says no to talks",
     "text": "Iran on Monday rejected a U.S. proposal for direct talks on its nuclear programme. Foreign ministry "
             "spokesman Nasser Kanaani told reporters that the offer, delivered through Omani mediators, contained "
             "nothing new. Oil prices rose slightly after the news, traders said. (Reuters)"},
    {"id": "ap-0507", "published": "2024-05-07", "outlet": "AP",
     "text": "Iran rejected a United States offer of direct nuclear talks on Monday. Western diplomats described the "
             "response as a setback for efforts to revive negotiations."},
    {"id": "aljazeera-0507", "published": "2024-05-07", "outlet": "Al Jazeera",
     "text": "Iran turned down Washington's offer of direct talks over its nuclear programme on Monday. Analysts in "
             "the region expect no breakthrough before the summer."},
    {"id": "khamenei-2013", "published": "2013-02-07", "outlet": "Reuters",
     "text": "Iran rejected an American offer of direct talks on the nuclear dispute on Thursday, saying pressure and "
             "negotiations cannot go together."},
    {"id": "rouhani-2017", "published": "2017-09-20", "outlet": "Reuters",
     "text": "Iran on Wednesday rejected a U.S. offer of direct talks on renegotiating the nuclear deal, officials "
             "said in New York."},
]
DENIAL = {"id": "irna-0509", "published": "2024-05-09", "outlet": "IRNA",
          "text": "Iran's foreign ministry on Thursday denied that Iran had rejected the U.S. proposal for talks, "
                  "calling foreign media reports fabricated."}


def write_jsonl(path, articles):
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cli():
    app = typer.Typer()
    register(app)
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return run


def cluster_of(db, doc_id: str) -> dict:
    """The cluster of the article's refusal (a refused offer also gives an event for the offer)."""
    with EventStore(db) as store:
        cursor = store.con.execute(
            "SELECT c.* FROM clusters c JOIN event_links l USING (cluster_id) JOIN events e USING (event_id) "
            "WHERE e.doc_id = ? AND e.event IN ('REJECT', 'ACCUSE')", [doc_id])
        names = [d[0] for d in cursor.description]
        (row,) = cursor.fetchall()
    return dict(zip(names, row))


def test_coded_reports_cluster_dispute_and_recur(cli, tmp_path):
    db = tmp_path / "news.duckdb"
    first = write_jsonl(tmp_path / "first.jsonl", FIRST_WAVE)
    result = cli("ingest", first, "--db", db)
    assert result.exit_code == 0, result.output

    cluster = cluster_of(db, "ap-0507")
    # Three outlets reported Monday's rejection; the Gulf Times reprint counts once.
    assert (cluster["mentions"], cluster["articles"], cluster["outlets"], cluster["copies"]) == (3, 3, 3, 1)
    assert cluster["status"] == "reported"
    assert cluster_of(db, "gulftimes-0507")["cluster_id"] == cluster["cluster_id"]

    counts_before = EventStore(db).counts()
    again = cli("ingest", first, "--db", db)
    assert again.exit_code == 0 and "0 new" in again.output and "6 already stored" in again.output
    assert EventStore(db).counts() == counts_before

    assert cli("ingest", write_jsonl(tmp_path / "second.jsonl", [DENIAL]), "--db", db).exit_code == 0
    cluster = cluster_of(db, "ap-0507")
    assert cluster["status"] == "disputed"
    assert {(c["stance"], c["who"]) for c in json.loads(cluster["claims"]) if c["stance"] == "denied"} == {
        ("denied", "Iran's foreign ministry")}

    with EventStore(db) as store:
        (event_2017,) = store.con.execute("SELECT event_id FROM events WHERE doc_id = 'rouhani-2017' AND event = 'REJECT'").fetchone()
    similar = cli("similar", event_2017, "--db", db, "--format", "jsonl")
    earlier = [json.loads(line) for line in similar.stdout.splitlines()]
    assert [e["cluster_id"] for e in earlier] == [cluster_of(db, "khamenei-2013")["cluster_id"]]
    assert earlier[0]["same_code"]


COUNTRIES = [("Iran", "Tehran"), ("Israel", "Jerusalem"), ("Russia", "Moscow"), ("Ukraine", "Kyiv"),
             ("China", "Beijing"), ("Japan", "Tokyo"), ("India", "New Delhi"), ("Pakistan", "Islamabad"),
             ("Turkey", "Ankara"), ("Egypt", "Cairo")]
ACTIONS = ["accused {b} of violating the ceasefire agreement", "rejected a proposal from {b} for new talks",
           "hosted a delegation from {b} for trade negotiations", "threatened {b} with new sanctions",
           "praised {b} for releasing detained journalists", "condemned {b} over the border clashes"]


def many_small_articles(count: int) -> list[dict]:
    articles = []
    for n in range(count):
        a, capital = COUNTRIES[n % len(COUNTRIES)]
        b = COUNTRIES[(n * 3 + 1) % len(COUNTRIES)][0]
        if b == a:
            b = COUNTRIES[(n + 5) % len(COUNTRIES)][0]
        action = ACTIONS[n % len(ACTIONS)].format(b=b)
        day = 1 + n % 28
        articles.append({"id": f"wire-{n:04d}", "published": f"2023-03-{day:02d}", "outlet": f"Outlet {n % 7}",
                         "text": f"{a} {action} on Tuesday, officials in {capital} said. "
                                 f"The statement was issued after a meeting of the cabinet in {capital}."})
    return articles


INGEST_SCRIPT = textwrap.dedent("""
    import logging, sys, typer
    from tacitus.cli.store import register
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(name)s: %(message)s")
    app = typer.Typer()
    register(app)
    app(sys.argv[1:])
""")


def ingest_process(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", INGEST_SCRIPT, "ingest", *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def snapshot(db) -> dict:
    with EventStore(db) as store:
        con = store.con
        return {
            "counts": store.counts(),
            "articles": con.execute("SELECT doc_id, content_hash FROM articles ORDER BY ALL").fetchall(),
            "events": con.execute("SELECT event_id FROM events ORDER BY ALL").fetchall(),
            "clusters": con.execute("SELECT list(event_id ORDER BY event_id) FROM event_links GROUP BY cluster_id "
                                    "ORDER BY ALL").fetchall(),
            "stories": con.execute("SELECT list(doc_id ORDER BY doc_id) FROM article_links GROUP BY story_id "
                                   "ORDER BY ALL").fetchall(),
        }


@pytest.mark.slow
def test_ingest_killed_mid_run_resumes_without_loss_or_duplicates(tmp_path):
    inputs = write_jsonl(tmp_path / "wire.jsonl", many_small_articles(240))

    clean_db = tmp_path / "clean.duckdb"
    clean = ingest_process(inputs, "--db", clean_db, "--batch", "8")
    assert clean.wait(timeout=120) == 0, clean.stderr.read()

    crashed_db = tmp_path / "crashed.duckdb"
    victim = ingest_process(inputs, "--db", crashed_db, "--batch", "8")
    for line in victim.stderr:
        if "committed batch 2" in line:
            os.kill(victim.pid, signal.SIGKILL)
            break
    assert victim.wait(timeout=120) == -signal.SIGKILL
    partial = snapshot(crashed_db)["counts"]
    assert 16 <= partial["articles"] < 240  # at least the two committed batches survived the kill

    resumed = ingest_process(inputs, "--db", crashed_db, "--batch", "8")
    assert resumed.wait(timeout=120) == 0, resumed.stderr.read()
    assert snapshot(crashed_db) == snapshot(clean_db)
    assert snapshot(clean_db)["counts"]["articles"] == 240
