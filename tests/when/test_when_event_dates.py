"""Dates attached to events through the parse (sentences written for these tests)."""

import datetime as dt

from tacitus.when import date_mentions, resolve_event_date

SATURDAY = dt.date(2017, 11, 4)


def word(ctx, text, nth=0):
    return [t for t in ctx.doc if t.text == text][nth]


def date_of(ctx, trigger_text, factuality="asserted", nth=0):
    return resolve_event_date(word(ctx, trigger_text, nth), ctx, factuality)


def test_dated_noun_phrase_dates_the_clause_it_hangs_from(article_context):
    # Acceptance (2017 sample): a message passed on "hours after" a UN speech "on Sept. 19".
    ctx = article_context(
        "The proposal was passed to Tehran by the Swiss ambassador hours after the president's "
        "address to the UN General Assembly on Sept. 19, where he attacked the deal.", SATURDAY)
    date, precision, evidence = date_of(ctx, "passed")
    assert (date, precision) == (dt.date(2017, 9, 19), "day")
    assert evidence["date_text"] == "Sept. 19"
    assert evidence["date"].startswith("'on Sept. 19' -> ")
    # the relative clause on the date is dated by it
    assert date_of(ctx, "attacked")[0] == dt.date(2017, 9, 19)


def test_weekday_and_its_when_clause(article_context):
    # Acceptance (2017 sample): published on a Saturday, "on Sunday" is six days earlier.
    ctx = article_context(
        "News of the offer first spread on Sunday, when a ministry spokesman told journalists in "
        "Tehran that the request had been rejected.", SATURDAY)
    date, precision, evidence = date_of(ctx, "spread")
    assert (date, precision) == (dt.date(2017, 10, 29), "day")
    assert evidence["date"] == "'on Sunday' -> latest Sunday on or before publication 2017-11-04"
    assert date_of(ctx, "told")[0] == dt.date(2017, 10, 29)
    # a clause of its own with no date: the publication date
    assert date_of(ctx, "rejected")[:2] == (SATURDAY, "day")


def test_background_event_keeps_its_own_date(article_context):
    # Acceptance (2013 sample): the relative clause "when ..." attaches to the date.
    ctx = article_context(
        "No American leader had met an Iranian leader since December 31, 1977, when President "
        "Carter visited the Shah.", dt.date(2013, 9, 24))
    date, precision, evidence = date_of(ctx, "visited")
    assert (date, precision) == (dt.date(1977, 12, 31), "day")
    assert "relative clause" in evidence["date_via"]


def test_date_of_a_reporting_verb_does_not_date_its_complement(article_context):
    ctx = article_context("Tehran confirmed on Monday that the envoy had arrived.", SATURDAY)
    assert date_of(ctx, "confirmed")[0] == dt.date(2017, 10, 30)
    date, precision, evidence = date_of(ctx, "arrived")
    assert (date, precision, evidence["date"]) == (SATURDAY, "day", "publication date")


def test_future_tense_dates_forward(article_context):
    ctx = article_context("Kerry is set to meet Zarif on Thursday in New York.", dt.date(2013, 9, 24))
    assert date_of(ctx, "meet")[0] == dt.date(2013, 9, 26)


def test_weekday_on_publication_weekday_past_and_future(article_context):
    thursday = dt.date(2017, 11, 2)
    past = article_context("The two sides met on Thursday.", thursday)
    assert date_of(past, "met")[0] == thursday
    future = article_context("The two sides will meet on Thursday.", thursday)
    # Documented choice: a future event on the publication's own weekday is next week's.
    assert date_of(future, "meet")[0] == dt.date(2017, 11, 9)
    # The coder's factuality alone is enough to date forward.
    present = article_context("The two sides meet on Thursday.", thursday)
    assert date_of(present, "meet", factuality="future")[0] == dt.date(2017, 11, 9)
    assert date_of(present, "meet")[0] == thursday


def test_year_roll_over_in_sentences(article_context):
    ahead = article_context("The delegations will meet on Jan. 3 in Vienna.", dt.date(2016, 12, 28))
    assert date_of(ahead, "meet")[0] == dt.date(2017, 1, 3)
    back = article_context("Police arrested the suspects on Dec. 30.", dt.date(2017, 1, 2))
    assert date_of(back, "arrested")[0] == dt.date(2016, 12, 30)


def test_month_year_and_year_precision(article_context):
    ctx = article_context("The minister will visit Beijing in March 2013 and returned to Moscow in 1979.", SATURDAY)
    assert date_of(ctx, "visit")[:2] == (dt.date(2013, 3, 1), "month")
    assert date_of(ctx, "returned")[:2] == (dt.date(1979, 1, 1), "year")


def test_relative_periods(article_context):
    ctx = article_context("Earlier this week, the leader described the United States as the main enemy. "
                          "Last month, the president refused to certify the deal. "
                          "Yesterday the army shelled the town.", SATURDAY)
    assert date_of(ctx, "described")[:2] == (dt.date(2017, 10, 30), "day")
    assert "start taken" in date_of(ctx, "described")[2]["date"]
    assert date_of(ctx, "refused")[:2] == (dt.date(2017, 10, 1), "month")
    assert date_of(ctx, "shelled")[:2] == (dt.date(2017, 11, 3), "day")


def test_range_takes_the_start(article_context):
    ctx = article_context("The talks ran Sept. 19-22 in Geneva.", SATURDAY)
    date, _, evidence = date_of(ctx, "ran")
    assert date == dt.date(2017, 9, 19)
    assert "start taken" in evidence["date"]


def test_date_of_the_sentence_attached_to_no_predicate(article_context):
    ctx = article_context("On Monday in Geneva: talks, then a protest by the envoys.", SATURDAY)
    [mention] = date_mentions(ctx.doc)
    assert mention.predicate is None
    date, _, evidence = date_of(ctx, "protest")
    assert date == dt.date(2017, 10, 30)
    assert evidence["date_via"] == "date of the sentence, attached to no other event"


def test_duration_is_skipped_for_the_publication_date(article_context):
    ctx = article_context("The two governments have negotiated for three decades.", SATURDAY)
    date, _, evidence = date_of(ctx, "negotiated")
    assert date == SATURDAY
    assert evidence["date"] == "publication date"


def test_undated_article(article_context):
    ctx = article_context("The two sides met on Thursday.", None)
    date, precision, evidence = date_of(ctx, "met")
    assert (date, precision) == (None, None)
    assert evidence["date_unresolved"] == "'on Thursday'"
    absolute = article_context("The treaty was signed on December 31, 1977.", None)
    assert date_of(absolute, "signed")[0] == dt.date(1977, 12, 31)


def test_date_mentions_are_computed_once_per_doc(article_context):
    ctx = article_context("The two sides met on Thursday.", SATURDAY)
    assert date_mentions(ctx.doc) is date_mentions(ctx.doc)


def test_undated_acts_take_the_news_day_of_the_lead(article_context):
    # Published on a Saturday; the lead, after a headline, tells of Thursday evening.
    ctx = article_context(
        "Farmers block roads in the north\n\n"
        "Hundreds of farmers blocked the main roads of the province on Thursday evening to oppose "
        "the new tax.\n\nThe governor condemned the blockade and police arrested two organisers.",
        SATURDAY)
    date, precision, evidence = date_of(ctx, "arrested")
    assert (date, precision) == (dt.date(2017, 11, 2), "day")
    assert evidence["date"].startswith("the lead's news day: '") and "Thursday" in evidence["date"]
    assert "date_via" not in evidence  # a stand-in: a related event's own date still wins
    # what will happen is not dated by the day the story reports
    assert date_of(ctx, "arrested", factuality="future")[0] == SATURDAY


def test_a_lead_with_no_day_takes_the_day_the_next_sentences_date_the_news_to(article_context):
    text = ("Army seizes power\n\nA military council appears to have removed the president, with soldiers "
            "telling the nation they had suspended the constitution.\n\n{}\n\nThe soldiers closed the airport.")
    detail = ("The soldiers, who arrested the president on Thursday morning after hours of shooting, said "
              "ministers were dismissed.")
    date, _, evidence = date_of(article_context(text.format(detail), SATURDAY), "closed")
    assert date == dt.date(2017, 11, 2) and "Thursday" in evidence["date"]
    # the day of a saying, or of an earlier act, is no day of the lead's news
    for other in ("On Thursday, the ministry said that ministers were dismissed.",
                  "The soldiers had arrested two generals on Thursday."):
        assert date_of(article_context(text.format(other), SATURDAY), "closed")[0] == SATURDAY


def test_a_dateline_fragment_does_not_hide_the_lead(article_context):
    ctx = article_context(
        "Storm in the capital\n\nNAIROBI:\nRiot police fired tear gas at students yesterday. "
        "The students threw stones.", SATURDAY)
    assert date_of(ctx, "threw")[0] == dt.date(2017, 11, 3)


def test_no_news_day_from_a_period_or_an_old_date(article_context):
    week = article_context("Rebels shelled the town last week. The army answered with air strikes.", SATURDAY)
    assert date_of(week, "answered")[0] == SATURDAY
    old = article_context("Rebels shelled the town on October 2. The army answered with air strikes.", SATURDAY)
    assert date_of(old, "answered")[0] == SATURDAY


def test_past_perfect_background_is_not_dated_by_the_news_day(article_context):
    ctx = article_context("Rebels shelled the town on Thursday. The army had withdrawn its troops.", SATURDAY)
    assert date_of(ctx, "withdrawn")[0] == SATURDAY


def test_a_date_inside_a_noun_phrase_of_a_present_perfect_dates_the_noun(article_context):
    # (after a lead of its own: the lead's present perfect is the story's news, tested below)
    text = "Trade talks stalled. Kenya {} its ambassador for his alleged role in the murder of a trader in March."
    ctx = article_context(text.format("has recalled"), SATURDAY)
    date, _, evidence = date_of(ctx, "recalled")
    assert date == SATURDAY and "date_via" not in evidence
    # a simple past may be dated so ("recalled ... in March")
    assert date_of(article_context(text.format("recalled"), SATURDAY), "recalled")[0] == dt.date(2017, 3, 1)


def test_an_event_noun_takes_the_date_of_its_taking_place(article_context):
    ctx = article_context("The leaders met in Lima last year. Their second meeting took place in Quito on Monday, "
                          "and a third round of talks is due to open in La Paz on Friday.", SATURDAY)
    date, _, evidence = date_of(ctx, "meeting")
    assert date == dt.date(2017, 10, 30)
    assert evidence["date_via"] == "subject of 'took', which the date modifies"
    assert date_of(ctx, "talks", "future")[0] == dt.date(2017, 11, 10)


def test_an_event_noun_is_dated_by_its_ending(article_context):
    ctx = article_context("The rebels walked out after the peace talks in Lima ended late on Thursday night.",
                          SATURDAY)
    date, _, evidence = date_of(ctx, "talks")
    assert date == dt.date(2017, 11, 2) and evidence["date_via"] == "subject of 'ended', which the date modifies"


def test_an_event_noun_is_not_dated_by_what_it_causes(article_context):
    ctx = article_context("The leaders met in Lima last year. The attack prompted Chile to recall its envoy "
                          "on Monday.", SATURDAY)
    assert date_of(ctx, "attack")[2]["date"] == "publication date"


def test_a_clause_dated_by_its_year_takes_the_day_of_the_clause_it_hangs_from(article_context):
    ctx = article_context("Japan pledged $200 million in aid to Yemen on Thursday as the United Nations issued "
                          "an appeal for $3 billion in donations this year.", SATURDAY)
    date, precision, evidence = date_of(ctx, "issued")
    assert (date, precision) == (dt.date(2017, 11, 2), "day")
    assert evidence["date_via"].startswith("'as ... issued' clause of 'pledged', within ")
    other_year = article_context("Japan pledged $200 million in aid to Yemen on Thursday as the United Nations "
                                 "issued an appeal for $3 billion in donations in 2015.", SATURDAY)
    assert date_of(other_year, "issued")[:2] == (dt.date(2015, 1, 1), "year")


def test_the_lead_told_in_the_present_perfect_is_the_news_of_the_day(article_context):
    ctx = article_context("Chile's envoy to the talks has resigned over the new border policy. The defence "
                          "minister resigned on Thursday, and the army has withdrawn from the border.", SATURDAY)
    date, _, evidence = date_of(ctx, "resigned")
    assert (date, evidence["date_via"]) == (SATURDAY, "the lead's present perfect")
    later = date_of(ctx, "withdrawn")[2]  # a present perfect after the lead stays a stand-in
    assert "date_via" not in later


def test_the_lead_in_the_present_perfect_keeps_its_day_against_a_related_event(code_text):
    events = code_text("Chile has expelled the Peruvian ambassador over the border dispute. Chile also expelled "
                       "a Peruvian diplomat on Monday.", "2022-06-30")
    lead = [e for e in events if e["sentence_index"] == 0 and e["event"] == "SANCTION"]
    assert lead and all(e["date"] == "2022-06-30" for e in lead)


def test_open_complement_happens_in_the_dated_act(article_context):
    ctx = article_context("The assembly voted on Wednesday to dismiss the governor.", SATURDAY)
    date, precision, evidence = date_of(ctx, "dismiss")
    assert (date, precision) == (dt.date(2017, 11, 1), "day")
    assert evidence["date_via"] == "complement of 'voted', which the date modifies"
    ctx = article_context("The mediators failed on Tuesday to persuade the rebels to disarm.", SATURDAY)
    assert date_of(ctx, "persuade", factuality="negated")[0] == dt.date(2017, 10, 31)
    # a plan is not dated by the day it was made
    ctx = article_context("The minister promised on Monday to visit the capital.", SATURDAY)
    assert "complement" not in date_of(ctx, "visit", factuality="future")[2].get("date_via", "")


def test_event_noun_in_a_phrase_of_the_dated_verb(article_context):
    ctx = article_context("The border town was shaken by heavy shelling on Thursday.", SATURDAY)
    date, precision, evidence = date_of(ctx, "shelling")
    assert (date, precision) == (dt.date(2017, 11, 2), "day")
    assert evidence["date_via"].startswith("event noun 'by ... shelling'")
    # a cause named with "over" came before the act: it is not dated by it
    ctx = article_context("Crowds rallied on Thursday over the arrest of the mayor.", SATURDAY)
    assert "event noun" not in date_of(ctx, "arrest")[2].get("date_via", "")


def test_no_news_day_from_a_lead_that_tells_what_is_ahead(article_context):
    # published on a Saturday: the summit "starting on Monday" is two days ahead, no day of news
    ctx = article_context("Several ministers will skip a regional summit starting on Monday. The host country "
                          "criticised the absent delegations.", SATURDAY)
    date, _, evidence = date_of(ctx, "criticised")
    assert date == SATURDAY and evidence["date"] == "publication date"


def test_a_clause_on_an_event_noun_says_when_it_takes_place(article_context):
    ctx = article_context("The two governments agreed to continue talks that started late last year.", SATURDAY)
    date, precision, evidence = date_of(ctx, "talks")
    assert (date, precision) == (dt.date(2016, 12, 1), "month")
    assert evidence["date_via"] == "'talks ... started', which the date modifies"
    ctx = article_context("Key powers will send only junior officials to a summit on security starting on Monday.",
                          SATURDAY)
    assert date_of(ctx, "summit", factuality="future")[0] == dt.date(2017, 11, 6)
    # a participle of scheduling dates it too
    ctx = article_context("The rebels rejected talks planned for next month.", SATURDAY)
    assert date_of(ctx, "talks", factuality="future")[:2] == (dt.date(2017, 12, 1), "month")
    # a clause of something else done to the event is no date of it
    ctx = article_context("The rebels rejected talks proposed on Monday.", SATURDAY)
    assert "date_via" not in date_of(ctx, "talks")[2]


def test_an_undated_future_act_takes_the_coming_day_of_the_lead(article_context):
    ctx = article_context("Several ministers will skip a regional summit starting on Monday. The foreign minister "
                          "will leave early, and the host will hold a press conference.", SATURDAY)
    date, _, evidence = date_of(ctx, "leave", factuality="future")
    assert date == dt.date(2017, 11, 6)
    assert evidence["date_via"] == "the lead's coming day"
    # an act that happened is not dated by a day still ahead
    assert date_of(ctx, "leave", factuality="asserted")[2]["date"] == "publication date"
    # nor by a day ahead that the lead does not give
    far = article_context("Several ministers will skip a regional summit in March. The foreign minister will leave "
                          "early.", SATURDAY)
    assert date_of(far, "leave", factuality="future")[2]["date"] == "publication date"


def test_a_date_in_the_phrase_of_the_cause_dates_the_cause(article_context):
    ctx = article_context("Storm over the border\n\nThe minister said he had filed a protest in response to an "
                          "incident on Tuesday near the border.", SATURDAY)
    assert "date_via" not in date_of(ctx, "filed")[2]
    ctx = article_context("Chile recalled its envoy over the shooting of a fisherman in March.", SATURDAY)
    assert date_of(ctx, "recalled")[0] != dt.date(2017, 3, 1)
    # a date of the act itself still dates it
    ctx = article_context("Chile recalled its envoy on Monday over the shooting of a fisherman.", SATURDAY)
    assert date_of(ctx, "recalled")[0] == dt.date(2017, 10, 30)
