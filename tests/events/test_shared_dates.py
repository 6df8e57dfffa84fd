"""Dates and places shared between mentions of one exchange in an article."""

import datetime as dt

from tacitus.events.ontology import cameo
from tacitus.records import ActorRef, EventRecord, Location, Trigger
from tacitus.events.shared_dates import share_dates_within_article

PUBLISHED = dt.date(2022, 6, 30)
GENEVA = Location("Geneva", "CHE", 46.2, 6.14, 2660646)


def event(sentence, code, source, target, *, date=None, via=None, factuality="asserted", location=None):
    info = cameo(code)
    return EventRecord(
        doc_id="d", sentence_index=sentence, sentence="", span=(0, 0), trigger=Trigger("w", (0, 1)),
        event=info.plover_event, cameo=code, quad_class=info.quad_class, goldstein=info.goldstein,
        source=ActorRef(source, (0, 1), code=source + "GOV", country=source),
        target=ActorRef(target, (2, 3), code=target + "GOV", country=target) if target else None,
        factuality=factuality, date=date or PUBLISHED, location=location,
        evidence={"date_via": via} if via else {"date": "publication date"},
    )


def test_a_refusal_takes_the_day_and_place_of_the_request_it_answers():
    request = event(3, "026", "USA", "IRN", date=dt.date(2022, 6, 2), via="modifies 'delivered'", location=GENEVA)
    meeting = event(5, "040", "USA", "IRN", date=dt.date(2022, 6, 20), via="modifies 'met'")
    refusal = event(0, "125", "IRN", "USA")
    share_dates_within_article([refusal, request, meeting])
    assert refusal.date == dt.date(2022, 6, 2) and refusal.location == GENEVA
    assert refusal.evidence["date_via"] == "related event"
    assert "sentence 3" in refusal.evidence["date"]


def test_nearest_related_event_when_none_is_closer_kin():
    early = event(1, "040", "FRA", "DEU", date=dt.date(2022, 5, 1), via="modifies 'met'")
    late = event(9, "040", "FRA", "DEU", date=dt.date(2022, 6, 1), via="modifies 'met'")
    undated = event(7, "042", "DEU", "FRA")
    share_dates_within_article([early, late, undated])
    assert undated.date == dt.date(2022, 6, 1)


def test_no_sharing_across_dyads_kinds_or_unreal_events():
    strike = event(1, "190", "RUS", "UKR", date=dt.date(2022, 6, 3), via="modifies 'struck'")
    talks_elsewhere = event(2, "040", "RUS", "TUR")
    talks_same_pair = event(3, "040", "RUS", "UKR")  # diplomatic move, not the same kind as a strike
    planned = event(4, "190", "RUS", "UKR", factuality="future")
    one_sided = event(5, "190", "RUS", None)
    share_dates_within_article([strike, talks_elsewhere, talks_same_pair, planned, one_sided])
    assert all(e.date == PUBLISHED for e in (talks_elsewhere, talks_same_pair, planned, one_sided))


def test_the_day_ahead_the_lead_gives_a_plan_dates_no_related_event():
    # an offer coded with the planned act it promises carries that act's stand-in day ahead
    offer = event(1, "035", "USA", "TUR", date=dt.date(2022, 7, 5), via="the lead's coming day")
    urged = event(2, "035", "TUR", "USA")
    call = event(9, "040", "USA", "TUR", date=dt.date(2022, 6, 14), via="modifies 'conversation'")
    share_dates_within_article([offer, urged, call])
    assert urged.date == dt.date(2022, 6, 14)
    assert offer.date == dt.date(2022, 6, 14)  # a stand-in, which the related event's own day improves on


def test_an_event_with_its_own_date_keeps_it():
    first = event(1, "040", "CHN", "USA", date=dt.date(2022, 3, 1), via="modifies 'met'")
    second = event(2, "040", "CHN", "USA", date=dt.date(2022, 4, 1), via="modifies 'met'")
    share_dates_within_article([first, second])
    assert (first.date, second.date) == (dt.date(2022, 3, 1), dt.date(2022, 4, 1))


def person_statement(sentence, code, target, *, person="ana-lopez", date=None, via=None, precision="day"):
    record = event(sentence, code, "CHL", target, date=date, via=via)
    record.source = ActorRef("Ana Lopez", (0, 1), code="CHLGOV", country="CHL", actor_id=person)
    record.date_precision = precision
    return record


def test_a_statement_goes_on_with_the_dated_statement_its_speaker_made_just_before():
    tweeted = person_statement(4, "112", "PER", date=dt.date(2022, 6, 26), via="modifies 'tweeted'")
    warned = person_statement(5, "130", "BOL")
    share_dates_within_article([tweeted, warned])
    assert warned.date == dt.date(2022, 6, 26)
    assert "same speaker's dated statement in sentence 4" in warned.evidence["date"]


def test_no_continuation_from_another_speaker_a_distant_sentence_a_month_or_a_day_ahead():
    tweeted = person_statement(1, "112", "PER", date=dt.date(2022, 6, 26), via="modifies 'tweeted'")
    by_another = person_statement(2, "130", "BOL", person="luis-vera")
    much_later = person_statement(4, "130", "BOL")
    announced = person_statement(6, "112", "PER", date=dt.date(2022, 7, 1), via="'in July'", precision="month")
    after_month = person_statement(7, "130", "BOL")
    ahead = person_statement(8, "112", "PER", date=dt.date(2022, 7, 2), via="modifies 'meet'")
    after_ahead = person_statement(9, "130", "BOL")
    share_dates_within_article([tweeted, by_another, much_later, announced, after_month, ahead, after_ahead])
    assert all(e.date == PUBLISHED for e in (by_another, much_later, after_month, after_ahead))


def test_a_material_act_does_not_continue_a_statement():
    tweeted = person_statement(1, "112", "PER", date=dt.date(2022, 6, 26), via="modifies 'tweeted'")
    strike = person_statement(2, "190", "PER")
    share_dates_within_article([tweeted, strike])
    assert strike.date == PUBLISHED
