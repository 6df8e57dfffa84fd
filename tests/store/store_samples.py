"""Hand-written articles and the records a coder would give for them, for store tests."""

from __future__ import annotations

import datetime as dt

from tacitus.events.ontology import cameo as cameo_info
from tacitus.records import ActorRef, Article, Attribution, EventRecord, Location, Trigger


def ref(sentence: str, offset: int, text: str, country: str, sector: str | None, name: str) -> ActorRef:
    start = offset + sentence.index(text)
    return ActorRef(text, (start, start + len(text)), code=country + (sector or ""), country=country,
                    sector=sector, name=name, actor_id=country)


def report(doc_id: str, published: dt.date, outlet: str, text: str, sentence: str, trigger: str, cameo: str,
           source: tuple[str, str, str | None, str], target: tuple[str, str, str | None, str] | None, *,
           date: dt.date | None = None, factuality: str = "asserted", attribution: Attribution | None = None,
           location: Location | None = None, url: str | None = None) -> tuple[Article, list[EventRecord]]:
    article = Article(doc_id, text, title=text.split(". ")[0], published=published, outlet=outlet, url=url)
    offset = text.index(sentence)
    at = offset + sentence.index(trigger)
    info = cameo_info(cameo)
    record = EventRecord(
        doc_id=doc_id, sentence_index=text[:offset].count(". "), sentence=sentence,
        span=(offset, offset + len(sentence)), trigger=Trigger(trigger, (at, at + len(trigger))),
        event=info.plover_event, mode=info.plover_mode, cameo=cameo, quad_class=info.quad_class,
        goldstein=info.goldstein, source=ref(sentence, offset, *source),
        target=ref(sentence, offset, *target) if target else None, factuality=factuality,
        attribution=attribution, date=date, date_precision="day" if date else None, location=location,
        confidence=0.85, evidence={"rule": "verb+source:nsubj+target:dobj"}, published=published, outlet=outlet,
        url=url, coder_version="tacitus-test",
    )
    return article, [record]


IRAN = ("Iran", "IRN", None, "Iran")
US = ("U.S.", "USA", None, "United States")


def kerry_visit_2013() -> tuple[Article, list[EventRecord]]:
    text = ("U.S. Secretary of State John Kerry arrived in Cairo on Saturday for talks with Egyptian leaders. "
            "It is his first visit since the army removed President Mohamed Mursi.")
    return report("kerry-2013", dt.date(2013, 11, 3), "Reuters", text,
                  "U.S. Secretary of State John Kerry arrived in Cairo on Saturday for talks with Egyptian leaders.",
                  "arrived", "042", ("U.S. Secretary of State John Kerry", "USA", "GOV", "John Kerry"),
                  ("Egyptian leaders", "EGY", "GOV", "Egypt"), date=dt.date(2013, 11, 2),
                  location=Location("Cairo", "EGY", 30.0444, 31.2357, 360630),
                  url="https://example.org/kerry-cairo")


def iran_rejection_2013() -> tuple[Article, list[EventRecord]]:
    text = ("Iran rejected an American offer of direct talks on the nuclear dispute on Thursday. "
            "The supreme leader said pressure and negotiations cannot go together.")
    return report("khamenei-2013", dt.date(2013, 2, 7), "AFP", text,
                  "Iran rejected an American offer of direct talks on the nuclear dispute on Thursday.",
                  "rejected", "125", IRAN, ("American", "USA", None, "United States"), date=dt.date(2013, 2, 7))


def iran_rejection_2017() -> tuple[Article, list[EventRecord]]:
    text = ("Iran on Wednesday rejected a U.S. offer of direct talks on renegotiating the nuclear deal, "
            "officials said in New York. The offer had been made through European diplomats.")
    return report("rouhani-2017", dt.date(2017, 9, 20), "Reuters", text,
                  "Iran on Wednesday rejected a U.S. offer of direct talks on renegotiating the nuclear deal, "
                  "officials said in New York.", "rejected", "125", IRAN, US, date=dt.date(2017, 9, 20),
                  factuality="reported", attribution=Attribution("officials", None))


def iran_rejection_2017_ap() -> tuple[Article, list[EventRecord]]:
    text = "Tehran turned down an American proposal for direct negotiations over the nuclear deal on Wednesday."
    return report("ap-2017", dt.date(2017, 9, 21), "AP", text, text, "turned down", "125",
                  ("Tehran", "IRN", "GOV", "Iran"), ("American", "USA", None, "United States"),
                  date=dt.date(2017, 9, 20))


def statement_2017() -> tuple[Article, list[EventRecord]]:
    """A CAMEO 01x statement: no PLOVER type, so not in the PLOVER export."""
    text = "Iran made an optimistic comment about relations with Oman on Thursday."
    return report("oman-2017", dt.date(2017, 9, 21), "IRNA", text, text, "made", "013", IRAN,
                  ("Oman", "OMN", None, "Oman"), date=dt.date(2017, 9, 21))


def all_reports() -> list[tuple[Article, list[EventRecord]]]:
    return [kerry_visit_2013(), iran_rejection_2013(), iran_rejection_2017(), iran_rejection_2017_ap(),
            statement_2017()]
