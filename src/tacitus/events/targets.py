"""Target rules: to whom (or against whom) the event is done.

As with the source rules, each rule is a small function in an ordered registry under the `via`
label it writes (``target:<via>`` in ``evidence.rule``). All rules look at the same candidate
phrases (:func:`candidate_heads`): the trigger's objects and prepositional objects, the subject
of a condition (threats) and of a clausal complement (demands).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from tacitus import rules
from tacitus.events.antecedents import RELATIVE_TAGS
from tacitus.events.attack_nouns import harmed_by_noun
from tacitus.events.complement_marks import undergoing_verb
from tacitus.events.for_clauses import is_for_clause
from tacitus.events.phrases import (
    actors_at,
    framing_noun,
    has_to_marker,
    inside_other_place_name,
    placed_actor,
    resolved,
    same_actor,
)
from tacitus.events.sources import ArgumentQuery
from tacitus.records import ActorRef

TARGET_PREPS = rules.words("target_preps")
# Phrases of place or time ("on the sidelines of the UN General Assembly") hold no target.
PLACE_VIAS = {"prep:on", "prep:at"}
# "between Syria and the PLO": the sides of the event.
PARTY_VIAS = {"prep:between", "prep:among"}
# An act done in a place targets the place's country.
PLACE_PREPS = rules.words("place_target_preps")
CONDITION_MARKERS = rules.words("threat_condition_markers")
STATE_SECTORS = rules.words("state_sectors")

Found = tuple[list[ActorRef], str]


@dataclass
class TargetQuery:
    """The source query plus the phrases the target rules look at and the actors to leave out
    (the sources and the intermediary)."""

    arguments: ArgumentQuery
    bases: list[Token]
    heads: list[tuple[Token, str]]
    exclude: list[ActorRef]

    def others(self, refs: list[ActorRef]) -> list[ActorRef]:
        return [r for r in refs if not any(same_party(r, s) for s in self.exclude)]


def same_party(a: ActorRef, b: ActorRef) -> bool:
    """The same actor, where a country's state and its other sectors are different parties:
    "Damascus" and "the Syrian opposition" share the country's id but deal with each other."""
    if not same_actor(a, b):
        return False
    if a.span != b.span and not (a.actor_id or b.actor_id or a.name or b.name) \
            and a.text.lower() != b.text.lower():
        return False  # two groups named by different nouns: "militiamen would assist local militias"
    if a.span == b.span or not (a.sector and b.sector) or a.sector == b.sector:
        return True
    return a.sector in STATE_SECTORS and b.sector in STATE_SECTORS


TargetRule = Callable[[TargetQuery], "Found | None"]
TARGET_RULES: list[tuple[str, TargetRule]] = []


def target_rule(via: str):
    """Register a target rule under the via label(s) it writes, after those registered before."""

    def register(rule: TargetRule) -> TargetRule:
        TARGET_RULES.append((via, rule))
        return rule

    return register


def find_targets(arguments: ArgumentQuery, exclude: list[ActorRef]) -> Found:
    """The target actors of the trigger and how they were found; ([], '') if none."""
    bases = trigger_bases(arguments)
    query = TargetQuery(arguments, bases, candidate_heads(arguments, bases, exclude), exclude)
    for _, rule in TARGET_RULES:
        found = rule(query)
        if found is not None:
            return found
    return [], ""


def trigger_bases(arguments: ArgumentQuery) -> list[Token]:
    """The words whose dependents may hold the target: the trigger, its light verb, the noun
    framing it ("a mediation mission between X and Y"), for a verb its open complement and for
    a noun the participle describing it ("sanctions imposed on Russia")."""
    token = arguments.token
    bases = [token] if arguments.self_anchored else [token, arguments.anchor]
    framing = framing_noun(token)
    if framing is not None:
        bases.append(framing)
    if arguments.decision.pos == "verb":
        bases += [c for c in token.children if c.dep_ in ("xcomp",)]
    else:
        bases += [c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    return bases


def candidate_heads(arguments: ArgumentQuery, bases: list[Token], exclude: list[ActorRef]) -> list[tuple[Token, str]]:
    """Heads of the phrases that may name the target, with their relation, best first."""
    ctx, entry = arguments.ctx, arguments.decision.entry
    heads: list[tuple[Token, str]] = []
    wanted_prep = entry.prep if entry else None
    for base in bases:
        passive = any(c.dep_ == "nsubjpass" for c in base.children)
        for child in base.children:
            if child.dep_ in ("dobj", "dative", "attr", "oprd") or (passive and child.dep_ == "nsubjpass"):
                heads.append((child, child.dep_))
        for child in base.children:
            if child.dep_ == "prep" and (child.lower_ == wanted_prep or child.lower_ in TARGET_PREPS):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        heads.append((pobj, f"prep:{child.lower_}"))
    if wanted_prep:
        heads.sort(key=lambda h: h[1] != f"prep:{wanted_prep}")
    if any(via == "prep:to" for _, via in heads):
        # "offered its troops to Lebanon", "provided intelligence to Macedonia": what the
        # source gives is its own; the recipient is the target.
        source_countries = {s.country for s in exclude if s.country}

        def gives_its_own(head: Token, via: str) -> bool:
            refs = actors_at(head, ctx) if via in ("dobj", "dative") else []
            return bool(refs) and all(r.country in source_countries for r in refs)

        heads.sort(key=lambda h: gives_its_own(*h))
    if entry is not None and entry.cameo.startswith("13"):
        # "threatened a strike unless Israel rescinded ...": the threat presses the one
        # whose act is the condition.
        heads += [(subject, "condition>nsubj") for base in bases for clause in base.children
                  if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKERS
                                                    for m in clause.children)
                  for subject in clause.children if subject.dep_ == "nsubj"]
    # "demanded that the US cancel ...", "urged that Iran be ...", "the demand that Germany
    # repatriate ...": the addressee is the subject of the clausal complement (of a noun, a
    # "that" clause, which the parser may call a relative one).
    for base in bases:
        for child in base.children:
            if child.dep_ == "ccomp" or is_for_clause(child) or base.pos_ == "NOUN" and child.dep_ in ("acl", "relcl") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
                heads += [(c, "ccomp>nsubj") for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
    heads += _modified_noun(arguments.token)
    return heads


def _modified_noun(verb: Token) -> list[tuple[Token, str]]:
    """The noun a verb's clause describes when that noun is what the verb acts on: "the fighters
    [that we captured]" (a relative clause whose object is the relative pronoun), "the fighters
    [captured in Syria]" (a passive participle)."""
    if verb.pos_ != "VERB" or verb.head.i == verb.i or verb.head.pos_ not in ("NOUN", "PROPN"):
        return []
    if verb.dep_ == "relcl":
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and all(s.tag_ not in RELATIVE_TAGS for s in subjects) and all(
                o.tag_ in RELATIVE_TAGS for o in objects) and objects:
            return [(verb.head, "relcl-object")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return [(verb.head, "participle-head")]
    return []


@target_rule("undergoer")
def undergoer(query: TargetQuery) -> Found | None:
    """ "Chadian troops came under fire from a gunboat": the subject of the verb undergoes the attack."""
    arguments = query.arguments
    verb = undergoing_verb(arguments.token) if arguments.decision.pos == "noun" else None
    if verb is None:
        return None
    refs = query.others([r for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for r in actors_at(c, arguments.ctx)])
    return (refs, "undergoer") if refs else None


@target_rule("dobj|dative|attr|oprd|nsubjpass|prep:*|condition>nsubj|ccomp>nsubj|relcl-object|participle-head")
def direct_object(query: TargetQuery) -> Found | None:
    """The actor the candidate phrase itself names."""
    ctx = query.arguments.ctx
    for head, via in query.heads:
        refs = query.others(actors_at(head, ctx, parties=via in PARTY_VIAS))
        if refs:
            return refs, via
    return None


@target_rule("conj>*")
def shared_object(query: TargetQuery) -> Found | None:
    """ "surrounded and shelled the town", "blocked and fired water cannon on the ships": a verb
    with no object of its own, joined straight to the next verb, shares that verb's objects."""
    arguments = query.arguments
    conjunct = _shared_object_conjunct(arguments.token) if arguments.decision.pos == "verb" else None
    if conjunct is None:
        return None
    shared = TargetQuery(arguments, [conjunct], candidate_heads(arguments, [conjunct], query.exclude), query.exclude)
    found = direct_object(shared) or within_object(shared)
    return (found[0], f"conj>{found[1]}") if found else None


def _shared_object_conjunct(verb: Token) -> Token | None:
    if any(c.dep_ in ("dobj", "dative", "prep", "nsubjpass") for c in verb.children):
        return None
    following = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
    if not following:
        return None
    between = verb.doc[verb.i + 1:following[0].i]
    return following[0] if len(between) == 1 and between[0].dep_ == "cc" else None


@target_rule("harmed")
def harmed(query: TargetQuery) -> Found | None:
    """ "a series of strikes by X killed ten fighters", "an attack that killed 30 people": an
    attack noun with no object of its own targets whom the harm verb it drives hit."""
    arguments = query.arguments
    if arguments.decision.pos != "noun" or arguments.decision.entry is None \
            or not arguments.triggers.names_an_attack(arguments.token):
        return None
    refs = query.others(harmed_by_noun(arguments.token, arguments.ctx, arguments.triggers))
    return (refs, "harmed") if refs else None


@target_rule("within")
def within_object(query: TargetQuery) -> Found | None:
    """An actor nested in the object: "rejected a US proposal", "a request for a meeting with X";
    not in phrases of place or time ("on the sidelines of the UN General Assembly")."""
    ctx = query.arguments.ctx
    for head, via in query.heads:
        if via in PLACE_VIAS:
            continue
        for t in head.subtree:
            mention = ctx.token_mentions.get(t.i)
            if mention is not None and resolved(mention):
                # "aid for Romania and Poland": every conjunct is a target
                refs = query.others(actors_at(t, ctx))
                if refs:
                    return refs, f"within:{via}"
    return None


@target_rule("purpose")
def purpose(query: TargetQuery) -> Found | None:
    """ "blocked a road to show their anger at the US": a protest's purpose names its target."""
    arguments = query.arguments
    entry, ctx = arguments.decision.entry, arguments.ctx
    if entry is None or not entry.cameo.startswith("14"):
        return None
    for base in query.bases:
        for clause in base.children:
            if clause.dep_ in ("advcl", "xcomp") and has_to_marker(clause):
                for t in clause.subtree:
                    mention = ctx.token_mentions.get(t.i)
                    if mention is not None and resolved(mention):
                        refs = query.others(actors_at(t, ctx))
                        if refs:
                            return refs, "purpose"
    return None


@target_rule("place|place-within")
def place_country(query: TargetQuery) -> Found | None:
    """No actor: an act done *in* a place targets that place's country ("imposed a curfew in
    Algiers", "demonstrated in Serbia"), as CAMEO codes domestic events."""
    ctx = query.arguments.ctx
    place_heads = [(p, f"place:{c.lower_}") for base in query.bases for c in base.children
                   if c.dep_ == "prep" and c.lower_ in PLACE_PREPS for p in c.children if p.dep_ == "pobj"]
    for head, via in place_heads + query.heads:
        for t in head.subtree:
            mention = ctx.token_mentions.get(t.i)
            if mention is not None and mention.place and mention.country and not inside_other_place_name(t, mention):
                ref = placed_actor(mention.text, mention.span, mention.country, None)
                if not any(same_actor(ref, s) for s in query.exclude):
                    return [ref], via if via.startswith("place") else f"place-within:{via}"
    return None
