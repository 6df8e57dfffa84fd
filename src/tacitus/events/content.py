"""Which trigger words are the content of another trigger's event, not events of their own.

"threatened to cut ties and retaliate", "the demand that Benin arrest and prosecute ...", "told
Berlin it must take back its fighters", "urged Iran to press the rebels to free the crew": the acts
a threat, promise or request names belong to it (`triggers.claimed_words` calls these); a meeting
named as the occasion of another act ("in a telephone call, X urged Y") and an act a capacity only
allows ("has the power to unblock the route") are told apart here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Token

from tacitus import rules
from tacitus.events.factuality import OBLIGATION_AUX
from tacitus.events.lexicon import TriggerEntry
from tacitus.events.ontology import threat_code
from tacitus.events.phrases import has_to_marker


class TriggerDecision(Protocol):
    """What these rules read of a `triggers.TriggerDecision` (which imports this module)."""

    token: Token
    lemma: str
    pos: str
    entry: TriggerEntry | None
    complement_tokens: set[int]
    outcome: str

    @property
    def codes_an_event(self) -> bool: ...

# CAMEO roots of acts whose "to" clause is their content (data/rules/content_taking_roots.txt).
CONTENT_TAKING_ROOTS = rules.words("content_taking_roots")
# Of those, the roots whose "that" or bare clause is their content too, by the clause that is
# ("obligation" or "modal"; data/rules/clause_content_roots.tsv).
CLAUSE_CONTENT_ROOTS = rules.table("clause_content_roots")
# CAMEO roots of violent acts (assault, fight, mass violence).
VIOLENCE_ROOTS = {"18", "19", "20"}
OFFER_ROOTS = frozenset({"03"})  # CAMEO's root of offers, promises and invitations (03x)
OCCASION_PREPS = rules.words("occasion_preps")
OCCASION_ROOTS = rules.words("occasion_roots")
CAPACITY_NOUNS = rules.words("capacity_nouns")
CAPACITY_USING_VERBS = rules.words("capacity_using_verbs")
PREVENTING_VERBS = rules.words("preventing_verbs")


def promises_of_force_are_threats(decisions: Sequence[TriggerDecision], claimed: dict[int, TriggerDecision]) -> None:
    """ "pledged to attack the oil facilities", "vowed to invade": a promise whose content is
    force is a threat (13x by the act threatened), not an offer; a promise to put fighters on
    trial stays a promise."""
    for decision in decisions:
        owner = claimed.get(decision.token.i)
        if owner is None or owner is decision or owner.pos != "verb" or not decision.codes_an_event \
                or owner.entry.cameo[:2] not in OFFER_ROOTS or decision.token.head != owner.token:
            continue
        act = decision.entry.cameo
        threat = threat_code(act)
        if act[:2] in VIOLENCE_ROOTS and threat is not None:
            owner.entry = TriggerEntry(cameo=threat, pos="verb", lemma=owner.lemma, complement=(), prep=owner.entry.prep,
                                       note=f"rule: a promise to {decision.lemma} is a threat",
                                       origin="rule:promised-force")


def claim_noun_content(decisions: Sequence[TriggerDecision], claimed: dict[int, TriggerDecision],
                        nouns: dict[int, TriggerDecision]) -> None:
    """ "Trump's demand that Germany repatriate its citizens", "a threat to strike": the act a
    request, rejection or threat noun names as its content is part of that event (of the word
    that claims the noun, where one does: "repeated the demand that ..."). The act an offer or
    invitation names is left to stand: "an invitation to visit Turkey" also tells of a visit."""
    for decision in decisions:
        token = decision.token
        noun = nouns.get(token.head.i)
        # the parser may call a "that" clause of a noun a relative clause; a relative has no mark
        clause = token.dep_ == "acl" or token.dep_ == "relcl" and any(c.dep_ == "mark" for c in token.children)
        if decision.pos != "verb" or not clause or token.tag_ != "VB" or noun is None \
                or not noun.codes_an_event or noun.entry.cameo[:2] not in CONTENT_TAKING_ROOTS \
                or noun.entry.cameo[:2] in OFFER_ROOTS:
            continue
        claimed.setdefault(token.i, claimed.get(noun.token.i, noun))


def claim_clause_content(decisions: Sequence[TriggerDecision], claimed: dict[int, TriggerDecision]) -> None:
    """ "told Berlin it must take back its fighters", "warned Kyiv that it would have to
    withdraw": the act in the clause of a request or threat, when the clause says what must or
    will be done, is what is asked or threatened ("warned that Russia had attacked" tells an
    act). "urged Iran to press the rebels to free the crew": an act in the "to" clause of an act
    that is content is content of the same act (verbs in sentence order, so chains follow)."""
    by_token = {d.token.i: d for d in decisions}
    for decision in sorted(decisions, key=lambda d: d.token.i):
        token = decision.token
        if decision.pos != "verb" or token.i in claimed:
            continue
        owner = _clause_owner(token, by_token) or _purpose_owner(token, by_token, claimed)
        if owner is not None:
            claimed[token.i] = owner


def _clause_owner(verb: Token, by_token: dict[int, TriggerDecision]) -> TriggerDecision | None:
    """The request or threat whose "that" clause the verb heads, or whose clause's open
    complement it is ("would have to [withdraw]")."""
    clause = verb.head if verb.dep_ == "xcomp" else verb
    owner = by_token.get(clause.head.i)
    if clause.dep_ != "ccomp" or owner is None or owner.pos != "verb" or not owner.codes_an_event \
            or owner.entry.cameo[:2] not in CLAUSE_CONTENT_ROOTS:
        return None
    return owner if _tells_what_is_to_be_done(clause, CLAUSE_CONTENT_ROOTS[owner.entry.cameo[:2]]) else None


def _tells_what_is_to_be_done(clause: Token, kind: str) -> bool:
    """ "it must take back", "that he step down" (an obligation or a subjunctive), "it would
    have to" (kind "modal": any modal), not a told act ("had attacked", "is massing troops")."""
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if not auxes:
        return clause.tag_ == "VB"
    if kind == "modal":
        return any(a.tag_ == "MD" for a in auxes)
    return any(a.lower_ in OBLIGATION_AUX for a in auxes)


def _purpose_owner(verb: Token, by_token: dict[int, TriggerDecision],
                   claimed: dict[int, TriggerDecision]) -> TriggerDecision | None:
    """The content-taking act whose content the verb's head is, when the verb is a "to" clause
    of that verb ("to press the rebels [to free] the crew", "to do more [to arrest] them"); a
    noun's "to" clause is left to `claim_noun_content` ("accepted an invitation to visit" also
    tells of a visit)."""
    if verb.dep_ not in ("xcomp", "advcl") or verb.head.pos_ != "VERB" \
            or not has_to_marker(verb):
        return None
    return _owner_of_content(verb.head, by_token, claimed)


def _owner_of_content(verb: Token, by_token: dict[int, TriggerDecision],
                      claimed: dict[int, TriggerDecision]) -> TriggerDecision | None:
    """The act whose content the verb is: as claimed, or for a verb that is no event ("to do
    more"), the content-taking act whose "to" clause it is or hangs from."""
    if verb.i in claimed:
        return claimed[verb.i]
    if verb.i in by_token and by_token[verb.i].codes_an_event:
        return None  # an act of its own
    owner = by_token.get(verb.head.i)
    if verb.dep_ == "xcomp" and owner is not None and owner.codes_an_event \
            and owner.entry.cameo[:2] in CONTENT_TAKING_ROOTS:
        return owner
    return _purpose_owner(verb, by_token, claimed)


def claim_conjoined_content(decisions: Sequence[TriggerDecision], claimed: dict[int, TriggerDecision]) -> None:
    """ "threatened to cut ties and retaliate", "must take them back and put them on trial": an
    act conjoined to the content of a threat, promise or request is content of the same act
    when it is a bare infinitive too (verbs in sentence order, so chains follow)."""
    for decision in sorted(decisions, key=lambda d: d.token.i):
        head = decision.token.head
        if decision.pos != "verb" or decision.token.dep_ != "conj" or head.i not in claimed:
            continue
        owner = claimed[head.i]
        # a finite verb ("... and seized a tanker") is an act of its own the parser hung there
        if _bare_infinitive(decision.token) and head.dep_ in ("xcomp", "ccomp", "acl", "relcl") \
                and owner.entry.cameo[:2] in CONTENT_TAKING_ROOTS:
            claimed.setdefault(decision.token.i, owner)


def _bare_infinitive(verb: Token) -> bool:
    """A verb with no subject of its own in its base form; "put", "cut" may be tagged as past."""
    return (verb.tag_ == "VB" or verb.tag_ == "VBD" and verb.lower_ == verb.lemma_.lower()) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def prevented_acts_did_not_happen(decisions: Sequence[TriggerDecision], claimed: dict[int, TriggerDecision]) -> None:
    """ "averted an attack on the embassy", "held off from a full-scale offensive": the act a
    verb of prevention has for object, where the lexicon marks the pair as no event, did not
    happen; it is no event of its own either (other words a no-event row completes still stand:
    "prepared for the planned summit" keeps the summit)."""
    for decision in decisions:
        owner = claimed.get(decision.token.i)
        if owner is None or owner is decision or owner.entry is None or owner.codes_an_event \
                or owner.lemma not in PREVENTING_VERBS:
            continue
        decision.entry = None
        decision.outcome = f"prevented: the object of '{owner.token.text}' did not happen"


def names_a_capacity(verb: Token) -> bool:
    """ "has the power to unblock the route", "the right to appeal": the act a capacity allows
    (unless the capacity is used: "used its power to close")."""
    capacity = verb.head
    return verb.dep_ == "acl" and capacity.lemma_.lower() in CAPACITY_NOUNS \
        and capacity.head.lemma_.lower() not in CAPACITY_USING_VERBS \
        and has_to_marker(verb)


def names_the_occasion(noun: TriggerDecision, act: TriggerDecision) -> bool:
    """ "In a telephone call to the Kremlin, Merkel urged Putin ...": a consultation named as the
    occasion of the act (a preposition of time or setting on the act's own word) is an event of
    its own, not what the act is about."""
    preposition = noun.token.head
    return noun.codes_an_event and noun.entry.cameo[:2] in OCCASION_ROOTS and noun.token.dep_ == "pobj" \
        and preposition.dep_ == "prep" and preposition.lower_ in OCCASION_PREPS and preposition.head == act.token \
        and noun.token.i not in act.complement_tokens
