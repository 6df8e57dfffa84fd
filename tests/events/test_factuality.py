"""Factuality of a trigger from its own modality and from what governs it."""

import pytest

from tacitus.events.factuality import assess


def word(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize("sentence, trigger, value, cue", [
    ("Peru expelled the envoy.", "expelled", "asserted", None),
    ("Peru did not expel the envoy.", "expel", "negated", "'not'"),
    ("Peru will expel the envoy.", "expel", "future", "'will'"),
    ("Peru could have expelled the envoy.", "expelled", "hypothetical", "modal perfect"),
    ("Peru must expel the envoy.", "expel", "hypothetical", "'must' (obligation)"),
    ("Peru might expel the envoy.", "expel", "hypothetical", "'might'"),
    ("Officials said the two sides could start to negotiate next year.", "negotiate", "hypothetical", "'could'"),
    ("Peru could not expel the envoy.", "expel", "negated", "'not'"),
    ("The monitor said the convoy had probably been shelled by the army.", "shelled", "hypothetical", "'probably'"),
    ("Peru failed to expel the envoy.", "expel", "negated", "'failed to'"),
    ("Peru plans to expel the envoy.", "expel", "intended", "'plans'"),
    ("Peru is set to expel the envoy.", "expel", "future", "'set to'"),
    ("The general ordered the troops to leave the border.", "leave", "future", "'ordered to'"),
    ("Peru wants to expel the envoy.", "expel", "intended", "'wants'"),
    # the lemmatizer reads "hoping" as a form of "hop", "slated" as one of "slat"
    ("The president is hoping to reach a settlement with the miners.", "reach", "intended", "'hoping'"),
    ("Peru hoped to expel the envoy.", "expel", "intended", "'hoped'"),
    ("The envoy is slated to leave on Monday.", "leave", "future", "'slated to'"),
    ("Peru wants Chile to expel the envoy.", "expel", "intended", "'wants'"),
    ("The minister said he expected the suspect to be extradited soon.", "extradited", "future", "'expected to'"),
    ("Peru denied that it had expelled the envoy.", "expelled", "denied", "'denied'"),
    ("The announcement that Peru would expel the envoy surprised Chile.", "expel", "future",
     "'would' in reported speech"),
    ("The minister said the army would withdraw and the rebels would disarm.", "disarm", "future",
     "'would' in reported speech"),
])
def test_factuality_of_verbs(nlp, sentence, trigger, value, cue):
    result = assess(word(nlp(sentence), trigger))
    assert (result.value, result.cue) == (value, cue)


def test_a_modifier_gives_an_event_noun_its_modality(nlp):
    doc = nlp("The planned summit was cancelled.")
    result = assess(word(doc, "summit"))
    assert (result.value, result.cue) == ("future", "'planned summit'")
    assert result.describe() == "future ('planned summit')"


def test_a_participle_of_scheduling_puts_an_event_noun_ahead(nlp):
    result = assess(word(nlp("The rebels rejected talks planned for next month."), "talks"))
    assert (result.value, result.cue, result.scheduled) == ("future", "'talks planned'", True)
    # a participle of something else done to it is no modality of the event
    assert assess(word(nlp("The rebels rejected talks held in Geneva."), "talks")).value == "asserted"


def test_an_act_on_a_condition_is_hypothetical(nlp):
    doc = nlp("Chile may recall its ambassador if the talks fail.")
    assert assess(word(doc, "recall")).value == "hypothetical"


def test_a_decided_act_is_future(code_text):
    events = code_text("The Danish government's decision to withdraw its troops from Mali angered Bamako.", "2022-01-28")
    [withdrawal] = [e for e in events if e["event"] == "RETREAT"]
    assert withdrawal["factuality"] == "future"
    assert not [e for e in events if e["event"] == "AGREE"]  # a decision told is no offer


@pytest.mark.parametrize("sentence, trigger, cue", [
    ("Chile said it would close the border while continuing to negotiate with Bolivia.", "negotiate",
     "'would' in reported speech of 'close'"),
    ("Chile will close the border and expel the envoy.", "expel", "'will' of 'close'"),
    ("Chile will continue to shell the border towns.", "shell", "'will' of 'continue'"),
])
def test_a_tenseless_clause_takes_the_future_of_the_clause_it_hangs_from(nlp, sentence, trigger, cue):
    result = assess(word(nlp(sentence), trigger))
    assert (result.value, result.cue, result.scheduled) == ("future", cue, True)


def test_a_clause_with_its_own_tense_keeps_it(nlp):
    doc = nlp("Chile will close the border because Bolivia expelled its envoy.")
    assert assess(word(doc, "expelled")).value == "asserted"


@pytest.mark.parametrize("sentence, trigger, cue", [
    ("The talks between Chile and Peru are due to resume in Lima on Monday.", "talks", "'talks ... due'"),
    ("A new round of talks between Chile and Peru is set to begin next week.", "talks", "'talks ... set'"),
    ("The summit will be held in Lima.", "summit", "'will' of 'held'"),
    ("The meeting is scheduled for Monday.", "meeting", "'meeting ... scheduled'"),
])
def test_an_event_noun_whose_occurrence_lies_ahead_is_future(nlp, sentence, trigger, cue):
    result = assess(word(nlp(sentence), trigger))
    assert (result.value, result.cue) == ("future", cue)


@pytest.mark.parametrize("sentence, trigger", [
    ("The talks were due to resume on Monday.", "talks"),  # told in the past: no schedule now
    ("The attack will be investigated by the police.", "attack"),  # the investigation lies ahead
])
def test_an_event_noun_under_another_future_is_not_scheduled(nlp, sentence, trigger):
    assert assess(word(nlp(sentence), trigger)).value == "asserted"


def test_an_ordered_act_coded_on_the_order_is_future(nlp):
    doc = nlp("The president ordered a full withdrawal of the troops.")
    ordered = word(doc, "ordered")
    assert assess(ordered, codes_complement=True).describe() == "future ('ordered' (mandated))"
    assert assess(ordered).value == "asserted"  # the order itself, when the lexicon codes the order


def test_an_ordered_withdrawal_is_no_offer(code_text):
    events = code_text("Peru's president ordered a withdrawal of the army from the Chilean border.", "2022-01-28")
    assert [(e["event"], e["factuality"]) for e in events] == [("RETREAT", "future")]


def test_scheduled_talks_are_no_offer(code_text):
    events = code_text("Talks between Peru and Chile are due to resume in Lima on Monday.", "2022-01-26")
    assert {(e["event"], e["factuality"], e["date"]) for e in events} == {("CONSULT", "future", "2022-01-31")}


def test_a_conjoined_clause_with_its_own_subject_keeps_its_own_modality(nlp):
    doc = nlp("Chile did not expel the envoy, and the two ministers simply discussed the dispute.")
    assert assess(word(doc, "discussed")).value == "asserted"
    shared = nlp("Chile did not expel the envoy or recall its ambassador.")
    assert assess(word(shared, "recall")).value == "negated"
