import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from tacitus.events.backoff import (
    MODEL_FILE,
    BackoffClassifier,
    fit,
    generic_cameo,
    sentence_features,
)
from tacitus.events.ontology import cameo, plover_types

PROTEST_SENTENCE = "Thousands of nurses marched through the capital on Monday to protest against pay cuts."
ATTACK_SENTENCE = "Gunmen opened fire on a village market, killing twelve people and wounding dozens."
NEUTRAL_SENTENCE = "The museum will display the paintings in a new wing."


@pytest.fixture(scope="module")
def classifier():
    return BackoffClassifier.load()


def test_packaged_model_covers_the_plover_types_and_names_its_training_data(classifier):
    assert set(classifier.classes) == set(plover_types())
    metadata = classifier.metadata
    assert metadata["training_data_licence"] == "MIT"
    assert "synthetic" in metadata["training_data"]
    assert metadata["training_command"].endswith("benchmarks/train_backoff.py")


def test_packaged_model_file_is_compact():
    model = resources.files("tacitus") / "data" / "models" / MODEL_FILE
    assert model.is_file()
    assert len(model.read_bytes()) < 5_000_000


def test_a_clear_protest_sentence_is_protest(classifier, nlp):
    prediction = classifier.predict(nlp(PROTEST_SENTENCE))
    assert prediction.plover_type == "PROTEST"
    assert prediction.probability >= 0.5


def test_a_shooting_is_assault(classifier, nlp):
    assert classifier.predict(nlp(ATTACK_SENTENCE)).plover_type == "ASSAULT"


def test_cues_are_words_of_the_sentence_that_favour_the_type(classifier, nlp):
    doc = nlp(PROTEST_SENTENCE)
    prediction = classifier.predict(doc)
    assert prediction.cues
    lemmas = {t.lemma_.lower() for t in doc}
    for cue in prediction.cues:
        assert cue.words in PROTEST_SENTENCE
        assert set(cue.feature.split()) <= lemmas
        assert cue.weight > 0
    assert [c.weight for c in prediction.cues] == sorted((c.weight for c in prediction.cues), reverse=True)
    assert {"march", "protest"} & {c.feature for c in prediction.cues}


def test_a_sentence_without_event_words_stays_below_a_useful_threshold(classifier, nlp):
    assert classifier.predict(nlp(NEUTRAL_SENTENCE)).probability < 0.4


def test_plain_text_a_span_and_tokens_give_the_same_prediction(classifier, nlp):
    doc = nlp(f"Officials said little. {PROTEST_SENTENCE}")
    sentence = list(doc.sents)[1]
    from_span = classifier.predict(sentence)
    assert classifier.predict(list(sentence)) == from_span
    assert classifier.predict(PROTEST_SENTENCE) == from_span


def test_predictions_are_deterministic_across_loads(classifier, nlp, tmp_path):
    doc = nlp(ATTACK_SENTENCE)
    first = classifier.predict(doc)
    assert classifier.predict(doc) == first
    classifier.save(tmp_path / "copy.npz")
    reloaded = BackoffClassifier.load(tmp_path / "copy.npz")
    assert reloaded.predict(doc) == first
    assert reloaded.metadata == classifier.metadata


def test_probabilities_are_a_distribution_over_the_types(classifier, nlp):
    probabilities = classifier.probabilities(nlp(PROTEST_SENTENCE))
    assert set(probabilities) == set(plover_types())
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert max(probabilities, key=probabilities.get) == "PROTEST"


def test_the_packaged_model_loads_without_the_shared_reference_data(tmp_path):
    # A fresh interpreter in an unrelated directory: only the installed package is reachable.
    src = Path(__file__).parents[2] / "src"
    script = (
        "from tacitus.events.backoff import BackoffClassifier\n"
        "m = BackoffClassifier.load()\n"
        "print(len(m.classes), len(m.features) > 1000)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(src)}
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                            capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["16", "True"]


def test_features_are_lemmas_and_bigrams_without_names_or_numbers(nlp):
    features = sentence_features(nlp("Protesters in Paris did not disperse after 3 hours."))
    assert "protester" in features
    assert "not" in features
    assert "not disperse" in features
    assert features["not disperse"] == "not disperse"
    assert not {f for f in features if "paris" in f or "3" in f}


def test_fit_learns_a_separable_toy_problem():
    # Feature 0 means class 0, feature 1 class 1; feature 2 occurs everywhere.
    examples = [([0, 2], 0, 1.0), ([1, 2], 1, 1.0)] * 5
    weights, bias = fit(examples, n_features=3, n_classes=2, l2=1e-4)
    assert weights[0, 0] > weights[0, 1] and weights[1, 1] > weights[1, 0]
    classifier = BackoffClassifier(["surrender", "raid", "said"], ["CONCEDE", "ASSAULT"], weights, bias)
    prediction = classifier.predict_features({"raid": "raided", "said": "said"})
    assert prediction.plover_type == "ASSAULT"
    assert prediction.probability > 0.9
    assert [c.feature for c in prediction.cues] == ["raid"]


def test_weights_must_fit_the_features_and_types():
    with pytest.raises(ValueError, match="do not fit"):
        BackoffClassifier(["a"], ["PROTEST"], np.zeros((2, 1)), np.zeros(1))
    with pytest.raises(ValueError, match="not PLOVER"):
        BackoffClassifier(["a"], ["RIOT"], np.zeros((1, 1)), np.zeros(1))


@pytest.mark.parametrize("plover_type", sorted(plover_types()))
def test_generic_cameo_codes_belong_to_their_type(plover_type):
    assert cameo(generic_cameo(plover_type)).plover_event == plover_type


def test_generic_cameo_of_protest():
    assert generic_cameo("PROTEST") == "140"
