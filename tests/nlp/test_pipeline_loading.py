import pytest

from tacitus.nlp import ModelError, load_pipeline


def test_default_pipeline_parses_and_splits_at_line_breaks():
    nlp = load_pipeline()
    doc = nlp("Iran rejects talks\nBy a staff writer\n\nIran rejected a US proposal for talks on Monday. Officials agreed.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["Iran rejects talks", "By a staff writer", "Iran rejected a US proposal for talks on Monday.",
                         "Officials agreed."]


def test_missing_pipeline_is_a_clear_error():
    with pytest.raises(ModelError, match="not installed"):
        load_pipeline("no_such_pipeline_xyz")
