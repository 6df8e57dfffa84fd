"""Acts whose doer the text does not name are coded as CAMEO coders code them: unidentified
armed forces, police or authorities of the place where it happened (sentences written for these
tests)."""


def coded(events, event_type):
    return [e for e in events if e["event"] == event_type]


def test_a_bombing_without_a_named_perpetrator(code_text):
    events = code_text("Two Afghan police officers were killed in a roadside bombing in Kandahar on Friday, "
                       "provincial officials said.", "2012-04-07")
    [attack] = coded(events, "ASSAULT")
    assert attack["source"]["code"] == "AFGUAF"
    assert attack["source"]["text"] == "unnamed attackers in Kandahar"
    assert attack["target"]["code"] == "AFGCOP"
    assert "unnamed>placed:Kandahar" in attack["evidence"]["rule"]


def test_an_explosion_as_the_subject_is_the_cause(code_text):
    events = code_text("A car bomb explosion near the city of Quetta killed four Pakistani soldiers.", "2014-03-02")
    [attack] = coded(events, "ASSAULT")
    assert attack["source"]["code"] == "PAKUAF"
    assert attack["target"]["code"] == "PAKMIL"
    assert attack["location"]["country"] == "PAK"


def test_a_death_in_an_accident_is_no_attack(code_text):
    assert coded(code_text("Three people were killed in a bus crash in Nairobi on Monday.", "2015-05-05"),
                 "ASSAULT") == []


def test_a_named_but_unknown_doer_is_not_replaced(code_text):
    # "Zorblax" resolves to no actor: the coder does not invent one in its place.
    assert coded(code_text("Zorblax killed two villagers in Kandahar.", "2012-04-07"), "ASSAULT") == []


def test_agentless_investigation_by_the_authorities_of_the_place(code_text):
    events = code_text("A Russian businessman has been put under investigation in France for fraud.", "2019-10-10")
    [probe] = coded(events, "ACCUSE")
    assert probe["cameo"] == "090"
    assert probe["source"]["code"] == "FRAGOV"
    assert probe["target"]["country"] == "RUS"


def test_withdrawn_forces_belong_to_the_side_that_withdraws(code_text):
    events = code_text("Forty UN peacekeepers were pulled out of the town of Kidal on Monday.", "2013-07-01")
    [withdrawal] = coded(events, "SANCTION")
    assert withdrawal["cameo"] == "1661"
    assert withdrawal["source"]["code"].startswith("IGOUNO")


def test_a_doer_in_a_by_phrase_is_named_even_when_unknown(code_text):
    events = code_text("The aid worker was captured by Zorblax fighters in Syria in 2014.", "2019-01-01")
    assert [e for e in events if "unnamed" in e["evidence"]["rule"]] == []


def test_event_nouns_recalling_attacks_get_no_invented_doer(code_text):
    events = code_text("The minister spoke a week after the attacks in Brussels.", "2016-03-29")
    assert [e for e in events if "unnamed" in e["evidence"]["rule"]] == []


def test_take_place_is_no_capture(code_text):
    events = code_text("The meeting took place in a village near Kandahar.", "2016-03-29")
    assert [e for e in events if e["cameo"] == "192"] == []
