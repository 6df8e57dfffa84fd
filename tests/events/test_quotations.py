"""Quotations and their speakers, on sentences written for these tests."""

from tacitus.events.quotations import quotation_around, quotations

DAY = "2021-03-10"


def word(doc, text, nth=0):
    return [t for t in doc if t.text == text][nth]


def test_a_saying_that_governs_the_quoted_words_names_the_speaker(nlp):
    doc = nlp("“We will leave the town,” the defence minister said.")
    [quotation] = quotations(doc)
    assert quotation.speech_verb.text == "said" and quotation.speaker.text == "minister"
    assert not quotation.continued


def test_a_quotation_over_several_sentences_takes_the_saying_where_it_ends(nlp):
    doc = nlp("“Our patience has limits. We will not wait. The talks are over,” the minister said.")
    assert quotation_around(word(doc, "patience")).speaker.text == "minister"


def test_a_paragraph_that_runs_on_continues_the_speaker_in_the_next(nlp):
    doc = nlp("The defence minister said on Monday: “Our troops are ready.\n\n“We will not wait for permission.”")
    first, second = quotations(doc)
    assert first.speaker.text == "minister"
    assert second.continued and second.speaker.i == first.speaker.i
    assert quotation_around(word(doc, "wait")).opening == second.opening


def test_a_quoted_phrase_inside_another_sentence_does_not_continue_the_speaker(nlp):
    doc = nlp("“We will leave,” the minister said. The plan was a “betrayal” for the farmers.")
    assert quotation_around(word(doc, "betrayal")).speaker is None


def test_an_apostrophe_is_no_quotation_mark(nlp):
    doc = nlp("The Workers’ Party leader said: “We will fight the decree in court.”")
    assert quotation_around(word(doc, "fight")).speaker.text == "leader"


def test_mixed_marks_pair_in_order_and_an_opening_mark_inside_reopens(nlp):
    doc = nlp("The minister wrote: “Our patience has limits. “We will not wait any longer.\" The rest was silence.")
    [quotation] = quotations(doc)
    assert quotation.holds(word(doc, "wait")) and not quotation.holds(word(doc, "rest"))


def test_an_act_in_a_quotation_that_runs_on_is_reported_by_its_speaker(code_text):
    text = ("Turkey’s foreign minister said on Monday: “Our patience has limits.\n\n"
            "“Kurdish militants shelled Turkish border villages on Sunday.”")
    [shelling] = [e for e in code_text(text, DAY) if e["event"] == "ASSAULT"]
    assert shelling["factuality"] == "reported"
    assert "minister" in shelling["attribution"]["text"]


def test_a_closing_mark_left_on_its_word_still_closes(nlp):
    doc = nlp("The president said there was “bad faith″ on the part of the police. He promised an inquiry.")
    [quotation] = quotations(doc)
    assert quotation.holds(word(doc, "bad")) and not quotation.holds(word(doc, "promised"))


def test_the_speaker_of_an_inverted_saying_is_the_name_after_the_verb(nlp):
    doc = nlp("“Absolute rejection of the cowardly attack on our soldiers,” tweeted President Juan Manuel Santos.")
    [quotation] = quotations(doc)
    assert quotation.speech_verb.text == "tweeted"
    assert quotation.speaker.text == "Santos"


def test_single_curly_marks_quote_too(nlp):
    doc = nlp("‘We will not leave the town,’ the Iraqi defence minister said.")
    assert quotation_around(word(doc, "leave")).speaker.text == "minister"


def test_a_single_quotation_inside_a_double_one_does_not_end_it(nlp):
    doc = nlp("“They said ‘no’ to every offer we made,” the minister said.")
    [quotation] = quotations(doc)
    assert quotation.holds(word(doc, "offer")) and quotation.speaker.text == "minister"


def test_a_quoted_phrase_in_another_clause_is_not_told_by_that_clause_s_saying(nlp):
    doc = nlp("Iranian diplomats voiced their “strong protest” at the meeting, while the EU envoy stressed "
              "that a blockade could never be accepted.")
    assert quotation_around(word(doc, "protest")).speaker is None


def test_a_quoted_phrase_is_never_the_speaker_of_another_quotation(nlp):
    doc = nlp("“Absolute rejection of the cowardly attack,” tweeted President Juan Manuel Santos, "
              "vowing to “punish those responsible”.")
    second = quotation_around(word(doc, "punish"))
    assert second.speaker.text == "Santos"


def test_the_document_still_serializes_once_its_quotations_are_found(nlp):
    doc = nlp("“We will leave the town,” the defence minister said.")
    quotations(doc)
    assert doc.to_bytes()


def test_straight_marks_over_paragraphs_continue_the_speaker(nlp):
    doc = nlp('"We will fight," the defence minister said. "We will win.\n\n"We will never surrender."')
    quoted = [quotation_around(word(doc, w)) for w in ("fight", "win", "surrender")]
    assert [q.speaker.text for q in quoted] == ["minister"] * 3
    assert [q.continued for q in quoted] == [False, True, True]
