"""What a cluster's mentions say about its event: figures, best record, and claim status.

Each mention takes a stance from its factuality and attribution:
- ``asserted``: stated as fact in the outlet's own voice;
- ``confirmed``: stated by a participant itself ("Iran said it rejected ...", which the coder
  keeps as asserted with an attribution), or reported with a confirming verb ("Washington
  confirmed that ...");
- ``reported``: attributed to someone else ("officials said");
- ``denied``: denied or negated ("Tehran denied rejecting ...", "Iran did not reject ...");
- ``future`` / ``intended`` / ``hypothetical``: planned or possible, not said to have happened.

The cluster's status: ``disputed`` when someone says it happened and someone denies it,
``denied`` when it is only denied, ``confirmed`` when a participant or a confirming source vouches
for it, otherwise ``reported``.

Syndicated copies count once: mentions are counted per group of copies (the original and its
copies), taking the largest number of mentions any one article of the group carries.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from tacitus import rules
from tacitus.records import HAPPENED_STANCES

POSITIVE = HAPPENED_STANCES
DENIAL_FACTUALITY = frozenset({"denied", "negated"})


def _confirming_verbs() -> frozenset[str]:
    # The coder's own list (data/rules/confirming_verbs.txt), so both stages agree on what confirms.
    return rules.words("confirming_verbs")


def stance(member: dict[str, Any]) -> str:
    factuality = member["factuality"]
    if factuality in DENIAL_FACTUALITY:
        return "denied"
    if factuality == "asserted":
        return "confirmed" if member["attribution_text"] else "asserted"
    if factuality == "reported":
        return "confirmed" if member["attribution_verb"] in _confirming_verbs() else "reported"
    return factuality


def claim_status(stances: set[str]) -> str:
    if "denied" in stances:
        return "disputed" if stances & POSITIVE else "denied"
    return "confirmed" if "confirmed" in stances else "reported"


@dataclass
class ClusterSummary:
    members: int
    mentions: int
    articles: int
    outlets: int
    copies: int
    representative: str
    cameo: str
    date: dt.date | None
    first_seen: dt.date | None
    status: str
    claims: list[dict[str, Any]]


def summarize(members: list[dict[str, Any]]) -> ClusterSummary:
    """Figures of one cluster from its member rows (events joined with their article's dup_of)."""
    per_article = Counter(m["doc_id"] for m in members)
    original_of = {m["doc_id"]: m["dup_of"] or m["doc_id"] for m in members}
    groups: dict[str, int] = {}
    for doc_id, count in per_article.items():
        group = original_of[doc_id]
        groups[group] = max(groups.get(group, 0), count)
    originals = [m for m in members if m["dup_of"] is None]
    counted = originals or members  # a cluster seen only through copies still has its one report
    best = min(members, key=lambda m: (-(m["confidence"] or 0), m["date"] or m["published"] or dt.date.max,
                                       m["dup_of"] is not None, m["event_id"]))
    claims = [
        {
            "stance": stance(m),
            "who": m["attribution_text"] or m["outlet"],
            "code": m["attribution_code"],
            "when": m["published"].isoformat() if m["published"] else None,
            "outlet": m["outlet"],
            "doc_id": m["doc_id"],
            "event_id": m["event_id"],
        }
        for m in sorted(counted, key=lambda m: (m["published"] or dt.date.max, m["doc_id"], m["event_id"]))
    ]
    exact = [m["date"] for m in members if m["date"] and m["date_precision"] in (None, "day")]
    dated = exact or [m["date"] for m in members if m["date"]]
    published = [m["published"] for m in members if m["published"]]
    return ClusterSummary(
        members=len(members),
        mentions=sum(groups.values()),
        articles=len(groups),
        outlets=len({m["outlet"] for m in counted if m["outlet"]}),
        copies=len({m["doc_id"] for m in members if m["dup_of"] is not None}),
        representative=best["event_id"],
        cameo=best["cameo"],
        date=min(dated) if dated else None,
        first_seen=min(published) if published else None,
        status=claim_status({c["stance"] for c in claims}),
        claims=claims,
    )

