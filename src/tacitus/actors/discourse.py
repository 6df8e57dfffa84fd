"""Discourse: document-level rules that read the article's mentions together.

A bare surname repeats an earlier full mention; provinces named as such are places of their
country; coordinated nationality adjectives share their noun ("Hungarian and Romanian
officials"); "administration" takes the article's dominant government; a people named by
nationality is placed where it lives; a sector noun with no country takes the one the text
places it in; a clause-initial pronoun points to the last compatible subject, an object pronoun
to the last one that is not its own clause's subject.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from tacitus import rules
from tacitus.actors.interpretation import LOCATION_PREPOSITIONS
from tacitus.actors.context_country import ContextCountries
from tacitus.actors.kb import compose_code
from tacitus.actors.name_tokens import name_like
from tacitus.actors.mentions import Mention
from tacitus.actors.regions import find_regions

ADMINISTRATION_DEFAULT = "USA"
CONTEXT_COUNTRY_NOTE = "country from context"
COORDINATORS = rules.words("coordinators")
# Sectors whose members are international by nature: the country of the story is not theirs.
STATELESS_SECTORS = frozenset(("IGO",))
ETHNIC_MARKER = "ethnic"
SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
# "urged him", "met with them": an object pronoun refers back too, never to its own subject.
OBJECT_DEPS = frozenset(("dobj", "dative", "pobj"))
RELATIVE_TAGS = frozenset(("WDT", "WP"))
PERSON_PRONOUNS = rules.table("person_pronouns")
# "it" is left out: it refers to things ("the report") far more often than to actors.
PLURAL_PRONOUNS = rules.table("plural_pronouns")
PRONOUN_WINDOW_SENTENCES = 2
ENVOY_TITLES = rules.words("envoy_titles")
HELD_GROUND_NOUNS = rules.words("held_ground_nouns")


def repeated_surnames(doc: Doc, mentions: list[Mention], surnames: dict[str, int]) -> list[Mention]:
    """A later bare surname of a person introduced earlier, known to the KB or not."""
    if not surnames:
        return []
    covered = [False] * len(doc)
    for m in mentions:
        for i in range(m.start, m.end):
            covered[i] = True
    found = []
    for token in doc:
        idx = surnames.get(token.text)
        if idx is None or covered[token.i] or token.i < mentions[idx].end:
            continue
        if not name_like(doc[token.i:token.i + 1]):
            continue
        first = mentions[idx]
        found.append(Mention(
            token.i, token.i + 1, token.text, (token.idx, token.idx + len(token)),
            first.code, first.country, first.sector, first.name, first.actor_id, "person",
            f"same person as '{first.text}'", False, first.role, idx,
        ))
    return found


def regions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Provinces and states named as such ("Sindh province"): places of their country."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for region in find_regions(doc):
        if any(i in taken for i in range(region.start, region.end)):
            continue
        span = doc[region.start:region.end]
        found.append(Mention(region.start, region.end, span.text, (span.start_char, span.end_char),
                             region.country, region.country, None, region.name, None, "region",
                             f"region '{region.name}' of {region.country} (ISO 3166-2)", place=True))
    return found


def share_coordinated_nouns(doc: Doc, mentions: list[Mention]) -> None:
    """'Hungarian and Romanian officials': the first adjective gets the shared noun's sector."""
    for i in range(len(mentions) - 2, -1, -1):
        bare, full = mentions[i], mentions[i + 1]
        if bare.kind != "country" or bare.sector is not None or bare.place or full.sector is None:
            continue
        if full.kind not in ("agent", "person") or full.country is None:
            continue
        between = doc[bare.end:full.start]
        if not between or not all(t.lower_ in COORDINATORS for t in between):
            continue
        if doc[bare.end - 1].pos_ != "ADJ" and doc[bare.end - 1].dep_ not in ("amod", "compound", "nmod"):
            continue
        bare.code = compose_code(bare.country, full.sector)
        bare.sector = full.sector
        bare.kind = "agent"
        bare.why = f"{bare.why}; shares the noun of coordinated '{full.text}'"


def fill_context_government(mentions: list[Mention]) -> None:
    """'a senior administration official': the article's most mentioned government."""
    governments = Counter(
        m.country for m in mentions if m.country and m.sector == "GOV" and not m.place
        and not m.awaits_government
    )
    for mention in mentions:
        if not mention.awaits_government:
            continue
        mention.awaits_government = False
        if not governments:
            mention.why = "administration with no government named in the article"
            continue
        if ADMINISTRATION_DEFAULT in governments:
            # News English calls the US executive "the administration"; other governments
            # are rarely so named, so a US government in the article is the likelier referent.
            country, count = ADMINISTRATION_DEFAULT, governments[ADMINISTRATION_DEFAULT]
            reason = "the US government named in the article (usual referent of 'administration')"
        else:
            country, count = governments.most_common(1)[0]
            reason = f"the article's dominant government {country}"
        mention.country = country
        mention.code = compose_code(country, mention.sector)
        mention.why = f"administration read as {reason} ({count} mentions); lower confidence"


def fill_context_country(doc: Doc, mentions: list[Mention]) -> None:
    """'rebels', 'the opposition', 'President X' (unknown) with no country take the one the
    text places them in (see :class:`ContextCountries`). Without any the country stays unknown."""
    wanting = [m for m in mentions if _wants_context_country(m)]
    if not wanting:
        return
    context = ContextCountries(doc, mentions)
    named = {m.start for m in mentions if m.actor_id and m.kind in ("igo", "group", "person")}
    for mention in wanting:
        if _modifies_other_noun(doc, mention) or _located_inside_subject(doc, mention, context.place_tokens) \
                or _qualified_as_outsider(doc, mention):
            continue
        if mention.end in named or (mention.end < len(doc) and doc[mention.end].text == "," and mention.end + 1 in named):
            continue  # "rights watchdog Amnesty International": the name says who it is
        if mention.role and mention.role.lower() in ENVOY_TITLES:
            _envoy_of_organisation(doc, mention, mentions)
            continue
        found = context.country_for(mention)
        if found is not None:
            country, reason = found
            mention.country = country
            mention.code = compose_code(country, mention.sector)
            mention.why = f"{mention.why}; {CONTEXT_COUNTRY_NOTE} {country}: {reason}"
            mention.country_from_context = True


def _envoy_of_organisation(doc: Doc, envoy: Mention, mentions: list[Mention]) -> None:
    """An envoy with no country: the international organisation its sentence names, if one."""
    sentence = doc[envoy.start].sent
    igo = next((m for m in mentions if m.kind == "igo" and m.code and not m.place
                and sentence.start <= m.start < sentence.end), None)
    if igo is None:
        return
    envoy.code = igo.code
    envoy.country_from_context = True
    envoy.why = f"{envoy.why}; envoy of '{igo.text}' named in the sentence ({igo.code})"


def follow_referents(mentions: list[Mention]) -> None:
    """A repeated surname whose first mention got its country from the context gets it too."""
    for mention in mentions:
        if mention.refers_to is None or mention.country or mention.code or mention.kind != "person":
            continue
        first = mentions[mention.refers_to]
        if first.kind == "person" and first.country_from_context and first.code:
            mention.country, mention.code, mention.sector = first.country, first.code, first.sector
            mention.country_from_context = True
            mention.why = f"{mention.why}; its code from context {first.code}"


def place_ethnic_communities(doc: Doc, mentions: list[Mention]) -> None:
    """A people named by nationality is coded, as CAMEO does, by where it lives: "the
    Albanians of southern Serbia" by the country of its "of"/"in" phrase; "ethnic Albanians"
    (a community living in another country: "ethnic Albanians demonstrated in Serbia") by
    the country the context names, other than their nationality; with none they keep the
    nationality."""
    context: ContextCountries | None = None
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    for mention in mentions:
        if mention.place or mention.kind not in ("country", "agent") or mention.country is None:
            continue
        residence = _residence_phrase(doc, mention, by_token) if mention.kind == "country" and not mention.sector \
            else None
        if residence is not None:
            country, reason = residence.country, f"lives in '{residence.text}'"
        elif mention.start > 0 and doc[mention.start - 1].lower_ == ETHNIC_MARKER:
            context = context or ContextCountries(doc, mentions)
            found = context.country_for(mention, other_than=mention.country)
            if found is None:
                continue
            country, reason = found
            reason = f"{CONTEXT_COUNTRY_NOTE} {country}: {reason}"
            mention.country_from_context = True
        else:
            continue
        mention.why = f"{mention.why}; ethnic {mention.country} community living in {country}: {reason}"
        mention.country = country
        mention.code = compose_code(country, mention.sector)


def pronouns(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    found: list[Mention] = []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    # in text order: the passes before this one append their mentions at the end
    subjects = sorted((
        (idx, m) for idx, m in enumerate(mentions) if not m.place and _is_subject(doc[m.start:m.end].root)
    ), key=lambda item: item[1].start)
    sent_index = [0] * len(doc)
    for s_i, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_index[i] = s_i
    for token in doc:
        low = token.lower_
        want = PERSON_PRONOUNS.get(low) or PLURAL_PRONOUNS.get(low)
        if want is None or token.i in covered or token.pos_ != "PRON":
            continue
        clause_subject = token.dep_ in SUBJECT_DEPS or (
            token.dep_ == "poss" and token.head.dep_ in SUBJECT_DEPS
        )
        if not clause_subject and token.dep_ not in OBJECT_DEPS:
            continue
        bound = set() if clause_subject else _bound_subjects(token)
        antecedent = None
        for idx, m in reversed(subjects):
            if m.start >= token.i or any(i in bound for i in range(m.start, m.end)):
                continue
            if sent_index[token.i] - sent_index[m.start] > PRONOUN_WINDOW_SENTENCES:
                break
            if _compatible(want, m, doc):
                antecedent = (idx, m)
                break
        if antecedent is None:
            continue
        idx, m = antecedent
        found.append(Mention(
            token.i, token.i + 1, token.text, (token.idx, token.idx + len(token)),
            m.code, m.country, m.sector, m.name, m.actor_id, "pronoun",
            f"'{token.text}' refers to '{m.text}' (token {m.start})", False, m.role, idx,
            country_from_context=m.country_from_context,
        ))
    return found



def _bound_subjects(pronoun: Token) -> set[int]:
    """Tokens an object pronoun cannot stand for: the subject of its own clause ("Trump told
    him": not Trump), or for a relative clause the noun it modifies ("Erdogan, who urged him":
    not Erdogan) with its appositions."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    bound: set[int] = set()
    for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS):
        bound |= {t.i for t in subject.subtree}
        if subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
            noun = verb.head
            bound |= {noun.i} | {a.i for c in noun.children if c.dep_ == "appos" for a in c.subtree}
            if noun.dep_ == "appos":
                bound.add(noun.head.i)
    return bound


def _is_subject(root: Token) -> bool:
    """A clause's subject, the name in apposition to it ("the negotiator, X, said") or the group
    a partitive subject counts ("thousands of protesters marched")."""
    return root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS) or (
        root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ in SUBJECT_DEPS)


def _residence_phrase(doc: Doc, mention: Mention, by_token: dict[int, Mention]) -> Mention | None:
    """The country or place of another country in the mention's "of"/"in" phrase."""
    nationality = mention.country
    for prep in doc[mention.start:mention.end].root.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
            for pobj in prep.children:
                for token in pobj.subtree:
                    place = by_token.get(token.i)
                    if place is not None and place.country and place.country != nationality and (
                            place.place or place.kind in ("country", "capital")):
                        return place
    return None


def _wants_context_country(mention: Mention) -> bool:
    """A sector noun or an unknown titled person whose text gives no country."""
    if mention.country or mention.code or mention.place or mention.sector in STATELESS_SECTORS \
            or mention.country_unsettled:
        return False
    if mention.sector is None or mention.awaits_government or mention.refers_to is not None:
        return False
    return mention.kind == "agent" or (mention.kind == "person" and mention.actor_id is None)


# "Western officials", "foreign diplomats": the words say the group is not of the country the
# sentence is about.
OUTSIDER_QUALIFIERS = rules.words("outsider_qualifiers")


def _qualified_as_outsider(doc: Doc, mention: Mention) -> bool:
    root = doc[mention.start:mention.end].root
    # a government's own title names its remit: "the foreign minister" is no outsider
    own = set() if mention.sector == "GOV" else {t.lower_ for t in doc[mention.start:mention.end]}
    words = own | {c.lower_ for c in root.children if c.dep_ == "amod" and not mention.start <= c.i < mention.end}
    return bool(words & OUTSIDER_QUALIFIERS)


def _modifies_other_noun(doc: Doc, mention: Mention) -> bool:
    """'military exercises', 'a guerrilla stronghold': the agent noun only describes a thing."""
    last = doc[mention.end - 1]
    if last.head.lower_ in HELD_GROUND_NOUNS:
        return False
    return last.dep_ in ("amod", "compound", "nmod") and not mention.start <= last.head.i < mention.end


def _located_inside_subject(doc: Doc, mention: Mention, place_tokens: set[int]) -> bool:
    """'Thousands of protesters blocked roads in Caracas': the event coder gives an agent nested
    in a subject the country of the place its verb acts in, and looks only at agents without a
    country for it (events.coder, located agent); filling one here would hide it from the coder."""
    token = doc[mention.start:mention.end].root
    while token.dep_ not in SUBJECT_DEPS and token.head.i != token.i:
        token = token.head
    if token.dep_ not in SUBJECT_DEPS or mention.start <= token.i < mention.end:
        return False
    return any(
        prep.dep_ == "prep" and prep.lower_ in LOCATION_PREPOSITIONS and pobj.i in place_tokens
        for prep in token.head.children for pobj in prep.children
    )


def _compatible(want: str, mention: Mention, doc: Doc) -> bool:
    if want == "person":
        # "the UN envoy ... he": one holder of a title is a person
        return mention.kind == "person" or (
            mention.kind == "agent" and mention.role is not None and doc[mention.end - 1].tag_ in ("NN", "NNP"))
    plural = doc[mention.end - 1].tag_ in ("NNS", "NNPS")
    # a capital or a seat read as its government is "it", not "they", unless coordinated
    root = doc[mention.start:mention.end].root
    coordinated = root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)
    return mention.kind in ("country", "igo", "group") or (
        mention.kind in ("capital", "seat") and coordinated) or (
        mention.kind == "agent" and plural
    )

