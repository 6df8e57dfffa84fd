"""Source rules: who does the event.

The rules are small named functions in an ordered registry, each registered under the `via`
label it writes into a record's ``evidence.rule`` (``source:<via>``), so the evidence of a
record points at the rule that found its source. :func:`find_sources` asks them in order; the
first that finds an actor wins. A rule returns None where it does not apply, or
``(actors, via)``: with no actors, the next rule is asked and `via` says how far this one got.

The clause rule climbs from the trigger to the clause that has a subject; its steps are an
ordered registry of their own (:data:`CLAUSE_STEPS`), asked at every level of the climb.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from tacitus import rules
from tacitus.context import ArticleContext
from tacitus.events.antecedents import relative_antecedent
from tacitus.events.attack_nouns import series_doers, subject_attack_doers
from tacitus.events.complement_marks import undergoing_verb
from tacitus.events.harm_causes import cause_doer
from tacitus.events.phrases import (actors_at, actors_in_preps, agents_of, noun_sources, passive_agents, phrase_tokens,
                                    placed_actor)
from tacitus.events.triggers import VIOLENCE_ROOTS, TriggerDecision, TriggerFinder
from tacitus.events.unnamed_actors import unnamed_doer
from tacitus.records import ActorRef

# Relations through which a clause without its own subject borrows its governor's subject:
# "Iran refused [to meet]", "Obama was open [to meeting]", "Iran met X and [signed] Y".
SUBJECT_CONTROL_DEPS = {"xcomp", "pcomp", "prep", "acomp", "advcl", "conj", "pobj"}
STATIVE_PASSIVES = rules.words("stative_passives")
# Withdrawing forces or staff: in an agentless passive the forces' owner withdrew them.
WITHDRAWAL_LEMMAS = rules.words("withdrawal_verbs")
# Verbs of taking part in a gathering: their subject is the gathering's actor.
PARTICIPATION_VERBS = rules.words("participation_verbs")
# Prepositions of the place a sector-only agent acts in ("blocked streets in Hong Kong").
AGENT_PLACE_PREPS = rules.words("agent_place_preps")
# Event nouns whose "of" phrase names who acts ("the withdrawal of French troops").
ACTOR_OF_NOUNS = rules.words("actor_of_nouns")
# How many levels the clause rule climbs looking for a subject.
MAX_CLAUSE_CLIMB = 4


@dataclass
class ArgumentQuery:
    """What the source and target rules look at: the trigger, the verb that lends it its
    subject and modality (the trigger itself, or a light verb), and the article."""

    decision: TriggerDecision
    anchor: Token
    ctx: ArticleContext
    triggers: TriggerFinder

    @property
    def token(self) -> Token:
        return self.decision.token

    @property
    def self_anchored(self) -> bool:
        return self.anchor is self.decision.token


Found = tuple[list[ActorRef], str]
SourceRule = Callable[[ArgumentQuery], "Found | None"]
SOURCE_RULES: list[tuple[str, SourceRule]] = []


def source_rule(via: str):
    """Register a source rule under the via label(s) it writes, after those registered before."""

    def register(rule: SourceRule) -> SourceRule:
        SOURCE_RULES.append((via, rule))
        return rule

    return register


def find_sources(query: ArgumentQuery) -> Found:
    """The source actors of the trigger and how they were found ('' if no rule got anywhere)."""
    via = ""
    for _, rule in SOURCE_RULES:
        found = rule(query)
        if found is None:
            continue
        refs, via = found
        if refs:
            return refs, via
    return [], via


@source_rule("poss|compound|amod|prep:by|prep:from|series-by")
def noun_own_actor(query: ArgumentQuery) -> Found | None:
    """A noun's own actor comes first: "a request from the US was delivered by Macron" is the
    US's request, Macron an intermediary; with a light verb the verb's agent follows. "A series
    of airstrikes by Russian jets": the by-phrase of the noun counting the acts."""
    if query.decision.pos != "noun":
        return None
    refs, via = noun_sources(query.token, query.ctx)
    if not refs and (refs := series_doers(query.token, query.ctx)):
        via = "series-by"
    return (refs, via) if refs else None


@source_rule("undergone-by")
def doer_of_undergone_attack(query: ArgumentQuery) -> Found | None:
    """ "Iraqi forces came under attack by Islamic State fighters": the by/from phrase of the
    verb whose subject undergoes the attack (the noun's own by/from phrase comes first)."""
    verb = undergoing_verb(query.token) if query.decision.pos == "noun" else None
    if verb is None:
        return None
    refs = actors_in_preps(verb, ("by", "from"), query.ctx)
    return (refs, "undergone-by") if refs else None


@source_rule("between")
def parties_between(query: ArgumentQuery) -> Found | None:
    """ "talks between Baghdad and Damascus", "a phone call between Trump and Erdogan": the
    parties of a meeting named on its own noun, all of them sources (a reciprocal consultation
    has no doer and no recipient). A predicate noun ("in what will be the first talks between
    them") describes a meeting the sentence tells otherwise: it names no parties of its own."""
    if query.decision.pos != "noun" or not query.decision.entry.cameo.startswith("04") or query.token.dep_ == "attr":
        return None
    for prep in query.token.children:
        if prep.dep_ == "prep" and prep.lower_ == "between":
            parties = [r for p in prep.children if p.dep_ == "pobj" for r in actors_at(p, query.ctx, parties=True)]
            if len(parties) >= 2:
                return parties, "between"
    return None


@source_rule("participants")
def participants_rule(query: ArgumentQuery) -> Found | None:
    """An event noun on its own: those who take part in the gathering."""
    if query.decision.pos != "noun" or not query.self_anchored:
        return None
    return participants(query.token, query.ctx)


@source_rule("nsubj|agent|relcl-head|acl-head|acl-of|acl|passive-participle")
def clause_subject(query: ArgumentQuery) -> Found | None:
    """The subject (or passive agent) of the trigger's clause, climbing through the relations
    a subjectless clause borrows its subject through."""
    if query.decision.pos == "noun" and query.self_anchored:
        return None
    current, via = query.anchor, None
    for _ in range(MAX_CLAUSE_CLIMB):
        for _name, step in CLAUSE_STEPS:
            outcome = step(query, current, via)
            if outcome is None:
                continue
            if isinstance(outcome, Climb):
                current, via = outcome.to, outcome.via
                break
            return outcome
        else:
            break
    return [], ""


@source_rule("prep:of")
def actor_of_noun(query: ArgumentQuery) -> Found | None:
    """ "the withdrawal of French troops", "a deployment of Russian troops": for the nouns of
    ACTOR_OF_NOUNS the "of" phrase names who acts (after the noun's own actor and a light verb's
    subject: "the US sped up the withdrawal of its forces" is the US's)."""
    if query.decision.pos != "noun" or query.token.lemma_.lower() not in ACTOR_OF_NOUNS:
        return None
    for prep in query.token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            refs = [r for pobj in prep.children if pobj.dep_ == "pobj" for r in actors_at(pobj, query.ctx)]
            if refs:
                return refs, "prep:of"
    return None


@source_rule("subject-attack")
def doer_of_subject_attack(query: ArgumentQuery) -> Found | None:
    """ "An airstrike by Russian jets killed 40 fighters": the attack noun that is the subject of
    a verb of harm has the doer (before an unnamed doer is guessed from the place)."""
    harm = query.decision.pos == "verb" and query.decision.entry.cameo[:2] in VIOLENCE_ROOTS
    refs = subject_attack_doers(query.anchor, query.ctx, query.triggers) if harm else []
    return (refs, "subject-attack") if refs else None


@source_rule("cause-doer")
def doer_of_the_cause(query: ArgumentQuery) -> Found | None:
    """ "Twelve civilians were killed in a Russian airstrike", "wounded in an attack by Islamic
    State fighters": an agentless passive of harm takes the doer of the attack it happened in."""
    if query.decision.pos != "verb" or query.decision.entry.cameo[:2] not in VIOLENCE_ROOTS:
        return None
    return cause_doer(query.anchor, query.ctx, query.triggers)


@source_rule("unnamed")
def unnamed_actor(query: ArgumentQuery) -> Found | None:
    """The side that acts where an act with no named doer happened (:mod:`unnamed_actors`)."""
    return unnamed_doer(query.decision, query.anchor, query.ctx, query.triggers)


# -- the steps of the clause rule -------------------------------------------------------------


@dataclass
class Climb:
    """Go on from the governing word `to`, with the relations climbed so far."""

    to: Token
    via: str


ClauseStep = Callable[[ArgumentQuery, Token, "str | None"], "Found | Climb | None"]


def subject_or_agent(query: ArgumentQuery, current: Token, via: str | None) -> Found | None:
    """nsubj, agent: the clause's subject or the by-phrase of its passive."""
    ctx = query.ctx
    # A passive subject is the agent only through raising ("Kerry is set to meet") or of a
    # stative passive ("Israel is opposed to ...").
    stative = current.lemma_.lower() in STATIVE_PASSIVES
    subject_deps = ("nsubj", "csubj", "nsubjpass") if (via and raised_to(query.anchor, via)) or stative \
        else ("nsubj", "csubj")
    if via is None and query.decision.lemma in WITHDRAWAL_LEMMAS:
        # "UN peacekeepers were pulled out": whoever the forces belong to withdrew them
        subject_deps = ("nsubj", "csubj", "nsubjpass")
    subjects = [c for c in current.children if c.dep_ in subject_deps]
    agents = passive_agents(current, ctx)
    heads = agents or subjects
    if not heads:
        return None
    refs = [r for h in heads for r in actors_at(h, ctx)]
    label = "agent" if agents else "nsubj"
    if not refs and heads[0].pos_ == "VERB":
        # "The aid agency working in Chad said": a reduced relative clause the parser
        # took for the subject; its own subject is the speaker.
        refs = [r for c in heads[0].children if c.dep_ == "nsubj" for r in actors_at(c, ctx)]
    if not refs and (antecedent := relative_antecedent(heads[0], current)) is not None:
        refs = actors_at(antecedent, ctx)  # "Kuwait, which is hosting ...": the modified noun
        label += ">relative" if refs else ""
    if not refs and heads[0].pos_ == "PRON":
        refs = reporting_subject(current, ctx)
        label += ">pronoun-of-speaker" if refs else ""
    if not refs:
        refs = located_agent(heads[0], current, ctx)
        label += ">located" if refs else ""
    return refs, label if via is None else f"{via}>{label}"


def raised_to(anchor: Token, via: str) -> bool:
    """Whether the passive subject the climb reached is the doer of the trigger: raised from an
    active open complement ("Kerry is set [to meet]", "X was reported [to have attacked]"). Not
    the one undergoing it: a passive trigger ("were reported to have been [injured]"), a
    conjunct of a passive ("were killed or [captured]"), an adverbial clause ("were killed in
    the attack, the deadliest [to target] US forces")."""
    return via.rsplit(">", 1)[-1] == "xcomp" and not any(c.dep_ == "auxpass" for c in anchor.children)


def clause_head(query: ArgumentQuery, current: Token, via: str | None) -> Found | Climb | None:
    """relcl-head, acl-head, acl-of, acl>dobj: a clause that modifies a noun is about it."""
    ctx = query.ctx
    if current.dep_ not in ("relcl", "acl") or current.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if current is query.anchor and cause_doer(current, ctx, query.triggers) is not None:
        return None  # "soldiers killed in a rebel attack": the noun underwent the harm (rule cause-doer)
    refs = actors_at(current.head, ctx)
    if refs:
        return refs, f"{current.dep_}-head"
    refs, participants_via = participants(current.head, ctx)
    if refs:
        return refs, f"{current.dep_}-head>{participants_via}"
    # "reports of Rouhani turning down X": the actor the clause is about
    for child in current.head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                refs = actors_at(pobj, ctx)
                if refs:
                    return refs, "acl-of"
    statement = current.head
    if current.dep_ == "acl" and current.tag_ != "VBN" and statement.dep_ == "dobj" \
            and statement.head.pos_ == "VERB":
        # "issued a declaration demanding ...": the issuer demands; "returned weapons
        # seized from X" says nothing of who seized them.
        return Climb(statement.head, f"{via}>acl>dobj" if via else "acl>dobj")
    return [], "acl"


def passive_participle(query: ArgumentQuery, current: Token, via: str | None) -> Found | None:
    """ "Asked whether ..., Nauert said": the main subject is the one asked, not the asker."""
    if current.dep_ == "advcl" and current.tag_ == "VBN":
        return [], "passive-participle"
    return None


def subject_control(query: ArgumentQuery, current: Token, via: str | None) -> Climb | None:
    """xcomp, pcomp, prep, acomp, advcl, conj, pobj: borrow the governor's subject."""
    if current.dep_ in SUBJECT_CONTROL_DEPS and current.head is not current:
        return Climb(current.head, f"{via}>{current.dep_}" if via else current.dep_)
    return None


CLAUSE_STEPS: tuple[tuple[str, ClauseStep], ...] = (
    ("nsubj|agent", subject_or_agent),
    ("relcl-head|acl-head|acl-of|acl>dobj|acl", clause_head),
    ("passive-participle", passive_participle),
    ("xcomp|pcomp|prep|acomp|advcl|conj|pobj", subject_control),
)


# -- helpers of the rules ---------------------------------------------------------------------


def participants(noun: Token, ctx: ArticleContext) -> Found:
    """ "Thousands converged for a rally", "students joined the march": those who take part
    in a gathering are its actors."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in PARTICIPATION_VERBS:
        return [], ""
    return agents_of(verb, ctx), f"participants:{verb.lemma_.lower()}"


def located_agent(head: Token, verb: Token, ctx: ArticleContext) -> list[ActorRef]:
    """ "Hundreds of people blocked roads in Nairobi": a sector-only agent acting in a place
    belongs to that place's country."""
    agent = next((ctx.token_mentions[t.i] for t in head.subtree if t.i in ctx.token_mentions
                  and ctx.token_mentions[t.i].sector and not ctx.token_mentions[t.i].country
                  and not _behind_preposition(t, head)), None)
    if agent is None:
        return []
    for token in phrase_tokens(verb):
        if token.dep_ == "prep" and token.lower_ in AGENT_PLACE_PREPS:
            for pobj in token.children:
                place = ctx.token_mentions.get(pobj.i)
                if place is not None and place.place and place.country:
                    if agent.code:  # a named transnational group (Islamic State) is itself wherever it acts
                        return [agent.to_actor_ref()]
                    return [placed_actor(agent.text, agent.span, place.country, agent.sector, agent.name)]
    return []


def _behind_preposition(token: Token, head: Token) -> bool:
    """ "the coalition against Isis": an actor in a prepositional phrase of the subject other
    than its "of" or "by" phrase ("thousands of protesters", "a bombing claimed by X") is not
    the one who acts."""
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ not in ("of", "by"):
            return True
        token = token.head
    return False


def reporting_subject(clause: Token, ctx: ArticleContext) -> list[ActorRef]:
    """ "Iran said [it will not accept]": the pronoun is the speaker of the governing verb."""
    if clause.dep_ != "ccomp":
        return []
    for child in clause.head.children:
        if child.dep_ == "nsubj":
            return actors_at(child, ctx)
    return []

