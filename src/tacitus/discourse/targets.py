"""Implied recipients: a reply, a demand or a refusal without a named recipient is addressed to
the party its source last dealt with in the article ("Iran's response was an unequivocal no"
rejects the side that asked); an act of protest or force at home without a named target is aimed
at its own country ("protesters marched in the capital")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from tacitus.discourse.phrases import same_actor
from tacitus.discourse.rules import discourse_rules
from tacitus.records import ActorRef, EventRecord

if TYPE_CHECKING:
    from tacitus.context import ArticleContext

IMPLIED_TARGET_PENALTY = 0.1


def party(ref: ActorRef | None) -> str | None:
    """The side an actor belongs to: its country, or its organisation's code."""
    if ref is None:
        return None
    return ref.country or ref.code


def fill_implied_targets(events: list[EventRecord], ctx: ArticleContext) -> None:
    """Give each targetless reaction a recipient: the doer of the act it answers when its object
    names an act the article told ("condemned the coup": whoever staged it), else the
    counterpart of its source's latest earlier dealing."""
    roots = discourse_rules().reaction_roots
    for position, event in enumerate(events):
        if event.target is not None or event.source is None or event.cameo[:2] not in roots:
            continue
        found = _doer_of_answered_act(event, events, ctx)
        rule = "a reaction to an act is addressed to its doer"
        if found is None:
            found = _last_counterpart(event.source, events[:position])
            rule = "a reaction is addressed to the party its source last dealt with"
        if found is None:
            continue
        counterpart, antecedent = found
        event.target = counterpart
        event.evidence["rule"] = event.evidence.get("rule", "") + "+target:implied"
        event.evidence["borrowed_target"] = {
            "rule": rule, "from_sentence": antecedent.sentence_index, "from_event": antecedent.trigger.text,
            "from_event_id": antecedent.event_id}
        event.confidence = max(0.05, event.confidence - IMPLIED_TARGET_PENALTY)
    _fill_domestic_targets(events)


def _fill_domestic_targets(events: list[EventRecord]) -> None:
    """A targetless protest, mobilisation, coercion or use of force whose place lies in its source's
    own country targets that country (protests its government), as CAMEO codes domestic events;
    an act abroad or unplaced keeps no target."""
    sectors = discourse_rules().domestic_act_sectors
    for event in events:
        if event.target is not None or event.source is None or event.cameo[:2] not in sectors:
            continue
        country, place = event.source.country, event.location
        if not country or place is None or place.country != country:
            continue
        sector = sectors[event.cameo[:2]]
        sector = None if sector == "-" else sector
        if sector is not None and event.source.sector == sector:
            continue  # a government's own rally is aimed at no one at home
        event.target = ActorRef(text=f"({place.name})", span=event.trigger.span,
                                code=f"{country}{sector or ''}", country=country, sector=sector)
        event.evidence["rule"] = event.evidence.get("rule", "") + "+target:domestic"
        event.evidence["borrowed_target"] = {
            "rule": "an act of protest or force at home without a named target is aimed at its own country",
            "from_place": place.name}


def trigger_head(event: EventRecord, ctx: ArticleContext) -> Token | None:
    span = ctx.doc.char_span(*event.trigger.span, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _doer_of_answered_act(event: EventRecord, events: list[EventRecord],
                          ctx: ArticleContext) -> tuple[ActorRef, EventRecord] | None:
    """The source of an act, told up to this sentence, that the reaction's object or clause
    names by its word ("rejected the offer" after "X offered ...") or, for violence, by any
    word of violence ("condemned the attack", "warned it would not watch an attack")."""
    head = trigger_head(event, ctx)
    if head is None:
        return None
    objects = [t for c in head.children if c.dep_ in ("dobj", "prep", "attr", "nsubjpass", "xcomp", "advcl")
               for t in c.subtree if t.pos_ in ("NOUN", "VERB") and t is not head]
    # a clause ("agreed that they should cooperate") tells content, not an act answered, but
    # the violence it names is answered ("warned it would not watch an attack")
    clause = [t for c in head.children if c.dep_ == "ccomp" for t in c.subtree if t.pos_ == "NOUN"]
    if not objects and not clause:
        return None
    lemmas = {t.lemma_.lower() for t in objects}
    violence = discourse_rules().violence_roots
    named_violence = any(t.lemma_.lower() in discourse_rules().violence_nouns for t in objects + clause)
    for antecedent in reversed([e for e in events if e.sentence_index <= event.sentence_index and e is not event]):
        if antecedent.source is None or same_actor(antecedent.source, event.source) \
                or party(antecedent.source) == party(event.source):
            continue
        answered = trigger_head(antecedent, ctx)
        if answered is None or answered.i == head.i:
            continue
        if answered.lemma_.lower() in lemmas or (named_violence and antecedent.cameo[:2] in violence):
            return antecedent.source, antecedent
    return None


def _last_counterpart(source: ActorRef, earlier: list[EventRecord]) -> tuple[ActorRef, EventRecord] | None:
    side = party(source)
    if side is None:
        return None
    audience = discourse_rules().audience_sectors
    for antecedent in reversed(earlier):
        if antecedent.source is None or antecedent.target is None \
                or antecedent.source.sector in audience or antecedent.target.sector in audience \
                or "+target:place" in antecedent.evidence.get("rule", "") \
                or "+target:implied" in antecedent.evidence.get("rule", ""):
            continue  # a place an act happened in is no party one deals with
        if party(antecedent.source) == side and not same_actor(antecedent.target, source):
            return antecedent.target, antecedent
        if party(antecedent.target) == side and not same_actor(antecedent.source, source):
            return antecedent.source, antecedent
    return None
