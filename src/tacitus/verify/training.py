"""Training and cross-validating the verifier (scikit-learn; imported only by the training tool).

Labels come from the article scorer: a record is right when `match_article` pairs it with a
gold mention (all gold counts, so a BORDERLINE event is a right answer too); the weights learn
from one record per trigger and type. Every figure is cross-validated by article: folds split
articles, never the records of one article, and each
fold chooses its own calibration and threshold from its training articles alone (an inner
cross-validation), so no record is scored by a model or a threshold that saw its article.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sklearn.feature_extraction import DictVectorizer
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc

from tacitus.events.article_scoring import aggregate, match_article
from tacitus.verify.features import article_features
from tacitus.verify.model import Calibration, Verifier, calibrated, select

THRESHOLDS = tuple(round(0.025 * i, 3) for i in range(0, 37))


@dataclass
class Corpus:
    """Coded articles with their gold: `records[doc_id]` in coder order, `labels` parallel;
    `docs[doc_id]` the article's parse, as the pipeline hands it to the verifier."""

    texts: dict[str, str]
    gold: dict[str, list[dict]]
    records: dict[str, list[dict]]
    docs: dict[str, Doc] = field(default_factory=dict)
    _labels: dict[str, list[bool]] = field(default_factory=dict, repr=False)
    _features: dict[str, list[dict[str, float]]] = field(default_factory=dict, repr=False)

    def labels(self, doc_id: str) -> list[bool]:
        if doc_id not in self._labels:
            score = match_article(doc_id, self.texts[doc_id], self.gold[doc_id], self.records[doc_id])
            matched = {m.index for m in score.matches if m.index is not None}
            self._labels[doc_id] = [i in matched for i in range(len(self.records[doc_id]))]
        return self._labels[doc_id]

    def features(self, doc_id: str) -> list[dict[str, float]]:
        if doc_id not in self._features:
            self._features[doc_id] = article_features(self.records[doc_id], self.texts[doc_id], self.docs.get(doc_id))
        return self._features[doc_id]


def folds(doc_ids: list[str], k: int, seed: int) -> list[list[str]]:
    shuffled = sorted(doc_ids)
    random.Random(seed).shuffle(shuffled)
    return [shuffled[i::k] for i in range(k)]


def training_rows(corpus: Corpus, doc_id: str) -> list[int]:
    """The records of an article the weights learn from: one per trigger and type (the one that
    matched gold, else the first). The other twins of a matched reading are not wrong, only
    redundant (`select` keeps one per trigger and type), so they would teach noise. Records with
    no PLOVER type are left out: the verifier scores them 0 whatever the weights
    (`model.calibrated`), and learning that they are wrong only loads the features they share
    with typed records ("mode=None", their factuality) with a penalty the typed records pay."""
    groups: dict[tuple, list[int]] = {}
    for index, record in enumerate(corpus.records[doc_id]):
        if not record.get("event"):
            continue
        span = tuple((record.get("trigger") or {}).get("span") or ())
        groups.setdefault((span, record.get("event")), []).append(index)
    labels = corpus.labels(doc_id)
    return sorted(next((i for i in members if labels[i]), members[0]) for members in groups.values())


def fit_weights(corpus: Corpus, doc_ids: list[str], c: float) -> dict[str, float]:
    """Logistic regression weights by feature name (on `training_rows`); the intercept is the
    weight of `bias`."""
    rows = {d: training_rows(corpus, d) for d in doc_ids}
    features = [corpus.features(d)[i] for d in doc_ids for i in rows[d]]
    labels = [corpus.labels(d)[i] for d in doc_ids for i in rows[d]]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(features)
    model = LogisticRegression(C=c, max_iter=2000, class_weight=None)
    model.fit(matrix, labels)
    weights = {name: float(w) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0]) if w}
    weights["bias"] = weights.get("bias", 0.0) + float(model.intercept_[0])
    return weights


def raw_probabilities(weights: dict[str, float], corpus: Corpus, doc_id: str) -> list[float]:
    uncalibrated = Verifier("training", weights, Calibration((), ()), 0.0)
    return [uncalibrated.raw_probability(f) for f in corpus.features(doc_id)]


def out_of_fold(corpus: Corpus, doc_ids: list[str], k: int, c: float, seed: int) -> dict[str, list[float]]:
    """Raw probabilities of each article's records from a model trained on the other folds."""
    result = {}
    for held_out in folds(doc_ids, k, seed):
        weights = fit_weights(corpus, [d for d in doc_ids if d not in held_out], c)
        for doc_id in held_out:
            result[doc_id] = raw_probabilities(weights, corpus, doc_id)
    return result


def fit_calibration(corpus: Corpus, raw: dict[str, list[float]]) -> Calibration:
    """Isotonic map of raw to observed precision, on typed records (untyped ones are set to 0)."""
    pairs = [(p, float(y)) for d in raw for p, y, record in zip(raw[d], corpus.labels(d), corpus.records[d])
             if record.get("event")]
    xs, ys = [p for p, _ in pairs], [y for _, y in pairs]
    isotonic = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(xs, ys)
    return Calibration(tuple(float(x) for x in isotonic.X_thresholds_),
                       tuple(float(y) for y in isotonic.y_thresholds_))


def filtered(corpus: Corpus, probabilities: dict[str, list[float]], threshold: float) -> dict[str, list[dict]]:
    """Each article's kept records (twins merged, below-threshold dropped), confidence set."""
    kept = {}
    for doc_id, probs in probabilities.items():
        records = corpus.records[doc_id]
        kept[doc_id] = [{**records[i], "confidence": probs[i]} for i, _ in select(records, probs, threshold)]
    return kept


def score(corpus: Corpus, predictions: dict[str, list[dict]], *, strict: bool):
    return aggregate([match_article(d, corpus.texts[d], corpus.gold[d], predictions[d]) for d in predictions],
                     strict=strict)


def choose_threshold(corpus: Corpus, probabilities: dict[str, list[float]],
                     min_precision: float | None = None) -> float:
    """The threshold with the best strict F1 on these articles (ties: the lower threshold); with
    `min_precision`, the lowest threshold whose strict precision reaches it (the least recall
    lost), or the highest threshold when none does."""
    scores = {t: score(corpus, filtered(corpus, probabilities, t), strict=True).overall for t in THRESHOLDS}
    if min_precision is not None:
        return next((t for t in THRESHOLDS if scores[t].predicted and scores[t].precision >= min_precision),
                    THRESHOLDS[-1])
    return max(THRESHOLDS, key=lambda t: (round(scores[t].f1, 6), -t))


@dataclass
class TrainedVerifier:
    weights: dict[str, float]
    calibration: Calibration
    threshold: float


def train(corpus: Corpus, doc_ids: list[str], *, k: int, c: float, seed: int,
          min_precision: float | None = None) -> TrainedVerifier:
    """Weights on all `doc_ids`; calibration and threshold (see `choose_threshold`) from their
    out-of-fold predictions."""
    raw = out_of_fold(corpus, doc_ids, k, c, seed)
    calibration = fit_calibration(corpus, raw)
    probabilities = {d: calibrated(corpus.records[d], raw[d], calibration) for d in doc_ids}
    return TrainedVerifier(fit_weights(corpus, doc_ids, c), calibration,
                           choose_threshold(corpus, probabilities, min_precision))


def cross_validated_predictions(corpus: Corpus, *, k: int, c: float, seed: int,
                                min_precision: float | None = None) -> dict[str, list[dict]]:
    """Every article's kept records as a verifier trained without that article would keep them."""
    doc_ids = list(corpus.texts)
    result = {}
    for held_out in folds(doc_ids, k, seed):
        trained = train(corpus, [d for d in doc_ids if d not in held_out], k=k - 1, c=c, seed=seed,
                        min_precision=min_precision)
        probabilities = {d: calibrated(corpus.records[d], raw_probabilities(trained.weights, corpus, d),
                                       trained.calibration) for d in held_out}
        result.update(filtered(corpus, probabilities, trained.threshold))
    return {d: result[d] for d in doc_ids}
