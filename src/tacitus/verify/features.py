"""What the verifier knows about one event record: sparse named features of the record itself
(type, CAMEO code, the rule and its argument paths, lexicon entry, factuality, actors), of its
place in the article (sentence position, headline, quotation), and, given the article's parse,
of the words of its sentence: how strongly the back-off sentence classifier
(`tacitus.events.backoff`, trained on other data than the verifier) reads the record's type in
them. A rule that fires on a word the rest of the sentence does not support (a wrong sense, a
description) gets a low value.

Features are computed from the published record dict (`EventRecord.to_dict()`), so the same
code serves training on `tacitus code` output and filtering inside the pipeline.
"""

from __future__ import annotations

import math

from spacy.tokens import Doc

from tacitus.events.backoff import BackoffClassifier

QUOTES = "\"“”"
SENTENCE_TYPE_FLOOR = 0.03


def _rule_parts(rule: str) -> list[tuple[str, str]]:
    """"verb+source:conj>nsubj+target:within:dobj" -> [("verb", ""), ("source", "conj>nsubj"), ...]."""
    parts = []
    for part in rule.split("+"):
        key, _, value = part.partition(":")
        parts.append((key, value))
    return parts


def _in_quotation(sentence: str, offset: int) -> bool:
    """Whether `offset` in `sentence` lies between an odd number of quotation marks."""
    return sum(sentence[:offset].count(q) for q in QUOTES) % 2 == 1


def _is_headline(record: dict, text: str) -> bool:
    """The first sentence of a text that opens with a headline line (no full stop before a blank line)."""
    if record.get("sentence_index") != 0:
        return False
    head, blank, _ = text.partition("\n\n")
    return bool(blank) and "\n" not in head.strip() and not head.rstrip().endswith((".", "?", "!"))


def record_features(record: dict, text: str, sentence_type_probability: float | None = None) -> dict[str, float]:
    """Named features of one record of the article `text`; `sentence_type_probability` is the
    back-off classifier's probability of the record's type for its sentence (absent without a parse)."""
    evidence = record.get("evidence") or {}
    lexicon = evidence.get("lexicon") or {}
    cameo = str(record.get("cameo") or "")
    event = record.get("event") or "(none)"
    source, target = record.get("source") or {}, record.get("target") or {}
    trigger = record.get("trigger") or {}
    trigger_span = tuple(trigger.get("span") or (0, 0))
    sentence_start = (record.get("span") or (0, 0))[0]
    features: dict[str, float] = {
        "bias": 1.0,
        f"type={event}": 1.0,
        f"root={cameo[:2]}": 1.0,
        f"cameo={cameo}": 1.0,
        f"type+factuality={event}|{record.get('factuality')}": 1.0,
        f"factuality={record.get('factuality')}": 1.0,
        f"mode={record.get('mode')}": 1.0,
        f"lemma={lexicon.get('lemma')}": 1.0,
        f"trigger_pos={lexicon.get('pos')}": 1.0,
        "lexicon_complement": float(bool(lexicon.get("complement"))),
        "lexicon_prep": float(bool(lexicon.get("prep"))),
        "factuality_cue": float(bool(evidence.get("factuality_cue"))),
        "has_source": float(bool(source)),
        "has_target": float(bool(target)),
        "source_coded": float(bool(source.get("code"))),
        "target_coded": float(bool(target.get("code"))),
        f"source_sector={source.get('sector')}": 1.0,
        f"target_sector={target.get('sector')}": 1.0,
        "same_country": float(bool(source.get("country")) and source.get("country") == target.get("country")),
        "attributed": float(bool(record.get("attribution"))),
        "intermediary": float(bool(record.get("intermediary"))),
        "depth": float(evidence.get("depth") or 0),
        "rule_confidence": float(record.get("confidence") or 0.0),
        "log_sentence_index": math.log1p(max(0, record.get("sentence_index") or 0)),
        "first_sentence": float(record.get("sentence_index") == 0),
        "headline": float(_is_headline(record, text)),
        "in_quotation": float(_in_quotation(record.get("sentence") or "", trigger_span[0] - sentence_start)),
        "dated_explicitly": float(bool(evidence.get("date_text"))),
        "placed": float(bool(record.get("location"))),
    }
    for key, value in _rule_parts(str(evidence.get("rule") or "")):
        features[f"rule:{key}"] = 1.0
        if key in ("source", "target"):
            features[f"rule:{key}={value.split(':')[0]}"] = 1.0
            features[f"rule:{key}_hops"] = float(value.count(">") + 1)
        elif key == "derived":
            features[f"rule:derived={value}"] = 1.0
    if sentence_type_probability is not None:
        features["sentence_type_log_odds"] = _log_odds_against_chance(sentence_type_probability)
    return features


def _log_odds_against_chance(probability: float) -> float:
    """log(p / (1/16)): 0 where the classifier is at chance over the 16 PLOVER types, negative
    where the sentence's words argue against the type. Floored at p = 0.03: below it the
    classifier's tail carries no more signal (cross-validated), and an unbounded penalty would
    let one word-level disagreement overrule a well-formed rule on sentences unlike the
    training articles."""
    return math.log(max(probability, SENTENCE_TYPE_FLOOR) * 16)


def sentence_type_probabilities(records: list[dict], doc: Doc) -> list[float | None]:
    """The back-off classifier's probability of each record's PLOVER type for the sentence of
    `doc` holding its trigger (None for a record with no type or whose trigger is not in `doc`)."""
    classifier = BackoffClassifier.load()
    by_sentence: dict[int, dict[str, float]] = {}
    result: list[float | None] = []
    for record in records:
        span = (record.get("trigger") or {}).get("span")
        words = doc.char_span(span[0], span[1], alignment_mode="expand") if span and record.get("event") else None
        if words is None or not len(words):
            result.append(None)
            continue
        sentence = words[0].sent
        if sentence.start not in by_sentence:
            by_sentence[sentence.start] = classifier.probabilities(sentence)
        result.append(by_sentence[sentence.start].get(record["event"], 0.0))
    return result


def article_features(records: list[dict], text: str, doc: Doc | None = None) -> list[dict[str, float]]:
    """Features of every record of one article (in order); `doc` is the article's parse (the
    sentence-word features need it)."""
    probabilities = sentence_type_probabilities(records, doc) if doc is not None else [None] * len(records)
    return [record_features(r, text, p) for r, p in zip(records, probabilities)]
