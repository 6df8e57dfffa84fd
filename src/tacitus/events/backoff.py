"""A learned back-off for sentences no lexicon rule codes: a linear PLOVER event-type classifier.

The model is multinomial logistic regression over lemma unigrams and bigrams of one sentence.
It is deliberately small and transparent: every prediction lists the sentence words whose
weights pushed it towards the predicted type (``Prediction.cues``), so an event produced by the
back-off can say which words drove it.

There is no "no event" class: the only training data are synthetic stories that each report an
event, and carving negatives out of them with the lexicon would teach the model to say "no
event" exactly where the lexicon is silent, which is where the back-off is meant to speak. A
caller therefore keeps a prediction only above a probability threshold; classes are balanced in
training, so a sentence without event words stays near the uniform 1/16.

The packaged weights (``tacitus/data/models/backoff_plover.npz``) carry their training data,
licence and training command in ``metadata``; ``benchmarks/train_backoff.py`` rebuilds them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from tacitus.events import ontology

MODEL_FILE = "backoff_plover.npz"
# Full-batch Adam steps; with weak L2 the step count also acts as early stopping, so it is fixed.
FIT_STEPS = 300

# Names, numbers and dates say who, when and how much, not what happened; dropping them also
# keeps the model from learning which countries the synthetic stories happened to pick.
NAME_ENTITY_TYPES = frozenset({
    "PERSON", "NORP", "GPE", "LOC", "FAC", "ORG", "DATE", "TIME", "PERCENT", "MONEY",
    "QUANTITY", "CARDINAL", "ORDINAL",
})
# Stop words that still tell event types apart ("did not agree", "protest against").
EVENT_STOP_WORDS = frozenset({"not", "no", "never", "against"})

Sentence = str | Doc | Span | Sequence[Token]


@dataclass(frozen=True)
class Cue:
    """One feature that pushed a prediction: ``feature`` as the model knows it (lemmas),
    ``words`` exactly as they stand in the sentence, ``weight`` its contribution to the score."""

    feature: str
    words: str
    weight: float


@dataclass(frozen=True)
class Prediction:
    plover_type: str
    probability: float
    cues: tuple[Cue, ...]


def sentence_features(tokens: Iterable[Token]) -> dict[str, str]:
    """The model's features of a token sequence, each mapped to the sentence text it came from.

    Unigrams are lower-cased lemmas of content words (plus a few event-bearing stop words);
    bigrams join adjacent kept tokens, so punctuation, numbers and names break them.
    """
    features: dict[str, str] = {}
    previous: Token | None = None
    for token in tokens:
        if not _kept(token):
            previous = None
            continue
        lemma = _lemma(token)
        if not token.is_stop or lemma in EVENT_STOP_WORDS:
            features.setdefault(lemma, token.text)
        if previous is not None and not (previous.is_stop and token.is_stop):
            # the span's own text: Doc.text would rebuild the whole article's text for each bigram
            text = token.doc[previous.i: token.i + 1].text
            features.setdefault(f"{_lemma(previous)} {lemma}", text)
        previous = token
    return features


def _kept(token: Token) -> bool:
    return (any(c.isalpha() for c in token.text) and not token.like_num
            and token.ent_type_ not in NAME_ENTITY_TYPES)


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def generic_cameo(plover_type: str) -> str:
    """The CAMEO code that stands for a PLOVER type as a whole (e.g. PROTEST -> "140").

    The back-off knows the type only, not the finer CAMEO action, so it gets the type's general
    code as chosen in the ontology (plover.yaml, ``default_cameo``).
    """
    return ontology.plover(plover_type).default_cameo


class BackoffClassifier:
    """PLOVER event type of a sentence from its words; see the module docstring."""

    def __init__(self, features: Sequence[str], classes: Sequence[str], weights: np.ndarray,
                 bias: np.ndarray, metadata: dict | None = None):
        if weights.shape != (len(features), len(classes)) or bias.shape != (len(classes),):
            raise ValueError(f"weights {weights.shape} / bias {bias.shape} do not fit "
                             f"{len(features)} features x {len(classes)} classes")
        unknown = set(classes) - set(ontology.plover_types())
        if unknown:
            raise ValueError(f"classes that are not PLOVER event types: {sorted(unknown)}")
        self.features = list(features)
        self.classes = list(classes)
        self.weights = weights
        self.bias = bias
        self.metadata = dict(metadata or {})
        self._feature_index = {name: i for i, name in enumerate(self.features)}

    @classmethod
    def load(cls, path: str | Path | None = None) -> BackoffClassifier:
        """Weights from ``path``, or the packaged model when None (cached: loaded once)."""
        if path is None:
            return _packaged_classifier()
        return cls._read(Path(path))

    @classmethod
    def _read(cls, source) -> BackoffClassifier:
        with source.open("rb") as handle, np.load(handle, allow_pickle=False) as stored:
            return cls(
                features=stored["features"].tolist(),
                classes=stored["classes"].tolist(),
                weights=stored["weights"].astype(np.float64),
                bias=stored["bias"].astype(np.float64),
                metadata=json.loads(str(stored["metadata"])),
            )

    def save(self, path: str | Path) -> None:
        # float32 halves the file; the precision lost is far below what changes a prediction.
        with Path(path).open("wb") as handle:
            np.savez_compressed(
                handle,
                metadata=np.array(json.dumps(self.metadata, indent=1)),
                features=np.array(self.features),
                classes=np.array(self.classes),
                weights=self.weights.astype(np.float32),
                bias=self.bias.astype(np.float32),
            )

    def probabilities(self, sentence: Sentence) -> dict[str, float]:
        """Probability of every PLOVER type for the sentence, in model class order."""
        scores, _ = self._scores(sentence_features(_tokens(sentence)))
        return dict(zip(self.classes, _softmax(scores).tolist()))

    def predict(self, sentence: Sentence, max_cues: int = 5) -> Prediction:
        """The most probable PLOVER type, its probability and the words that argued for it.

        ``sentence`` is plain text (parsed with tacitus' default spaCy pipeline), a spaCy Doc or
        Span, or a sequence of tokens from a parse. Cues are features whose weight for the
        predicted type exceeds their average over all types: words that favour this type over
        the others, strongest first.
        """
        return self.predict_features(sentence_features(_tokens(sentence)), max_cues)

    def predict_features(self, features: dict[str, str], max_cues: int = 5) -> Prediction:
        """``predict`` for features already extracted with ``sentence_features``."""
        scores, present = self._scores(features)
        probabilities = _softmax(scores)
        best = int(np.argmax(probabilities))
        cues = []
        if present:
            rows = np.array([self._feature_index[f] for f in present])
            value = _feature_value(len(present))
            margin = (self.weights[rows, best] - self.weights[rows].mean(axis=1)) * value
            for i in np.argsort(-margin, kind="stable")[:max_cues]:
                if margin[i] > 0:
                    feature = self.features[rows[i]]
                    cues.append(Cue(feature, present[feature], round(float(margin[i]), 4)))
        return Prediction(self.classes[best], float(probabilities[best]), tuple(cues))

    def _scores(self, features: dict[str, str]) -> tuple[np.ndarray, dict[str, str]]:
        present = {f: words for f, words in features.items() if f in self._feature_index}
        rows = [self._feature_index[f] for f in present]
        scores = self.bias + self.weights[rows].sum(axis=0) * _feature_value(len(rows))
        return scores, present


@functools.cache
def _packaged_classifier() -> BackoffClassifier:
    return BackoffClassifier._read(resources.files("tacitus") / "data" / "models" / MODEL_FILE)


def _tokens(sentence: Sentence) -> Iterable[Token]:
    if isinstance(sentence, str):
        from tacitus.nlp import load_pipeline

        return load_pipeline()(sentence)
    return sentence


def _feature_value(count: int) -> float:
    # Binary features scaled to unit length, so long sentences are not more confident merely for
    # having more words.
    return 1.0 / np.sqrt(count) if count else 0.0


def _softmax(scores: np.ndarray) -> np.ndarray:
    exp = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return exp / exp.sum(axis=-1, keepdims=True)


def fit(examples: Sequence[tuple[Sequence[int], int, float]], n_features: int, n_classes: int,
        l2: float, steps: int = FIT_STEPS, learning_rate: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by full-batch Adam; returns (weights, bias).

    ``examples`` are (feature indices, class index, example weight). The loss is the weighted
    mean cross-entropy plus ``l2``/2 times the squared weights (bias unpenalised). Full batch and
    zero start make training deterministic.
    """
    examples = [e for e in examples if len(e[0])]  # nothing to learn from a featureless example
    lengths = np.array([len(e[0]) for e in examples])
    indices = np.concatenate([np.asarray(e[0], dtype=np.int64) for e in examples])
    values = np.repeat([_feature_value(n) for n in lengths], lengths)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    row_of_value = np.repeat(np.arange(len(examples)), lengths)
    targets = np.zeros((len(examples), n_classes))
    targets[np.arange(len(examples)), [e[1] for e in examples]] = 1.0
    example_weights = np.array([e[2] for e in examples], dtype=np.float64)
    example_weights /= example_weights.sum()

    weights = np.zeros((n_features, n_classes))
    bias = np.zeros(n_classes)
    moments = [np.zeros_like(weights), np.zeros_like(bias)]
    squares = [np.zeros_like(weights), np.zeros_like(bias)]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, steps + 1):
        scores = np.add.reduceat(weights[indices] * values[:, None], starts, axis=0) + bias
        error = (_softmax(scores) - targets) * example_weights[:, None]
        weighted_values = np.empty_like(values)
        gradient_weights = np.empty_like(weights)
        for c in range(n_classes):
            np.multiply(values, error[row_of_value, c], out=weighted_values)
            gradient_weights[:, c] = np.bincount(indices, weights=weighted_values, minlength=n_features)
        gradient_weights += l2 * weights
        gradients = [gradient_weights, error.sum(axis=0)]
        for parameter, gradient, moment, square in zip((weights, bias), gradients, moments, squares):
            moment *= beta1
            moment += (1 - beta1) * gradient
            square *= beta2
            square += (1 - beta2) * gradient**2
            corrected = moment / (1 - beta1**step)
            parameter -= learning_rate * corrected / (np.sqrt(square / (1 - beta2**step)) + eps)
    return weights, bias
