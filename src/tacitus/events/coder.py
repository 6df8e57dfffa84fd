"""The event coder: lexicon triggers + dependency rules -> EventRecords.

For every sentence the coder asks :mod:`triggers` which verbs and nouns the lexicon makes an
event, finds the source (:mod:`sources`) and target (:mod:`targets`) through the dependency
parse, records factuality, attribution (:mod:`reports`), date and place, adds the exchanges the
trigger implies (:mod:`exchanges`) and builds the records (:mod:`assembly`). The article-level
passes (refer-back, back-off, de-duplication, date sharing) run in :meth:`EventCoder.code`.

Every decision, including the triggers that did *not* become events, is kept as a
:class:`TriggerDecision` so `tacitus explain` can show why a sentence gave what it gave.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tacitus import rules
from tacitus.context import ArticleContext
from tacitus.events import attribution as attribution_rules
from tacitus.events import factuality as factuality_rules
from tacitus.events.assembly import CODER_VERSION, new_record
from tacitus.events.backoff import BackoffClassifier, generic_cameo
from tacitus.events.exchanges import add_answered_proposals, generic_message, refer_back, stated_intention
from tacitus.events.speaker_sources import sentence_sources
from tacitus.events.lexicon import NO_EVENT, Lexicon
from tacitus.events.ontology import MEETING_ROOT
from tacitus.events.ontology import cameo as cameo_info
from tacitus.events.phrases import actors_at, agents_of, decides, declares, framing_noun, same_actor
from tacitus.events.protests import protest_code, state_obstruction_code
from tacitus.events.reports import as_reported, as_stated, attribution_of
from tacitus.events.intermediaries import carried_by
from tacitus.events.sources import PARTICIPATION_VERBS, ArgumentQuery
from tacitus.events.targets import TARGET_PREPS, find_targets, same_party
from tacitus.events.triggers import (
    VIOLENCE_ROOTS,
    TriggerDecision,
    TriggerFinder,
    assisted_act,
    claimed_words,
    governing_trigger,
)
from tacitus.records import ActorRef, EventRecord, Trigger
from tacitus.events.denials import mark_denials
from tacitus.events.shared_dates import share_dates_within_article
from tacitus.when import resolve_event_date
from tacitus.where import locate_event

__all__ = ["ArticleContext", "CODER_VERSION", "EventCoder", "SentenceTrace", "TriggerDecision"]

# "drew condemnation", "faced sanctions": the subject undergoes the event, it does not act.
RECEIVING_VERBS = rules.words("receiving_verbs")
MEETING_LIGHT_VERBS = rules.words("meeting_light_verbs")
ACCEPTANCE_LEMMAS = rules.words("acceptance_verbs")
EXERCISE_WORDS = rules.words("exercise_words")
# The back-off classifier speaks only above this probability: on the synthetic hold-out and in a
# check on the gold development sentences, fewer than a third of its answers were wrong there.
BACKOFF_THRESHOLD = 0.7
# Source relations that name the doer in the trigger's own clause or phrase: full confidence.
DIRECT_SOURCE_VIAS = ("nsubj", "agent", "poss", "compound")
# Outcomes of triggers the article-level pass may still give a source from another sentence.
SOURCELESS_OUTCOMES = ("no source (agent) found", "no resolved source actor")


@dataclass
class SentenceTrace:
    """What the coder decided in one sentence: every trigger candidate with its outcome and
    events, and the events of the back-off classifier where no rule coded the sentence."""

    index: int
    sentence: Span
    decisions: list[TriggerDecision]
    backed_off: list[EventRecord]


@dataclass
class Arguments:
    """Who did it, to whom, through whom: the result of the source and target rules."""

    sources: list[ActorRef]
    source_via: str
    targets: list[ActorRef]
    target_via: str
    intermediary: ActorRef | None = None


# The article-level pass (tacitus.discourse.complete_article): given the coder, the article, its
# events and the (sentence index, sentence, decision) of the triggers left without a source, it
# returns the article's events completed. Passed in by the engine, a later stage than the coder.
ArticlePass = Callable[["EventCoder", ArticleContext, list[EventRecord], list[tuple[int, Span, TriggerDecision]]],
                       list[EventRecord]]


class EventCoder:
    """`backoff`: a learned sentence classifier asked only where no rule codes a sentence
    (None: rules only). `article_pass`: the article-level discourse pass run over the article's
    events before de-duplication (None: sentence rules only)."""

    def __init__(self, lexicon: Lexicon, backoff: BackoffClassifier | None = None,
                 article_pass: ArticlePass | None = None):
        self.lexicon = lexicon
        self.backoff = backoff
        self.article_pass = article_pass
        self.triggers = TriggerFinder(lexicon)

    # -- public API -------------------------------------------------------------------------

    def code(self, ctx: ArticleContext, trace: list[SentenceTrace] | None = None) -> list[EventRecord]:
        """The events of the article. `trace`: a list that receives, sentence by sentence, every
        decision this very run took (what `tacitus explain` shows)."""
        events: list[EventRecord] = []
        sourceless: list[tuple[int, Span, TriggerDecision]] = []  # for the article-level pass
        for index, sent in enumerate(ctx.doc.sents):
            before = len(events)
            decisions = self.decide(sent, ctx)
            for decision in decisions:
                if decision.outcome in SOURCELESS_OUTCOMES:
                    sourceless.append((index, sent, decision))
                for event in decision.events:
                    event.sentence_index = index
                message = generic_message(decision)
                if message is not None:
                    refer_back(decision.events, message, events)
                events.extend(decision.events)
            backed_off: list[EventRecord] = []
            if len(events) == before and self.backoff is not None:
                backed_off = self._back_off(sent, ctx)
                for event in backed_off:
                    event.sentence_index = index
                    events.append(event)
            if trace is not None:
                trace.append(SentenceTrace(index, sent, decisions, backed_off))
        if self.article_pass is not None:
            events = self.article_pass(self, ctx, events, sourceless)
        events = _drop_duplicates(events)
        share_dates_within_article(events)
        mark_denials(events)
        return events

    def decide(self, sent: Span, ctx: ArticleContext) -> list[TriggerDecision]:
        """Every trigger candidate in the sentence with its outcome (events or the reason)."""
        decisions = [d for d in (self.triggers.match(token) for token in sent) if d is not None]
        claimed, nouns = claimed_words(decisions)
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
            assisted = assisted_act(decision, decisions)
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
                add_answered_proposals(owner, noun)
        return decisions

    # -- one trigger ----------------------------------------------------------------------------

    def _build_unless_governed(self, decision: TriggerDecision, decisions: Sequence[TriggerDecision], sent: Span,
                               ctx: ArticleContext) -> None:
        governing = governing_trigger(decision, decisions)
        if governing is not None:
            decision.outcome = f"object of the trigger '{governing.token.text}'"
            return
        self._build_events(decision, sent, ctx)

    def build_with_sources(self, decision: TriggerDecision, sent: Span, ctx: ArticleContext,
                           sources: list[ActorRef], via: str) -> list[EventRecord]:
        """The events of a trigger whose source the sentence does not give, with the sources an
        article-level pass found elsewhere (`via` says where, for the rule)."""
        decision.events = []
        self._build_events(decision, sent, ctx, borrowed=(sources, via))
        return decision.events

    def _build_events(self, decision: TriggerDecision, sent: Span, ctx: ArticleContext,
                      borrowed: tuple[list[ActorRef], str] | None = None) -> None:
        token = decision.token
        anchor, rule_parts = _anchor(decision)
        query = ArgumentQuery(decision, anchor, ctx, self.triggers)
        arguments = _arguments(query, borrowed)
        if not arguments.sources:
            decision.outcome = "no resolved source actor" if arguments.source_via else "no source (agent) found"
            return
        sources, targets, target_via = arguments.sources, arguments.targets, arguments.target_via

        factuality = factuality_rules.assess(anchor, codes_complement=bool(decision.matched_complement))
        info = cameo_info(decision.entry.cameo)
        protest, restriction = protest_code(info.code, sources), state_obstruction_code(info.code, sources)
        if protest or restriction:
            info = cameo_info(protest or restriction)
            rule_parts.append("protesters:force used in protest" if protest else "state-forces:obstruction restricts movement")
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
        elif factuality.value == "negated" and info.code.startswith("04") and (declares(anchor) or decides(anchor)):
            # "would not attend the talks", "voted not to attend": a refusal to meet, made now.
            info = cameo_info("125")
            rule_parts.append(f"declared-refusal:{factuality.cue}")
            factuality = factuality_rules.Factuality("asserted")
        speaker = attribution_rules.find_speaker(anchor)
        speaker_refs = actors_at(speaker.head, ctx) if speaker is not None else []
        attribution = None
        if speaker is not None:
            attribution = attribution_of(speaker, speaker_refs, ctx)
            if factuality.value == "asserted" and speaker.verb in factuality_rules.DENIAL_HEADS:
                factuality = factuality_rules.Factuality("denied", f"'{speaker.verb}'")
            elif factuality.value == "asserted":
                factuality = as_reported(factuality, speaker, speaker_refs, sources, act=anchor,
                                         quad_class=info.quad_class)

        date, precision, date_evidence = resolve_event_date(anchor, ctx, factuality.value)
        if "date_via" not in date_evidence and attribution is not None and attribution.date is not None:
            # Undated in its own words, the event happened on or before the day it was reported.
            date, precision = attribution.date, "day"
            date_evidence = {**date_evidence, "date": f"no later than the report by {attribution.text}",
                             "date_via": "date of the report"}
        confidence = _confidence(decision, arguments, targets, target_via)
        base_evidence = {
            "lexicon": decision.entry.describe(),
            "matched_complement": sorted(decision.matched_complement) or None,
            "depth": sum(1 for _ in anchor.ancestors),
            **date_evidence,
        }
        rule = "+".join(rule_parts + [f"source:{arguments.source_via}"])
        codings = [(info, factuality, rule, confidence)]
        stated = stated_intention(anchor, factuality, speaker, info)
        if stated is not None:
            code, why = stated
            derived_factuality = as_stated(speaker, speaker_refs, sources)
            derived = (cameo_info(code), derived_factuality, f"{rule}+derived:{why}", confidence - 0.05)
            # an announced use of force is the threat, not also an intended attack
            codings = [derived] if code.startswith("13") and info.code[:2] in VIOLENCE_ROOTS else codings + [derived]

        trigger = Trigger(token.text if anchor is token else f"{anchor.text} {token.text}",
                          (min(anchor.idx, token.idx), max(anchor.idx + len(anchor), token.idx + len(token))))
        for info, factuality, rule, confidence in codings:
            # a statement is placed where it was said: the place depends on the type
            location, place_evidence = locate_event(anchor, ctx, event_type=info.plover_event)
            for source in sources:
                for target in targets or [None]:
                    if target is not None and same_party(source, target):
                        continue
                    evidence = {
                        "rule": rule + (f"+target:{target_via}" if target else ""),
                        "factuality_cue": factuality.cue,
                        **base_evidence,
                        **place_evidence,
                    }
                    decision.events.append(new_record(
                        ctx, sent, trigger, info, source=source, target=target, factuality=factuality.value,
                        attribution=attribution, date=date, precision=precision, location=location,
                        intermediary=arguments.intermediary, confidence=max(0.05, min(1.0, confidence)),
                        evidence=evidence,
                    ))
        decision.outcome = "event" if decision.events else "source and target are the same actor"

    # -- the back-off pass ----------------------------------------------------------------------

    def _back_off(self, sent: Span, ctx: ArticleContext) -> list[EventRecord]:
        """An event from the learned classifier for a sentence no rule coded: only when it is
        confident and the main clause names a source actor; the evidence lists its cue words."""
        prediction = self.backoff.predict(sent)
        if prediction.probability < BACKOFF_THRESHOLD:
            return []
        clause = sent.root
        if clause.lemma_.lower() in attribution_rules.SPEECH_VERBS:
            clause = next((c for c in clause.children if c.dep_ == "ccomp"), clause)
        agents = agents_of(clause, ctx)
        passive = [c for c in clause.children if c.dep_ == "nsubjpass"]
        objects = passive + [c for c in clause.children if c.dep_ in ("dobj", "dative")] + [
            p for c in clause.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
            for p in c.children if p.dep_ == "pobj"]
        targets = [r for head in objects for r in actors_at(head, ctx)
                   if not any(same_actor(r, a) for a in agents)]
        if not agents:
            return []
        info = cameo_info(generic_cameo(prediction.plover_type))
        factuality = factuality_rules.assess(clause)
        date, precision, date_evidence = resolve_event_date(clause, ctx, factuality.value)
        location, place_evidence = locate_event(clause, ctx, event_type=prediction.plover_type)
        evidence = {
            "rule": "backoff-classifier",
            "classifier": {"type": prediction.plover_type, "probability": round(prediction.probability, 3),
                           "cues": [c.words for c in prediction.cues]},
            "factuality_cue": factuality.cue,
            "depth": 0,
            **date_evidence,
            **place_evidence,
        }
        trigger = Trigger(clause.text, (clause.idx, clause.idx + len(clause)))
        return [new_record(ctx, sent, trigger, info, source=agents[0], target=targets[0] if targets else None,
                           factuality=factuality.value, date=date, precision=precision, location=location,
                           confidence=round(0.6 * prediction.probability, 3), evidence=evidence)]


def _anchor(decision: TriggerDecision) -> tuple[Token, list[str]]:
    """The verb whose subject and modality the event takes, and the first parts of its rule."""
    token = decision.token
    rule_parts = [decision.pos]
    phrase_head = framing_noun(token) or token
    if decision.pos == "noun" and phrase_head.dep_ in ("dobj", "nsubjpass") and phrase_head.head.pos_ == "VERB" \
            and phrase_head.head.lemma_.lower() not in RECEIVING_VERBS and _lends_to(phrase_head.head, decision):
        # "held talks", "renewed negotiations", "a request was made by X", "undertook a
        # mediation mission": a verb without an event of its own lends its agent and modality
        # to the event noun it governs.
        anchor = phrase_head.head
        rule_parts.append(f"light-verb:{anchor.lemma_.lower()}")
        return anchor, rule_parts
    prep = phrase_head.head
    if decision.pos == "noun" and phrase_head.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "in" \
            and prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in PARTICIPATION_VERBS:
        # "will not participate in the negotiations": taking part is the event's own modality.
        anchor = prep.head
        rule_parts.append(f"participation-verb:{anchor.lemma_.lower()}")
        return anchor, rule_parts
    return token, rule_parts


def _lends_to(verb: Token, decision: TriggerDecision) -> bool:
    """Whether the verb may lend its subject and modality to the event noun: any verb for most
    events, only a verb of holding or joining for a meeting ("held talks", not "announced the
    summit")."""
    return not decision.entry.cameo.startswith(MEETING_ROOT) or verb.lemma_.lower() in MEETING_LIGHT_VERBS


def _arguments(query: ArgumentQuery, borrowed: tuple[list[ActorRef], str] | None = None) -> Arguments:
    # a quoted judgement's judge or an agentless accusation's accuser is a speaker
    sources, source_via = sentence_sources(query)
    if not sources and borrowed is not None:
        # the article-level pass found the source in another sentence (tacitus.discourse)
        sources, source_via = borrowed
    if not sources:
        return Arguments([], source_via, [], "")
    intermediary = None
    carried = carried_by(query)
    if carried is not None:
        owners, owner_via, carrier = carried
        if not any(same_actor(o, carrier) for o in owners):
            # "the US message was delivered by Macron": the US acts, Macron carries it.
            intermediary, sources = carrier, owners
            source_via = owner_via if query.decision.pos == "noun" else f"{owner_via}-of-carried"
    excluded = sources + ([intermediary] if intermediary else [])
    targets, target_via = find_targets(query, excluded)
    if query.decision.pos == "noun" and source_via == "compound" and len(sources) == 2 and not targets:
        # "the Trump-Rouhani meeting": two names on the event noun are its two sides.
        sources, targets = sorted(sources, key=lambda r: r.span)[:1], sorted(sources, key=lambda r: r.span)[1:]
        target_via = "compound-pair"
    return Arguments(sources, source_via, targets, target_via, intermediary)


def _confidence(decision: TriggerDecision, arguments: Arguments, targets: list[ActorRef], target_via: str) -> float:
    confidence = 0.9
    if arguments.source_via not in DIRECT_SOURCE_VIAS:
        confidence -= 0.15
    if targets and (target_via.startswith("within") or target_via.startswith("place")):
        confidence -= 0.1
    if decision.pos == "noun":
        confidence -= 0.1
    if any(s.actor_id is None and s.code is None for s in arguments.sources):
        confidence -= 0.1
    return confidence


def _drop_duplicates(events: list[EventRecord]) -> list[EventRecord]:
    seen: set[str] = set()
    unique = []
    for event in events:
        if event.event_id not in seen:
            seen.add(event.event_id)
            unique.append(event)
    return unique
