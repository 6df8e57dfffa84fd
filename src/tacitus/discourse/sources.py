"""Sources from outside the trigger's clause, for triggers the sentence coder left without one.

Each rule returns a :class:`Borrowed`: the sources (and, where the rule knows them, the targets),
the rule's name for the event's `rule` evidence, and where they came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Token

from tacitus.discourse.phrases import actors_of_phrase, subject_actors
from tacitus.discourse.quotes import Quotation, quotation_at, speaks_in_first_person
from tacitus.discourse.rules import discourse_rules
from tacitus.discourse.claims import claim_of_responsibility
from tacitus.discourse.state_action import acting_state_lemma, held_by_the_state, main_place
from tacitus.events.attribution import find_speaker
from tacitus.events.judgements import judged_by_speaker, judged_subject
from tacitus.records import ActorRef, EventRecord
from tacitus.where import PlaceScope, locate_event

if TYPE_CHECKING:
    from tacitus.context import ArticleContext
    from tacitus.events.triggers import TriggerDecision
DEFINITE_WORDS = frozenset(("the", "this", "that", "these", "those"))


@dataclass
class Borrowed:
    sources: list[ActorRef]
    via: str
    evidence: dict
    targets: list[ActorRef] = field(default_factory=list)


def borrow_source(decision: TriggerDecision, index: int, ctx: ArticleContext, earlier: list[EventRecord],
                  quotations: list[Quotation]) -> Borrowed | None:
    """The first rule that finds a source for the trigger. `earlier`: the article's events of
    sentences before this one, in order."""
    rules = discourse_rules()
    token = decision.token
    root = decision.entry.cameo[:2]
    if judged_by_speaker(decision.entry):
        return _judge_of_quoted_judgement(token, quotations, ctx)
    found = _quotation_speaker(token, quotations) or _parties_between(decision, ctx) \
        or _subject_of_governing_clause(token, ctx)
    if found is None and root in rules.violence_roots:
        found = _claimed_by(token, ctx) or _earlier_violence(decision, earlier, quotations)
    if found is None and root in rules.participation_roots and decision.pos == "noun":
        found = _participant_of_clause(token, ctx)
    state_lemma = acting_state_lemma(token, decision.lemma, rules.state_action_sectors)
    if found is None and state_lemma is not None:
        found = _state_of_the_held(decision, state_lemma, ctx)
    return found


def _quotation_speaker(token: Token, quotations: list[Quotation]) -> Borrowed | None:
    """ "We will not leave," the minister said: the speaker acts for "we"."""
    quotation = quotation_at(quotations, token.idx)
    if quotation is None:
        return None
    pronoun = speaks_in_first_person(token)
    if pronoun is None:
        return None
    verb = quotation.speech_verb
    return Borrowed(list(quotation.speakers), f"quotation-speaker:'{pronoun.text}'", {
        "role": "source", "rule": "first person in a quotation is its speaker",
        "from_sentence": quotation.sentence_index, "from_words": f"{verb.text} ({quotation.speakers[0].text})"})


def _judge_of_quoted_judgement(token: Token, quotations: list[Quotation], ctx: ArticleContext) -> Borrowed | None:
    """ "“The raids are illegal. ...,” the minister said": the quotation's speaker judges what the
    judged subject names (the target). A judgement outside quotation marks is the writer's."""
    quotation = quotation_at(quotations, token.idx)
    if quotation is None:
        return None
    subject = judged_subject(token)
    verb = quotation.speech_verb
    return Borrowed(list(quotation.speakers), "quotation-speaker:judgement", {
        "role": "source and target", "rule": "a quoted judgement is its speaker's; what it judges is the target",
        "from_sentence": quotation.sentence_index, "from_words": f"{verb.text} ({quotation.speakers[0].text})"},
        targets=actors_of_phrase(subject, ctx) if subject is not None else [])


def _subject_of_governing_clause(token: Token, ctx: ArticleContext) -> Borrowed | None:
    """ "X blew up the office after it threatened to ...", "Y remains committed even if it
    criticises ...": an unresolved "it/they/he/she" subject of a clause under another stands for
    that clause's subject, when it is an actor named before the pronoun."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    pronoun = next((c for c in token.children if c.dep_ == "nsubj"
                    and c.lower_ in discourse_rules().third_person), None)
    if pronoun is None or ctx.token_mentions.get(pronoun.i) is not None:
        return None
    clause = token
    while clause.dep_ in ("advcl", "ccomp", "conj", "xcomp") and clause.head is not clause:
        clause = clause.head
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.i < pronoun.i]
        actors = [r for c in subjects if _agrees(pronoun, c, ctx) for r in actors_of_phrase(c, ctx)]
        if actors:
            return Borrowed(actors[:1], f"pronoun:'{pronoun.text}'>{clause.lemma_.lower()}", {
                "role": "source", "rule": "a pronoun subject under a clause stands for that clause's subject",
                "from_words": subjects[0].text})
        if subjects:
            return None  # the governing subject is no actor: the pronoun is not ours to guess
    return None


def _agrees(pronoun: Token, subject: Token, ctx: ArticleContext) -> bool:
    """ "he/she" stands for a person, "it" for anything but a person, "they" for anyone."""
    mention = ctx.token_mentions.get(subject.i)
    person = mention is not None and mention.kind == "person"
    if pronoun.lower_ in ("he", "she"):
        return person
    return not person if pronoun.lower_ == "it" else True


def _parties_between(decision: TriggerDecision, ctx: ArticleContext) -> Borrowed | None:
    """ "clashes between A and B": the first side is the source, the other the target; in
    "clashes with A" the one side named is a source (two-sided fighting has no doer and no
    victim: every side is a source)."""
    if decision.lemma not in discourse_rules().two_sided_nouns:
        return None
    token = decision.token
    # "clashes continued with X": the parser may hang the phrase on the verb the noun is subject of
    around = list(token.head.children) if token.dep_ == "nsubj" else []
    for prep in [*token.children, *around]:
        if prep.dep_ != "prep" or prep.lower_ not in ("between", "among", "with"):
            continue
        parties = [r for p in prep.children if p.dep_ == "pobj" for r in actors_of_phrase(p, ctx)]
        if len(parties) >= 2 or (parties and prep.lower_ == "with"):
            return Borrowed(parties[:1], f"two-sided:{prep.lower_}", {
                "role": "source and target", "rule": "the sides of a two-sided event"}, targets=parties[1:])
    return None


def _claimed_by(token: Token, ctx: ArticleContext) -> Borrowed | None:
    """ "a bombing claimed by X", "X claimed responsibility for the bombing": the attack is X's."""
    attack = token if token.pos_ == "NOUN" else next((c for c in token.children if c.dep_ == "nsubj"), None)
    if attack is None:
        return None
    claim = claim_of_responsibility(attack)
    if claim is not None and (claimants := subject_actors(claim, ctx)):
        return Borrowed(claimants, f"claimed-by:{claim.text}", {
            "role": "source", "rule": "who claims an attack carried it out"})
    for clause in attack.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in discourse_rules().responsibility_verbs:
            claimants = [r for c in clause.children if c.dep_ == "agent"
                         for p in c.children if p.dep_ == "pobj" for r in actors_of_phrase(p, ctx)]
            if claimants:
                return Borrowed(claimants, f"claimed-by:{clause.text}", {
                    "role": "source", "rule": "who claims an attack carried it out"})
    return None


def _earlier_violence(decision: TriggerDecision, earlier: list[EventRecord],
                     quotations: list[Quotation]) -> Borrowed | None:
    """ "At least 14 people were killed", "fighting erupted": the violence the article told
    before, with its sides. Only for a word without a doer of its own (an agentless passive, a
    bare noun), and a definite re-mention ("the bombing came days after ...") only where someone
    tells it anew: a re-mention that adds nothing is not recoded."""
    rules = discourse_rules()
    token = decision.token
    if any(c.dep_ in ("nsubj", "agent", "csubj") for c in token.children):
        return None  # a doer the resolver did not know ("which launched attacks") is not ours to replace
    if token.dep_ in ("acl", "relcl", "amod"):
        return None  # "a bargain struck in March": the participle describes its noun, not a new act
    if token.pos_ == "NOUN":
        if token.dep_ in ("amod", "compound", "nmod", "poss"):
            return None  # "attack plans", "fighting partners"
        definite = any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE_WORDS for c in token.children)
        if definite and quotation_at(quotations, token.idx) is None and find_speaker(token) is None:
            return None
    # the antecedent names its own doer: neither an unnamed one nor one borrowed in turn
    antecedent = next((e for e in reversed(earlier) if e.cameo[:2] in rules.violence_roots and e.source is not None
                       and "unnamed" not in e.evidence.get("rule", "") and "borrowed" not in e.evidence), None)
    if antecedent is None:
        return None
    return Borrowed([antecedent.source], f"violence-coreference:'{antecedent.trigger.text}'", {
        "role": "source and target", "rule": "unattributed violence continues the violence told before",
        "from_sentence": antecedent.sentence_index, "from_event": antecedent.trigger.text,
        "from_event_id": antecedent.event_id}, targets=[antecedent.target] if antecedent.target else [])


def _participant_of_clause(noun: Token, ctx: ArticleContext) -> Borrowed | None:
    """ "X and Y are in talks", "During a trip to Asia, Z said": the clause's subject takes part."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in discourse_rules().participation_preps:
        return None
    clause = prep.head
    if clause.pos_ not in ("VERB", "AUX"):
        return None
    actors = subject_actors(clause, ctx)
    if not actors:
        return None
    return Borrowed(actors[:1], f"participant:{prep.lower_}>{clause.lemma_.lower()}", {
        "role": "source", "rule": "the subject of the clause takes part in the event it is in",
        "from_words": clause.text}, targets=actors[1:])


def _state_of_the_held(decision: TriggerDecision, state_lemma: str, ctx: ArticleContext) -> Borrowed | None:
    verb = decision.token
    if any(c.dep_ in ("agent", "poss") for c in verb.children):
        return None
    held = held_by_the_state(verb, discourse_rules().state_action_sectors)
    if not held:
        return None
    return state_of_the_held(verb, state_lemma, held, ctx)


def state_of_the_held(verb: Token, lemma: str, held: list[Token], ctx: ArticleContext) -> Borrowed | None:
    """ "Opposition leader X was arrested on Monday": the police (courts, for a sentence) of the
    place the sentence names, else of the country of the one held."""
    place = _place_of(verb, ctx)
    held_actors = [r for h in held for r in actors_of_phrase(h, ctx) if r.country]
    if place is None and not held_actors:
        place = main_place(ctx)  # "hundreds of supporters were arrested": where the article's events are
    country = place[1] if place else held_actors[0].country if held_actors else None
    if country is None:
        return None
    sector = discourse_rules().state_action_sectors[lemma]
    where = f"the place, {place[0]}" if place else f"the country of {held_actors[0].text}"
    state = ActorRef(text=f"unnamed {sector} of {country}", span=(verb.idx, verb.idx + len(verb)),
                     code=f"{country}{sector}", country=country, sector=sector)
    return Borrowed([state], f"state-action:{where}", {
        "role": "source", "rule": "an agentless arrest or sentence is the state's, by " + where},
        targets=[r for h in held for r in actors_of_phrase(h, ctx)])


def _place_of(verb: Token, ctx: ArticleContext) -> tuple[str, str] | None:
    """(name, country) of the place the verb happened at: the event's location, else a place
    named inside its "in/at" phrase ("at a Moscow airport"); never the dateline."""
    location, place_evidence = locate_event(verb, ctx, clause_only=True)
    if location is not None and location.country and PlaceScope.of(place_evidence) is not PlaceScope.DATELINE:
        return location.name, location.country
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "near", "inside"):
            for token in prep.subtree:
                mention = ctx.token_mentions.get(token.i)
                if mention is not None and mention.country and (mention.place or mention.kind in ("capital", "region")):
                    return mention.text, mention.country
    return None
