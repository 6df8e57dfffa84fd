"""Recurrence: earlier events of the same dyad and type, in any year."""

from __future__ import annotations

import datetime as dt

from newswire import dated_report

from tacitus.link.linker import link
from tacitus.link.recurrence import resolve_cluster, similar_earlier

REJECTION_2013 = dated_report(
    "khamenei-2013", dt.date(2013, 2, 7),
    "Iran's supreme leader rejected an American offer of direct talks on the nuclear dispute, saying pressure "
    "and negotiations cannot go together.",
    source=("Iran", "IRN"), target=("American", "USA"), trigger="rejected", cameo="125")
REJECTION_2016 = dated_report(
    "zarif-2016", dt.date(2016, 3, 14),
    "Iran rejected U.S. criticism of its ballistic missile tests, the foreign minister said.",
    source=("Iran", "IRN"), target=("U.S.", "USA"), trigger="rejected", cameo="120")
ACCUSATION_2015 = dated_report(
    "accuse-2015", dt.date(2015, 6, 2),
    "Iran accused the United States of hypocrisy over human rights.",
    source=("Iran", "IRN"), target=("United States", "USA"), trigger="accused", cameo="112")
RUSSIAN_REJECTION_2014 = dated_report(
    "russia-2014", dt.date(2014, 4, 10),
    "Russia rejected a U.S. offer of talks on missile defence in Europe.",
    source=("Russia", "RUS"), target=("U.S.", "USA"), trigger="rejected", cameo="125")
REJECTION_2017 = dated_report(
    "rouhani-2017", dt.date(2017, 9, 20),
    "Iran rejected a U.S. offer of direct talks on renegotiating the nuclear deal, President Rouhani said in "
    "New York.",
    source=("Iran", "IRN"), target=("U.S.", "USA"), trigger="rejected", cameo="125")


def test_2013_and_2017_rejections_are_linked_as_recurrence(store):
    store.add([REJECTION_2013, REJECTION_2016, ACCUSATION_2015, RUSSIAN_REJECTION_2014, REJECTION_2017])
    link(store)

    event_2017 = REJECTION_2017[1][0].event_id
    cluster_2017 = resolve_cluster(store.con, event_2017)
    cluster_2013 = resolve_cluster(store.con, REJECTION_2013[1][0].event_id)
    found = similar_earlier(store.con, cluster_2017)
    # Same CAMEO code (2013) before same root only (2016), though 2016 is closer in time; the
    # accusation (other type) and Russia's rejection (other dyad) are not recurrences.
    assert [r.cluster["cluster_id"] for r in found] == [cluster_2013, resolve_cluster(store.con, REJECTION_2016[1][0].event_id)]
    assert found[0].same_code and not found[1].same_code and found[1].same_root
    assert found[0].wording > found[1].wording


def test_previous_cluster_points_to_the_latest_earlier_one(store):
    store.add([REJECTION_2013, REJECTION_2017])
    link(store)
    store.add([REJECTION_2016])
    link(store)

    previous = dict(store.con.execute(
        "SELECT l.event_id, c.previous_cluster_id FROM clusters c JOIN event_links l USING (cluster_id)").fetchall())
    cluster = {e: resolve_cluster(store.con, e) for e in previous}
    e2013, e2016, e2017 = (r[1][0].event_id for r in (REJECTION_2013, REJECTION_2016, REJECTION_2017))
    assert previous[e2013] is None
    assert previous[e2016] == cluster[e2013]
    assert previous[e2017] == cluster[e2016]


def test_nothing_earlier_for_the_first_event(store):
    store.add([REJECTION_2013, REJECTION_2017])
    link(store)
    assert similar_earlier(store.con, resolve_cluster(store.con, REJECTION_2013[1][0].event_id)) == []
