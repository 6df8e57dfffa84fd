"""Agentless acts of the state: who holds, and the police of which country (sentences written
for these tests)."""

DAY = "2021-03-10"


def _events(code_text, text, event=None):
    return [e for e in code_text(text, DAY) if event is None or e["event"] == event]


def test_a_participle_naming_the_held_is_an_agentless_arrest(code_text):
    [arrest] = _events(code_text, "Those detained in Minsk include two Belarusian opposition lawmakers.", "COERCE")
    assert arrest["source"]["code"] == "BLRCOP"
    assert arrest["trigger"]["text"] == "detained"


def test_the_arrest_of_someone_with_no_doer_is_by_the_police_of_the_country_of_the_held(code_text):
    text = "Hundreds rallied outside the court over the arrest of a Ugandan opposition leader."
    [arrest] = _events(code_text, text, "COERCE")
    assert arrest["source"]["code"] == "UGACOP" and arrest["trigger"]["text"] == "arrest"


def test_an_arrest_with_no_country_named_happens_where_the_article_s_events_are(code_text):
    text = ("Protests spread from Harare to Bulawayo on Monday. Police in Zimbabwe used water cannon. "
            "Dozens of his supporters were arrested, a lawyer said.")
    arrests = [e for e in _events(code_text, text, "COERCE") if e["sentence_index"] == 2]
    assert [e["source"]["code"] for e in arrests] == ["ZWECOP"]
    assert "main place" in arrests[0]["evidence"]["borrowed"]["rule"]


def test_an_arrest_with_no_place_in_an_article_of_no_clear_country_has_no_doer(code_text):
    assert _events(code_text, "Dozens of his supporters were arrested, a lawyer said.", "COERCE") == []


def test_a_release_sharing_the_subject_of_an_agentless_arrest_is_by_the_same_police(code_text):
    text = "The Ugandan opposition leader was arrested on Monday but released hours later."
    [release] = _events(code_text, text, "RETREAT")
    assert release["source"]["code"] == "UGACOP" and release["target"]["country"] == "UGA"
    assert release["trigger"]["text"] == "released"


def test_a_release_joined_to_a_passive_that_holds_no_one_is_no_act_of_the_police(code_text):
    text = "The Kenyan audit was delayed twice and released on Monday."
    assert _events(code_text, text, "RETREAT") == []


def test_someone_barred_from_travel_with_no_doer_is_barred_by_the_government(code_text):
    [ban] = _events(code_text, "Two Ugandan opposition leaders were barred from travel on Monday.", "COERCE")
    assert ban["source"]["code"] == "UGAGOV" and ban["trigger"]["text"] == "barred"
