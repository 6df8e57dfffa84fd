"""Talks that collapse are broken off by their parties (sentences written for these tests)."""

DAY = "2021-03-10"


def test_collapsed_talks_are_halted_negotiations_of_the_talks_parties(code_text):
    events = code_text("Talks between the Sudanese army and Ethiopia collapsed on Saturday.", DAY)
    halted = [e for e in events if e["event"] == "SANCTION"]
    assert halted and {(e["cameo"], e["trigger"]["text"]) for e in halted} == {("164", "collapsed")}
    talks = {e["source"]["country"] for e in events if e["event"] == "CONSULT"}
    assert {e["source"]["country"] for e in halted} <= talks and "SDN" in talks
    assert halted[0]["evidence"]["borrowed"]["rule"] == "talks that fail are broken off by their parties"


def test_negotiations_that_broke_down_were_halted(code_text):
    events = code_text("Negotiations between Egypt and Ethiopia over the dam broke down in April.", DAY)
    assert "SANCTION" in {e["event"] for e in events}


def test_talks_that_continue_are_no_halt(code_text):
    events = code_text("Talks between the Sudanese army and Ethiopia continued on Saturday.", DAY)
    assert "SANCTION" not in {e["event"] for e in events}
