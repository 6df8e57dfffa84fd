"""Features of event records for the verifier, on records written for these tests."""

from tacitus.verify.features import article_features, record_features, sentence_type_probabilities

TEXT = "Ministers Meet in Oslo\n\nNorway said: \"We condemn the raid.\" Sweden denied any role."


def record(sentence_index=1, trigger_at=None, **extra):
    sentence = 'Norway said: "We condemn the raid."'
    start = TEXT.index(sentence)
    offset = trigger_at if trigger_at is not None else sentence.index("condemn")
    return {"doc_id": "d", "sentence_index": sentence_index, "sentence": sentence,
            "span": [start, start + len(sentence)], "trigger": {"text": "condemn", "span": [start + offset, start + offset + 7]},
            "event": "ACCUSE", "cameo": "111", "factuality": "asserted", "mode": None,
            "source": {"code": "NORGOV", "country": "NOR", "sector": "GOV"}, "target": None,
            "confidence": 0.9, "evidence": {"rule": "verb+source:conj>nsubj+derived:stated intent to act against",
                                            "depth": 2, "lexicon": {"lemma": "condemn", "pos": "verb"}}, **extra}


def test_record_features_name_the_rule_parts_the_lexicon_and_the_actors():
    features = record_features(record(), TEXT)
    assert features["rule:source=conj>nsubj"] == 1.0 and features["rule:source_hops"] == 2.0
    assert features["rule:derived=stated intent to act against"] == 1.0
    assert features["lemma=condemn"] == features["type=ACCUSE"] == features["root=11"] == 1.0
    assert features["has_source"] == 1.0 and features["has_target"] == 0.0
    assert features["source_sector=GOV"] == 1.0 and features["rule_confidence"] == 0.9


def test_quotation_and_headline_are_seen():
    inside = record_features(record(), TEXT)
    outside = record_features(record(trigger_at=0), TEXT)
    assert inside["in_quotation"] == 1.0 and outside["in_quotation"] == 0.0
    headline = {**record(sentence_index=0), "sentence": "Ministers Meet in Oslo"}
    assert record_features(headline, TEXT)["headline"] == 1.0
    assert record_features(record(sentence_index=0), "Norway said so. More.")["headline"] == 0.0


def test_article_features_keep_record_order():
    records = [record(), {**record(), "event": "PROTEST"}]
    assert [f["type=ACCUSE"] if "type=ACCUSE" in f else 0 for f in article_features(records, TEXT)] == [1.0, 0]


def test_a_record_not_yet_placed_in_its_article_gets_position_zero():
    assert record_features(record(sentence_index=-1), TEXT)["log_sentence_index"] == 0.0


def test_the_sentence_words_say_how_well_they_fit_the_record_type(nlp):
    text = "Rebels shelled the northern town overnight. The minister praised the harvest festival."
    doc = nlp(text)
    shelled, praised = text.index("shelled"), text.index("praised")
    assault = {**record(), "event": "ASSAULT", "trigger": {"span": [shelled, shelled + 7]}}
    support = {**record(), "event": "SUPPORT", "trigger": {"span": [praised, praised + 7]}}
    assault_in_praise = {**support, "event": "ASSAULT"}
    untyped = {**support, "event": None}
    outside = {**assault, "trigger": {"span": [len(text) + 5, len(text) + 9]}}
    fit, praise, misfit, none, missing = sentence_type_probabilities(
        [assault, support, assault_in_praise, untyped, outside], doc)
    assert none is None and missing is None
    assert fit > misfit and praise > misfit
    features = article_features([assault, assault_in_praise], text, doc)
    assert features[0]["sentence_type_log_odds"] > features[1]["sentence_type_log_odds"]
    assert "sentence_type_log_odds" not in article_features([assault], text)[0]
