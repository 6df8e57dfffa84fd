"""Participles that describe a noun are not events (sentences written for these tests)."""

DAY = "2021-03-10"


def _types(code_text, text):
    return [(e["event"], e["trigger"]["text"]) for e in code_text(text, DAY)]


def test_a_participle_describing_the_source_is_no_event(code_text):
    text = "The province is the last stronghold of Malian rebels fighting the government in Bamako."
    assert not [t for t in _types(code_text, text) if t[0] == "ASSAULT"]


def test_an_infinitive_on_the_noun_still_tells_an_act(code_text):
    text = "The Malian government's decision to withdraw its troops from Kidal angered the rebels."
    assert ("RETREAT", "withdraw") in _types(code_text, text)


def test_the_same_verb_as_a_clause_of_its_own_is_an_event(code_text):
    text = "Malian rebels fought the army near Kidal on Monday."
    assert [t for t in _types(code_text, text) if t[0] == "ASSAULT"]


def test_a_passive_participle_naming_only_its_doer_describes_the_noun(code_text):
    text = "The enclave, a region surrounded by Polish and Lithuanian troops, held a vote on Sunday."
    assert not [t for t in _types(code_text, text) if t[1] == "surrounded"]


def test_a_passive_relative_clause_naming_only_its_doer_describes_the_noun(code_text):
    text = "The government of Mali, which is backed by Russian mercenaries, rejected the plan."
    assert _types(code_text, text) == [("REJECT", "rejected")]


def test_a_participle_that_names_its_recipient_still_tells_an_act(code_text):
    text = "Hamas is not party to a truce brokered by Egypt for Gaza."
    assert ("CONSULT", "brokered") in _types(code_text, text)


def test_the_passive_as_a_clause_of_its_own_is_an_event(code_text):
    text = "Mali was backed by Russia in the vote."
    assert ("SUPPORT", "backed") in _types(code_text, text)


def test_a_participle_of_a_standing_relation_describes_even_an_actor_noun(code_text):
    text = "Rebel militias backed by the Ugandan army swept through the northern province on Monday."
    assert not [t for t in _types(code_text, text) if t[1] == "backed"]
    armed = "Gunmen armed by Chad attacked the northern town of Maroua on Monday."
    assert not [t for t in _types(code_text, armed) if t[1] == "armed"]
