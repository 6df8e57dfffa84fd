"""Phrase helpers: the words of a phrase, its conjuncts, its frame, and the actors it names.

Everything here reads the dependency parse and the resolved mentions of the article; none of
it decides an event. The source and target rules (`sources`, `targets`) are built from these.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tacitus import rules
from tacitus.actors import Mention
from tacitus.context import ArticleContext
from tacitus.records import ActorRef

NP_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "appos", "npadvmod"}
# Heads of a noun phrase that name a part or a number of the group in their "of" phrase.
PARTITIVE_HEADS = rules.words("partitive_heads")
# Nouns that frame the event noun compounded with them: "a mediation mission", "peace efforts".
EVENT_FRAME_NOUNS = rules.words("event_frame_nouns")
# Nouns that count the events of their "of" phrase: "a series of airstrikes by Russian jets".
EVENT_SERIES_NOUNS = rules.words("event_series_nouns")
DECLARING_AUX = rules.words("declaring_aux")  # will, would: what an actor declares it will do
DECISION_VERBS = rules.words("decision_verbs")  # voted, decided (not) to: what an actor decided to do
# Clauses nested in a complement carry their own events: "meet X [in what will be talks]".
CLAUSE_BOUNDARY_DEPS = {"relcl", "acl", "advcl", "ccomp", "parataxis", "csubj"}


def declares(verb: Token) -> bool:
    """Whether the verb is told as what its actor will (or would) do: "will not attend"."""
    return any(c.dep_ == "aux" and c.lower_ in DECLARING_AUX for c in verb.children)


def decides(verb: Token) -> bool:
    """Whether the verb is told as what its actor decided to do: "voted not to attend"."""
    return verb.dep_ == "xcomp" and has_to_marker(verb) and verb.head.lemma_.lower() in DECISION_VERBS


def has_to_marker(verb: Token) -> bool:
    """Whether the verb heads a "to" infinitive ("urged Iran [to] press", "sworn [to] fight")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def sentence_text_and_span(sent: Span) -> tuple[str, tuple[int, int]]:
    """Sentences keep their exact text without surrounding white space (a trailing newline is a
    token of its own in spaCy)."""
    raw = sent.text
    text = raw.strip()
    start = sent.start_char + len(raw) - len(raw.lstrip())
    return text, (start, start + len(text))


def phrase_tokens(token: Token) -> list[Token]:
    """The token and its dependents, clauses with events of their own left out."""
    tokens = [token]
    for child in token.children:
        if child.dep_ not in CLAUSE_BOUNDARY_DEPS and not is_finite_clause(child):
            tokens.extend(phrase_tokens(child))
    return tokens


def is_finite_clause(token: Token) -> bool:
    """A verb with a subject of its own heads a clause with its own events ("in what will be talks")."""
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def conjuncts(token: Token):
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from conjuncts(child)


def framing_noun(token: Token) -> Token | None:
    """The noun that frames an event noun compounded with it: "mission" in "a mediation mission"."""
    head = token.head
    if token.pos_ == "NOUN" and token.dep_ == "compound" and head.pos_ == "NOUN" \
            and head.lemma_.lower() in EVENT_FRAME_NOUNS:
        return head
    return None


def inside_other_place_name(token: Token, mention: Mention) -> bool:
    """ "the Sea of Japan", "the Gulf of Aden": a country named inside another place's name."""
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return entity is not None and entity.label_ == "LOC" and any(
        t.lower_ == "of" for t in token.doc[entity.start:mention.start])


def placed_actor(text: str, span, country: str, sector: str | None, name: str | None = None) -> ActorRef:
    """An actor assembled from a country and a sector found in different words of the phrase."""
    return ActorRef(text=text, span=tuple(span), code=f"{country}{sector or ''}", country=country,
                    sector=sector, name=name, actor_id=None)


def resolved(mention: Mention) -> bool:
    """A mention that names an actor (a place used as a location does not)."""
    return bool(mention.code or mention.country) and not mention.place


def same_actor(a: ActorRef, b: ActorRef) -> bool:
    if a.span == b.span:
        return True
    if a.actor_id and a.actor_id == b.actor_id:
        return True
    return bool(a.code and a.code == b.code and a.country == b.country)


def passive_agents(verb: Token, ctx: ArticleContext) -> list[Token]:
    """Heads of the by-phrase of a passive verb."""
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not agents:
        # "by the French President Jean Martin days after ...": the parser sometimes hangs the
        # name elsewhere; a mention that starts right after "by" is the agent.
        agents = [ctx.doc[ctx.token_mentions[c.i + 1].start] for c in verb.children
                  if c.dep_ == "agent" and c.i + 1 in ctx.token_mentions and ctx.token_mentions[c.i + 1].start == c.i + 1]
    return agents


def agents_of(verb: Token, ctx: ArticleContext) -> list[ActorRef]:
    """The actors doing `verb`: the by-phrase of a passive, else the subject."""
    agents = passive_agents(verb, ctx)
    if not agents and not any(c.dep_ == "nsubjpass" for c in verb.children):
        agents = [c for c in verb.children if c.dep_ == "nsubj"]
    return [r for head in agents for r in actors_at(head, ctx)]


def actors_in_preps(head: Token, words: tuple[str, ...], ctx: ArticleContext) -> list[ActorRef]:
    """The actors named by the objects of `head`'s prepositions (or by-agent) among `words`:
    "came under attack [by] Islamic State fighters", "shelling [by] government forces"."""
    return [r for prep in head.children if prep.dep_ in ("prep", "agent") and prep.lower_ in words
            for pobj in prep.children if pobj.dep_ == "pobj" for r in actors_at(pobj, ctx)]


def noun_sources(token: Token, ctx: ArticleContext) -> tuple[list[ActorRef], str]:
    """The actor an event noun names as its own: "Iran's refusal", "a US request", "a request by
    X", or the "by" phrase of the noun that counts it ("a series of airstrikes by Russian jets")."""
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            refs = actors_at(child, ctx)
            if refs:
                return refs, child.dep_ if child.dep_ != "nmod" else "compound"
    refs, via = _by_phrase_actors(token, ctx)
    if refs:
        return refs, via
    series = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if series is not None and series.lemma_.lower() in EVENT_SERIES_NOUNS:
        refs, via = _by_phrase_actors(series, ctx)
        if refs:
            return refs, f"{series.lemma_.lower()}-of>{via}"
    return [], ""


def _by_phrase_actors(noun: Token, ctx: ArticleContext) -> tuple[list[ActorRef], str]:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for pobj in child.children:
                refs = actors_at(pobj, ctx)
                if refs:
                    return refs, f"prep:{child.lower_}"
    return [], ""


def actors_at(head: Token, ctx: ArticleContext, parties: bool = False) -> list[ActorRef]:
    """Resolved actors denoted by the noun phrase headed by `head` (one per conjunct).
    `parties`: "between Syria and the PLO" names sides, even where the resolver read a
    country as a location."""
    refs: list[ActorRef] = []
    for member in [head] + list(conjuncts(head)):
        mention = ctx.token_mentions.get(member.i)
        if parties and mention is not None and mention.place and mention.kind in ("country", "capital"):
            found_refs = [mention.to_actor_ref()]
        else:
            found_refs = _actors_of_phrase(member, ctx)
        for found in found_refs:
            if not any(r.span == found.span for r in refs):
                refs.append(found)
    return refs


def _actors_of_phrase(head: Token, ctx: ArticleContext) -> list[ActorRef]:
    mention = ctx.token_mentions.get(head.i)
    modifiers = [c for c in head.children if c.dep_ in NP_MODIFIER_DEPS]
    modifier_mentions = [ctx.token_mentions.get(t.i) for c in modifiers for t in c.subtree]
    if mention is not None:
        # "officials of Iran", "the government of Iraq"; not "the sidelines of the UN".
        of_objects = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
        modifier_mentions += [ctx.token_mentions.get(p.i) for p in of_objects]
    modifier_mentions = list({id(m): m for m in modifier_mentions
                              if m is not None and m is not mention and resolved(m)}.values())
    # "Hungarian and Romanian officials": coordinated nationality adjectives on one head.
    coordinated = [m for c in modifiers if c.dep_ in ("amod", "compound", "nmod")
                   for t in [c, *conjuncts(c)] if (m := ctx.token_mentions.get(t.i)) is not None
                   and resolved(m) and m.country]
    if mention is not None and resolved(mention) and mention.country:
        extra = [m for m in coordinated if m is not mention and m.country != mention.country]
        return [mention.to_actor_ref()] + [m.to_actor_ref() for m in extra]
    if mention is not None and resolved(mention) and not modifier_mentions:
        return [mention.to_actor_ref()]
    if mention is not None and mention.sector and not mention.country and not modifier_mentions:
        # "opposition groups in Zimbabwe", "officials in Tokyo": the place gives the country.
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for pobj in prep.children:
                    place = ctx.token_mentions.get(pobj.i)
                    if place is not None and place.country:
                        start, end = head.left_edge.idx, place.span[1]
                        return [placed_actor(ctx.doc.text[start:end], (start, end), place.country, mention.sector)]
    if not modifier_mentions:
        if mention is None and (head.lemma_.lower() in PARTITIVE_HEADS or head.like_num):
            # "Thousands of Nigerians", "members of the opposition": the group of the "of" phrase.
            return [r for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj" for r in actors_at(o, ctx)]
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
            refs.append(placed_actor(ctx.doc.text[start:end], (start, end), country_mention.country, sector))
        else:
            refs.append(country_mention.to_actor_ref())
    return refs
