"""A material act's noun modifying another noun names a kind of thing (sentences written for
these tests)."""

from coded_events import types_of


def test_riot_police_are_no_riot(code):
    events = code("Belarusian riot police detained hundreds of protesters in Minsk.", "2021-03-06")
    assert types_of(events, "riot") == set()
    assert types_of(events, "detained") == {"COERCE"}


def test_attack_helicopters_are_no_attack_of_their_own(code):
    events = code("Russian attack helicopters struck rebel positions near Aleppo.", "2021-03-06")
    assert types_of(events, "attack") == set()


def test_an_event_noun_on_an_event_noun_still_tells_the_act(code):
    events = code("Hundreds of Kenyan students joined a protest march in Nairobi.", "2021-03-06")
    assert {e["event"] for e in events} == {"PROTEST"}


def test_a_consultation_noun_on_a_noun_still_tells_the_act(code):
    events = code("The Kenyan president undertook a mediation mission between Ethiopia and Eritrea.", "1999-01-01")
    assert {e["event"] for e in events} == {"CONSULT"}


def test_a_participle_of_fighting_with_no_opponent_describes_who_fights(code):
    events = code("France refuses to repatriate its citizens fighting in Syria.", "2021-03-06")
    assert "ASSAULT" not in {e["event"] for e in events}


def test_a_participle_of_fighting_an_opponent_is_an_act(code):
    events = code("Turkish troops pushed into the town on Monday, fighting Kurdish militants in its streets.",
                  "2021-03-06")
    assert "ASSAULT" in {e["event"] for e in events if e["trigger"]["text"] == "fighting"}


def test_a_relative_clause_of_fighting_with_no_opponent_describes_who_fights(code):
    events = code("Kenya will try the militants who had fought in several battles across Somalia.", "2021-03-06")
    assert "ASSAULT" not in {e["event"] for e in events}


def test_a_relative_clause_of_fighting_an_opponent_is_an_act(code):
    events = code("Kenya praised the Somali troops who have fought against al-Shabaab in the south.", "2021-03-06")
    assert "ASSAULT" in types_of(events, "fought")
