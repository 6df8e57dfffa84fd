"""The verification step on records written for these tests, with hand-set weights."""

import json

import pytest

from tacitus.records import ActorRef, EventRecord, Trigger
from tacitus.verify.model import Calibration, Verifier, packaged_verifier, select

TEXT = "Norway and Sweden condemned the raid. Finland said the region is calm."


def event(trigger: str, event_type: str, cameo: str, source: str, confidence: float = 0.8) -> EventRecord:
    start = TEXT.index(trigger)
    end_of_sentence = TEXT.index(".", start) + 1
    sentence_start = TEXT.rfind(". ", 0, start) + 2 if ". " in TEXT[:start] else 0
    return EventRecord(
        doc_id="d", sentence_index=0 if sentence_start == 0 else 1, sentence=TEXT[sentence_start:end_of_sentence],
        span=(sentence_start, end_of_sentence), trigger=Trigger(trigger, (start, start + len(trigger))),
        event=event_type, cameo=cameo, quad_class=None, goldstein=None,
        source=ActorRef(source, (TEXT.index(source), TEXT.index(source) + len(source)), code=source[:3].upper()),
        target=None, factuality="asserted", confidence=confidence, evidence={"rule": "verb+source:nsubj"})


VERIFIER = Verifier(name="test-model", weights={"bias": -1.0, "type=ACCUSE": 3.0, "type=(none)": 5.0, "rule:verb": 0.0},
                    calibration=Calibration((0.1, 0.9), (0.05, 0.95)), threshold=0.3)


def test_calibration_is_piecewise_linear_and_clipped():
    calibration = Calibration((0.2, 0.4, 0.8), (0.1, 0.5, 0.6))
    assert calibration(0.0) == 0.1 and calibration(1.0) == 0.6
    assert calibration(0.3) == pytest.approx(0.3) and calibration(0.6) == pytest.approx(0.55)
    assert Calibration((), ())(0.42) == 0.42


def test_select_keeps_the_most_probable_record_per_trigger_and_type():
    records = [{"doc_id": "d", "trigger": {"span": [0, 5]}, "event": "ACCUSE"},
               {"doc_id": "d", "trigger": {"span": [0, 5]}, "event": "ACCUSE"},
               {"doc_id": "d", "trigger": {"span": [0, 5]}, "event": "THREATEN"},
               {"doc_id": "d", "trigger": {"span": [9, 12]}, "event": "ACCUSE"}]
    assert select(records, [0.4, 0.6, 0.5, 0.2], threshold=0.3) == [(1, [0]), (2, [])]
    assert select(records, [0.5, 0.5, 0.1, 0.9], threshold=0.0) == [(0, [1]), (2, []), (3, [])]


def test_verify_merges_compound_twins_drops_the_improbable_and_calibrates():
    twins = [event("condemned", "ACCUSE", "111", "Norway", 0.9), event("condemned", "ACCUSE", "111", "Sweden", 0.7)]
    statement = event("said", None, "010", "Finland")
    kept = VERIFIER.verify(TEXT, [*twins, statement])
    assert len(kept) == 1 and kept[0].source.text == "Norway"
    verdict = kept[0].evidence["verifier"]
    assert verdict["model"] == "test-model" and verdict["rule_confidence"] == 0.9
    assert verdict["verdict"] == "kept: at least the threshold 0.3"
    assert verdict["merged_twins"] == [{"event": "ACCUSE", "cameo": "111", "source": "SWE", "target": None}]
    assert kept[0].confidence >= 0.3 and kept[0].confidence == pytest.approx(verdict["probability"], abs=1e-3)
    assert VERIFIER.verify(TEXT, []) == []


def test_a_record_without_a_plover_type_cannot_be_right_whatever_its_weights():
    statement = event("said", None, "010", "Finland").to_dict()
    assert VERIFIER.probabilities([statement], TEXT) == [0.0]


def test_a_broken_model_file_is_a_clear_error(tmp_path):
    path = tmp_path / "verifier.json"
    path.write_text(json.dumps({"name": "x"}), encoding="utf-8")
    with pytest.raises(RuntimeError, match="cannot load the verifier model"):
        Verifier.load(path)


def test_the_packaged_model_loads_with_a_name_and_a_monotone_calibration():
    model = packaged_verifier()
    assert model.name.startswith("verifier-") and 0.0 <= model.threshold < 1.0
    assert list(model.calibration.ys) == sorted(model.calibration.ys)


def test_verdicts_say_what_verify_does_with_each_record():
    records = [e.to_dict() for e in (event("condemned", "ACCUSE", "111", "Norway"),
                                     event("condemned", "ACCUSE", "111", "Sweden"),
                                     event("said", None, "010", "Finland"))]
    verdicts = [v for _, v in VERIFIER.verdicts(records, TEXT)]
    assert verdicts == ["kept", "merged into the record with source NOR", "dropped: no PLOVER type"]
    strict = Verifier("strict", VERIFIER.weights, VERIFIER.calibration, threshold=0.99)
    assert strict.verdicts(records[:1], TEXT)[0][1] == "dropped: below the threshold 0.99"


def test_a_record_of_a_rule_the_model_never_saw_keeps_its_rule_confidence():
    unseen = event("condemned", "ACCUSE", "111", "Norway", 0.4)
    unseen.evidence["rule"] = "backoff-classifier"
    [kept] = VERIFIER.verify(TEXT, [unseen])
    assert kept.confidence == 0.4
    assert "not scored" in kept.evidence["verifier"]["verdict"]
    [scored] = VERIFIER.verify(TEXT, [event("condemned", "ACCUSE", "111", "Norway", 0.4)])
    assert scored.confidence != 0.4 and "not scored" not in scored.evidence["verifier"]["verdict"]


def test_the_parse_lets_the_sentence_words_weigh_in(nlp):
    weighted = Verifier("words", {**VERIFIER.weights, "sentence_type_log_odds": 1.0}, Calibration((), ()), 0.0)
    condemned = event("condemned", "ACCUSE", "111", "Norway").to_dict()
    without_parse, = weighted.probabilities([condemned], TEXT)
    with_parse, = weighted.probabilities([condemned], TEXT, nlp(TEXT))
    assert with_parse != without_parse
    assert VERIFIER.probabilities([condemned], TEXT, nlp(TEXT)) == VERIFIER.probabilities([condemned], TEXT)
