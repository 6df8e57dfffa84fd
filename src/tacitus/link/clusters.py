"""Event clusters: the records of different articles that report one real-world event.

Two records can only report the same event when they share the source and target country (or
actor code, for IGOs and groups), the event type (PLOVER type, or CAMEO root where PLOVER has
none) and whether the event is said to have happened or to be planned: that is the *block*.
Within a block, a record joins an existing cluster when the sectors agree (the same, or one of
them unknown: "the U.S." and "Washington" are both the US government), their dates are
compatible and the wording or CAMEO code agrees; otherwise it starts a new cluster. Clusters are indexed by block and by week, so each record is compared
only with the few clusters of its block near its date: linking is linear in the records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tacitus.link.wording import similarity, terms
from tacitus.records import content_hash

# Records whose dates are this many days apart still describe one event (time zones, "late
# Monday" against "on Tuesday", a date resolved from a relative expression).
DAY_TOLERANCE = 2
# A record without its own date happened at most this many days before its article's publication;
# a denied event at most this many days before the date of the denial (a date found in a denial
# sentence is often the denial's own: "on Thursday denied that Iran had rejected ...").
UNDATED_DAYS = 6
# Dice similarity of the sentences' term sets above which records of one block, on compatible
# dates but with different CAMEO codes, are taken as one event.
MIN_WORDING = 0.25
SAME_CODE_BONUS = 0.5
# Term sets of this many members represent a cluster's wording.
SAMPLES = 5
IRREALIS = frozenset({"future", "intended", "hypothetical"})
DENIALS = frozenset({"denied", "negated"})


def dyad_actor(row: dict[str, Any], side: str) -> str | None:
    """An actor as blocks and recurrence compare it: its country, else its code, else its words."""
    if row[f"{side}_text"] is None:
        return None
    return row[f"{side}_country"] or row[f"{side}_code"] or "~" + row[f"{side}_text"].lower()


def type_key(row: dict[str, Any]) -> str:
    return row["event"] or "CAMEO" + row["cameo"][:2]


def block_of(row: dict[str, Any]) -> str:
    realis = "planned" if row["factuality"] in IRREALIS else "happened"
    return "|".join((dyad_actor(row, "source") or "-", dyad_actor(row, "target") or "-", type_key(row), realis))


def date_interval(date: dt.date | None, precision: str | None,
                  published: dt.date | None) -> tuple[int, int] | None:
    """The days (as ordinals) on which an event may have happened; None when nothing dates it."""
    if date is not None:
        if precision == "month":
            following = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
            return dt.date(date.year, date.month, 1).toordinal(), following.toordinal() - 1
        if precision == "year":
            return dt.date(date.year, 1, 1).toordinal(), dt.date(date.year, 12, 31).toordinal()
        return date.toordinal(), date.toordinal()
    if published is not None:
        return published.toordinal() - UNDATED_DAYS, published.toordinal()
    return None


@dataclass
class Mention:
    """One event record as the clustering sees it."""

    event_id: str
    block: str
    interval: tuple[int, int] | None
    cameo: str
    terms: frozenset[str]
    sectors: tuple[str | None, str | None] = (None, None)  # of source and target

    @property
    def precise(self) -> bool:
        return self.interval is not None and self.interval[0] == self.interval[1]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Mention:
        interval = date_interval(row["date"], row["date_precision"], row["published"])
        if interval and row["factuality"] in DENIALS and row["date"] is not None:
            interval = (interval[0] - UNDATED_DAYS, interval[1])
        return cls(
            event_id=row["event_id"],
            block=block_of(row),
            interval=interval,
            cameo=row["cameo"],
            terms=terms(row["sentence"] or "", row["source_text"], row["target_text"]),
            sectors=(row["source_sector"], row["target_sector"]),
        )


@dataclass
class Cluster:
    cluster_id: str
    block: str
    interval: tuple[int, int] | None
    cameos: set[str] = field(default_factory=set)
    samples: list[frozenset[str]] = field(default_factory=list)
    sectors: tuple[str | None, str | None] = (None, None)

    def accepts_sectors(self, mention: Mention) -> bool:
        return all(a is None or b is None or a == b for a, b in zip(self.sectors, mention.sectors))

    def absorb(self, mention: Mention) -> None:
        self.cameos.add(mention.cameo)
        self.sectors = tuple(own or theirs for own, theirs in zip(self.sectors, mention.sectors))
        if len(self.samples) < SAMPLES:
            self.samples.append(mention.terms)
        # A cluster dated only by its articles' publication takes the first exact date it meets.
        if mention.precise and self.interval and self.interval[0] < self.interval[1] \
                and self.interval[0] <= mention.interval[0] <= self.interval[1]:
            self.interval = mention.interval


class ClusterIndex:
    """Clusters by block and by the weeks their dates cover."""

    def __init__(self, clusters: Iterable[Cluster] = ()):
        self._weeks: dict[str, dict[int, list[Cluster]]] = defaultdict(lambda: defaultdict(list))
        self._undated: dict[str, list[Cluster]] = defaultdict(list)
        for cluster in clusters:
            self._add(cluster)

    def _add(self, cluster: Cluster) -> None:
        if cluster.interval is None:
            self._undated[cluster.block].append(cluster)
            return
        weeks = self._weeks[cluster.block]
        for week in range(cluster.interval[0] // 7, cluster.interval[1] // 7 + 1):
            weeks[week].append(cluster)

    def candidates(self, mention: Mention) -> Iterator[Cluster]:
        if mention.interval is None:
            yield from self._undated.get(mention.block, ())
            return
        weeks = self._weeks.get(mention.block)
        if not weeks:
            return
        low, high = mention.interval[0] - DAY_TOLERANCE, mention.interval[1] + DAY_TOLERANCE
        seen: set[str] = set()
        for week in range(low // 7, high // 7 + 1):
            for cluster in weeks.get(week, ()):
                if cluster.cluster_id in seen:
                    continue
                seen.add(cluster.cluster_id)
                if cluster.interval[0] <= high and low <= cluster.interval[1]:
                    yield cluster

    def assign(self, mention: Mention) -> tuple[Cluster, bool]:
        """The cluster the mention joins, or a new one; and whether it is new."""
        best, best_score = None, float("-inf")
        for cluster in self.candidates(mention):
            if not cluster.accepts_sectors(mention):
                continue
            wording = max((similarity(mention.terms, sample) for sample in cluster.samples), default=0.0)
            same_code = mention.cameo in cluster.cameos
            if not same_code and wording < MIN_WORDING:
                continue
            score = wording + (SAME_CODE_BONUS if same_code else 0.0) - 0.01 * _distance(mention, cluster)
            if score > best_score:
                best, best_score = cluster, score
        if best is not None:
            best.absorb(mention)
            return best, False
        cluster = Cluster("c" + content_hash(mention.event_id, length=15), mention.block, mention.interval)
        cluster.absorb(mention)
        self._add(cluster)
        return cluster, True


def _distance(mention: Mention, cluster: Cluster) -> float:
    if mention.interval is None or cluster.interval is None:
        return 0.0
    return abs(sum(mention.interval) - sum(cluster.interval)) / 2


def assign(existing: Iterable[Cluster], mentions: Iterable[Mention]) -> tuple[dict[str, Cluster], list[Cluster]]:
    """Assign mentions to existing or new clusters: (event_id -> cluster, the new clusters).

    Exactly dated records go first, so that clusters are anchored on real dates and records dated
    only by publication then join the closest of them.
    """
    index = ClusterIndex(existing)
    ordered = sorted(mentions, key=lambda m: (not m.precise, m.interval or (0, 0), m.event_id))
    assignment: dict[str, Cluster] = {}
    created: list[Cluster] = []
    for mention in ordered:
        cluster, is_new = index.assign(mention)
        assignment[mention.event_id] = cluster
        if is_new:
            created.append(cluster)
    return assignment, created
