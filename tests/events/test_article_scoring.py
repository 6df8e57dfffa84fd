"""Mention-level scoring on article gold, on a short article written for these tests."""

from __future__ import annotations

import json

import pytest

from tacitus.events.article_scoring import (
    aggregate,
    country,
    event_type,
    read_article_gold,
    score_articles,
)

FIRST = "Norway condemned the raid on the border post."
SECOND = "Oslo and Stockholm held talks on Tuesday in Bergen."
THIRD = "Analysts said the region remains tense."
TEXT = f"{FIRST} {SECOND} {THIRD}"


def span_of(sentence: str) -> list[int]:
    start = TEXT.index(sentence)
    return [start, start + len(sentence)]


def gold(event, sentence, sources, targets=(), **extra):
    return {"doc_id": "a1", "sentence": sentence, "event": event,
            "source": [{"code": c} for c in sources], "target": [{"code": c} for c in targets], **extra}


def predicted(event, sentence, source=None, target=None, **extra):
    return {"doc_id": "a1", "span": span_of(sentence), "sentence": sentence, "event": event, "cameo": "",
            "source": {"code": source} if source else None, "target": {"code": target} if target else None,
            "factuality": "asserted", "confidence": 0.5, **extra}


def scores(gold_events, predictions, strict=False):
    return aggregate(score_articles(gold_events, {"a1": TEXT}, predictions), strict=strict)


def test_a_prediction_matches_on_sentence_type_and_countries():
    g = [gold("ACCUSE", FIRST, ["NOR"], ["SWE"])]
    assert scores(g, [predicted("ACCUSE", FIRST, "NORGOV", "SWEMIL")]).overall.matched == 1
    assert scores(g, [predicted("ACCUSE", SECOND, "NORGOV", "SWEMIL")]).overall.matched == 0  # other sentence
    assert scores(g, [predicted("PROTEST", FIRST, "NORGOV", "SWEMIL")]).overall.matched == 0  # other type
    assert scores(g, [predicted("ACCUSE", FIRST, "NORGOV", "DNK")]).overall.matched == 0  # other target


def test_null_gold_codes_and_empty_gold_targets_accept_any_actor():
    anyone = [{"doc_id": "a1", "sentence": FIRST, "event": "ACCUSE", "source": [{"code": None}], "target": []}]
    result = scores(anyone, [predicted("ACCUSE", FIRST, "DNKGOV", "FIN")])
    assert result.overall.matched == 1


def test_compound_sides_accept_any_member_and_each_prediction_matches_once():
    g = [gold("CONSULT", SECOND, ["NOR", "SWE"]), gold("CONSULT", SECOND, ["NOR", "SWE"])]
    one = scores(g, [predicted("CONSULT", SECOND, "SWEGOV"), predicted("CONSULT", SECOND, "NORGOV")])
    assert (one.overall.matched, one.overall.predicted, one.overall.gold) == (2, 2, 2)
    twice = scores(g, [predicted("CONSULT", SECOND, "SWEGOV")])
    assert (twice.overall.matched, twice.overall.recall) == (1, 0.5)


def test_a_duplicate_record_of_one_mention_is_a_false_positive():
    result = scores([gold("ACCUSE", FIRST, ["NOR"])],
                    [predicted("ACCUSE", FIRST, "NORGOV"), predicted("ACCUSE", FIRST, "NORGOV")])
    assert (result.overall.precision, result.overall.recall) == (0.5, 1.0)
    assert result.judged == [(0.5, True), (0.5, False)]


def test_strict_scoring_makes_borderline_gold_and_its_match_neutral():
    g = [gold("ACCUSE", FIRST, ["NOR"]), gold("CONSULT", SECOND, ["NOR"], comment="BORDERLINE: routine")]
    p = [predicted("ACCUSE", FIRST, "NORGOV"), predicted("CONSULT", SECOND, "NORGOV"),
         predicted("ASSAULT", THIRD, "NORMIL")]
    loose, strict = scores(g, p), scores(g, p, strict=True)
    assert (loose.overall.matched, loose.overall.predicted, loose.overall.gold) == (2, 3, 2)
    assert (strict.overall.matched, strict.overall.predicted, strict.overall.gold) == (1, 2, 1)
    assert "CONSULT" not in strict.per_type and len(strict.judged) == 2


def test_factuality_date_and_place_are_scored_on_matches():
    g = [gold("CONSULT", SECOND, ["NOR"], factuality="asserted", date="2024-05", location="Bergen, Norway")]
    right = predicted("CONSULT", SECOND, "NORGOV", date="2024-05-07", location={"name": "Bergen"})
    wrong = predicted("CONSULT", SECOND, "NORGOV", date="2023-05-07", location={"name": "Oslo"},
                      factuality="future")
    good, bad = scores(g, [right]), scores(g, [wrong])
    assert (good.factuality.value, good.date.value, good.place.value) == (1.0, 1.0, 1.0)
    assert (bad.factuality.value, bad.date.value, bad.place.value) == (0.0, 0.0, 0.0)


def test_per_type_and_per_article_counts():
    g = [gold("ACCUSE", FIRST, ["NOR"]), gold("CONSULT", SECOND, ["NOR"])]
    result = scores(g, [predicted("ACCUSE", FIRST, "NORGOV"), predicted("ASSAULT", THIRD, "NORMIL")])
    assert result.per_type["ACCUSE"].as_dict()["f1"] == 1.0
    assert (result.per_type["ASSAULT"].predicted, result.per_type["CONSULT"].recall) == (1, 0.0)
    assert result.per_article["a1"].as_dict() == {"gold": 2, "predicted": 2, "matched": 1, "precision": 0.5,
                                                  "recall": 0.5, "f1": 0.5}


def test_event_types_and_countries_are_normalised():
    assert event_type({"event": "disapprove"}) == "ACCUSE"
    assert event_type({"event": None, "cameo": "112"}) == "ACCUSE"
    assert event_type({"event": None, "cameo": "010"}) is None  # statements have no PLOVER type
    assert country({"code": "IGOUNOUNO"}) == "IGO" and country({"code": None, "country": "FRA"}) == "FRA"
    assert country("JAPGOV") == "JPN" and country(None) is None


def test_reading_gold_names_bad_lines_and_unknown_articles(tmp_path):
    articles, events = tmp_path / "articles.jsonl", tmp_path / "events.jsonl"
    articles.write_text(json.dumps({"doc_id": "a1", "text": TEXT}) + "\n", encoding="utf-8")
    events.write_text(json.dumps(gold("ACCUSE", FIRST, ["NOR"])) + "\n\n", encoding="utf-8")
    assert len(read_article_gold(events, articles)[1]) == 1
    events.write_text(json.dumps({**gold("ACCUSE", FIRST, ["NOR"]), "doc_id": "zz"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="zz"):
        read_article_gold(events, articles)
    events.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match="events.jsonl:1: malformed JSON"):
        read_article_gold(events, articles)
