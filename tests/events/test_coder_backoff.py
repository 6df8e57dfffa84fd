"""The coder with the learned back-off: it speaks only where no rule codes a sentence."""

import pytest

from tacitus.api import Coder


@pytest.fixture(scope="module")
def code_with_backoff(nlp):
    coder = Coder(backoff=True)

    def run(text):
        return coder.code(text, doc_id="b")

    return run


def test_backoff_codes_a_sentence_no_rule_covers_and_says_so(code_with_backoff):
    [event] = code_with_backoff("Chinese hackers defaced hundreds of Taiwanese government websites.")
    assert event.event == "COERCE" and event.source.country == "CHN"
    assert event.evidence["rule"] == "backoff-classifier"
    assert "hackers" in event.evidence["classifier"]["cues"]
    assert event.confidence < 0.6


def test_backoff_stays_silent_where_a_rule_codes_the_sentence(code_with_backoff):
    events = code_with_backoff("Serbia accused Croatia of violating the truce.")
    assert events and all(e.evidence["rule"] != "backoff-classifier" for e in events)
