"""What a cluster's mentions say about its event: the stance of each, the claims and their status.

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
"""

from __future__ import annotations

import json
import re
from typing import Any

from tacitus import rules
from tacitus.records import HAPPENED_STANCES

POSITIVE = HAPPENED_STANCES
DENIAL_FACTUALITY = frozenset({"denied", "negated"})
_CUE_VERB = re.compile(r"^'([^']+)'")


def _confirming_verbs() -> frozenset[str]:
    # The coder's own list (data/rules/confirming_verbs.txt), so both stages agree on what confirms.
    return rules.words("confirming_verbs")


def stance(factuality: str, attribution_text: str | None, evidence: str | None) -> str:
    """A mention's stance from its factuality, attribution and evidence (JSON text; read only for
    reported mentions, to find the verb that reported it)."""
    if factuality in DENIAL_FACTUALITY:
        return "denied"
    if factuality == "asserted":
        return "confirmed" if attribution_text else "asserted"
    if factuality == "reported":
        cue = json.loads(evidence).get("factuality_cue") if evidence else None
        verb = _CUE_VERB.match(cue or "")
        return "confirmed" if verb and verb.group(1) in _confirming_verbs() else "reported"
    return factuality


def claim_status(stances: set[str]) -> str:
    if "denied" in stances:
        return "disputed" if stances & POSITIVE else "denied"
    return "confirmed" if "confirmed" in stances else "reported"


def claims_of(counted: list[tuple]) -> tuple[list[dict[str, Any]], str]:
    """The claims of a cluster and its status, from its counted mentions (its originals, or all of
    its mentions when it is seen only through copies) in publication order, each a tuple
    (factuality, attribution_text, attribution_code, evidence, outlet, published, doc_id, event_id)."""
    claims = [
        {
            "stance": stance(factuality, attribution_text, evidence),
            "who": attribution_text or outlet,
            "code": attribution_code,
            "when": published.isoformat() if published else None,
            "outlet": outlet,
            "doc_id": doc_id,
            "event_id": event_id,
        }
        for factuality, attribution_text, attribution_code, evidence, outlet, published, doc_id, event_id in counted
    ]
    return claims, claim_status({c["stance"] for c in claims})
