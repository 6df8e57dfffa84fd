"""Relative pronouns as subjects (tacitus.events.antecedents) on sentences written for these tests."""

import pytest

from tacitus.events.antecedents import relative_antecedent

DAY = "2020-06-02"


def _of(code_text, text, trigger):
    return [e for e in code_text(text, DAY) if e["trigger"]["text"] == trigger]


def test_a_relative_pronoun_subject_acts_for_the_noun_its_clause_modifies(code_text):
    [hosting] = _of(code_text, "Qatar, which is hosting the talks, pledged $200 million on Monday.", "hosting")
    assert hosting["source"]["country"] == "QAT" and "source:nsubj>relative" in hosting["evidence"]["rule"]


def test_who_stands_for_the_person_it_follows(code_text):
    text = "Canada's foreign minister, Melanie Joly, who met Chinese officials in Beijing, returned on Friday."
    [met] = _of(code_text, text, "met")
    assert met["source"]["country"] == "CAN" and met["target"]["country"] == "CHN"


def test_a_relative_object_pronoun_is_no_subject(nlp):
    doc = nlp("The militias that Turkey fought withdrew.")
    pronoun, fought = doc[2], doc[4]
    assert fought.dep_ == "relcl" and relative_antecedent(pronoun, fought) is None


@pytest.mark.parametrize("text", ["Iran said the Saudi forces attacked the port."])
def test_a_clause_that_is_no_relative_clause_has_no_antecedent(nlp, text):
    doc = nlp(text)
    attacked = next(t for t in doc if t.text == "attacked")
    subject = next(c for c in attacked.children if c.dep_ == "nsubj")
    assert relative_antecedent(subject, attacked) is None
