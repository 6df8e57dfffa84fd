"""The event coder: lexicon triggers + dependency rules -> EventRecords.

For every sentence the coder looks at each verb and noun, asks the lexicon for the most
specific entry its complement supports, finds the source (agent) and target (object) through
the dependency parse, maps both to resolved actor mentions, and records factuality,
attribution, confidence and the evidence (rule, lexicon entry, dependency paths).

Every decision, including the triggers that did *not* become events, is kept as a
:class:`TriggerDecision` so `tacitus explain` can show why a sentence gave what it gave.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from tacitus import __version__
from tacitus.actors import Mention
from tacitus.events import attribution as attribution_rules
from tacitus.events import factuality as factuality_rules
from tacitus.discourse import complete_article
from tacitus.events.backoff import BackoffClassifier, generic_cameo
from tacitus.events.lexicon import NO_EVENT, Lexicon, TriggerEntry
from tacitus.events.ontology import ANSWER_ROOTS, PROPOSAL_ROOTS
from tacitus.events.ontology import cameo as cameo_info
from tacitus.records import ActorRef, Article, Attribution, EventRecord, Trigger
from tacitus.when import resolve_event_date, share_dates_within_article
from tacitus.where import locate_event

CODER_VERSION = f"tacitus-{__version__}"

# Dependents whose subtrees make up a verb's complement (what the lexicon's complement column
# is matched against).
# A clausal complement (ccomp) is left out: "announced [that they agreed on a pact]" holds an
# event of its own, not the complement of "announced".
VERB_COMPLEMENT_DEPS = {"dobj", "xcomp", "prep", "dative", "attr", "oprd", "acomp", "pcomp", "agent", "npadvmod", "intj"}
NOUN_COMPLEMENT_DEPS = {"prep", "compound", "amod", "acl", "nmod"}
TARGET_PREPS = ("with", "against", "to", "on", "at", "toward", "towards", "into", "from", "for", "over", "upon", "of",
                "in", "between", "among")
# Relations through which a clause without its own subject borrows its governor's subject:
# "Iran refused [to meet]", "Obama was open [to meeting]", "Iran met X and [signed] Y".
SUBJECT_CONTROL_DEPS = {"xcomp", "pcomp", "prep", "acomp", "advcl", "conj", "pobj"}
NP_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "appos", "npadvmod"}
# "drew condemnation", "faced sanctions": the subject undergoes the event, it does not act.
RECEIVING_VERBS = {"draw", "receive", "face", "suffer", "attract", "endure", "get", "undergo", "escape", "survive",
                   # "prevented the demonstration": the verb stops the event rather than doing it
                   "prevent", "stop", "block", "ban", "forbid", "prohibit", "thwart", "foil", "cancel"}
STATIVE_PASSIVES = {"oppose", "commit", "determine", "prepare", "dedicate", "resolve", "dispose", "inclined"}
ACCEPTANCE_LEMMAS = {"accept", "agree", "approve", "endorse", "allow", "permit"}
PLACE_VIAS = {"prep:on", "prep:at"}
PARTY_VIAS = {"prep:between", "prep:among"}
PLACE_PREPS = {"in", "at", "into", "inside", "near", "across", "throughout", "outside"}
# Heads of a noun phrase that name a part or a number of the group in their "of" phrase.
PARTITIVE_HEADS = {"thousand", "hundred", "dozen", "million", "score", "member", "some", "many", "most", "several",
                   "all", "group", "crowd", "number", "handful", "part", "section", "majority", "minority", "band",
                   "contingent", "unit", "team", "delegation", "representative", "supporter", "leader", "one",
                   "inhabitant", "resident", "citizen", "people", "native", "population"}
# The back-off classifier speaks only above this probability: on the synthetic hold-out and in a
# check on the gold development sentences, fewer than a third of its answers were wrong there.
BACKOFF_THRESHOLD = 0.7
# Verbs that carry someone else's act to its addressee: the carrier is an intermediary.
TRANSMISSION_VERBS = {"deliver", "convey", "pass", "relay", "transmit", "carry", "hand", "forward", "bring"}
EXERCISE_WORDS = {"exercise", "game", "drill", "maneuver", "manoeuvre", "wargame"}
# Verbs of taking part in a gathering: their subject is the gathering's actor.
PARTICIPATION_VERBS = {"join", "attend", "converge", "gather", "assemble", "flock", "participate", "mass", "march",
                       "turn", "take", "head", "stream", "pour", "throng"}
# Nouns that frame the event noun compounded with them: "a mediation mission", "peace efforts".
EVENT_FRAME_NOUNS = {"mission", "effort", "bid", "initiative", "campaign", "drive", "attempt", "process", "plan"}
# Withdrawing forces or staff: in an agentless passive the forces' owner withdrew them.
WITHDRAWAL_LEMMAS = {"withdraw", "pull out", "pull back", "ship", "ship out", "recall", "evacuate", "redeploy"}
POSSIBILITY_AUX = {"will", "would", "may", "might", "could", "shall", "'ll"}
# A stated intention to act is itself an event: to cooperate, CAMEO 03x by the kind of act;
# to act against someone, a threat, 13x by the kind of act threatened.
INTENT_CODE_BY_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
# Keyed by the act's code prefix, the longest that matches: the root, or a finer act where CAMEO
# has a finer threat (to cut aid, to sanction, to halt talks, to withdraw ...).
THREAT_CODE_BY_ACT = {"14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "1385",
                      "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
                      "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324", "191": "1381", "192": "1382"}

# The side an act without a named doer is given: violence by unidentified armed forces, an
# investigation by the authorities of the place where it happened. Arrests are left out: people
# are "held in north-east Syria" by whoever controls it, not by the state's police.
VIOLENCE_ROOTS = {"18", "19", "20"}
UNNAMED_ACTOR_SECTORS = {"18": "UAF", "19": "UAF", "20": "UAF", "09": "GOV"}
UNNAMED_ACTOR_LABELS = {"UAF": "attackers", "GOV": "authorities"}
# Verbs of harm that also describe accidents: an attack only with an attack as their cause.
UNINTENDED_HARM_LEMMAS = {"kill", "wound", "injure", "hurt", "die", "destroy", "damage", "burn", "maim"}
# Outcomes of triggers the article-level pass may still give a source from another sentence.
SOURCELESS_OUTCOMES = ("no source (agent) found", "no resolved source actor")


@dataclass
class ArticleContext:
    """Everything the coder and the date/place stages know about one article."""

    article: Article
    doc: Doc
    mentions: Sequence[Mention]
    token_mentions: dict[int, Mention] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for mention in self.mentions:
            for i in range(mention.start, mention.end):
                self.token_mentions.setdefault(i, mention)


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


class EventCoder:
    """`backoff`: a learned sentence classifier asked only where no rule codes a sentence
    (None: rules only)."""

    def __init__(self, lexicon: Lexicon, backoff: BackoffClassifier | None = None):
        self.lexicon = lexicon
        self.backoff = backoff

    # -- public API -------------------------------------------------------------------------

    def code(self, ctx: ArticleContext) -> list[EventRecord]:
        events: list[EventRecord] = []
        sourceless: list[tuple[int, Span, TriggerDecision]] = []  # for the article-level pass
        for index, sent in enumerate(ctx.doc.sents):
            before = len(events)
            for decision in self.decide(sent, ctx):
                if decision.outcome in SOURCELESS_OUTCOMES:
                    sourceless.append((index, sent, decision))
                for event in decision.events:
                    event.sentence_index = index
                message = _generic_message(decision)
                if message is not None:
                    _refer_back(decision.events, message, events)
                events.extend(decision.events)
            if len(events) == before and self.backoff is not None:
                for event in self._back_off(sent, ctx):
                    event.sentence_index = index
                    events.append(event)
        events = complete_article(self, ctx, events, sourceless)
        events = _drop_duplicates(events)
        share_dates_within_article(events)
        return events

    def decide(self, sent: Span, ctx: ArticleContext) -> list[TriggerDecision]:
        """Every trigger candidate in the sentence with its outcome (events or the reason)."""
        decisions = [d for d in (self._match(token) for token in sent) if d is not None]
        claimed: dict[int, TriggerDecision] = {}
        for decision in decisions:
            if decision.entry is not None and decision.matched_complement:
                for i in decision.complement_tokens:
                    claimed.setdefault(i, decision)
        # The content of a request, offer or refusal is not a separate event: "a request for a
        # meeting", "rejected a proposal for talks".
        nouns = {d.token.i: d for d in decisions if d.pos == "noun"}
        for decision in decisions:
            if decision.entry is not None and decision.entry.cameo != NO_EVENT:
                for i in decision.phrase_tokens:
                    if i in nouns and nouns[i] is not decision:
                        claimed.setdefault(i, decision)
        complements: list[tuple[TriggerDecision, TriggerDecision]] = []
        for decision in decisions:
            if decision.entry is None:
                decision.outcome = decision.outcome or "no lexicon entry matches"
                continue
            if decision.entry.cameo == NO_EVENT:
                decision.outcome = f"lexicon marks '{decision.lemma}' here as no event ({decision.entry.origin})"
                continue
            owner = claimed.get(decision.token.i)
            if owner is not None and owner is not decision:
                complements.append((decision, owner))
                continue
            assisted = _assisted_act(decision, decisions)
            if assisted is not None:
                decision.outcome = f"helps with the act '{assisted.token.text}', which is the event"
                continue
            self._build_unless_governed(decision, decisions, sent, ctx)
        # A complement stands on its own when the word it completes gave no event ("prepared
        # for the planned summit": no actor prepares, the summit is still planned).
        for decision, owner in complements:
            if owner.events:
                decision.outcome = f"part of the complement of '{owner.token.text}'"
            else:
                self._build_unless_governed(decision, decisions, sent, ctx)
        for noun_i, owner in claimed.items():
            noun = nouns.get(noun_i)
            if noun is not None and owner.events and noun.entry is not None:
                _add_answered_proposals(owner, noun)
        return decisions

    def _back_off(self, sent: Span, ctx: ArticleContext) -> list[EventRecord]:
        """An event from the learned classifier for a sentence no rule coded: only when it is
        confident and the main clause names a source actor; the evidence lists its cue words."""
        prediction = self.backoff.predict(sent)
        if prediction.probability < BACKOFF_THRESHOLD:
            return []
        clause = sent.root
        if clause.lemma_.lower() in attribution_rules.SPEECH_VERBS:
            clause = next((c for c in clause.children if c.dep_ == "ccomp"), clause)
        agents = self._agents_of(clause, ctx)
        passive = [c for c in clause.children if c.dep_ == "nsubjpass"]
        objects = passive + [c for c in clause.children if c.dep_ in ("dobj", "dative")] + [
            p for c in clause.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
            for p in c.children if p.dep_ == "pobj"]
        targets = [r for head in objects for r in self._actors_at(head, ctx)
                   if not any(_same_actor(r, a) for a in agents)]
        if not agents:
            return []
        info = cameo_info(generic_cameo(prediction.plover_type))
        factuality = factuality_rules.assess(clause)
        date, precision, date_evidence = resolve_event_date(clause, ctx, factuality.value)
        location, place_evidence = locate_event(clause, ctx)
        text, span = _sentence_text_and_span(sent)
        evidence = {
            "rule": "backoff-classifier",
            "classifier": {"type": prediction.plover_type, "probability": round(prediction.probability, 3),
                           "cues": [c.words for c in prediction.cues]},
            "factuality_cue": factuality.cue,
            "depth": 0,
            **date_evidence,
            **place_evidence,
        }
        return [EventRecord(
            doc_id=ctx.article.doc_id, sentence_index=-1, sentence=text,
            span=span,
            trigger=Trigger(clause.text, (clause.idx, clause.idx + len(clause))),
            event=info.plover_event, mode=info.plover_mode, cameo=info.code, quad_class=info.quad_class,
            goldstein=info.goldstein, source=agents[0], target=targets[0] if targets else None,
            factuality=factuality.value, date=date, date_precision=precision, location=location,
            confidence=round(0.6 * prediction.probability, 3), evidence=evidence,
            published=ctx.article.published, outlet=ctx.article.outlet, url=ctx.article.url,
            coder_version=CODER_VERSION,
        )]

    def _build_unless_governed(self, decision: TriggerDecision, decisions, sent: Span, ctx: ArticleContext) -> None:
        governing = self._governing_trigger(decision, decisions)
        if governing is not None:
            decision.outcome = f"object of the trigger '{governing.token.text}'"
            return
        self._build_events(decision, sent, ctx)

    # -- trigger matching ---------------------------------------------------------------------

    def _match(self, token: Token) -> TriggerDecision | None:
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            pos = "verb"
            lemma = token.lemma_.lower()
            # "pulled out of the town": the parser may take the particle for the head of "out of"
            particle = next((c.lower_ for c in token.children if c.dep_ == "prt" or (
                c.dep_ == "prep" and c.lower_ in ("out", "off", "back") and not any(p.dep_ == "pobj" for p in c.children))),
                None)
            if particle and self.lexicon.has("verb", f"{lemma} {particle}"):
                lemma = f"{lemma} {particle}"
            deps = VERB_COMPLEMENT_DEPS
        elif token.pos_ == "NOUN":
            pos, lemma, deps = "noun", token.lemma_.lower(), NOUN_COMPLEMENT_DEPS
        else:
            return None
        if pos == "verb" and lemma in attribution_rules.SPEECH_VERBS:
            stated = _stated_obligation(token) or _stated_falsehood(token)
            if stated is not None:
                return stated
        if not self.lexicon.has(pos, lemma):
            return None
        complement = [t for c in token.children if c.dep_ in deps or (pos == "verb" and c.dep_ == "nsubjpass")
                      for t in _phrase_tokens(c)]
        lemmas = {t.lemma_.lower() for t in complement} | {t.lower_ for t in complement}
        preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "agent", "dative")}
        decision = TriggerDecision(token=token, lemma=lemma, pos=pos, phrase_tokens={t.i for t in complement})
        best = self.lexicon.best(pos, lemma, lemmas, preps)
        if best is None:
            decision.outcome = "lexicon has the word but no entry fits its complement"
            return decision
        decision.entry, decision.matched_complement = best
        decision.complement_tokens = {
            t.i for t in complement
            if t.lemma_.lower() in decision.matched_complement or t.lower_ in decision.matched_complement
        }
        return decision

    def _governing_trigger(self, decision: TriggerDecision, decisions: Iterable[TriggerDecision]):
        """A noun event that is the object of another verb trigger belongs to that verb's event."""
        token = decision.token
        if decision.pos != "noun" or token.dep_ not in ("dobj", "nsubjpass", "attr"):
            return None
        for other in decisions:
            if other.token.i == token.head.i and other.entry is not None and other.entry.cameo != NO_EVENT:
                return other
        return None

    # -- arguments ------------------------------------------------------------------------------

    def build_with_sources(self, decision: TriggerDecision, sent: Span, ctx: ArticleContext,
                           sources: list[ActorRef], via: str) -> list[EventRecord]:
        """The events of a trigger whose source the sentence does not give, with the sources an
        article-level pass found elsewhere (`via` says where, for the rule)."""
        decision.events = []
        self._build_events(decision, sent, ctx, borrowed=(sources, via))
        return decision.events

    def _build_events(self, decision: TriggerDecision, sent: Span, ctx: ArticleContext, borrowed=None) -> None:
        token = decision.token
        anchor = token  # the verb whose subject/modality the event takes
        rule_parts = [decision.pos]
        phrase_head = _framing_noun(token) or token
        if decision.pos == "noun" and phrase_head.dep_ in ("dobj", "nsubjpass") and phrase_head.head.pos_ == "VERB" \
                and phrase_head.head.lemma_.lower() not in RECEIVING_VERBS:
            # "held talks", "renewed negotiations", "a request was made by X", "undertook a
            # mediation mission": a verb without an event of its own lends its agent and modality
            # to the event noun it governs.
            anchor = phrase_head.head
            rule_parts.append(f"light-verb:{anchor.lemma_.lower()}")

        sources, source_via = self._sources(decision, anchor, ctx)
        if not sources:
            sources, source_via = self._unnamed_actor(decision, anchor, ctx, source_via)
        if not sources and borrowed is not None:
            sources, source_via = borrowed
        if not sources:
            decision.outcome = "no resolved source actor" if source_via else "no source (agent) found"
            return
        intermediary = None
        carried = self._carried_by(decision, anchor, ctx)
        if carried is not None:
            owners, owner_via, carrier = carried
            if not any(_same_actor(o, carrier) for o in owners):
                # "the US message was delivered by Macron": the US acts, Macron carries it.
                intermediary, sources = carrier, owners
                source_via = owner_via if decision.pos == "noun" else f"{owner_via}-of-carried"
        excluded = sources + ([intermediary] if intermediary else [])
        targets, target_via = self._targets(decision, anchor, ctx, exclude=excluded)
        if decision.pos == "noun" and source_via == "compound" and len(sources) == 2 and not targets:
            # "the Trump-Rouhani meeting": two names on the event noun are its two sides.
            sources, targets = sorted(sources, key=lambda r: r.span)[:1], sorted(sources, key=lambda r: r.span)[1:]
            target_via = "compound-pair"

        factuality = factuality_rules.assess(anchor)
        info = cameo_info(decision.entry.cameo)
        if info.code.startswith("15") and (not targets or target_via.startswith("place")) and len({s.country for s in sources if s.country}) > 1 \
                and {decision.lemma, *decision.matched_complement} & EXERCISE_WORDS:
            # "French and Egyptian warships launched war games": exercising together is
            # military cooperation, each side with the other.
            info = cameo_info("062")
            rule_parts.append("joint:the exercise of several countries")
            targets, target_via = sources, "joint-partner"
        if factuality.value == "negated" and (decision.lemma in ACCEPTANCE_LEMMAS or info.code.startswith("03")):
            # "did not accept the offer", "will not agree to talks": a refusal, which did happen.
            info = cameo_info("120")
            rule_parts.append(f"negated-acceptance:{factuality.cue}")
            factuality = factuality_rules.Factuality("asserted")
        speaker = attribution_rules.find_speaker(anchor)
        speaker_refs = self._actors_at(speaker.head, ctx) if speaker is not None else []
        attribution = None
        if speaker is not None:
            attribution = _attribution(speaker, speaker_refs, ctx)
            if factuality.value == "asserted" and speaker.verb in factuality_rules.DENIAL_HEADS:
                factuality = factuality_rules.Factuality("denied", f"'{speaker.verb}'")
            elif factuality.value == "asserted":
                factuality = _as_reported(factuality, speaker, speaker_refs, sources)

        date, precision, date_evidence = resolve_event_date(anchor, ctx, factuality.value)
        if "date_via" not in date_evidence and attribution is not None and attribution.date is not None:
            # Undated in its own words, the event happened on or before the day it was reported.
            date, precision = attribution.date, "day"
            date_evidence = {**date_evidence, "date": f"no later than the report by {attribution.text}",
                             "date_via": "date of the report"}
        location, place_evidence = locate_event(anchor, ctx)
        confidence = 0.9
        if source_via not in ("nsubj", "agent", "poss", "compound"):
            confidence -= 0.15
        if targets and (target_via.startswith("within") or target_via.startswith("place")):
            confidence -= 0.1
        if decision.pos == "noun":
            confidence -= 0.1
        if any(s.actor_id is None and s.code is None for s in sources):
            confidence -= 0.1
        base_evidence = {
            "lexicon": decision.entry.describe(),
            "matched_complement": sorted(decision.matched_complement) or None,
            "depth": sum(1 for _ in anchor.ancestors),
            **date_evidence,
            **place_evidence,
        }
        rule = "+".join(rule_parts + [f"source:{source_via}"])
        codings = [(info, factuality, rule, confidence)]
        stated = self._stated_intention(anchor, factuality, speaker, info)
        if stated is not None:
            code, why = stated
            derived_factuality = _as_reported(factuality_rules.Factuality("asserted"), speaker, speaker_refs, sources)
            codings.append((cameo_info(code), derived_factuality, f"{rule}+derived:{why}", confidence - 0.05))

        sentence_text, sentence_span = _sentence_text_and_span(sent)
        for info, factuality, rule, confidence in codings:
            for source in sources:
                for target in targets or [None]:
                    if target is not None and _same_actor(source, target):
                        continue
                    evidence = {
                        "rule": rule + (f"+target:{target_via}" if target else ""),
                        "factuality_cue": factuality.cue,
                        **base_evidence,
                    }
                    decision.events.append(EventRecord(
                        doc_id=ctx.article.doc_id,
                        sentence_index=-1,
                        sentence=sentence_text,
                        span=sentence_span,
                        trigger=Trigger(token.text if anchor is token else f"{anchor.text} {token.text}",
                                        (min(anchor.idx, token.idx), max(anchor.idx + len(anchor), token.idx + len(token)))),
                        event=info.plover_event,
                        mode=info.plover_mode,
                        cameo=info.code,
                        quad_class=info.quad_class,
                        goldstein=info.goldstein,
                        source=source,
                        target=target,
                        factuality=factuality.value,
                        attribution=attribution,
                        date=date,
                        date_precision=precision,
                        location=location,
                        intermediary=intermediary,
                        confidence=max(0.05, min(1.0, confidence)),
                        evidence=evidence,
                        published=ctx.article.published,
                        outlet=ctx.article.outlet,
                        url=ctx.article.url,
                        coder_version=CODER_VERSION,
                    ))
        decision.outcome = "event" if decision.events else "source and target are the same actor"

    @staticmethod
    def _stated_intention(anchor: Token, factuality, speaker, info):
        """The CAMEO code of the intention an actor states, if this event is one.

        "Iraq said it would allow inspectors back" is an expressed intent to cooperate (03x);
        "X will withdraw its troops unless Y ..." is a threat (13x); "ready to contribute
        troops" is an offer. The act itself keeps its own factuality (future, intended).
        """
        root = info.code[:2]
        threat_code = next((THREAT_CODE_BY_ACT[info.code[:n]] for n in (4, 3, 2) if info.code[:n] in THREAT_CODE_BY_ACT),
                           None)
        markers = {m.lower_ for c in anchor.children if c.dep_ == "advcl"
                   for m in c.children if m.dep_ == "mark" and m.lower_ in factuality_rules.CONDITIONAL_MARKERS}
        conditional = bool(markers) and any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_AUX for c in anchor.children)
        if conditional and "unless" in markers:
            # "X will do A unless Y does B" presses Y whatever A is: a threat.
            return threat_code or "130", "conditional threat"
        # A future act is the actor's announced plan, unless someone else tells of it.
        self_stated = factuality.value == "future" and (speaker is None or speaker.verb in (
            "say", "announce", "declare", "tell", "state", "vow", "pledge", "warn", "insist"))
        if not (conditional or factuality.value == "intended" or self_stated):
            return None
        if info.quad_class in (3, 4) and threat_code:
            return threat_code, "conditional threat" if conditional else "stated intent to act against"
        if root in INTENT_CODE_BY_ROOT:
            return INTENT_CODE_BY_ROOT[root], "conditional offer" if conditional else "stated intent to cooperate"
        return None

    def _sources(self, decision: TriggerDecision, anchor: Token, ctx: ArticleContext):
        token = decision.token
        if decision.pos == "noun":
            # A noun's own actor comes first: "a request from the US was delivered by Macron" is
            # the US's request, Macron an intermediary; with a light verb the verb's agent follows.
            own, via = self._noun_sources(token, ctx)
            if not own and anchor is token:
                own, via = self._participants(token, ctx)
            if own or anchor is token:
                return own, via
        current, via = anchor, None
        for _ in range(4):
            # A passive subject is the agent only through raising ("Kerry is set to meet") or of a
            # stative passive ("Israel is opposed to ...").
            stative = current.lemma_.lower() in STATIVE_PASSIVES
            subject_deps = ("nsubj", "csubj", "nsubjpass") if via or stative else ("nsubj", "csubj")
            if via is None and decision.lemma in WITHDRAWAL_LEMMAS:
                # "UN peacekeepers were pulled out": whoever the forces belong to withdrew them
                subject_deps = ("nsubj", "csubj", "nsubjpass")
            subjects = [c for c in current.children if c.dep_ in subject_deps]
            passive_agents = _passive_agents(current, ctx)
            heads = passive_agents or subjects
            if heads:
                refs = [r for h in heads for r in self._actors_at(h, ctx)]
                label = "agent" if passive_agents else "nsubj"
                if not refs and heads[0].pos_ == "VERB":
                    # "The Red Cross operating in Iraq said": a reduced relative clause the parser
                    # took for the subject; its own subject is the speaker.
                    refs = [r for c in heads[0].children if c.dep_ == "nsubj" for r in self._actors_at(c, ctx)]
                if not refs and heads[0].pos_ == "PRON":
                    refs = self._reporting_subject(current, ctx)
                    label += ">pronoun-of-speaker" if refs else ""
                if not refs:
                    refs = self._located_agent(heads[0], current, ctx)
                    label += ">located" if refs else ""
                return refs, label if via is None else f"{via}>{label}"
            if current.dep_ in ("relcl", "acl") and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
                refs = self._actors_at(current.head, ctx)
                if refs:
                    return refs, f"{current.dep_}-head"
                refs, participants_via = self._participants(current.head, ctx)
                if refs:
                    return refs, f"{current.dep_}-head>{participants_via}"
                # "reports of Rouhani turning down X": the actor the clause is about
                for child in current.head.children:
                    if child.dep_ == "prep" and child.lower_ == "of":
                        for pobj in child.children:
                            refs = self._actors_at(pobj, ctx)
                            if refs:
                                return refs, "acl-of"
                statement = current.head
                if current.dep_ == "acl" and current.tag_ != "VBN" and statement.dep_ == "dobj" \
                        and statement.head.pos_ == "VERB":
                    # "issued a declaration demanding ...": the issuer demands; "returned weapons
                    # seized from X" says nothing of who seized them.
                    via = f"{via}>acl>dobj" if via else "acl>dobj"
                    current = statement.head
                    continue
                return [], "acl"
            if current.dep_ == "advcl" and current.tag_ == "VBN":
                # "Asked whether ..., Nauert said": the main subject is the one asked, not the asker.
                return [], "passive-participle"
            if current.dep_ in SUBJECT_CONTROL_DEPS and current.head is not current:
                via = f"{via}>{current.dep_}" if via else current.dep_
                current = current.head
                continue
            break
        return [], ""

    def _unnamed_actor(self, decision: TriggerDecision, anchor: Token, ctx: ArticleContext,
                       source_via: str) -> tuple[list[ActorRef], str]:
        """The actor of an act whose doer the text does not name, as CAMEO coders code it: the
        side that acts where it happened.

        "Three civilians were killed in a car bombing in Baghdad": unidentified armed forces in
        Iraq (IRQUAF). "A roadside bomb near Samarra killed a soldier": the same. "A US national
        was put under investigation in Italy": Italy's authorities. Only a verb of an act that
        needs a doer qualifies (an attack, an investigation; a death in an accident does not),
        in an agentless passive or with the attack itself as its subject; event nouns ("the
        attacks in Britain") often recall events told elsewhere and are left alone.
        """
        sector = UNNAMED_ACTOR_SECTORS.get(decision.entry.cameo[:2])
        verb = anchor if anchor.pos_ in ("VERB", "AUX") else None
        if sector is None or verb is None or decision.pos != "verb":
            return [], source_via
        # "the bombing killed one and wounded two": a conjunct shares its head's subject
        subject_of = verb.head if verb.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else verb
        children = list(subject_of.children)
        subjects = [c for c in children if c.dep_ in ("nsubj", "csubj")]
        passive = any(c.dep_ == "nsubjpass" for c in children) and not any(c.dep_ == "agent" for c in children)
        if subjects and not all(self._names_an_attack(c) for c in subjects):
            return [], source_via  # a named but unresolved doer: not ours to guess
        if not subjects and not passive:
            return [], source_via
        causes = subjects + [p for c in children if c.dep_ == "prep" and c.lower_ in ("in", "by")
                             for p in c.children if p.dep_ == "pobj" and self._names_an_attack(p)]
        if sector == "UAF" and decision.lemma in UNINTENDED_HARM_LEMMAS and not causes:
            return [], source_via  # "killed in a crash" is not an attack
        location, place_evidence = locate_event(verb, ctx, clause_only=True)
        if location is None and subject_of is not verb:
            location, place_evidence = locate_event(subject_of, ctx, clause_only=True)
        if location is None or not location.country or place_evidence["place_via"].startswith("dateline") \
                or "venue" in place_evidence["place"]:
            return [], source_via  # where a story was filed, or a venue, says nothing about who acted
        place_text = place_evidence["place_text"]
        ref = ActorRef(text=f"unnamed {UNNAMED_ACTOR_LABELS[sector]} in {place_text}",
                       span=(verb.idx, verb.idx + len(verb)), code=f"{location.country}{sector}",
                       country=location.country, sector=sector, name=None, actor_id=None)
        return [ref], f"unnamed>placed:{place_text}"

    def _names_an_attack(self, token: Token) -> bool:
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

    def _participants(self, noun: Token, ctx: ArticleContext) -> tuple[list[ActorRef], str]:
        """ "Thousands converged for a rally", "students joined the march": those who take part
        in a gathering are its actors."""
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in PARTICIPATION_VERBS:
            return [], ""
        return self._agents_of(verb, ctx), f"participants:{verb.lemma_.lower()}"

    def _carried_by(self, decision: TriggerDecision, anchor: Token, ctx: ArticleContext):
        """(owners, how found, carrier) when a transmission verb carries someone else's message,
        request or offer ("the US administration's message was delivered by Macron"), else None."""
        verb = anchor if anchor.pos_ == "VERB" else None
        if verb is None or verb.lemma_.lower() not in TRANSMISSION_VERBS:
            return None
        carriers = self._agents_of(verb, ctx)
        if not carriers:
            return None
        carried = [decision.token] if decision.token is not verb else [
            c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
        for noun in carried:
            if noun.pos_ != "NOUN":
                continue
            owners, via = self._noun_sources(noun, ctx)
            if owners:
                return owners, via, carriers[0]
        return None

    def _agents_of(self, verb: Token, ctx: ArticleContext) -> list[ActorRef]:
        """The actors doing `verb`: the by-phrase of a passive, else the subject."""
        agents = _passive_agents(verb, ctx)
        if not agents and not any(c.dep_ == "nsubjpass" for c in verb.children):
            agents = [c for c in verb.children if c.dep_ == "nsubj"]
        return [r for head in agents for r in self._actors_at(head, ctx)]

    def _noun_sources(self, token: Token, ctx: ArticleContext) -> tuple[list[ActorRef], str]:
        for child in token.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                refs = self._actors_at(child, ctx)
                if refs:
                    return refs, child.dep_ if child.dep_ != "nmod" else "compound"
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                for pobj in child.children:
                    refs = self._actors_at(pobj, ctx)
                    if refs:
                        return refs, f"prep:{child.lower_}"
        return [], ""

    def _located_agent(self, head: Token, verb: Token, ctx: ArticleContext) -> list[ActorRef]:
        """ "Thousands of people blocked streets in Hong Kong": a sector-only agent acting in a place
        belongs to that place's country."""
        agent = next((ctx.token_mentions[t.i] for t in head.subtree if t.i in ctx.token_mentions
                      and ctx.token_mentions[t.i].sector and not ctx.token_mentions[t.i].country), None)
        if agent is None:
            return []
        for token in _phrase_tokens(verb):
            if token.dep_ == "prep" and token.lower_ in ("in", "across", "throughout", "at"):
                for pobj in token.children:
                    place = ctx.token_mentions.get(pobj.i)
                    if place is not None and place.place and place.country:
                        return [_placed_actor(agent.text, agent.span, place.country, agent.sector, agent.name)]
        return []

    def _reporting_subject(self, clause: Token, ctx: ArticleContext) -> list[ActorRef]:
        """ "Iran said [it will not accept]": the pronoun is the speaker of the governing verb."""
        if clause.dep_ != "ccomp":
            return []
        for child in clause.head.children:
            if child.dep_ == "nsubj":
                return self._actors_at(child, ctx)
        return []

    def _targets(self, decision: TriggerDecision, anchor: Token, ctx: ArticleContext, exclude):
        token = decision.token
        heads: list[tuple[Token, str]] = []
        wanted_prep = decision.entry.prep if decision.entry else None
        bases = [token] if anchor is token else [token, anchor]
        framing = _framing_noun(token)
        if framing is not None:
            bases.append(framing)  # "a mediation mission between X and Y"
        if decision.pos == "verb":
            bases += [c for c in token.children if c.dep_ in ("xcomp",)]
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
                refs = self._actors_at(head, ctx) if via in ("dobj", "dative") else []
                return bool(refs) and all(r.country in source_countries for r in refs)

            heads.sort(key=lambda h: gives_its_own(*h))
        if decision.entry is not None and decision.entry.cameo.startswith("13"):
            # "threatened a strike unless Israel rescinded ...": the threat presses the one
            # whose act is the condition.
            heads += [(subject, "condition>nsubj") for base in bases for clause in base.children
                      if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if")
                                                        for m in clause.children)
                      for subject in clause.children if subject.dep_ == "nsubj"]
        # "demanded that the US cancel ...", "urged that Iran be ...": the addressee is the
        # subject of the clausal complement.
        for base in bases:
            for child in base.children:
                if child.dep_ == "ccomp":
                    heads += [(c, "ccomp>nsubj") for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
        for head, via in heads:
            refs = [r for r in self._actors_at(head, ctx, parties=via in PARTY_VIAS)
                    if not any(_same_actor(r, s) for s in exclude)]
            if refs:
                return refs, via
        # An actor nested in the object: "rejected a US proposal", "a request for a meeting with X";
        # not in phrases of place or time ("on the sidelines of the UN General Assembly").
        for head, via in heads:
            if via in PLACE_VIAS:
                continue
            for t in head.subtree:
                mention = ctx.token_mentions.get(t.i)
                if mention is not None and _resolved(mention):
                    # "aid for Romania and Poland": every conjunct is a target
                    refs = [r for r in self._actors_at(t, ctx) if not any(_same_actor(r, s) for s in exclude)]
                    if refs:
                        return refs, f"within:{via}"
        if decision.entry is not None and decision.entry.cameo.startswith("14"):
            # "blocked a road to show their anger at the US": the protest's purpose names its target.
            for base in bases:
                for clause in base.children:
                    if clause.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                  for c in clause.children):
                        for t in clause.subtree:
                            mention = ctx.token_mentions.get(t.i)
                            if mention is not None and _resolved(mention):
                                refs = [r for r in self._actors_at(t, ctx) if not any(_same_actor(r, s) for s in exclude)]
                                if refs:
                                    return refs, "purpose"
        # No actor: an act done *in* a place targets that place's country ("imposed a curfew in
        # Algiers", "demonstrated in Serbia"), as CAMEO codes domestic events.
        place_heads = [(p, f"place:{c.lower_}") for base in bases for c in base.children
                       if c.dep_ == "prep" and c.lower_ in PLACE_PREPS for p in c.children if p.dep_ == "pobj"]
        for head, via in place_heads + heads:
            for t in head.subtree:
                mention = ctx.token_mentions.get(t.i)
                if mention is not None and mention.place and mention.country and not _inside_other_place_name(t, mention):
                    ref = _placed_actor(mention.text, mention.span, mention.country, None)
                    if not any(_same_actor(ref, s) for s in exclude):
                        return [ref], via if via.startswith("place") else f"place-within:{via}"
        return [], ""

    def _actors_at(self, head: Token, ctx: ArticleContext, parties: bool = False) -> list[ActorRef]:
        """Resolved actors denoted by the noun phrase headed by `head` (one per conjunct).
        `parties`: "between Syria and the PLO" names sides, even where the resolver read a
        country as a location."""
        refs: list[ActorRef] = []
        for member in [head] + list(_conjuncts(head)):
            mention = ctx.token_mentions.get(member.i)
            if parties and mention is not None and mention.place and mention.kind in ("country", "capital"):
                found_refs = [mention.to_actor_ref()]
            else:
                found_refs = self._actors_of_phrase(member, ctx)
            for found in found_refs:
                if not any(r.span == found.span for r in refs):
                    refs.append(found)
        return refs

    def _actors_of_phrase(self, head: Token, ctx: ArticleContext) -> list[ActorRef]:
        mention = ctx.token_mentions.get(head.i)
        modifiers = [c for c in head.children if c.dep_ in NP_MODIFIER_DEPS]
        modifier_mentions = [ctx.token_mentions.get(t.i) for c in modifiers for t in c.subtree]
        if mention is not None:
            # "officials of Iran", "the government of Iraq"; not "the sidelines of the UN".
            of_objects = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj"]
            modifier_mentions += [ctx.token_mentions.get(p.i) for p in of_objects]
        modifier_mentions = list({id(m): m for m in modifier_mentions
                                  if m is not None and m is not mention and _resolved(m)}.values())
        # "Hungarian and Romanian officials": coordinated nationality adjectives on one head.
        coordinated = [m for c in modifiers if c.dep_ in ("amod", "compound", "nmod")
                       for t in [c, *_conjuncts(c)] if (m := ctx.token_mentions.get(t.i)) is not None
                       and _resolved(m) and m.country]
        if mention is not None and _resolved(mention) and mention.country:
            extra = [m for m in coordinated if m is not mention and m.country != mention.country]
            return [mention.to_actor_ref()] + [m.to_actor_ref() for m in extra]
        if mention is not None and _resolved(mention) and not modifier_mentions:
            return [mention.to_actor_ref()]
        if mention is not None and mention.sector and not mention.country and not modifier_mentions:
            # "opposition groups in Zimbabwe", "officials in Tokyo": the place gives the country.
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for pobj in prep.children:
                        place = ctx.token_mentions.get(pobj.i)
                        if place is not None and place.country:
                            start, end = head.left_edge.idx, place.span[1]
                            return [_placed_actor(ctx.doc.text[start:end], (start, end), place.country, mention.sector)]
        if not modifier_mentions:
            if mention is None and (head.lemma_.lower() in PARTITIVE_HEADS or head.like_num):
                # "Thousands of Nigerians", "members of the opposition": the group of the "of" phrase.
                return [r for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj" for r in self._actors_at(o, ctx)]
            return []
        if mention is None:
            # A bare noun phrase: the actor modifier nearest its head speaks for it ("bin Laden's
            # al-Qaeda network" is al-Qaeda's).
            return [min(modifier_mentions, key=lambda m: (abs(head.i - m.end), m.country is None)).to_actor_ref()]
        sector = mention.sector
        refs = []
        for country_mention in list({m.country: m for m in modifier_mentions if m.country}.values()) or modifier_mentions[:1]:
            if sector and country_mention.country and not country_mention.name and not country_mention.sector:
                # "officials of Iran", "the Iranian side": the head noun gives the sector.
                start = min(head.left_edge.idx, country_mention.span[0])
                end = max(head.idx + len(head), country_mention.span[1])
                refs.append(_placed_actor(ctx.doc.text[start:end], (start, end), country_mention.country, sector))
            else:
                refs.append(country_mention.to_actor_ref())
        return refs


OBLIGATION_ENTRY = TriggerEntry(cameo="100", pos="verb", lemma="", complement=(), prep=None,
                                note="rule: a speaker states what another actor must do",
                                origin="rule:stated-obligation")


# "help (to) support X": the verb of helping only adds the actor's share in the act it governs.
ASSISTING_LEMMAS = {"help", "assist"}


def _assisted_act(decision: TriggerDecision, decisions: Sequence[TriggerDecision]) -> TriggerDecision | None:
    """The act a bare verb of helping governs ("helped support", "help to end"), if it is a trigger."""
    if decision.lemma not in ASSISTING_LEMMAS or decision.matched_complement:
        return None
    acts = {c.i for c in decision.token.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"}
    return next((d for d in decisions if d.token.i in acts and d.entry is not None and d.entry.cameo != NO_EVENT),
                None)


def _stated_obligation(speech_verb: Token) -> TriggerDecision | None:
    """ "Russia said Sudan must return the helicopter": the speaker demands it of Sudan."""
    for clause in speech_verb.children:
        if clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in factuality_rules.OBLIGATION_AUX
                                          for c in clause.children):
            return _speech_rule_decision(speech_verb, OBLIGATION_ENTRY)
    return None


DENIAL_ENTRY = TriggerEntry(cameo="016", pos="verb", lemma="", complement=(), prep=None,
                            note="rule: a speaker states that a report is false", origin="rule:stated-falsehood")
FALSITY_WORDS = {"false", "untrue", "baseless", "fabricated", "fake", "groundless", "unfounded", "nonsense",
                 "inaccurate", "incorrect", "wrong", "lie", "lies", "fiction", "invention", "fabrication"}


def _stated_falsehood(speech_verb: Token) -> TriggerDecision | None:
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


def _speech_rule_decision(speech_verb: Token, entry: TriggerEntry) -> TriggerDecision:
    return TriggerDecision(token=speech_verb, lemma=speech_verb.lemma_.lower(), pos="verb", entry=entry,
                           phrase_tokens=set())


def _sentence_text_and_span(sent: Span) -> tuple[str, tuple[int, int]]:
    """Sentences keep their exact text without surrounding white space (a trailing newline is a
    token of its own in spaCy)."""
    raw = sent.text
    text = raw.strip()
    start = sent.start_char + len(raw) - len(raw.lstrip())
    return text, (start, start + len(text))


# Clauses nested in a complement carry their own events: "meet X [in what will be talks]".
CLAUSE_BOUNDARY_DEPS = {"relcl", "acl", "advcl", "ccomp", "parataxis", "csubj"}


def _phrase_tokens(token: Token) -> list[Token]:
    tokens = [token]
    for child in token.children:
        if child.dep_ not in CLAUSE_BOUNDARY_DEPS and not _is_finite_clause(child):
            tokens.extend(_phrase_tokens(child))
    return tokens


def _is_finite_clause(token: Token) -> bool:
    """A verb with a subject of its own heads a clause with its own events ("in what will be talks")."""
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _conjuncts(token: Token):
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from _conjuncts(child)


def _framing_noun(token: Token) -> Token | None:
    """The noun that frames an event noun compounded with it: "mission" in "a mediation mission"."""
    head = token.head
    if token.pos_ == "NOUN" and token.dep_ == "compound" and head.pos_ == "NOUN" \
            and head.lemma_.lower() in EVENT_FRAME_NOUNS:
        return head
    return None


def _inside_other_place_name(token: Token, mention: Mention) -> bool:
    """ "the Sea of Japan", "the Gulf of Aden": a country named inside another place's name."""
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return entity is not None and entity.label_ == "LOC" and any(
        t.lower_ == "of" for t in token.doc[entity.start:mention.start])


def _placed_actor(text: str, span, country: str, sector: str | None, name: str | None = None) -> ActorRef:
    """An actor assembled from a country and a sector found in different words of the phrase."""
    return ActorRef(text=text, span=tuple(span), code=f"{country}{sector or ''}", country=country,
                    sector=sector, name=name, actor_id=None)


def _add_answered_proposals(answer: TriggerDecision, proposal: TriggerDecision) -> None:
    """ "Iran turned down a US request for a meeting" also says the US made the request: events for the request or offer an answer presupposes: made by its own actor or by the
    answer's target, addressed to the one who answers."""
    if proposal.entry.cameo[:2] not in PROPOSAL_ROOTS:
        return
    info = cameo_info(proposal.entry.cameo)
    noun = proposal.token
    implied = []
    for event in answer.events:
        if event.cameo[:2] not in ANSWER_ROOTS or event.target is None or event.source is None:
            continue
        implied.append(dataclasses.replace(
            event,
            trigger=Trigger(noun.text, (noun.idx, noun.idx + len(noun))),
            event=info.plover_event, mode=info.plover_mode, cameo=info.code, quad_class=info.quad_class,
            goldstein=info.goldstein, source=event.target, target=event.source,
            factuality="asserted" if event.factuality == "negated" else event.factuality,
            confidence=max(0.05, event.confidence - 0.1),
            evidence={**event.evidence, "rule": f"{event.evidence['rule']}+implied:'{noun.text}' answered by "
                                                f"'{answer.token.text}'", "lexicon": proposal.entry.describe()},
        ))
    answer.events.extend(implied)


GENERIC_MESSAGE_NOUNS = {"message", "letter", "note", "communication", "word", "missive", "proposal"}


def _generic_message(decision: TriggerDecision) -> Token | None:
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


def _refer_back(events: list[EventRecord], noun: Token, earlier: list[EventRecord]) -> None:
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


def _passive_agents(verb: Token, ctx: ArticleContext) -> list[Token]:
    """Heads of the by-phrase of a passive verb."""
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not agents:
        # "by French President Emmanuel Macron hours after ...": the parser sometimes hangs the
        # name elsewhere; a mention that starts right after "by" is the agent.
        agents = [ctx.doc[ctx.token_mentions[c.i + 1].start] for c in verb.children
                  if c.dep_ == "agent" and c.i + 1 in ctx.token_mentions and ctx.token_mentions[c.i + 1].start == c.i + 1]
    return agents


def _attribution(speaker, speaker_refs: list[ActorRef], ctx: ArticleContext) -> Attribution:
    """The reporter, with the day and place of the report when the sentence gives them
    ("told reporters in Tehran on Sunday")."""
    said_on, said_where = None, None
    if speaker.verb_token is not None:
        day, _, date_evidence = resolve_event_date(speaker.verb_token, ctx, "asserted")
        if "date_via" in date_evidence:
            said_on = day
        location, place_evidence = locate_event(speaker.verb_token, ctx, clause_only=True)
        if location is not None:
            said_where = location.name
    return Attribution(text=speaker.text, code=speaker_refs[0].code if speaker_refs else None,
                       date=said_on, place=said_where)


def _as_reported(factuality, speaker, speaker_refs: list[ActorRef], sources: list[ActorRef]):
    """An asserted event told by someone other than its source is reported."""
    if speaker is None or any(_same_actor(s, r) for s in sources for r in speaker_refs):
        return factuality
    return factuality_rules.Factuality("reported", f"'{speaker.verb}' by {speaker.text}")


def _resolved(mention: Mention) -> bool:
    """A mention that names an actor (a place used as a location does not)."""
    return bool(mention.code or mention.country) and not mention.place


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    if a.span == b.span:
        return True
    if a.actor_id and a.actor_id == b.actor_id:
        return True
    return bool(a.code and a.code == b.code and a.country == b.country)


def _drop_duplicates(events: list[EventRecord]) -> list[EventRecord]:
    seen: set[str] = set()
    unique = []
    for event in events:
        if event.event_id not in seen:
            seen.add(event.event_id)
            unique.append(event)
    return unique
