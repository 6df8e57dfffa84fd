"""Who reports an event: the subject of a speech verb, "according to", a quotation's speaker."""

from tacitus.events.attribution import CONFIRMING_VERBS, SPEECH_VERBS, find_speaker


def word(doc, text):
    return next(t for t in doc if t.text == text)


def test_the_subject_of_a_speech_verb_reports_the_event_it_governs(nlp):
    doc = nlp("The Chilean foreign ministry said Peru expelled the envoy.")
    speaker = find_speaker(word(doc, "expelled"))
    assert (speaker.text, speaker.verb, speaker.verb_token.text) == ("The Chilean foreign ministry", "say", "said")


def test_according_to_names_the_reporter(nlp):
    doc = nlp("Peru expelled the envoy, according to local newspapers.")
    speaker = find_speaker(word(doc, "expelled"))
    assert speaker is not None and speaker.verb == "according to" and "newspapers" in speaker.text
    assert speaker.verb_token is None


def test_an_event_nobody_reports_has_no_speaker(nlp):
    doc = nlp("Peru expelled the envoy on Monday.")
    assert find_speaker(word(doc, "expelled")) is None


def test_the_speech_verbs_include_the_confirming_ones():
    assert CONFIRMING_VERBS and CONFIRMING_VERBS <= SPEECH_VERBS


def test_the_record_carries_the_reporting_verb(code_text):
    confirmed = code_text("The Chilean foreign ministry confirmed that Peru expelled the envoy.", "2021-03-04")
    [expel] = [e for e in confirmed if e["trigger"]["text"] == "expelled"]
    assert expel["attribution"]["verb"] == "confirm" and expel["factuality"] == "reported"
    according = code_text("Peru expelled the Chilean envoy, according to local newspapers.", "2021-03-04")
    [expel] = [e for e in according if e["trigger"]["text"] == "expelled"]
    assert expel["attribution"]["verb"] == "according to"


def test_a_saying_in_a_circumstantial_clause_reports_nothing(nlp):
    doc = nlp("Brazil's efforts to end the strike failed on Monday after the union said it would not return to work.")
    assert find_speaker(word(doc, "end")) is None
    reported = nlp("Peru expelled the envoy, the ministry said.")
    assert find_speaker(word(reported, "expelled")).text == "the ministry"


def test_a_clause_of_the_time_of_a_saying_is_not_what_is_said(nlp):
    doc = nlp('"Down with the junta," the banners said as the students marched through the capital.')
    assert find_speaker(word(doc, "marched")) is None
    # "as" introducing the report itself still attributes
    reported = nlp("Peru expelled the envoy, as the ministry said.")
    assert find_speaker(word(reported, "expelled")).text == "the ministry"


def test_an_act_conjoined_to_a_speech_verb_is_not_its_content(nlp):
    doc = nlp("The senator dismissed the verdict and again criticised the court.")
    assert find_speaker(word(doc, "criticised")) is None


def test_a_conjoined_speech_verb_with_its_own_clause_reports_only_that(nlp):
    doc = nlp("Peru expelled the Chilean envoy, but the Chilean minister said the move was a mistake.")
    assert find_speaker(word(doc, "expelled")) is None
    tail = nlp("Peru expelled the Chilean envoy, the Chilean minister said.")
    assert find_speaker(word(tail, "expelled")).text == "the Chilean minister"


def test_a_parenthetical_report_between_two_clauses_tells_both(nlp):
    # parsed with "said" hanging from the first clause, and with "said" as the root
    for sentence, second in [
        ("Rome did not protest the expulsion of its envoy, an official said, and the ministers had simply "
         "talked about trade.", "talked"),
        ("Merkel did not mention the arrests in Moscow, the spokesman said, and the two leaders had only "
         "discussed energy prices.", "discussed"),
    ]:
        speaker = find_speaker(word(nlp(sentence), second))
        assert speaker is not None and speaker.verb == "say", sentence


def test_a_clause_after_the_report_it_follows_is_not_told_by_it(nlp):
    doc = nlp("The minister said the talks had stalled, and the two delegations had left Geneva.")
    assert find_speaker(word(doc, "left")) is None
