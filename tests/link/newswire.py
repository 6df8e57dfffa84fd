"""News articles written for the link tests, with the event records a coder would give for them."""

from __future__ import annotations

import datetime as dt

from tacitus.events.ontology import cameo as cameo_info
from tacitus.records import ActorRef, Article, Attribution, EventRecord, Trigger

ACTORS = {
    "IRN": ("IRN", "GOV"), "USA": ("USA", "GOV"), "ISR": ("ISR", "MIL"), "PSE": ("PSE", "REB"),
    "RUS": ("RUS", "GOV"), "UKR": ("UKR", "GOV"),
}


def actor(text: str, key: str, sentence_start: int, sentence: str) -> ActorRef:
    country, sector = ACTORS[key]
    start = sentence_start + sentence.index(text)
    return ActorRef(text, (start, start + len(text)), code=country + sector, country=country, sector=sector)


def event_in(article: Article, sentence: str, *, source: tuple[str, str], target: tuple[str, str] | None,
             trigger: str, cameo: str, date: dt.date | None = None,
             precision: str | None = "day", factuality: str = "asserted", attribution: Attribution | None = None,
             confidence: float = 0.8, cue: str | None = None) -> EventRecord:
    """The record of an event in one sentence of the article (offsets are found in its text)."""
    info = cameo_info(cameo)
    start = article.text.index(sentence)
    at = start + sentence.index(trigger)
    return EventRecord(
        doc_id=article.doc_id, sentence_index=article.text[:start].count(". "), sentence=sentence,
        span=(start, start + len(sentence)), trigger=Trigger(trigger, (at, at + len(trigger))),
        event=info.plover_event, mode=info.plover_mode, cameo=cameo, quad_class=info.quad_class,
        goldstein=info.goldstein,
        source=actor(*source, start, sentence), target=actor(*target, start, sentence) if target else None,
        factuality=factuality, attribution=attribution, date=date, date_precision=precision if date else None,
        confidence=confidence, evidence={"rule": "test", "factuality_cue": cue},
        published=article.published, outlet=article.outlet, url=article.url, coder_version="test",
    )


MONDAY = dt.date(2024, 5, 6)

REUTERS_TEXT = (
    "DUBAI (Reuters) - Iran on Monday rejected a U.S. proposal for direct talks on its nuclear programme, "
    "saying Washington must first lift sanctions. Foreign ministry spokesman Nasser Kanaani told reporters in "
    "Tehran that the offer, delivered through Omani mediators, contained nothing new. The United States has "
    "said it remains committed to diplomacy but will not ease pressure on Tehran. Oil prices rose slightly "
    "after the news, traders said, as markets weighed the risk of a prolonged standoff in the Gulf."
)


REUTERS_LEAD = ("Iran on Monday rejected a U.S. proposal for direct talks on its nuclear programme, "
                "saying Washington must first lift sanctions.")


def reuters() -> tuple[Article, list]:
    article = Article("reuters-0506", REUTERS_TEXT, title="Iran rejects U.S. offer of direct nuclear talks",
                      published=MONDAY, outlet="Reuters")
    return article, [event_in(
        article, REUTERS_LEAD, source=("Iran", "IRN"), target=("U.S.", "USA"), trigger="rejected", cameo="125",
        date=MONDAY, confidence=0.9)]


def gulf_times_copy() -> tuple[Article, list]:
    """The Reuters story as a Gulf paper ran it: new headline and dateline, same wire text."""
    text = REUTERS_TEXT.replace("DUBAI (Reuters) -", "DUBAI, May 6 (Reuters) -")
    article = Article("gulftimes-0506", text, title="Tehran says no to Washington talks",
                      published=MONDAY, outlet="Gulf Times")
    return article, [event_in(
        article, REUTERS_LEAD, source=("Iran", "IRN"), target=("U.S.", "USA"), trigger="rejected", cameo="125",
        date=MONDAY, confidence=0.9)]


def associated_press() -> tuple[Article, list]:
    article = Article(
        "ap-0507",
        "TEHRAN, Iran (AP) - Tehran has turned down an American offer of direct nuclear negotiations, Iranian "
        "state media reported Tuesday. The refusal came a day after Omani officials carried the proposal to the "
        "Iranian capital. Western diplomats described the response as a setback for efforts to revive talks.",
        published=MONDAY + dt.timedelta(days=1), outlet="AP")
    return article, [event_in(
        article, "Tehran has turned down an American offer of direct nuclear negotiations, Iranian state media "
                 "reported Tuesday.",
        source=("Tehran", "IRN"), target=("American", "USA"), trigger="turned down", cameo="125",
        factuality="reported", attribution=Attribution("Iranian state media", "IRNMED"), confidence=0.7,
        cue="'report' by Iranian state media")]


def al_jazeera() -> tuple[Article, list]:
    article = Article(
        "aljazeera-0507",
        "Iran refused Washington's offer of direct talks over its nuclear programme on Monday, the Iranian "
        "foreign ministry said. The ministry said indirect contacts through Oman would continue. Analysts in "
        "the region expect no breakthrough before the summer.",
        published=MONDAY + dt.timedelta(days=1), outlet="Al Jazeera")
    return article, [event_in(
        article, "Iran refused Washington's offer of direct talks over its nuclear programme on Monday, the "
                 "Iranian foreign ministry said.",
        source=("Iran", "IRN"), target=("Washington", "USA"), trigger="refused", cameo="120", date=MONDAY,
        attribution=Attribution("the Iranian foreign ministry", "IRNGOV"), confidence=0.8)]


def irna_denial() -> tuple[Article, list]:
    article = Article(
        "irna-0509",
        "Iran's foreign ministry on Thursday denied that Tehran had rejected the U.S. proposal for talks, calling "
        "foreign media reports fabricated. A spokesman said Iran was still studying the message passed on by Oman.",
        published=MONDAY + dt.timedelta(days=3), outlet="IRNA")
    return article, [event_in(
        article, "Iran's foreign ministry on Thursday denied that Tehran had rejected the U.S. proposal for talks, "
                 "calling foreign media reports fabricated.",
        source=("Tehran", "IRN"), target=("U.S.", "USA"), trigger="rejected", cameo="125", date=None,
        factuality="denied", attribution=Attribution("Iran's foreign ministry", "IRNGOV"), confidence=0.7,
        cue="'deny'")]


def later_rejection() -> tuple[Article, list]:
    """The same dyad and type three weeks later: another event."""
    day = MONDAY + dt.timedelta(days=22)
    article = Article(
        "reuters-0528",
        "Iran on Tuesday rejected a new U.S. demand to halt uranium enrichment at Fordow, state television said. "
        "The demand had been delivered by European envoys in Vienna.",
        published=day, outlet="Reuters")
    return article, [event_in(
        article, "Iran on Tuesday rejected a new U.S. demand to halt uranium enrichment at Fordow, state "
                 "television said.",
        source=("Iran", "IRN"), target=("U.S.", "USA"), trigger="rejected", cameo="1232", date=day,
        factuality="reported", attribution=Attribution("state television", None))]


def accusation_same_day() -> tuple[Article, list]:
    """The same dyad on the same day, another event type."""
    article = Article(
        "bbc-0506",
        "Iran accused the United States of arming Kurdish militants near its western border, the government "
        "spokesman said on Monday.",
        published=MONDAY, outlet="BBC")
    return article, [event_in(
        article, "Iran accused the United States of arming Kurdish militants near its western border, the "
                 "government spokesman said on Monday.",
        source=("Iran", "IRN"), target=("United States", "USA"), trigger="accused", cameo="112", date=MONDAY)]


def dated_report(doc_id: str, day: dt.date, sentence: str, *, source: tuple[str, str], target: tuple[str, str],
                 trigger: str, cameo: str, outlet: str = "Reuters", tail: str = "") -> tuple[Article, list]:
    """A one-event article published on the day of the event."""
    article = Article(doc_id, sentence + (" " + tail if tail else ""), published=day, outlet=outlet)
    return article, [event_in(article, sentence, source=source, target=target, trigger=trigger, cameo=cameo,
                              date=day)]
