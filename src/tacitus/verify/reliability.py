"""How well confidence predicts correctness: a reliability table and expected calibration error.

Records are binned by confidence (ten equal-width bins); in each bin the observed precision (the
share of records that matched gold) is set against the mean confidence. The expected
calibration error is the record-weighted mean absolute gap over the bins.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    records: int
    mean_confidence: float
    precision: float

    def as_dict(self) -> dict:
        return {"low": self.low, "high": self.high, "records": self.records,
                "mean_confidence": round(self.mean_confidence, 4), "precision": round(self.precision, 4)}


def reliability(judged: list[tuple[float, bool]], bins: int = 10) -> list[Bin]:
    """Non-empty bins of (confidence, right) pairs; confidence 1.0 falls in the top bin."""
    grouped: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for confidence, right in judged:
        grouped[min(bins - 1, max(0, int(confidence * bins)))].append((confidence, right))
    return [Bin(i / bins, (i + 1) / bins, len(members), sum(c for c, _ in members) / len(members),
                sum(r for _, r in members) / len(members))
            for i, members in enumerate(grouped) if members]


def expected_calibration_error(judged: list[tuple[float, bool]], bins: int = 10) -> float:
    total = len(judged)
    if not total:
        return 0.0
    return sum(b.records / total * abs(b.precision - b.mean_confidence) for b in reliability(judged, bins))
