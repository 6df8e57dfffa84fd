"""The public Python API: tacitus.code, tacitus.code_articles, tacitus.Coder."""

import datetime as dt
import subprocess
import sys

import pytest

import tacitus
from tacitus.pipeline import RunSummary
from tacitus.records import Article


def test_code_gives_the_event_of_a_sentence(coder):
    [event] = coder.code("Chile expelled the Peruvian ambassador on Tuesday.", "2021-03-12")
    assert (event.source.code, event.cameo, event.target.code) == ("CHL", "161", "PERGOV")
    assert event.date == dt.date(2021, 3, 9)
    assert event.published == dt.date(2021, 3, 12)


def test_module_level_code_reuses_one_coder_per_configuration(coder, monkeypatch):
    from tacitus import api

    monkeypatch.setattr(api, "_coders", {coder.config: coder})
    # the session coder's options (rules only): the same configuration, the same coder
    events = tacitus.code("Norway condemned the attack by Sweden.", published=dt.date(2020, 1, 2), verify=False)
    assert events and all(e.published == dt.date(2020, 1, 2) for e in events)
    assert api._coders == {coder.config: coder}


def test_the_same_text_gives_the_same_ids_through_every_entry(coder):
    text = "Egypt hosted talks with Israel. Israel later rejected an Egyptian offer of mediation."
    one = [e.to_dict() for e in coder.code(text, "2019-06-01")]
    many = [e.to_dict() for e in coder.code_articles([Article(doc_id=tacitus.api.content_hash(text), text=text,
                                                              published=dt.date(2019, 6, 1))])]
    assert one and one == many


def test_code_articles_accounts_for_every_text(coder):
    summary = RunSummary()
    texts = ["Kenya accused Uganda of violating its airspace.", "Nothing happened today."]
    events = list(coder.code_articles(texts, summary=summary))
    assert summary.articles_coded == 2 and summary.events == len(events) >= 1


def test_explain_reports_the_decisions_of_the_run_that_gives_the_events(coder):
    text = "Japan did not accept the Chinese proposal for talks."
    explanation = coder.explain(text, "2018-05-05")
    assert [e.to_dict() for e in explanation.events] == [e.to_dict() for e in coder.code(text, "2018-05-05")]
    [sentence] = explanation.sentences
    outcomes = {d.lemma: d.outcome for d in sentence.decisions}
    assert outcomes["accept"] == "event"
    assert explanation.events_of(0) == explanation.events


def test_bad_arguments_get_clear_errors(coder):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        coder.code("Peru met Chile.", "last Tuesday")
    with pytest.raises(TypeError, match="unknown article field"):
        coder.code("Peru met Chile.", colour="red")
    with pytest.raises(TypeError, match="unknown option"):
        tacitus.api.config_from({"modle": "x"})
    with pytest.raises(TypeError, match="must be a str"):
        coder.code(b"Peru met Chile.")


def test_options_become_the_config():
    config = tacitus.api.config_from({"model": "m", "actors": "a.yaml", "lexicon": ["l.tsv"], "backoff": True})
    assert config.model == "m" and config.backoff
    assert [p.name for p in config.actor_overlays] == ["a.yaml"] and [p.name for p in config.lexicon_overlays] == ["l.tsv"]


def test_importing_tacitus_loads_no_stage():
    probe = "import sys, tacitus; tacitus.Coder; print(sorted(m for m in ('spacy', 'tacitus.pipeline') if m in sys.modules))"
    lazy = "import sys, tacitus; print(sorted(m for m in ('spacy', 'tacitus.pipeline') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", lazy], capture_output=True, text=True, check=True).stdout.strip() == "[]"
    used = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert "tacitus.pipeline" in used


def test_unknown_attributes_are_attribute_errors():
    with pytest.raises(AttributeError):
        tacitus.no_such_thing
