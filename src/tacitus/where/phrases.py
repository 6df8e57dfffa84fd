"""Finding place phrases in the parse: the prepositional phrases of an event's own clause,
of the sentence around it, and whether a clause is someone's speech about an event elsewhere.

A place phrase is a preposition and its object: "in Tehran", "at the White House", "near
Aleppo", "on the sidelines of the General Assembly". A place that is an argument itself
("*Tehran* said", "sanctions on Iran") is an actor, not a location.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from spacy.tokens import Span, Token

from tacitus.when import event_phrase_head
from tacitus.where.tables import word_set

LOCATIVE_PREPS = word_set("locative_prepositions")
# Prepositions through which a venue, but not a city or country, is where the event happened:
# "a speech to the General Assembly" vs "a delegation to Moscow" (a destination, a target).
VENUE_PREPS = word_set("venue_prepositions")
SIDELINE_NOUNS = word_set("sideline_nouns")
# Relations that open a clause with an event of its own: its places are not this event's.
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj", "xcomp", "pcomp"}
SPEECH_LEMMAS = word_set("speech_verbs")
PLACE_KIND_NOUNS = word_set("place_kind_nouns")
ASSAULT_NOUNS = word_set("assault_nouns")
ASSAULT_PREPS = word_set("assault_prepositions")
WITHDRAWAL_WORDS = word_set("withdrawal_words")
TRAVEL_NOUNS = word_set("travel_nouns")
# Speech verbs whose object is the audience ("told reporters in Tehran"), not what is said.
AUDIENCE_SPEECH_LEMMAS = word_set("audience_speech_verbs")
# Verbs whose object is where the act happens ("visited Ankara").
PLACE_OBJECT_LEMMAS = word_set("place_object_verbs")
# Verbs whose object is the place the act leaves ("would leave Syria").
LEAVING_LEMMAS = word_set("leaving_verbs")
MEETING_NOUNS = word_set("meeting_nouns")
MEETING_PRESENCE_LEMMAS = word_set("meeting_presence_verbs")
# Names before a meeting noun that say who holds or backs it, not where ("the UN talks").
SPONSOR_ENTITY_TYPES = ("ORG", "NORP", "PERSON")
# "shelled villages near Afrin" (the preposition two below the trigger), "held talks with
# the envoy in Geneva" (three below).
MAX_PHRASE_DEPTH = 3

Phrase = tuple[Token, Token]  # (preposition, object)


def phrases_with_origin(trigger: Token) -> Iterator[tuple[Phrase, str]]:
    """The trigger's own place phrases, then, for a relative clause, those of the noun phrase
    it describes ("a speech to the UN ..., where he attacked the deal"): up to the clause the
    noun belongs to, or into it for a "where" clause, whose antecedent is a place."""
    for phrase in _places_left(trigger):
        yield phrase, f"the place '{trigger.text}' leaves"
    for phrase in place_phrases(trigger):
        yield phrase, f"'{phrase[0].text}' phrase of '{trigger.text}'"
    container = event_phrase_head(trigger) if trigger.pos_ == "NOUN" else trigger
    if container.i != trigger.i:
        # "three waves of shelling on Goma": the phrase the event noun sits in
        for phrase in place_phrases(container):
            yield phrase, f"'{phrase[0].text}' phrase of '{container.text} of {trigger.text}'"
    for phrase in _meeting_places(trigger):
        yield phrase, f"the place named on '{phrase[0].text}'"
    if trigger.dep_ not in ("relcl", "acl"):
        return
    is_where = any(c.lower_ == "where" for c in trigger.children if c.dep_ in ("advmod", "mark"))
    current = trigger.head
    while True:
        if current.dep_ == "pobj" and current.head.dep_ == "prep" and is_where:
            # "in Vienna, where they met": the antecedent itself is the place.
            yield (current.head, current), f"antecedent of '{trigger.text}'"
        if is_predicate(current) and not is_where:
            return
        for phrase in place_phrases(current):
            yield phrase, f"'{phrase[0].text}' phrase of '{current.text}', which the relative clause '{trigger.text}' describes"
        if is_predicate(current) or current.head.i == current.i:
            return
        current = current.head


def _places_left(trigger: Token) -> Iterator[Phrase]:
    """ "would leave Syria", "left the town of Manbij" (the kind of place names it in its "of"
    phrase): a leaving happens at the place left. Only the event's own place: where a story's
    actors leave is no scene of the story."""
    if trigger.lemma_.lower() not in LEAVING_LEMMAS:
        return
    for place in (c for c in trigger.children if c.dep_ == "dobj"):
        yield trigger, place
        yield from ((prep, pobj) for prep in place.children if prep.dep_ == "prep" and names_a_place_kind(prep)
                    for pobj in prep.children if pobj.dep_ == "pobj")


def _meeting_places(trigger: Token) -> Iterator[Phrase]:
    """ "the Geneva talks", "will attend the Warsaw summit": a place name before a meeting noun
    says where it meets, and so where the meeting, or an act at it, happens."""
    meetings = [trigger] if trigger.lower_ in MEETING_NOUNS else []
    if trigger.lemma_.lower() in MEETING_PRESENCE_LEMMAS:
        meetings += [c for c in trigger.children if c.dep_ == "dobj" and c.lower_ in MEETING_NOUNS]
    for meeting in meetings:
        yield from ((meeting, c) for c in meeting.children if names_a_meeting_place(meeting, c))


def names_a_meeting_place(meeting: Token, name: Token) -> bool:
    """ "Warsaw" in "the Warsaw summit": a proper name compounded with a meeting noun."""
    return name.dep_ == "compound" and name.pos_ == "PROPN" and name.head.i == meeting.i \
        and meeting.lower_ in MEETING_NOUNS and name.ent_type_ not in SPONSOR_ENTITY_TYPES


def place_phrases(trigger: Token, max_depth: int | None = MAX_PHRASE_DEPTH) -> Iterator[Phrase]:
    """(preposition, object) pairs in the trigger's clause, nearest first, down to `max_depth`
    tokens below the trigger: deeper ones belong to other events the clause mentions ("expelled
    a diplomat for his involvement in the killing of a leader in British Columbia")."""
    if trigger.lemma_.lower() in PLACE_OBJECT_LEMMAS:
        yield from ((trigger, c) for c in trigger.children if c.dep_ == "dobj")
    queue = deque([(trigger, 0)])
    while queue:
        token, depth = queue.popleft()
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS:
                continue
            if max_depth is not None and depth + 1 > max_depth:
                break
            if child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and _could_be_place(child):
                        yield child, pobj
            queue.append((child, depth + 1))


def content_phrases(clause: Token, max_depth: int | None = None) -> Iterator[Phrase]:
    """The place phrases of a clause that say where something happened: all of them, but for a
    speech verb only those inside what is said ("said the office in Kaesong was ruined"), not
    where it was said or to whom ("told reporters in Tehran")."""
    if not is_speech(clause):
        yield from place_phrases(clause, max_depth)
        return
    for child in clause.children:
        if child.dep_ in ("dobj", "attr", "oprd") and clause.lemma_.lower() not in AUDIENCE_SPEECH_LEMMAS:
            yield from place_phrases(child, max_depth)


def sentence_phrases(trigger: Token) -> Iterator[tuple[Phrase, str]]:
    """Place phrases of the other clauses of the trigger's sentence, nearest clause first,
    leaving out the clauses of speech verbs the event is reported through: "told reporters in
    Tehran that the request made in New York ..." is said in Tehran, about New York."""
    reporting = set(speech_ancestors(trigger))
    phrases = [(phrase, clause) for clause in _clauses_by_distance(trigger)
               if clause.i != trigger.i and clause.i not in reporting
               for phrase in content_phrases(clause, MAX_PHRASE_DEPTH)]
    # "fighting in Afrin", "visited Ankara" place a happening; "its bases in Syria" only
    # describes a thing, and comes after them
    phrases.sort(key=lambda item: not places_a_happening(item[0][0]))
    for phrase, clause in phrases:
        yield phrase, f"'{phrase[0].text}' phrase of '{clause.text}' in the same sentence"


def places_a_happening(prep: Token) -> bool:
    """A place phrase on a verb (or a verb's place object) rather than on a noun."""
    return prep.pos_ in ("VERB", "AUX") or prep.head.pos_ in ("VERB", "AUX")


def speech_ancestors(token: Token) -> list[int]:
    """Indices of the speech verbs whose reported content contains `token`."""
    found, current = [], token
    while current.head.i != current.i:
        parent = current.head
        if is_speech(parent) and current.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj"):
            found.append(parent.i)
        current = parent
    return found


def is_speech(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_LEMMAS


def is_predicate(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"))


def _could_be_place(prep: Token) -> bool:
    word = prep.lower_
    return word in LOCATIVE_PREPS or word in VENUE_PREPS or (word == "of" and prep.head.lower_ in SIDELINE_NOUNS) \
        or names_a_place_kind(prep) or targets_a_place(prep)


def is_place_object(verb: Token, head: Token) -> bool:
    """"visited Ankara", "left Kabul": the object of a visit, or of a leaving, is where it happened."""
    return verb.i == head.head.i and head.dep_ == "dobj" and verb.lemma_.lower() in PLACE_OBJECT_LEMMAS | LEAVING_LEMMAS


def targets_a_place(prep: Token) -> bool:
    """"an attack on Mosul", "the siege of Aleppo": an assault on a place happens there;
    "withdrawing troops from Syria": so does a withdrawal from one, and "a trip to Lisbon" a
    journey to one."""
    head = prep.head
    # the noun itself, or the event noun it holds through "of" ("a wave of airstrikes on Mosul")
    lemmas = {head.lemma_.lower()} | {p.lemma_.lower() for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                                       for p in c.children if p.dep_ == "pobj"}
    return (prep.lower_ in ASSAULT_PREPS and bool(lemmas & ASSAULT_NOUNS)) or (
        prep.lower_ == "from" and bool(lemmas & WITHDRAWAL_WORDS)) or (prep.lower_ == "to" and bool(lemmas & TRAVEL_NOUNS))


def names_a_place_kind(prep: Token) -> bool:
    """"shelled *the village of* Baghuz": the "of" phrase of a kind of place names the place."""
    return prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_KIND_NOUNS and not prep.head.ent_type_


def _clauses_by_distance(trigger: Token) -> list[Token]:
    """The predicates of the sentence (and the root), by tree distance from the trigger."""
    sentence: Span = trigger.sent
    heads = [t for t in sentence if t.dep_ == "ROOT" or (is_predicate(t) and t.dep_ in CLAUSE_DEPS)]
    return sorted(heads, key=lambda t: (_distance(trigger, t), t.i))


def _distance(a: Token, b: Token) -> int:
    up_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return n + up_a[t.i]
    return len(a.sent)
