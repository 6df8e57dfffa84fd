"""Phrase helpers checked through the coder, on sentences written for these tests."""


def test_the_doer_of_a_series_of_attacks_is_the_by_phrase_of_the_series(code):
    events = code("A wave of airstrikes by Nigerian jets hit the rebel camps near Sambisa on Sunday.", "2021-03-06")
    [event] = [e for e in events if e["trigger"]["text"] == "airstrikes"]
    assert event["event"] == "ASSAULT" and event["source"]["country"] == "NGA"
    assert "wave-of>prep:by" in event["evidence"]["rule"]

