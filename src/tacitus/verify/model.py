"""The verification step: a learned filter between the coder and the written records.

For each record of an article it estimates the probability that the record is right (that it
matches an annotated event mention, as `tacitus evaluate --articles` scores it) with logistic
regression over `tacitus.verify.features`, mapped through an isotonic calibration fitted on
cross-validated predictions. Then it

* keeps one record per trigger and type: the records of the members of a compound side
  ("France and Britain condemned ...") give way to the most probable one, which lists the
  others' actors in `evidence["verifier"]["merged_twins"]`;
* drops records below the model's threshold (non-events, wrong senses) and statements with no
  PLOVER type;
* sets `confidence` to the calibrated probability and says in `evidence["verifier"]` which model
  scored the record, that it kept it (and against which threshold), and what the rule's own
  confidence was.

The weights are a small JSON file (`tacitus/data/models/verifier.json`) written by
`benchmarks/train_verifier.py`, which also records the cross-validated figures it was chosen on.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

from tacitus.records import EventRecord
from tacitus.verify.features import article_features

MODEL_FILE = "verifier.json"


def model_path() -> Path:
    return Path(str(resources.files("tacitus") / "data" / "models" / MODEL_FILE))


@dataclass(frozen=True)
class Calibration:
    """A monotone piecewise-linear map from raw model probability to observed precision."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]

    def __call__(self, raw: float) -> float:
        if not self.xs:
            return raw
        if raw <= self.xs[0]:
            return self.ys[0]
        if raw >= self.xs[-1]:
            return self.ys[-1]
        i = bisect.bisect_right(self.xs, raw)
        x0, x1, y0, y1 = self.xs[i - 1], self.xs[i], self.ys[i - 1], self.ys[i]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (raw - x0) / (x1 - x0)


@dataclass(frozen=True)
class Verifier:
    name: str
    weights: dict[str, float]
    calibration: Calibration
    threshold: float

    @classmethod
    def from_dict(cls, data: dict) -> Verifier:
        return cls(name=data["name"], weights=dict(data["weights"]),
                   calibration=Calibration(tuple(data["calibration"]["x"]), tuple(data["calibration"]["y"])),
                   threshold=float(data["threshold"]))

    @classmethod
    def load(cls, path: Path | None = None) -> Verifier:
        path = path or model_path()
        try:
            return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError) as err:
            raise RuntimeError(f"cannot load the verifier model {path}: {err}") from None

    def raw_probability(self, features: dict[str, float]) -> float:
        score = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def probabilities(self, records: list[dict], text: str, doc: Doc | None = None) -> list[float]:
        """Calibrated probability that each record (a contract dict) of one article is right;
        `doc` is the article's parse (without it the sentence-word features are missing, as for
        a record whose trigger is not in it). A record of a rule the model never saw in training
        (the opt-in back-off classifier) keeps its rule's own confidence: the model's
        calibration says nothing about such records."""
        raw = [self.raw_probability(f) for f in article_features(records, text, doc)]
        return [probability if self.knows_rule_of(record) else float(record.get("confidence") or 0.0)
                for record, probability in zip(records, calibrated(records, raw, self.calibration))]

    def knows_rule_of(self, record: dict) -> bool:
        """Whether the model was trained on records of this record's rule (its first part)."""
        family = str((record.get("evidence") or {}).get("rule") or "").split("+")[0].partition(":")[0]
        return f"rule:{family}" in self.weights

    def verify(self, text: str, events: list[EventRecord], doc: Doc | None = None) -> list[EventRecord]:
        """The records of one article (parsed as `doc`) worth writing, one per trigger and type,
        with calibrated confidence."""
        if not events:
            return events
        records = [e.to_dict() for e in events]
        probabilities = self.probabilities(records, text, doc)
        kept = []
        for index, twins in select(records, probabilities, self.threshold):
            event = events[index]
            verdict = f"kept: at least the threshold {self.threshold}"
            if not self.knows_rule_of(records[index]):
                verdict += "; not scored: the model saw no records of this rule, the rule's confidence stands"
            event.evidence["verifier"] = {"model": self.name, "probability": round(probabilities[index], 3),
                                          "verdict": verdict,
                                          "rule_confidence": event.confidence,
                                          **({"merged_twins": [_twin_summary(records[i]) for i in twins]}
                                             if twins else {})}
            event.confidence = probabilities[index]
            kept.append(event)
        return kept

    def verdicts(self, records: list[dict], text: str, doc: Doc | None = None) -> list[tuple[float, str]]:
        """For `tacitus explain`: each record's probability and what `verify` would do with it."""
        probabilities = self.probabilities(records, text, doc)
        kept = dict(select(records, probabilities, self.threshold))
        merged_into = {twin: winner for winner, twins in kept.items() for twin in twins}
        verdicts = []
        for index, probability in enumerate(probabilities):
            if index in kept:
                verdict = "kept"
            elif index in merged_into:
                verdict = f"merged into the record with source {_actor_code(records[merged_into[index]].get('source'))}"
            elif not records[index].get("event"):
                verdict = "dropped: no PLOVER type"
            else:
                verdict = f"dropped: below the threshold {self.threshold}"
            verdicts.append((probability, verdict))
        return verdicts


def calibrated(records: list[dict], raw: list[float], calibration: Calibration) -> list[float]:
    """Calibrated probabilities; a record with no PLOVER type (a CAMEO 01x statement) is not an
    event of the kind the gold annotates, so it cannot be right."""
    return [calibration(p) if record.get("event") else 0.0 for record, p in zip(records, raw)]


def select(records: list[dict], probabilities: list[float], threshold: float) -> list[tuple[int, list[int]]]:
    """Which records to keep, in order, each with the indexes of the twins it stands for: of the
    records one trigger gives one PLOVER type (one per member of a compound side), the most
    probable (the first on ties), if it reaches `threshold`. Different types on one trigger stay
    apart: the model cannot yet tell which reading of a stated intent is right (the literal act
    or the offer/threat), and keeping both loses less than choosing wrongly."""
    groups: dict[tuple, list[int]] = {}
    for index, record in enumerate(records):
        span = tuple((record.get("trigger") or {}).get("span") or ())
        groups.setdefault((record.get("doc_id"), span, record.get("event")), []).append(index)
    kept = []
    for members in groups.values():
        winner = max(members, key=lambda i: (probabilities[i], -i))
        if probabilities[winner] >= threshold:
            kept.append((winner, [i for i in members if i != winner]))
    return sorted(kept)


def _actor_code(actor: dict | None) -> str | None:
    return (actor.get("code") or actor.get("country")) if actor else None


def _twin_summary(record: dict) -> dict:
    return {"event": record["event"], "cameo": record["cameo"],
            "source": _actor_code(record.get("source")), "target": _actor_code(record.get("target"))}


@functools.cache
def packaged_verifier() -> Verifier:
    return Verifier.load()
