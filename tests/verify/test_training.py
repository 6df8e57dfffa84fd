"""Training and cross-validating the verifier on a small corpus written for these tests: in
every article the accusation is annotated and the protest reading is not."""

from tacitus.verify.training import (Corpus, choose_threshold, cross_validated_predictions, folds, score, train,
                                     training_rows)

ACCUSATION = "Norway accused the ministry of fraud."
PROTEST = "Crowds protested outside."


def corpus(articles: int = 12) -> Corpus:
    texts, gold, records = {}, {}, {}
    for n in range(articles):
        doc_id = f"d{n}"
        text = f"{ACCUSATION} {PROTEST}"
        second = len(ACCUSATION) + 1
        texts[doc_id] = text
        gold[doc_id] = [{"doc_id": doc_id, "sentence": ACCUSATION, "event": "ACCUSE",
                         "source": [{"code": "NOR"}], "target": []}]
        base = {"doc_id": doc_id, "factuality": "asserted", "cameo": "", "target": None, "confidence": 0.8}
        records[doc_id] = [
            {**base, "sentence_index": 0, "sentence": ACCUSATION, "span": [0, len(ACCUSATION)],
             "trigger": {"span": [7, 15]}, "event": "ACCUSE", "source": {"code": "NORGOV", "sector": "GOV"},
             "evidence": {"rule": "verb+source:nsubj", "lexicon": {"lemma": "accuse"}}},
            {**base, "sentence_index": 1, "sentence": PROTEST, "span": [second, len(text)],
             "trigger": {"span": [second + 7, second + 16]}, "event": "PROTEST", "source": None,
             "evidence": {"rule": "verb", "lexicon": {"lemma": "protest"}}},
        ]
    return Corpus(texts, gold, records)


def test_folds_split_articles_without_overlap():
    parts = folds([f"d{n}" for n in range(10)], 3, seed=1)
    assert sorted(d for part in parts for d in part) == sorted(f"d{n}" for n in range(10))
    assert len(parts) == 3 and all(parts)


def test_labels_come_from_the_scorer():
    assert corpus(1).labels("d0") == [True, False]


def test_cross_validated_filter_keeps_the_annotated_reading_and_drops_the_other():
    data = corpus()
    before = score(data, data.records, strict=False).overall
    after = score(data, cross_validated_predictions(data, k=3, c=1.0, seed=1), strict=False).overall
    assert (before.precision, before.recall) == (0.5, 1.0)
    assert (after.precision, after.recall) == (1.0, 1.0)


def test_training_gives_a_monotone_calibration_and_a_threshold_between_the_readings():
    trained = train(corpus(), list(corpus().texts), k=3, c=1.0, seed=1)
    assert list(trained.calibration.ys) == sorted(trained.calibration.ys)
    assert trained.weights["type=ACCUSE"] > trained.weights["type=PROTEST"]
    # out of fold the protest reading is never right: calibrated to 0, below any useful threshold
    assert (trained.calibration.ys[0], trained.calibration.ys[-1]) == (0.0, 1.0)
    assert 0.0 < trained.threshold < 1.0


def test_a_precision_target_takes_the_lowest_threshold_that_reaches_it():
    data = corpus(4)
    # two accusations score 0.2 and two 0.5; every protest reading scores 0.3
    probabilities = {f"d{n}": [0.2 if n < 2 else 0.5, 0.3] for n in range(4)}
    # keeping everything (P 0.5, R 1) ties on F1 with keeping the two 0.5s (P 1, R 0.5): the lower wins
    assert choose_threshold(data, probabilities) == 0.0
    assert choose_threshold(data, probabilities, min_precision=0.9) == 0.325
    # a target nothing reaches keeps (next to) nothing rather than everything
    assert choose_threshold(data, {d: [0.2, 0.3] for d in probabilities}, min_precision=0.9) == 0.9


def test_the_weights_learn_from_one_record_per_trigger_and_type_the_matched_one_first():
    data = corpus(1)
    accusation, protest = data.records["d0"]
    # a compound twin of the accusation (another member of its side) listed before it
    twin = {**accusation, "source": {"code": "SWEGOV", "sector": "GOV"}}
    data.records["d0"] = [twin, accusation, protest, {**protest}]
    assert data.labels("d0") == [False, True, False, False]
    assert training_rows(data, "d0") == [1, 2]


def test_records_with_no_plover_type_teach_the_weights_nothing():
    data = corpus(1)
    accusation, protest = data.records["d0"]
    statement = {**protest, "event": None, "cameo": "010"}
    data.records["d0"] = [accusation, statement, protest]
    assert training_rows(data, "d0") == [0, 2]
