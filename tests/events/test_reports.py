"""Who tells of an event, and the factuality the telling gives it (sentences written for these tests)."""

DAY = "2022-06-15"


def _events(code_text, text, event):
    return [e for e in code_text(text, DAY) if e["event"] == event]


def test_a_material_act_its_own_actor_tells_of_is_reported(code_text):
    [attack] = _events(code_text, "Azerbaijan said it had shelled Armenian positions near the border.", "ASSAULT")
    assert attack["factuality"] == "reported"
    assert "its actor" in attack["evidence"]["factuality_cue"]


def test_an_earlier_statement_its_own_actor_tells_of_is_reported(code_text):
    [appeal] = _events(code_text, "The Egyptian president said he had urged Ethiopia to resume talks.", "REQUEST")
    assert appeal["factuality"] == "reported"


def test_a_statement_made_in_the_saying_stays_asserted(code_text):
    [refusal] = _events(code_text, "Iran said it rejects the European proposal.", "REJECT")
    assert refusal["factuality"] == "asserted"


def test_an_institution_reporting_its_leader_s_act_reports_it(code_text):
    [appeal] = _events(code_text, "Emmanuel Macron urged Algeria to reopen the border, the Elysee Palace said.",
                       "REQUEST")
    assert appeal["factuality"] == "reported"
    assert appeal["attribution"]["text"] == "the Elysee Palace"


def test_a_leader_stating_the_state_s_intent_makes_the_threat(code_text):
    events = code_text("The Ethiopian prime minister said Ethiopia will attack the rebels in Tigray.", DAY)
    [threat] = [e for e in events if e["event"] == "THREATEN"]
    assert threat["factuality"] == "asserted"
    told = code_text("Kenyan officials said Ethiopia will attack the rebels in Tigray.", DAY)
    assert [e["factuality"] for e in told if e["event"] == "THREATEN"] == ["reported"]


def test_a_government_speaker_states_its_country_s_position(code_text):
    [refusal] = _events(code_text, "Ethiopia would never accept the proposal, the Ethiopian prime minister said.",
                        "REJECT")
    assert refusal["factuality"] == "asserted"
    [told] = _events(code_text, "Ethiopia would never accept the proposal, Kenyan officials said.", "REJECT")
    assert told["factuality"] == "reported"


def test_a_country_named_by_an_adjective_is_not_the_country_speaking(code_text):
    [charge] = _events(code_text, "Ethiopian security agencies have been pursuing allegations against Kenyan "
                                  "traders, the Ethiopian prime minister said.", "ACCUSE")
    assert charge["factuality"] == "reported"
