"""End to end: readers -> engine -> records, with every input accounted for."""

import datetime as dt
import json

import jsonschema
import pytest

from tacitus.ingest import ReadOptions, read_inputs
from tacitus.pipeline import Engine, EngineConfig, RunSummary, code_stream
from tacitus.records import Article

SCHEMA_PATH = "src/tacitus/data/event.schema.json"

STORIES = [
    "Iran rejected a US proposal for talks on Monday, the foreign ministry said.",
    "Russian troops shelled the Ukrainian city of Kharkiv overnight, Ukrainian officials said.",
    "The European Union imposed new sanctions on Belarus on Tuesday.",
    "Japan accused China of violating its airspace near the disputed islands.",
    "Egypt hosted talks between Israel and Hamas in Cairo on Sunday.",
]


@pytest.fixture(scope="module")
def engine():
    return Engine(EngineConfig())


@pytest.fixture(scope="module")
def schema():
    from importlib import resources

    return json.loads((resources.files("tacitus") / "data" / "event.schema.json").read_text())


def test_records_validate_against_the_published_schema(engine, schema):
    articles = [Article(doc_id=f"d{i}", text=t) for i, t in enumerate(STORIES)]
    records = [e.to_dict() for r in engine.code_articles(articles) for e in r.events]
    assert len(records) >= len(STORIES)
    validator = jsonschema.Draft202012Validator(schema)
    for record in records:
        validator.validate(record)
        start, end = record["span"]
        assert articles[int(record["doc_id"][1:])].text[start:end] == record["sentence"]


def test_event_ids_are_stable_across_runs(engine):
    article = Article(doc_id="same", text=STORIES[0])
    first = [e.event_id for r in engine.code_articles([article]) for e in r.events]
    second = [e.event_id for r in engine.code_articles([article]) for e in r.events]
    assert first and first == second


@pytest.mark.slow
def test_a_thousand_articles_with_fifty_broken_are_all_accounted_for(tmp_path, engine):
    path = tmp_path / "batch.jsonl"
    broken_kinds = 0
    with path.open("wb") as handle:
        for i in range(1000):
            if i % 20 == 7:  # 50 broken rows of five kinds
                kind = (i // 20) % 5
                broken_kinds |= 1 << kind
                line = [
                    json.dumps({"id": f"a{i}", "text": ""}).encode(),
                    json.dumps({"id": f"a{i}", "text": "\x00\x01\x02\x03 binary junk \x00" * 50}).encode(),
                    b'{"id": "a%d", "text": "caf\xe9 talks between the two foreign ministers"}' % i,
                    json.dumps({"id": f"a{i}", "text": "Talks. " * 3_000_000}).encode(),
                    json.dumps({"id": f"a{i}", "title": "no text field"}).encode(),
                ][kind]
            else:
                line = json.dumps({"id": f"a{i}", "text": STORIES[i % len(STORIES)],
                                   "published": "2024-05-08"}).encode()
            handle.write(line + b"\n")
    assert broken_kinds == 0b11111
    summary = RunSummary()
    events = list(code_stream(read_inputs([path], ReadOptions()), EngineConfig(), summary=summary, engine=engine))
    assert summary.articles_seen == 1000
    assert summary.articles_coded == 950 and len(summary.skipped) == 50
    reasons = summary.skip_reasons()
    assert {"empty text", "binary content", "not valid UTF-8", "text too large", "missing text"} <= set(reasons)
    assert len({e.doc_id for e in events}) >= 900


def test_the_verifier_scores_every_written_record(engine):
    text = ("Chile accused Peru of spying on its navy. Peru rejected the accusation on Monday. "
            "Officials said the talks would resume.")
    [result] = engine.code_articles([Article(doc_id="v", text=text, published=dt.date(2024, 5, 8))])
    assert result.events
    for event in result.events:
        verdict = event.evidence["verifier"]
        assert verdict["model"] == engine.verifier.name and event.confidence == pytest.approx(verdict["probability"], abs=1e-3)
    spans = [(e.trigger.span, e.event) for e in result.events]
    assert len(spans) == len(set(spans))  # one record per trigger and type


def test_pool_chunks_come_back_in_order_while_a_slow_chunk_holds_one_worker():
    """Waiting on the oldest chunk must not idle the other worker: it keeps getting chunks."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from tacitus.pipeline import AHEAD_PER_WORKER, _in_order

    release = threading.Event()
    started: list[int] = []

    def work(chunk: list[int]) -> list[int]:
        started.append(chunk[0])
        if chunk[0] == 0:
            release.wait(10)  # the long first chunk
        return chunk

    count = AHEAD_PER_WORKER * 2
    with ThreadPoolExecutor(2) as pool:
        results: list[list[int]] = []
        consumer = threading.Thread(target=lambda: results.extend(
            _in_order(lambda chunk: pool.submit(work, chunk), iter([[i] for i in range(count)]), workers=2)))
        consumer.start()
        for _ in range(1000):  # up to 10 s
            if len(started) == count:
                break
            time.sleep(0.01)
        assert len(started) == count, started  # every other chunk ran while the first was still coding
        assert results == []  # and none came out before the first
        release.set()
        consumer.join(10)
    assert results == [[i] for i in range(count)]
