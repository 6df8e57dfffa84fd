"""Cutting a text into runs so that the words behind each event can be marked in a page.

Spans may overlap (one actor is the source of two events, a trigger lies inside a longer actor
phrase), so the text is cut at every span boundary and each run carries every role and event
that covers it; the template escapes each run's text and wraps marked runs in <mark>.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ROLE_ORDER = ("trigger", "source", "target", "intermediary")


@dataclass
class Run:
    text: str
    roles: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)

    @property
    def role(self) -> str | None:
        """The role the run is shown as when several cover it: the trigger first."""
        return min(self.roles, key=ROLE_ORDER.index) if self.roles else None


def runs(text: str, spans: list[dict[str, Any]], offset: int = 0) -> list[Run]:
    """Runs of `text`; span offsets are shifted by `offset` (a sentence's start in its article).
    Spans outside the text are ignored: a record's offsets never move text out of bounds."""
    inside = []
    for span in spans:
        start, end = span["start"] - offset, span["end"] - offset
        if 0 <= start < end <= len(text):
            inside.append((start, end, span))
    cuts = sorted({0, len(text), *(s for s, _, _ in inside), *(e for _, e, _ in inside)})
    found = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [span for s, e, span in inside if s <= start and end <= e]
        roles = sorted({span["role"] for span in covering}, key=ROLE_ORDER.index)
        event_ids = sorted({span["event_id"] for span in covering})
        found.append(Run(text[start:end], roles, event_ids))
    return found


def record_spans(item: dict[str, Any]) -> list[dict[str, Any]]:
    """The trigger and actor spans of one record."""
    spans = []
    for role in ROLE_ORDER:
        part = item.get(role)
        if part and part.get("span") and part["span"][0] is not None:
            spans.append({"start": part["span"][0], "end": part["span"][1], "role": role,
                          "event_id": item["event_id"], "text": part["text"]})
    return spans
