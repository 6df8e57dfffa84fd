"""The doer of a harm told in the passive is the doer of the attack it happened in (sentences
written for these tests)."""


def test_a_passive_of_harm_takes_the_doer_of_its_attack(code):
    events = code("Three Chadian soldiers were killed in a Boko Haram ambush near Lake Chad on Monday.", "2021-03-06")
    [event] = [e for e in events if e["trigger"]["text"] == "killed"]
    assert "cause-doer" in event["evidence"]["rule"]


def test_a_reduced_passive_of_harm_takes_the_doer_of_its_attack_not_the_victims(code):
    events = code("Two Nigerian soldiers killed in Boko Haram ambush near Maiduguri on Sunday.", "2021-03-06")
    [event] = [e for e in events if e["trigger"]["text"] == "killed"]
    assert event["event"] == "ASSAULT" and "cause-doer" in event["evidence"]["rule"]
    assert event["target"]["code"].endswith("MIL") and not event["source"]["code"].endswith("MIL")


def test_a_headline_of_harm_keeps_the_doer_its_attack_names(code):
    text = ("Two Nigerian soldiers killed in Boko Haram ambush\n\n"
            "Two Nigerian soldiers were killed on Sunday near Maiduguri, the army said.")
    events = code(text, "2021-03-06")
    assert [e["event"] for e in events if e["sentence_index"] == 0] == ["ASSAULT"]
