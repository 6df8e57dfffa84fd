"""Event clusters across articles: one real-world event reported by several outlets."""

from __future__ import annotations

import datetime as dt
import json

from newswire import (
    MONDAY,
    accusation_same_day,
    al_jazeera,
    associated_press,
    gulf_times_copy,
    irna_denial,
    later_rejection,
    reuters,
)

from tacitus.link.linker import link
from tacitus.records import Article


def clusters_of(store) -> dict[str, dict]:
    rows = store.con.execute("SELECT * FROM clusters").fetchall()
    names = [d[0] for d in store.con.description]
    return {row[0]: dict(zip(names, row)) for row in rows}


def cluster_of_event(store, event_id: str) -> dict:
    (cluster_id,) = store.con.execute("SELECT cluster_id FROM event_links WHERE event_id = ?", [event_id]).fetchone()
    return clusters_of(store)[cluster_id]


def test_three_articles_reporting_one_event_make_one_cluster(store):
    reports = [reuters(), associated_press(), al_jazeera()]
    store.add(reports)
    link(store)

    clusters = clusters_of(store)
    assert len(clusters) == 1
    (cluster,) = clusters.values()
    assert (cluster["mentions"], cluster["articles"], cluster["outlets"], cluster["copies"]) == (3, 3, 3, 0)
    assert cluster["first_seen"] == MONDAY
    assert cluster["date"] == MONDAY
    # Highest confidence wins, then the earliest.
    assert cluster["representative"] == reports[0][1][0].event_id
    assert (cluster["source_actor"], cluster["target_actor"], cluster["type_key"]) == ("IRN", "USA", "REJECT")


def test_a_syndicated_copy_counts_once(store):
    store.add([reuters(), associated_press(), al_jazeera(), gulf_times_copy()])
    link(store)

    # Published the same day, either can be the original; the other is its copy.
    copies = store.con.execute("SELECT doc_id, dup_of FROM article_links WHERE dup_of IS NOT NULL").fetchall()
    assert sorted(copies[0]) == ["gulftimes-0506", "reuters-0506"] and len(copies) == 1
    (cluster,) = clusters_of(store).values()
    assert cluster["members"] == 4
    assert (cluster["mentions"], cluster["articles"], cluster["outlets"], cluster["copies"]) == (3, 3, 3, 1)


def test_copy_arriving_in_a_later_run_counts_once(store):
    store.add([reuters(), associated_press()])
    link(store)
    store.add([gulf_times_copy()])
    link(store)

    (cluster,) = clusters_of(store).values()
    assert (cluster["mentions"], cluster["articles"], cluster["copies"]) == (2, 2, 1)


def test_other_type_or_other_week_makes_another_cluster(store):
    store.add([reuters(), associated_press(), accusation_same_day(), later_rejection()])
    link(store)

    clusters = clusters_of(store)
    assert len(clusters) == 3
    assert sorted(c["mentions"] for c in clusters.values()) == [1, 1, 2]


def test_later_denial_makes_the_claim_disputed(store):
    store.add([reuters(), associated_press(), al_jazeera()])
    link(store)
    event_id = reuters()[1][0].event_id
    assert cluster_of_event(store, event_id)["status"] == "confirmed"  # the foreign ministry said so itself

    denial = irna_denial()
    store.add([denial])
    link(store)

    cluster = cluster_of_event(store, event_id)
    assert cluster["status"] == "disputed"
    assert cluster["mentions"] == 4
    claims = json.loads(cluster["claims"])
    denied = [c for c in claims if c["stance"] == "denied"]
    assert denied == [{"stance": "denied", "who": "Iran's foreign ministry", "code": "IRNGOV", "when": "2024-05-09",
                       "outlet": "IRNA", "doc_id": "irna-0509", "event_id": denial[1][0].event_id}]
    asserting = {(c["stance"], c["who"]) for c in claims if c["stance"] != "denied"}
    assert asserting == {("asserted", "Reuters"), ("reported", "Iranian state media"),
                         ("confirmed", "the Iranian foreign ministry")}


def test_only_reports_and_only_denials(store):
    store.add([associated_press()])
    link(store)
    assert cluster_of_event(store, associated_press()[1][0].event_id)["status"] == "reported"

    store.add([irna_denial()])
    link(store)
    assert cluster_of_event(store, associated_press()[1][0].event_id)["status"] == "disputed"


def test_denial_alone_is_denied(store):
    store.add([irna_denial()])
    link(store)
    (cluster,) = clusters_of(store).values()
    assert cluster["status"] == "denied"


def test_incremental_linking_gives_the_clusters_of_a_full_relink(store):
    reports = [reuters(), associated_press(), al_jazeera(), gulf_times_copy(), irna_denial(), later_rejection(),
               accusation_same_day()]
    for report in reports:
        store.add([report])
        link(store)

    def partition() -> set[frozenset[str]]:
        rows = store.con.execute("SELECT cluster_id, list(event_id ORDER BY event_id) FROM event_links GROUP BY 1")
        return {frozenset(events) for _, events in rows.fetchall()}

    incremental = partition()
    figures = store.con.execute("SELECT mentions, articles, status FROM clusters ORDER BY ALL").fetchall()
    link(store, full=True)
    assert partition() == incremental
    assert store.con.execute("SELECT mentions, articles, status FROM clusters ORDER BY ALL").fetchall() == figures


def test_replaced_article_updates_its_cluster(store):
    store.add([reuters(), associated_press()])
    link(store)
    # AP rewrites its story: the new text no longer carries the event.
    rewritten = Article("ap-0507", "TEHRAN, Iran (AP) - Oman's foreign minister arrived in Tehran on Tuesday.",
                        published=MONDAY + dt.timedelta(days=1), outlet="AP")
    store.add([(rewritten, [])], replace=["ap-0507"])
    link(store)

    (cluster,) = clusters_of(store).values()
    assert (cluster["members"], cluster["mentions"], cluster["articles"]) == (1, 1, 1)
