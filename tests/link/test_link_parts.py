"""The parts of linking on their own: copies, dates, the cluster index, stances."""

from __future__ import annotations

import datetime as dt
import json

from newswire import REUTERS_TEXT

from tacitus.link import clusters as clustering
from tacitus.link.claims import claim_status, stance
from tacitus.link import dedup
from tacitus.link.dedup import COPY_WINDOW_DAYS, find_copies, find_copies_in_order
from tacitus.store.signature import ArticleSignature, signature

DAY = dt.date(2024, 5, 6)


def test_copy_with_new_dateline_and_cut_ending_is_found_but_a_rewrite_is_not():
    wire = ArticleSignature("wire", DAY, *signature(REUTERS_TEXT))
    reprint = ArticleSignature("reprint", DAY + dt.timedelta(days=1), *signature(
        REUTERS_TEXT.replace("DUBAI (Reuters) -", "By Reuters staff.").rsplit(" Oil prices", 1)[0]))
    rewrite = ArticleSignature("rewrite", DAY, *signature(
        "Tehran said no on Monday to an American offer of direct nuclear negotiations and demanded that "
        "sanctions be lifted first, the foreign ministry told reporters."))
    late_reprint = ArticleSignature("late", DAY + dt.timedelta(days=30), *signature(REUTERS_TEXT))

    assert find_copies([wire], [reprint, rewrite, late_reprint]) == {"reprint": "wire"}


def test_copy_of_a_copy_points_to_the_original():
    texts = [REUTERS_TEXT, REUTERS_TEXT + " Reporting by Parisa Hafezi.",
             REUTERS_TEXT + " Reporting by Parisa Hafezi. Editing by Toby Chopra."]
    articles = [ArticleSignature(f"a{i}", DAY + dt.timedelta(days=i), *signature(t)) for i, t in enumerate(texts)]
    assert find_copies([], articles) == {"a1": "a0", "a2": "a0"}


def test_a_stream_of_articles_is_compared_within_a_sliding_window_only():
    # One reprint a day of the same wire text for sixty days: each is a copy of the first, found
    # directly while the first is in the window and later through the copies still inside it.
    stream = [(ArticleSignature(f"day{i:02d}", DAY + dt.timedelta(days=i), *signature(REUTERS_TEXT)), True)
              for i in range(60)]
    copies = find_copies_in_order(iter(stream))
    assert copies["day01"] == "day00" and copies[f"day{COPY_WINDOW_DAYS:02d}"] == "day00"
    assert copies[f"day{COPY_WINDOW_DAYS + 1:02d}"] == "day00" and copies["day59"] == "day00"
    assert "day00" not in copies and len(copies) == 59


def test_batches_cut_anywhere_find_the_copies_of_one_pass(monkeypatch):
    # Reprints every other day, an unrelated text between them, and two undated reprints: cut into
    # batches of three the stream must still meet the days carried over from the batch before.
    other = "Heavy rain flooded the lower town overnight and the mayor closed three schools until Friday."
    stream = []
    for i in range(12):
        day = DAY + dt.timedelta(days=2 * i)
        stream.append((ArticleSignature(f"wire{i:02d}", day, *signature(REUTERS_TEXT)), True))
        stream.append((ArticleSignature(f"other{i:02d}", day, *signature(other + f" Report {i}.")), True))
    stream += [(ArticleSignature(f"undated{i}", None, *signature(REUTERS_TEXT)), True) for i in range(2)]
    whole = find_copies_in_order(iter(stream))
    monkeypatch.setattr(dedup, "BATCH_ROWS", 3)
    assert find_copies_in_order(iter(stream)) == whole
    assert whole["wire11"] == "wire00" and whole["undated1"] == "undated0" and "undated0" not in whole


def test_a_known_copy_passes_its_original_on():
    known = [ArticleSignature("wire", DAY, *signature(REUTERS_TEXT)),
             ArticleSignature("reprint", DAY + dt.timedelta(days=5), *signature(REUTERS_TEXT), dup_of="wire")]
    # Ten days after the wire, only the known reprint is in the window.
    late = ArticleSignature("late", DAY + dt.timedelta(days=10), *signature(REUTERS_TEXT))
    assert find_copies(known, [late]) == {"late": "wire"}


def test_date_intervals():
    def days(interval):
        return tuple(dt.date.fromordinal(d) for d in interval)

    assert days(clustering.date_interval(DAY, "day", None)) == (DAY, DAY)
    assert days(clustering.date_interval(dt.date(2024, 12, 1), "month", DAY)) == (dt.date(2024, 12, 1), dt.date(2024, 12, 31))
    assert days(clustering.date_interval(dt.date(2013, 1, 1), "year", DAY)) == (dt.date(2013, 1, 1), dt.date(2013, 12, 31))
    assert days(clustering.date_interval(None, None, DAY)) == (DAY - dt.timedelta(days=6), DAY)
    assert clustering.date_interval(None, None, None) is None


def mention(event_id: str, day: dt.date, block: str = "IRN/GOV|USA/GOV|REJECT|happened", cameo: str = "125"):
    return clustering.Mention(event_id, block, (day.toordinal(), day.toordinal()), cameo,
                              frozenset({"reject", "propos", "talks"}))


def test_a_record_is_compared_only_with_clusters_of_its_block_near_its_date():
    # A cluster per week over ten years in one block, and as many in another block.
    existing = []
    for week in range(520):
        day = dt.date(2014, 1, 6) + dt.timedelta(weeks=week)
        for block in ("IRN/GOV|USA/GOV|REJECT|happened", "RUS/GOV|UKR/GOV|ASSAULT|happened"):
            cluster = clustering.Cluster(f"{block[:3]}{week}", block, (day.toordinal(), day.toordinal()))
            cluster.absorb(mention(cluster.cluster_id, day, block))
            existing.append(cluster)
    index = clustering.ClusterIndex(existing)
    probe = mention("new", dt.date(2019, 6, 4))
    candidates = list(index.candidates(probe))
    assert 1 <= len(candidates) <= 2
    assert all(c.block == probe.block for c in candidates)


def test_dates_too_far_apart_or_other_wording_and_code_do_not_join():
    first = mention("first", DAY)
    far = mention("far", DAY + dt.timedelta(days=clustering.DAY_TOLERANCE + 1))
    near_other_code = clustering.Mention("other", first.block, first.interval, "1246", frozenset({"troops", "border"}))
    near_same_words = clustering.Mention("words", first.block, first.interval, "120", frozenset({"reject", "talks"}))
    assignment, created = clustering.assign([], [first, far, near_other_code, near_same_words])
    assert len(created) == 3
    assert assignment["words"] is assignment["first"]


def test_undated_record_joins_the_cluster_of_the_week_before_publication():
    dated = mention("dated", DAY)
    undated = clustering.Mention("undated", dated.block, clustering.date_interval(None, None, DAY + dt.timedelta(days=3)),
                                 "125", frozenset())
    assignment, created = clustering.assign([], [undated, dated])
    assert len(created) == 1 and assignment["undated"] is assignment["dated"]


def member(factuality: str, attribution: str | None = None, cue: str | None = None) -> tuple:
    return factuality, attribution, json.dumps({"rule": "test", "factuality_cue": cue})


def test_stances():
    assert stance(*member("asserted")) == "asserted"
    assert stance(*member("asserted", "Iran's foreign minister")) == "confirmed"
    assert stance(*member("reported", "officials", "'say' by officials")) == "reported"
    assert stance(*member("reported", "the Pentagon", "'confirm' by the Pentagon")) == "confirmed"
    assert stance(*member("denied", "Tehran", "'deny'")) == "denied"
    assert stance(*member("negated")) == "denied"
    assert stance(*member("future")) == "future"


def test_claim_status():
    assert claim_status({"reported"}) == "reported"
    assert claim_status({"reported", "confirmed"}) == "confirmed"
    assert claim_status({"asserted", "denied"}) == "disputed"
    assert claim_status({"confirmed", "denied"}) == "disputed"
    assert claim_status({"denied"}) == "denied"
    assert claim_status({"future"}) == "reported"
