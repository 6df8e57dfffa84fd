"""Doers and victims of attacks named by nouns (tacitus.events.attack_nouns), on sentences written for these tests."""

DAY = "2019-05-05"


def _of(code_text, text, trigger):
    return [e for e in code_text(text, DAY) if e["trigger"]["text"] == trigger]


def test_an_attack_noun_that_is_the_subject_of_a_killing_targets_its_victims(code_text):
    text = "A wave of air raids by Kenyan jets on Monday killed 30 al-Shabaab fighters in southern Somalia."
    [strikes] = _of(code_text, text, "raids")
    [killed] = _of(code_text, text, "killed")
    assert (strikes["source"]["country"], strikes["target"]["code"][:3]) == ("KEN", killed["target"]["code"][:3])
    assert strikes["evidence"]["rule"].startswith("noun+source:series")  # "by" hangs on "series"
    assert strikes["evidence"]["rule"].endswith("+target:harmed")
    assert killed["source"]["country"] == "KEN" and "source:subject-attack" in killed["evidence"]["rule"]


def test_the_relative_clause_of_an_attack_names_its_victims(code_text):
    text = "An Israeli airstrike that killed three Hamas commanders in Gaza drew warnings of revenge."
    [strike] = _of(code_text, text, "airstrike")
    assert strike["source"]["country"] == "ISR" and strike["target"]["code"].startswith("PSE")
    assert strike["evidence"]["rule"].endswith("+target:harmed")


def test_a_noun_that_is_no_series_lends_no_doer(code_text):
    text = "A report of raids by Kenyan police in Mombasa angered Somali refugees."
    assert all("series-by" not in e["evidence"]["rule"] for e in _of(code_text, text, "raids"))
