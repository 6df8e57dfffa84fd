"""An accusation and the act it reports, on sentences written for these tests."""

DAY = "2021-03-10"


def _by_type(code_text, text):
    return {e["event"]: e for e in code_text(text, DAY)}


def test_the_accused_did_the_reported_shelling(code_text):
    events = _by_type(code_text, "Turkey accused Syrian government forces of shelling its border posts on Monday.")
    assert events["ACCUSE"]["source"]["country"] == "TUR"
    act = events["ASSAULT"]
    assert act["source"]["country"] == "SYR"
    assert act["factuality"] == "reported" and act["attribution"]["code"] == "TUR"
    assert act["evidence"]["borrowed"]["from_event"] == "accused"


def test_an_act_claimed_as_the_accusation_s_complement_is_added(code_text):
    events = _by_type(code_text, "Washington blamed Iran for the attack on the tanker.")
    assert events["ASSAULT"]["source"]["country"] == "IRN"
    assert events["ASSAULT"]["factuality"] == "reported"


def test_the_preposition_may_hang_on_the_accused(code_text):
    events = _by_type(code_text, "The opposition accused the Ugandan army of killing protesters.")
    assert events["ASSAULT"]["source"]["code"] == "UGAMIL"


def test_an_accusation_of_no_coded_act_adds_nothing(code_text):
    events = code_text("Britain accused Moscow of deliberate time-wasting.", DAY)
    assert [e["event"] for e in events] == ["ACCUSE"]
