"""Force used by protesters is a violent protest, not an assault; an obstruction by the state's
forces is a restriction of movement, not a protest.

"Protesters clashed with police", "demonstrators threw stones at the officers": CAMEO codes a
riot as 145 (PLOVER PROTEST) and an obstruction as 144; the lexicon's code for the verb
("clash" 190, "throw stones" 182) fits armed actors. The source's own words say who protests.
"Police blocked the opposition convoy": the lexicon's 144 fits protesters; the police restrict
movement (191, COERCE).
"""

from __future__ import annotations

from collections.abc import Sequence

from tacitus import rules
from tacitus.events.ontology import by_code_prefix
from tacitus.records import ActorRef

PROTESTER_NOUNS = rules.words("protester_nouns")
PROTEST_CODES_BY_ACT = rules.table("protest_codes_by_act")
STATE_OBSTRUCTION_SECTORS = rules.words("state_obstruction_sectors")
OBSTRUCTION_CODE = "144"
RESTRICTED_MOVEMENT_CODE = "191"


def protest_code(cameo: str, sources: Sequence[ActorRef]) -> str | None:
    """The protest code of a forceful act (`cameo`) whose every source is named as protesters,
    else None."""
    if not sources or not all(_names_protesters(s) for s in sources):
        return None
    return by_code_prefix(PROTEST_CODES_BY_ACT, cameo)


def _names_protesters(source: ActorRef) -> bool:
    return any(word.strip(".,;:'\"“”’").lower() in PROTESTER_NOUNS for word in source.text.split())


def state_obstruction_code(cameo: str, sources: Sequence[ActorRef]) -> str | None:
    """The restriction of movement an obstruction (144) is when every source is the state's
    police, army or government, else None."""
    if cameo != OBSTRUCTION_CODE or not sources or not all(s.sector in STATE_OBSTRUCTION_SECTORS for s in sources):
        return None
    return RESTRICTED_MOVEMENT_CODE
