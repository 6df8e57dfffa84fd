"""Speakers of quotations as actors in the discourse pass, on sentences written for these tests."""

DAY = "2021-03-10"


def _events(code_text, text, event):
    return [e for e in code_text(text, DAY) if e["event"] == event]


def test_we_declaring_readiness_in_a_quotation_is_its_speaker(code_text):
    text = ("Iran’s foreign minister said on Monday: “Our patience has limits. "
            "We are ready to negotiate with the Europeans in Vienna.”")
    offers = _events(code_text, text, "AGREE") + _events(code_text, text, "CONSULT")
    assert offers and all(e["source"]["code"] == "IRNGOV" for e in offers)
    assert all(e["evidence"]["borrowed"]["from_sentence"] == 0 for e in offers)


def test_first_person_in_a_paragraph_that_runs_on_is_its_speaker(code_text):
    text = ("Iran’s foreign minister said on Monday: “Our patience has limits.\n\n"
            "“We will not negotiate with Washington under pressure.”")
    [refusal] = _events(code_text, text, "REJECT")
    assert refusal["source"]["code"] == "IRNGOV" and refusal["target"]["country"] == "USA"


def test_the_speaker_s_allies_are_not_the_speaker(code_text):
    text = ("The French foreign minister said on Monday: “Our position is clear. "
            "Our allies demanded a ceasefire in Gaza.”")
    assert not [e for e in _events(code_text, text, "REQUEST") if e["source"]["country"] == "FRA"]


def test_we_forced_to_act_in_a_quotation_is_its_speaker(code_text):
    text = ("The Iraqi interior minister said on Monday: “Our prisons are full. "
            "We will be compelled to release the held Ugandan bus drivers.”")
    releases = [e for e in code_text(text, DAY) if e["trigger"]["text"] == "release"]
    assert releases and releases[0]["source"]["code"] == "IRQGOV"
    assert releases[0]["evidence"]["borrowed"]["from_sentence"] == 0
