"""Trigger finding: which words of a sentence the lexicon (or a speech rule) makes an event.

Every candidate becomes a :class:`TriggerDecision` that keeps what it matched and, later, what
became of it, so `tacitus explain` can show the words that did *not* give an event too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from tacitus import rules
from tacitus.events import attribution as attribution_rules
from tacitus.events import factuality as factuality_rules
from tacitus.events.lexicon import NO_EVENT, Lexicon, TriggerEntry
from tacitus.events.content import (
    CONTENT_TAKING_ROOTS,
    VIOLENCE_ROOTS,
    claim_clause_content,
    claim_conjoined_content,
    claim_noun_content,
    names_a_capacity,
    names_the_occasion,
    prevented_acts_did_not_happen,
    promises_of_force_are_threats,
)
from tacitus.events.claimed_acts import claimed_acts_stand, protest_purposes_join, stands_apart
from tacitus.events.complement_marks import complement_marks
from tacitus.events.for_clauses import claim_for_clause_content, for_clause_of
from tacitus.events.judgements import (
    DISAPPROVAL_NOUNS,
    STATED_THREAT_ENTRY,
    condemning_clause,
    spoken_judgement,
    threatened_fate,
)
from tacitus.events.noun_modifiers import describes_combatants, in_combatant_description, names_a_kind
from tacitus.events.promised_harm import promises_of_harm_are_threats
from tacitus.events.phrases import declares, has_to_marker, phrase_tokens
from tacitus.records import EventRecord

# Adverbs the parser may leave as adverbs where they are particles: "pulled back", "stepped down".
ADVERB_PARTICLES = rules.words("adverb_particles")
# Dependents whose subtrees make up a verb's complement (what the lexicon's complement column
# is matched against).
# A clausal complement (ccomp) is left out: "announced [that they agreed on a pact]" holds an
# event of its own, not the complement of "announced".
VERB_COMPLEMENT_DEPS = {"dobj", "xcomp", "prep", "dative", "attr", "oprd", "acomp", "pcomp", "agent", "npadvmod", "intj"}
NOUN_COMPLEMENT_DEPS = {"prep", "compound", "amod", "acl", "nmod"}
# "help (to) support X": the verb of helping only adds the actor's share in the act it governs.
ASSISTING_LEMMAS = rules.words("assisting_verbs")
FALSITY_WORDS = rules.words("falsity_words")

OBLIGATION_ENTRY = TriggerEntry(cameo="100", pos="verb", lemma="", complement=(), prep=None,
                                note="rule: a speaker states what another actor must do",
                                origin="rule:stated-obligation")
# "was concerned about the arrests": the stance of the subject; "said the move was unacceptable":
# criticism by the speaker.
DISAPPROVAL_STANCES = rules.words("disapproval_stances")
DISAPPROVAL_STANCE_PREPS = rules.words("disapproval_stance_preps")
BLAME_VERBS = rules.words("blame_verbs")
STANCE_ENTRY = TriggerEntry(cameo="110", pos="verb", lemma="", complement=(), prep=None,
                            note="rule: an actor states its disapproval of an act", origin="rule:stated-disapproval")
CONDEMNATION_ENTRY = TriggerEntry(cameo="111", pos="verb", lemma="", complement=(), prep=None,
                                  note="rule: a speaker calls an act unacceptable", origin="rule:stated-condemnation")
PROPOSAL_SPEECH_VERBS = rules.words("proposal_speech_verbs")
CONCURRING_VERBS = rules.words("concurring_verbs")
WARNING_VERBS = rules.words("warning_verbs")
FORECAST_ENTRY = TriggerEntry(cameo="012", pos="verb", lemma="", complement=(), prep=None,
                              note="rule: a warning of bad results is a pessimistic comment, not a threat",
                              origin="rule:forecast-warning")
EXPECTATION_VERBS = rules.words("expectation_verbs")
EXPECTATION_ENTRY = TriggerEntry(cameo="100", pos="verb", lemma="", complement=(), prep=None,
                                 note="rule: an actor states what it expects another to do",
                                 origin="rule:stated-expectation")
DENIAL_ENTRY = TriggerEntry(cameo="016", pos="verb", lemma="", complement=(), prep=None,
                            note="rule: a speaker states that a report is false", origin="rule:stated-falsehood")


@dataclass
class TriggerDecision:
    """One word the coder considered, what it matched and what became of it."""

    token: Token
    lemma: str
    pos: str
    entry: TriggerEntry | None = None
    matched_complement: frozenset[str] = frozenset()
    complement_tokens: set[int] = field(default_factory=set)
    phrase_tokens: set[int] = field(default_factory=set)  # the whole complement, nested clauses aside
    outcome: str = ""  # "event", or why not
    events: list[EventRecord] = field(default_factory=list)

    @property
    def codes_an_event(self) -> bool:
        """Matched a lexicon entry that is an event (not one marked as no event)."""
        return self.entry is not None and self.entry.cameo != NO_EVENT


class TriggerFinder:
    """Matches the words of a sentence against the trigger lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def match(self, token: Token) -> TriggerDecision | None:
        """The decision for a verb or noun the lexicon (or a speech rule) knows, else None."""
        if disapproval_stance(token):
            return _speech_rule_decision(token, STANCE_ENTRY)
        judgement = spoken_judgement(token)
        if judgement is not None:
            return _speech_rule_decision(token, judgement)
        expected = expected_act(token)
        if expected is not None:
            # what is expected is the content of the demand, not an act of its own
            decision = _speech_rule_decision(token, EXPECTATION_ENTRY)
            decision.matched_complement, decision.complement_tokens = frozenset({expected.lemma_}), {expected.i}
            return decision
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            pos = "verb"
            lemma = token.lemma_.lower()
            # "pulled out of the town": the parser may take the particle for the head of "out of"
            particle = next((c.lower_ for c in token.children if c.dep_ == "prt" or (
                c.dep_ == "prep" and c.lower_ in ("out", "off", "back") and not any(p.dep_ == "pobj" for p in c.children))
                or (c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES)),  # "pulled back", "stepped down"
                None)
            if particle and self.lexicon.has("verb", f"{lemma} {particle}"):
                lemma = f"{lemma} {particle}"
            deps = VERB_COMPLEMENT_DEPS
        elif token.pos_ == "NOUN":
            pos, lemma, deps = "noun", token.lemma_.lower(), NOUN_COMPLEMENT_DEPS
        else:
            return None
        if pos == "verb" and lemma in attribution_rules.SPEECH_VERBS:
            stated = stated_obligation(token) or stated_falsehood(token) or stated_condemnation(token) \
                or stated_threat(token)
            if stated is not None:
                return stated
        if not self.lexicon.has(pos, lemma):
            return None
        if pos == "verb" and names_a_capacity(token):
            return TriggerDecision(token=token, lemma=lemma, pos=pos,
                                   outcome=f"what '{token.head.text}' allows, not an act")
        if (pos == "verb" and describes_combatants(token)) or (pos == "noun" and in_combatant_description(token)):
            return TriggerDecision(token=token, lemma=lemma, pos=pos,
                                   outcome="describes who fights (no opponent named), not an act")
        complement = [t for c in token.children if c.dep_ in deps or (pos == "verb" and c.dep_ == "nsubjpass")
                      for t in phrase_tokens(c)]
        # "the video released by the ministry": a participle describing its noun has that noun
        # for object, as "released the video" has.
        described = [token.head] if pos == "verb" and token.dep_ == "acl" and token.tag_ == "VBN" else []
        lemmas = {t.lemma_.lower() for t in complement + described} | {t.lower_ for t in complement + described}
        lemmas |= complement_marks(token, self.lexicon.candidates(pos, lemma))
        preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "agent", "dative")}
        if for_clause_of(token) is not None:
            preps.add("for")  # "called for Iran to withdraw": the clause is the "for" phrase
        decision = TriggerDecision(token=token, lemma=lemma, pos=pos, phrase_tokens={t.i for t in complement})
        best = self.lexicon.best(pos, lemma, lemmas, preps)
        if best is not None and pos == "verb" and lemma in PROPOSAL_SPEECH_VERBS and states_a_fact(token):
            decision.outcome = "puts forward a view of what happened, not what anyone should do"
            return decision
        if best is not None and pos == "verb" and lemma in CONCURRING_VERBS and states_a_fact(token):
            decision.outcome = "shares a view of what is, not an agreement to act"
            return decision
        if best is not None and pos == "verb" and lemma in PROPOSAL_SPEECH_VERBS and states_own_plan(token):
            decision.outcome = "states what its own side will do, not what another should do"
            return decision
        if best is None:
            decision.outcome = "lexicon has the word but no entry fits its complement"
            return decision
        if pos == "noun" and names_a_kind(token, best[0], self.lexicon):
            decision.outcome = f"names a kind of '{token.head.text}', not an act"
            return decision
        if pos == "verb" and lemma in WARNING_VERBS and not best[1] and forecasts(token, self.lexicon):
            best = FORECAST_ENTRY, frozenset()
        decision.entry, decision.matched_complement = best
        decision.complement_tokens = {
            t.i for t in complement
            if t.lemma_.lower() in decision.matched_complement or t.lower_ in decision.matched_complement
        }
        return decision

    def names_an_attack(self, token: Token) -> bool:
        """Whether the word names a violent act in the lexicon ("bombing", "explosion", "killed")."""
        pos = "verb" if token.pos_ == "VERB" else "noun" if token.pos_ == "NOUN" else None
        if pos is None:
            return False
        lemmas = {c.lemma_.lower() for c in token.subtree}
        # "a car bomb explosion": the compound may be the word that names the attack
        words = [token] + ([c for c in token.children if c.dep_ == "compound"] if pos == "noun" else [])
        for word in words:
            lemma = word.lemma_.lower()
            best = self.lexicon.best(pos, lemma, lemmas, set()) if self.lexicon.has(pos, lemma) else None
            if best is not None and best[0].cameo[:2] in VIOLENCE_ROOTS:
                return True
        return False


def claimed_words(decisions: Sequence[TriggerDecision]) -> tuple[dict[int, TriggerDecision], dict[int, TriggerDecision]]:
    """(token -> the decision whose complement holds it, token -> noun decision).

    The content of a request, offer or refusal is not a separate event: "a request for a
    meeting", "rejected a proposal for talks"."""
    claimed: dict[int, TriggerDecision] = {}
    for decision in decisions:
        if decision.entry is not None and decision.matched_complement:
            for i in decision.complement_tokens:
                claimed.setdefault(i, decision)
    # "pledged to put X on trial", "threatened to push deeper": the act in the "to" clause of a
    # promise, request, refusal or threat is what is promised, asked, refused or threatened
    by_token = {d.token.i: d for d in decisions}
    for decision in decisions:
        head = by_token.get(decision.token.head.i)
        if decision.pos == "verb" and decision.token.dep_ == "xcomp" and head is not None and head is not decision \
                and head.codes_an_event and head.entry.cameo[:2] in CONTENT_TAKING_ROOTS:
            claimed.setdefault(decision.token.i, head)
    nouns = {d.token.i: d for d in decisions if d.pos == "noun"}
    for decision in decisions:
        if decision.codes_an_event:
            for i in decision.phrase_tokens:
                if i in nouns and nouns[i] is not decision and not names_the_occasion(nouns[i], decision):
                    claimed.setdefault(i, decision)
    claim_noun_content(decisions, claimed, nouns)
    claim_for_clause_content(decisions, claimed, CONTENT_TAKING_ROOTS)
    claim_clause_content(decisions, claimed)
    claim_conjoined_content(decisions, claimed)
    promises_of_force_are_threats(decisions, claimed)
    promises_of_harm_are_threats(decisions, claimed)
    claimed_acts_stand(decisions, claimed)
    protest_purposes_join(decisions, claimed)
    prevented_acts_did_not_happen(decisions, claimed)
    return claimed, nouns


def governing_trigger(decision: TriggerDecision, decisions: Iterable[TriggerDecision]) -> TriggerDecision | None:
    """A noun event that is the object of another verb trigger belongs to that verb's event."""
    token = decision.token
    if decision.pos != "noun" or token.dep_ not in ("dobj", "nsubjpass", "attr"):
        return None
    for other in decisions:
        if other.token.i == token.head.i and other.codes_an_event and not stands_apart(other, decision):
            return other
    return None


def assisted_act(decision: TriggerDecision, decisions: Sequence[TriggerDecision]) -> TriggerDecision | None:
    """The act a bare verb of helping governs ("helped support", "help to end"), if it is a trigger."""
    if decision.lemma not in ASSISTING_LEMMAS or decision.matched_complement:
        return None
    acts = {c.i for c in decision.token.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"}
    return next((d for d in decisions if d.token.i in acts and d.codes_an_event), None)


def stated_obligation(speech_verb: Token) -> TriggerDecision | None:
    """ "Russia said Sudan must return the helicopter", "said it would help but Sudan must pay":
    the speaker demands it of Sudan."""
    for clause in reported_clauses(speech_verb):
        if any(c.dep_ == "aux" and c.lower_ in factuality_rules.OBLIGATION_AUX for c in clause.children):
            return _speech_rule_decision(speech_verb, OBLIGATION_ENTRY)
    return None


def reported_clauses(speech_verb: Token) -> list[Token]:
    """The clauses a speech verb reports: its clausal complement and the clauses conjoined to it."""
    reported = [c for c in speech_verb.children if c.dep_ == "ccomp"]
    return reported + [c for clause in reported for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]


def stated_falsehood(speech_verb: Token) -> TriggerDecision | None:
    """ "The spokeswoman said the account was false": a denial of what was reported."""
    for clause in speech_verb.children:
        if clause.dep_ != "ccomp":
            continue
        # "was false", "was a fabrication", "was fabricated"
        predicate = clause.lower_ in FALSITY_WORDS and any(c.dep_ == "auxpass" for c in clause.children)
        if predicate or clause.lemma_ == "be" and any(
                c.dep_ in ("acomp", "attr") and c.lower_ in FALSITY_WORDS for c in clause.children):
            return _speech_rule_decision(speech_verb, DENIAL_ENTRY)
    return None


def states_a_fact(verb: Token) -> bool:
    """ "suggested that the decision had emboldened them", "insisted the police behaved well":
    the reported clause is indicative past, perfect or third-person present, with no modal of
    obligation; a proposal is a subjunctive or modal clause ("that he step down", "must leave")."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in factuality_rules.OBLIGATION_AUX or a.tag_ == "MD" for a in auxes):
            return False
        finite = auxes[0] if auxes else clause
        return finite.tag_ in ("VBD", "VBZ")
    return False


def forecasts(verb: Token, lexicon: Lexicon) -> bool:
    """ "warned their repatriation would be extremely difficult", "warned that an assault would
    lead to a catastrophe": the warned clause describes a state ("be" with an adjective) or the
    results of an act named by an event noun, not what the speaker's side will do."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        described = clause.lemma_ == "be" and any(c.dep_ == "acomp" for c in clause.children)
        act_results = subject is not None and subject.pos_ == "NOUN" and lexicon.has("noun", subject.lemma_.lower())
        return described or act_results
    return False


def states_own_plan(verb: Token) -> bool:
    """ "insisted it would only discuss terrorism", "insisted they will stay": a clause of the
    speaker's own future (a personal pronoun with "will/would") is a stated plan, not a proposal
    to another actor (which names the other: "insisted that Iran must withdraw")."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return declares(clause) and subject is not None and subject.tag_ == "PRP"
    return False


def expected_act(verb: Token) -> Token | None:
    """ "Canada expects India to cooperate": the act an actor wants a named other to do."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in EXPECTATION_VERBS \
            or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    for clause in verb.children:
        if clause.dep_ in ("ccomp", "xcomp") and has_to_marker(clause):
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and (subject.pos_ == "PROPN" or subject.ent_type_ in ("GPE", "NORP", "ORG")):
                return clause
    return None


def disapproval_stance(token: Token) -> bool:
    """ "The US was concerned about the arrests", "we are disappointed that": the stance of the
    subject of "be", or of an agentless passive (stative passives: the subject holds the
    stance), about something named. "Was troubled by the reports" parses the reports as the
    doer, and the doer would become the source: it does not qualify."""
    if token.lower_ not in DISAPPROVAL_STANCES or token.pos_ not in ("ADJ", "VERB"):
        return False
    deps = {c.dep_ for c in token.children}
    about_something = "ccomp" in deps or any(
        c.dep_ in ("prep", "agent") and c.lower_ in DISAPPROVAL_STANCE_PREPS for c in token.children)
    if token.dep_ == "acomp":
        return about_something and token.head.lemma_ == "be"
    return about_something and {"auxpass", "nsubjpass"} <= deps and "agent" not in deps


def stated_condemnation(speech_verb: Token) -> TriggerDecision | None:
    """ "The spokesman said any such move would be unacceptable", "... was a violation of the
    truce", "... had made a serious mistake": the speaker condemns the act."""
    for clause in reported_clauses(speech_verb):
        if condemning_clause(clause):
            return _speech_rule_decision(speech_verb, CONDEMNATION_ENTRY)
        if clause.lemma_ in BLAME_VERBS and any(c.dep_ == "dobj" and c.lemma_ in DISAPPROVAL_NOUNS
                                                 for c in clause.children):
            return _speech_rule_decision(speech_verb, CONDEMNATION_ENTRY)
    return None


def stated_threat(speech_verb: Token) -> TriggerDecision | None:
    """ "Iran said Israel would pay a heavy price", "Moscow said any group that stays away will
    suffer the consequences": the speaker threatens the subject of the reported clause."""
    if any(c.dep_ == "ccomp" and threatened_fate(c) for c in speech_verb.children):
        return _speech_rule_decision(speech_verb, STATED_THREAT_ENTRY)
    return None


def _speech_rule_decision(speech_verb: Token, entry: TriggerEntry) -> TriggerDecision:
    return TriggerDecision(token=speech_verb, lemma=speech_verb.lemma_.lower(), pos="verb", entry=entry,
                           phrase_tokens=set())
