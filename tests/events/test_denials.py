"""Denials: a negated event told by a speaker against another account of the article."""

import datetime as dt

from tacitus.events.denials import mark_denials
from tacitus.events.ontology import cameo
from tacitus.records import ActorRef, Attribution, EventRecord, Trigger


def event(sentence, code, source, target, factuality, *, told_by=None):
    info = cameo(code)
    return EventRecord(
        doc_id="d", sentence_index=sentence, sentence="", span=(0, 0), trigger=Trigger("w", (0, 1)),
        event=info.plover_event, cameo=code, quad_class=info.quad_class, goldstein=info.goldstein,
        source=ActorRef(source, (0, 1), code=source + "GOV", country=source),
        target=ActorRef(target, (2, 3), code=target + "GOV", country=target),
        factuality=factuality, attribution=Attribution(text=told_by) if told_by else None,
        date=dt.date(2022, 6, 30), evidence={"factuality_cue": "'not'"},
    )


def test_a_negation_told_against_an_account_of_the_article_is_a_denial():
    account = event(0, "138", "TUR", "GRC", "asserted")
    negation = event(4, "138", "TUR", "GRC", "negated", told_by="the prime minister")
    mark_denials([account, negation])
    assert negation.factuality == "denied"
    assert "against the account in sentence 0" in negation.evidence["factuality_cue"]
    assert account.factuality == "asserted"


def test_a_negation_with_no_other_account_stays_negated():
    other_pair = event(0, "138", "TUR", "CYP", "asserted")
    other_kind = event(1, "111", "TUR", "GRC", "asserted")
    planned = event(2, "138", "TUR", "GRC", "future")
    negation = event(4, "138", "TUR", "GRC", "negated", told_by="the prime minister")
    mark_denials([other_pair, other_kind, planned, negation])
    assert negation.factuality == "negated"


def test_the_narrators_own_negation_is_no_denial():
    account = event(0, "138", "TUR", "GRC", "reported")
    negation = event(4, "138", "TUR", "GRC", "negated")
    mark_denials([account, negation])
    assert negation.factuality == "negated"


def test_a_speakers_denial_of_a_threat_the_story_tells(code_text):
    text = "Turkey threatened Greece with military action on Monday. The Turkish prime minister insisted he was " \
           "not threatening Greece."
    threats = [e for e in code_text(text, "2022-06-30") if e["event"] == "THREATEN"]
    assert [e["factuality"] for e in threats] == ["asserted", "denied"]
    alone = code_text("The Turkish prime minister insisted he was not threatening Greece.", "2022-06-30")
    assert [e["factuality"] for e in alone if e["event"] == "THREATEN"] == ["negated"]
