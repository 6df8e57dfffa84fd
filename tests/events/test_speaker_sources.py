"""Sources that are the speaker: the accuser of an agentless accusation is who tells it.
Sentences written for these tests."""

DAY = "2021-03-06"


def accusations(events):
    return [(e["source"]["country"], (e["target"] or {}).get("country"), e["evidence"]["rule"])
            for e in events if e["event"] == "ACCUSE"]


def test_an_attack_blamed_on_a_group_by_a_speaker_is_the_speaker_s_accusation(code):
    [(source, target, rule)] = accusations(code(
        "Two Nigerian soldiers were killed in an ambush blamed on Boko Haram, the Nigerian army said.", DAY))
    assert (source, target) == ("NGA", "NGA") and "speaker-accuses" in rule


def test_a_passive_accusation_told_by_a_government_is_its_accusation(code):
    [(source, _, rule)] = accusations(code("The Kenyan government said the activist was accused of treason.", DAY))
    assert source == "KEN" and "speaker-accuses" in rule


def test_an_accusation_with_its_own_accuser_or_no_speaker_takes_no_speaker(code):
    events = code("The activist was accused of treason by Kenyan prosecutors, the newspaper said.", DAY)
    assert all("speaker-accuses" not in rule for _, _, rule in accusations(events))
    assert accusations(code("The Kenyan activist was accused of treason.", DAY)) == []
