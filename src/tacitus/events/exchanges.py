"""Exchanges between actors that one trigger implies beyond its own event.

- a stated intention is an event of its own (an offer, 03x, or a threat, 13x);
- an answer presupposes the proposal it answers ("turned down a US request" also says the US
  requested);
- "the message" after a request between the same actors is that request (refer-back).
"""

from __future__ import annotations


from spacy.tokens import Token

from tacitus import rules
from tacitus.events import factuality as factuality_rules
from tacitus.events.ontology import ANSWER_ROOTS, PROPOSAL_ROOTS, threat_code
from tacitus.events.assembly import recoded
from tacitus.events.ontology import cameo as cameo_info
from tacitus.events.triggers import TriggerDecision
from tacitus.records import EventRecord

POSSIBILITY_AUX = rules.words("possibility_aux")
# A stated intention to act is itself an event: to cooperate, CAMEO 03x by the kind of act;
# to act against someone, a threat, 13x by the kind of act threatened.
INTENT_CODE_BY_ROOT = rules.table("intent_code_by_root")
# Verbs by which an actor announces its own plan (a future act told with another verb is news).
SELF_STATEMENT_VERBS = rules.words("self_statement_verbs")
COMMITMENT_HEADS = rules.words("commitment_heads")
NARRATED_SCHEDULE_ROOTS = rules.words("narrated_schedule_roots")
GENERIC_MESSAGE_NOUNS = rules.words("generic_message_nouns")


def stated_intention(anchor: Token, factuality, speaker, info) -> tuple[str, str] | None:
    """The CAMEO code of the intention an actor states, if this event is one, and why.

    "Iraq said it would allow inspectors back" is an expressed intent to cooperate (03x);
    "X will withdraw its troops unless Y ..." is a threat (13x); "ready to contribute
    troops" is an offer. The act itself keeps its own factuality (future, intended).
    """
    root = info.code[:2]
    threat = threat_code(info.code)
    markers = {m.lower_ for c in anchor.children if c.dep_ == "advcl"
               for m in c.children if m.dep_ == "mark" and m.lower_ in factuality_rules.CONDITIONAL_MARKERS}
    conditional = bool(markers) and any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_AUX for c in anchor.children)
    if conditional and "unless" in markers:
        # "X will do A unless Y does B" presses Y whatever A is: a threat.
        return threat or "130", "conditional threat"
    # A future or intended act is an offer or a threat when the actor states it: said or
    # announced ("Iraq said it would allow", "the UN will provide aid"), or committed to
    # ("pledged to rebuild", "open to meeting"). A schedule or a wish ("is due to meet", "is
    # preparing to enter", "hopes to reach") is the act itself, future or intended
    # (ANNOTATION_GUIDE: future acts keep their type), and so is a meeting the text itself says
    # will happen ("the envoy will attend the talks"): a schedule, not the envoy's offer.
    announced = factuality.value == "future" and not factuality.scheduled \
        and not _governed_by(anchor, factuality_rules.FUTURE_HEADS) and (
        speaker.verb in SELF_STATEMENT_VERBS if speaker is not None else root not in NARRATED_SCHEDULE_ROOTS)
    self_stated = announced or (factuality.value in ("future", "intended") and _governed_by(anchor, COMMITMENT_HEADS))
    if not (conditional or self_stated):
        return None
    if info.quad_class in (3, 4) and threat:
        return threat, "conditional threat" if conditional else "stated intent to act against"
    if root in INTENT_CODE_BY_ROOT:
        return INTENT_CODE_BY_ROOT[root], "conditional offer" if conditional else "stated intent to cooperate"
    return None


def _governed_by(anchor: Token, lemmas: frozenset[str]) -> bool:
    """Whether one of these words governs the act through its complements ("vowed to crush",
    "open to meeting", "is due to meet")."""
    current = anchor
    for _ in range(4):
        if current.dep_ not in ("xcomp", "ccomp", "advcl", "pcomp", "prep", "acomp", "acl") or current.head is current:
            return False
        current = current.head
        if current.lemma_.lower() in lemmas:
            return True
    return False


def add_answered_proposals(answer: TriggerDecision, proposal: TriggerDecision) -> None:
    """ "Iran turned down a US request for a meeting" also says the US made the request: events
    for the request or offer an answer presupposes, made by its own actor or by the answer's
    target, addressed to the one who answers."""
    if proposal.entry.cameo[:2] not in PROPOSAL_ROOTS:
        return
    info = cameo_info(proposal.entry.cameo)
    noun = proposal.token
    implied = []
    for event in answer.events:
        if event.cameo[:2] not in ANSWER_ROOTS or event.target is None or event.source is None:
            continue
        implied.append(recoded(
            event, noun, info, source=event.target, target=event.source,
            factuality="asserted" if event.factuality == "negated" else event.factuality,
            confidence=max(0.05, event.confidence - 0.1),
            evidence={**event.evidence, "rule": f"{event.evidence['rule']}+implied:'{noun.text}' answered by "
                                                f"'{answer.token.text}'", "lexicon": proposal.entry.describe()},
        ))
    answer.events.extend(implied)


def generic_message(decision: TriggerDecision) -> Token | None:
    """The definite message noun a statement event is about ("the US message was delivered"),
    which may name an act the article reported before."""
    if decision.entry is None or decision.entry.cameo != "010":
        return None
    doc = decision.token.doc
    candidates = [doc[i] for i in decision.complement_tokens] + [decision.token]
    for noun in candidates:
        if noun.lemma_.lower() in GENERIC_MESSAGE_NOUNS and any(
                c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in noun.children):
            return noun
    return None


def refer_back(events: list[EventRecord], noun: Token, earlier: list[EventRecord]) -> None:
    """ "The message" after a request between the same actors is that request: code it so."""
    for event in events:
        antecedent = next((e for e in reversed(earlier) if e.cameo[:2] in PROPOSAL_ROOTS
                           and _same_dyad(e, event)), None)
        if antecedent is None:
            continue
        info = cameo_info(antecedent.cameo)
        event.event, event.mode, event.cameo = info.plover_event, info.plover_mode, info.code
        event.quad_class, event.goldstein = info.quad_class, info.goldstein
        event.evidence["rule"] += f"+refers-back:'{noun.text}' is the '{antecedent.trigger.text}' of sentence " \
                                  f"{antecedent.sentence_index}"


def _same_dyad(a: EventRecord, b: EventRecord) -> bool:
    return bool(a.source and b.source and a.target and b.target and a.source.country and a.target.country
                and a.source.country == b.source.country and a.target.country == b.target.country)
