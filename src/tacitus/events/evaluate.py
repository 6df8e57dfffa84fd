"""Scoring the coder against gold-standard events.

Two gold forms are read:

* sentence records (the PLOVER gold-standard form): one JSON object a line with `id`, `text`,
  `event` (PLOVER type) and `source`/`target` lists of `{code}` (an alpha-3 country code or a
  group code such as `IGO`);
* article records: `{"id", "text", "published"?, "events": [{"sentence", "event", "source",
  "target"}]}`, where each gold event names the exact sentence it comes from.

Each gold sentence is compared with the sentence's *main* predicted event: among events with a
PLOVER type, factual ones (asserted, reported, denied) first, then the one nearest the root of
the parse, then the most confident, then the earliest. Triples are (type, source country,
target country) over every source x target pair of the main event, as the gold lists compound
actors pair by pair.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.records import Article, EventRecord


@dataclass
class GoldEvent:
    key: str  # sentence id, or article id + sentence
    sentence: str
    event: str
    sources: tuple[str | None, ...]
    targets: tuple[str | None, ...]

    def triples(self) -> set[tuple[str, str | None, str | None]]:
        return {(self.event, s, t) for s in self.sources or (None,) for t in self.targets or (None,)}


@dataclass
class GoldDocument:
    article: Article
    events: list[GoldEvent]


@dataclass
class Scores:
    per_type: dict[str, dict[str, float]] = field(default_factory=dict)
    type_accuracy: float = 0.0
    triple_precision: float = 0.0
    triple_recall: float = 0.0
    triple_f1: float = 0.0
    gold_events: int = 0
    predicted_events: int = 0
    misses: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "misses"}


# Country codes of the CAMEO manual era that differ from ISO 3166 alpha-3; gold standards
# built from it still use them.
LEGACY_CAMEO_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "GMY": "DEU", "SPN": "ESP", "RUM": "ROU"}
# Gold standards label NGOs such as Amnesty International or the Red Cross as IGO; both are
# compared as one class of international organisation.
INTERNATIONAL_ORGANISATIONS = {"IGO", "NGO"}


def comparable_code(code: str | None) -> str | None:
    if not code:
        return None
    code = str(code).upper()[:3]
    code = LEGACY_CAMEO_COUNTRIES.get(code, code)
    return "IGO" if code in INTERNATIONAL_ORGANISATIONS else code


def _codes(actors: Iterable[dict] | None) -> tuple[str | None, ...]:
    codes = []
    if not isinstance(actors, (list, tuple)):
        actors = [actors] if actors else []
    for actor in actors:
        code = comparable_code(actor.get("code") if isinstance(actor, dict) else actor)
        if code:
            codes.append(code)
    return tuple(dict.fromkeys(codes))


def read_gold(path: Path) -> list[GoldDocument]:
    """Read either gold form; raises ValueError naming the line of a malformed record."""
    documents = []
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                raise ValueError(f"{path}:{number}: not valid UTF-8") from None
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: malformed JSON ({err.msg})") from None
            except RecursionError:
                raise ValueError(f"{path}:{number}: JSON nested too deeply") from None
            try:
                documents.append(_gold_document(record, f"{path.name}:{number}"))
            except (KeyError, TypeError, AttributeError, ValueError) as err:
                raise ValueError(f"{path}:{number}: {_gold_problem(err)}") from None
    return documents


def _gold_problem(err: Exception) -> str:
    if isinstance(err, KeyError):
        return f"a gold event needs a {err.args[0]} field"
    return str(err) if isinstance(err, ValueError) else f"malformed gold record ({err})"


def _gold_document(record: object, origin: str) -> GoldDocument:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ValueError("a gold record needs a text field holding a string")
    doc_id = str(record.get("id") or f"gold-{origin}")
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        raise ValueError("published must be a YYYY-MM-DD string")
    article = Article(doc_id=doc_id, text=record["text"], origin=origin,
                      published=dt.date.fromisoformat(published[:10]) if published else None)
    if "events" in record:
        if not isinstance(record["events"], list):
            raise ValueError("events must be a list")
        events = [GoldEvent(f"{doc_id}:{i}", _string(e, "sentence"), _string(e, "event"), _codes(e.get("source")),
                            _codes(e.get("target")))
                  for i, e in enumerate(record["events"])]
    elif "event" in record:
        events = [GoldEvent(doc_id, record["text"], _string(record, "event"), _codes(record.get("source")),
                            _codes(record.get("target")))]
    else:
        raise ValueError("a gold record needs `event` or `events`")
    return GoldDocument(article, events)


def _string(record: object, name: str) -> str:
    if not isinstance(record, dict) or not isinstance(record.get(name), str):
        raise ValueError(f"a gold event needs a {name} field holding a string")
    return record[name]


def actor_group(actor) -> str | None:
    """The code gold standards compare: the country, else the group prefix (IGO, NGO, ...)."""
    if actor is None:
        return None
    return comparable_code(actor.country or actor.code)


def main_event(events: list[EventRecord]) -> EventRecord | None:
    typed = [e for e in events if e.event]
    if not typed:
        return None
    factual = ("asserted", "reported", "denied")
    return max(typed, key=lambda e: (e.factuality in factual, -e.evidence.get("depth", 0), e.confidence,
                                     -e.trigger.span[0]))


def _events_in_sentence(events: list[EventRecord], sentence: str, text: str) -> list[EventRecord]:
    start = text.find(sentence)
    if start < 0:
        return []
    end = start + len(sentence)
    return [e for e in events if start <= e.trigger.span[0] < end]


def score(documents: list[GoldDocument], coded: Iterator[tuple[Article, list[EventRecord]]]) -> Scores:
    by_id = {d.article.doc_id: d for d in documents}
    confusion: dict[str, Counter] = defaultdict(Counter)
    correct_types = 0
    tp = fp = fn = 0
    scores = Scores()
    for article, events in coded:
        document = by_id[article.doc_id]
        for gold in document.events:
            scores.gold_events += 1
            predicted = main_event(_events_in_sentence(events, gold.sentence, article.text))
            predicted_type = predicted.event if predicted else None
            confusion[gold.event]["gold"] += 1
            if predicted_type:
                confusion[predicted_type]["predicted"] += 1
                scores.predicted_events += 1
            if predicted_type == gold.event:
                confusion[gold.event]["correct"] += 1
                correct_types += 1
            predicted_triples = set()
            if predicted is not None:
                predicted_triples = {
                    (predicted.event, actor_group(e.source), actor_group(e.target)) for e in events
                    if e.trigger.span == predicted.trigger.span and e.event == predicted.event
                }
            gold_triples = gold.triples()
            hits = len(predicted_triples & gold_triples)
            tp += hits
            fp += len(predicted_triples) - hits
            fn += len(gold_triples) - hits
            if predicted_type != gold.event or hits < len(gold_triples):
                scores.misses.append({
                    "id": gold.key, "sentence": gold.sentence, "gold": sorted(gold_triples, key=str),
                    "predicted": sorted(predicted_triples, key=str),
                    "rule": predicted.evidence.get("rule") if predicted else None,
                    "trigger": predicted.trigger.text if predicted else None,
                })
    for event_type, counts in sorted(confusion.items()):
        precision = counts["correct"] / counts["predicted"] if counts["predicted"] else 0.0
        recall = counts["correct"] / counts["gold"] if counts["gold"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores.per_type[event_type] = {"precision": precision, "recall": recall, "f1": f1,
                                       "gold": counts["gold"], "predicted": counts["predicted"]}
    scores.type_accuracy = correct_types / scores.gold_events if scores.gold_events else 0.0
    scores.triple_precision = tp / (tp + fp) if tp + fp else 0.0
    scores.triple_recall = tp / (tp + fn) if tp + fn else 0.0
    p, r = scores.triple_precision, scores.triple_recall
    scores.triple_f1 = 2 * p * r / (p + r) if p + r else 0.0
    return scores
