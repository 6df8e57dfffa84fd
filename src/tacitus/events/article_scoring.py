"""Mention-level scoring of event records against article gold (the real-news gold form).

Gold comes as two JSON Lines files: articles (`doc_id`, `text`, `published`, ...) and event
mentions (`doc_id`, `id`, `sentence`, `trigger`, `event`, `cameo`, `source`/`target` lists of
`{actorText, code, sector}`, `factuality`, `date`, `location`, `comment`). Every predicted record
counts. A prediction matches a gold event when its sentence span overlaps the gold sentence, it
has the gold PLOVER type, and its source and target countries fit the gold lists (the country or
IGO part of the code; a null gold code accepts any actor, an empty gold target any target).
Gold events are taken in file order and each takes the first unused fitting prediction of its
article, so each prediction matches at most one gold event.

Strict scoring makes BORDERLINE gold neutral: those events and the predictions they matched
leave both the numerator and the denominators.

Predictions are record dicts in the published contract (`EventRecord.to_dict()`), so a file
written by `tacitus code` and records coded on the fly are scored alike.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.events.ontology import plover_for_cameo

BORDERLINE = "BORDERLINE"
# Event type names older PLOVER drafts used, as some gold and records still carry them.
RENAMED_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
# CAMEO-manual country codes still found in gold records (the article gold uses only these).
LEGACY_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def event_type(record: dict) -> str | None:
    """The PLOVER type of a record: its `event`, else the type of its CAMEO code."""
    if record.get("event"):
        name = str(record["event"]).upper()
        return RENAMED_TYPES.get(name, name)
    code = str(record.get("cameo") or "")
    for length in dict.fromkeys((len(code), 3, 2)):
        try:
            plover_event = plover_for_cameo(code[:length])[0]
        except KeyError:
            continue
        return RENAMED_TYPES.get(plover_event, plover_event) if plover_event else None
    return None


def country(actor) -> str | None:
    """The compared part of an actor: `IGO` for any international organisation, else the first
    three letters of its code (its country)."""
    if isinstance(actor, dict):
        actor = actor.get("code") or actor.get("country")
    if not actor:
        return None
    code = str(actor).upper()
    if code.startswith("IGO"):
        return "IGO"
    return LEGACY_COUNTRIES.get(code[:3], code[:3])


def is_borderline(gold: dict) -> bool:
    return (gold.get("comment") or "").startswith(BORDERLINE)


@dataclass
class Match:
    gold: dict
    prediction: dict | None
    index: int | None  # position of the prediction in its article's list


@dataclass
class ArticleScore:
    """The matching of one article: which gold event took which prediction."""

    doc_id: str
    text: str
    gold: list[dict]
    predictions: list[dict]
    matches: list[Match] = field(default_factory=list)


def _gold_span(gold: dict, text: str) -> tuple[int, int] | None:
    start = text.find(gold["sentence"])
    return (start, start + len(gold["sentence"])) if start >= 0 else None


def _in_sentence(prediction: dict, gold: dict, span: tuple[int, int] | None) -> bool:
    predicted_span = prediction.get("span")
    if span and predicted_span and len(predicted_span) == 2:
        return predicted_span[0] < span[1] and span[0] < predicted_span[1]
    sentence = prediction.get("sentence") or ""
    return bool(sentence) and (sentence.strip() in gold["sentence"] or gold["sentence"] in sentence)


def fits(prediction: dict, gold: dict) -> bool:
    """Type and actors fit (the sentence is checked by the caller)."""
    if event_type(prediction) != gold["event"]:
        return False
    sources = {country(a.get("code")) for a in gold.get("source") or []} or {None}
    targets = {country(a.get("code")) for a in gold.get("target") or []}
    if None not in sources and country(prediction.get("source")) not in sources:
        return False
    return not targets or None in targets or country(prediction.get("target")) in targets


def match_article(doc_id: str, text: str, gold: list[dict], predictions: list[dict]) -> ArticleScore:
    score = ArticleScore(doc_id, text, gold, predictions)
    used: set[int] = set()
    for event in gold:
        span = _gold_span(event, text)
        found = None
        for index, prediction in enumerate(predictions):
            if index not in used and _in_sentence(prediction, event, span) and fits(prediction, event):
                found = index
                break
        if found is not None:
            used.add(found)
        score.matches.append(Match(event, predictions[found] if found is not None else None, found))
    return score


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def as_dict(self) -> dict:
        return {"right": self.right, "total": self.total, "accuracy": round(self.value, 4)}


def _date_right(prediction: dict, gold: dict) -> bool:
    return bool(prediction.get("date")) and str(prediction["date"]).startswith(gold["date"])


def _place_right(prediction: dict, gold: dict) -> bool:
    name = ((prediction.get("location") or {}).get("name") or "").lower()
    gold_place = gold["location"].lower()
    return bool(name) and (name in gold_place or gold_place.split(",")[0] in name)


@dataclass
class ArticleGoldScores:
    """Scores of a whole run; `strict` says whether BORDERLINE gold was neutral."""

    strict: bool
    overall: Counts
    per_type: dict[str, Counts]
    per_article: dict[str, Counts]
    factuality: Accuracy
    date: Accuracy
    place: Accuracy
    # (confidence, right) for every prediction that counts (strict: not matched to BORDERLINE gold).
    judged: list[tuple[float, bool]]

    def as_dict(self) -> dict:
        return {
            "strict": self.strict, **self.overall.as_dict(),
            "factuality": self.factuality.as_dict(), "date": self.date.as_dict(), "place": self.place.as_dict(),
            "per_type": {k: v.as_dict() for k, v in self.per_type.items()},
            "per_article": {k: v.as_dict() for k, v in self.per_article.items()},
        }


def aggregate(articles: list[ArticleScore], *, strict: bool) -> ArticleGoldScores:
    overall = Counts()
    per_type: dict[str, Counts] = defaultdict(Counts)
    per_article: dict[str, Counts] = {}
    factuality, date, place = Accuracy(), Accuracy(), Accuracy()
    judged: list[tuple[float, bool]] = []
    for article in articles:
        counts = per_article[article.doc_id] = Counts()
        neutral_predictions = set()
        for event in article.gold:
            if not (strict and is_borderline(event)):
                counts.gold += 1
                per_type[event["event"]].gold += 1
        for match in article.matches:
            if match.prediction is None:
                continue
            if strict and is_borderline(match.gold):
                neutral_predictions.add(match.index)
                continue
            counts.matched += 1
            per_type[match.gold["event"]].matched += 1
            factuality.total += 1
            factuality.right += match.prediction.get("factuality") == match.gold.get("factuality")
            if match.gold.get("date"):
                date.total += 1
                date.right += _date_right(match.prediction, match.gold)
            if match.gold.get("location"):
                place.total += 1
                place.right += _place_right(match.prediction, match.gold)
        matched_indexes = {m.index for m in article.matches if m.index is not None}
        for index, prediction in enumerate(article.predictions):
            if index in neutral_predictions:
                continue
            counts.predicted += 1
            per_type[event_type(prediction) or "(none)"].predicted += 1
            judged.append((float(prediction.get("confidence") or 0.0), index in matched_indexes))
        overall.gold += counts.gold
        overall.predicted += counts.predicted
        overall.matched += counts.matched
    return ArticleGoldScores(strict, overall, dict(sorted(per_type.items())), per_article, factuality, date, place,
                             judged)


def score_articles(gold_events: list[dict], texts: dict[str, str],
                   predictions: list[dict]) -> list[ArticleScore]:
    """Match predictions to gold, article by article (articles in `texts` order)."""
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for event in gold_events:
        gold_by_doc[event["doc_id"]].append(event)
    predicted_by_doc: dict[str, list[dict]] = defaultdict(list)
    for prediction in predictions:
        predicted_by_doc[prediction.get("doc_id")].append(prediction)
    return [match_article(doc_id, text, gold_by_doc.get(doc_id, []), predicted_by_doc.get(doc_id, []))
            for doc_id, text in texts.items()]


def read_jsonl(path: Path, required: tuple[str, ...]) -> list[dict]:
    """Read JSON objects one a line; ValueError names the line of a malformed or incomplete one."""
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: malformed JSON ({err.msg})") from None
            missing = [key for key in required if not isinstance(record, dict) or key not in record]
            if missing:
                raise ValueError(f"{path}:{number}: missing {', '.join(missing)}")
            records.append(record)
    return records


def read_article_gold(events_path: Path, articles_path: Path) -> tuple[list[dict], list[dict]]:
    """(articles, gold events); every gold event must name an article of the articles file."""
    articles = read_jsonl(articles_path, ("doc_id", "text"))
    events = read_jsonl(events_path, ("doc_id", "sentence", "event"))
    known = {a["doc_id"] for a in articles}
    unknown = Counter(e["doc_id"] for e in events if e["doc_id"] not in known)
    if unknown:
        raise ValueError(f"{events_path}: events of articles not in {articles_path.name}: "
                         f"{', '.join(sorted(unknown))}")
    return articles, events
