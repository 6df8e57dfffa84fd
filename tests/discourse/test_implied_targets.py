"""Implied targets of the discourse pass (tacitus.discourse.targets), on sentences written for these tests."""

DAY = "2021-03-10"


def _event(code_text, text, trigger):
    [event] = [e for e in code_text(text, DAY) if e["trigger"]["text"] == trigger]
    return event


def test_a_march_at_home_without_a_named_target_protests_the_own_government(code_text):
    text = ("Opposition supporters gathered in central Nairobi on Saturday after the disputed vote. "
            "Thousands of Kenyan protesters marched peacefully, witnesses said.")
    march = _event(code_text, text, "marched")
    assert (march["source"]["country"], march["target"]["code"]) == ("KEN", "KENGOV")
    assert march["evidence"]["rule"].endswith("+target:domestic")
    assert march["evidence"]["borrowed_target"]["from_place"] == "Nairobi"


def test_a_police_raid_at_home_without_a_named_victim_targets_the_own_country(code_text):
    text = "Voting began across Kenya on Sunday. Kenyan police in riot gear stormed polling stations, witnesses said."
    raid = _event(code_text, text, "stormed")
    assert (raid["source"]["code"], raid["target"]["code"], raid["target"]["sector"]) == ("KENCOP", "KEN", None)
    assert raid["evidence"]["borrowed_target"]["from_place"] == "Kenya"


def test_force_used_abroad_gets_no_implied_target(code_text):
    text = "Fighting resumed around Aleppo on Sunday. Turkish soldiers in armoured vehicles stormed several villages."
    raid = _event(code_text, text, "stormed")
    assert raid["source"]["country"] == "TUR"
    assert raid["location"]["country"] == "SYR"
    assert raid["target"] is None


def test_a_government_s_own_march_at_home_is_aimed_at_no_one(code_text):
    text = ("Tens of thousands of people rallied in Caracas on Saturday. "
            "The Venezuelan government also staged a march, state media said.")
    march = [e for e in code_text(text, DAY) if e["sentence_index"] == 1 and e["event"] == "PROTEST"]
    assert [(e["source"]["code"], e["target"]) for e in march] == [("VENGOV", None)]


def test_a_named_target_is_kept(code_text):
    text = "Kenyan police raided the offices of an opposition party in Nairobi on Tuesday."
    raid = _event(code_text, text, "raided")
    assert raid["target"]["code"] == "KENOPP"
    assert "domestic" not in raid["evidence"]["rule"]
