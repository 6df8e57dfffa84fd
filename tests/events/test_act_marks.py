"""What a verb's clause does: a reported question, an attempt at an act (tacitus.events.act_marks).
Sentences written for these tests."""

from coded_events import events_of

from tacitus.events.act_marks import describes_patronage


def test_a_reported_question_is_no_request(code):
    quoted = code("“Why are we still paying for the defence of Germany?” the US president asked on Twitter.", "2019-01-08")
    assert events_of(quoted, "asked") == []
    whether = code("The Kenyan president asked whether Uganda would pay for the new road.", "2019-01-08")
    assert events_of(whether, "asked") == []


def test_asking_someone_to_act_or_for_help_stays_a_request(code):
    events = code("The Kenyan president asked Uganda to pay for the new road.", "2019-01-08")
    assert [(e["event"], e["target"]["country"]) for e in events_of(events, "asked")] == [("REQUEST", "UGA")]
    help_ = code("Kenya asked Uganda for help with the refugees.", "2019-01-08")
    assert [e["event"] for e in events_of(help_, "asked")] == ["REQUEST"]


def test_seeking_to_act_is_an_attempt_not_a_request(code):
    events = code("The US secretary of state sought to reassure the Gulf states.", "2019-01-08")
    assert [e for e in events_of(events, "sought") if e["event"] == "REQUEST"] == []
    sought_help = code("Kenya sought help from Uganda.", "2019-01-08")
    assert [e["event"] for e in events_of(sought_help, "sought")] == ["REQUEST"]


def test_calling_a_meeting_constructive_describes_it_and_asks_for_none(code):
    named = code("The Kenyan president called the meeting with Museveni a great success.", "2019-01-08")
    assert "REQUEST" not in {e["event"] for e in events_of(named, "called")}
    asked = code("Kenya called for talks with Uganda.", "2019-01-08")
    assert [e["event"] for e in events_of(asked, "called")] == ["REQUEST"]


def test_forces_described_by_their_backer_tell_no_act_of_backing(code):
    events = code("Tuareg militias backed by the French-led force held most of the region.", "2019-01-08")
    assert events_of(events, "backed") == []
    army = code("The Malian army, backed by Russian fighters, said it had retaken the town.", "2019-01-08")
    assert events_of(army, "backed") == []


def test_a_resolution_backed_by_a_country_is_no_patronage(nlp):
    doc = nlp("A resolution backed by France was adopted on Monday.")
    backed = next(t for t in doc if t.text == "backed")
    assert not describes_patronage(backed)
    militias = nlp("Kurdish militias backed by the US took the town.")
    assert describes_patronage(next(t for t in militias if t.text == "backed"))


def test_calling_talks_a_sham_condemns_them_and_asks_for_none(code):
    events = code("The Kenyan president called the talks a sham.", "2019-01-08")
    assert {e["event"] for e in events_of(events, "called")} == {"ACCUSE"}
