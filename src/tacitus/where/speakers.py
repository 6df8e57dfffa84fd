"""Where speakers spoke, and so where their statements were made.

A statement (an accusation, a threat, a demand, a refusal) is an event that happens where its
speaker speaks, which the text gives on the speech verb ("said in Ankara", "said during a
speech in Ankara", "told reporters in Tehran", "told a rally in Bursa", "Speaking in London,
he said", "told reporters during a trip to Lisbon") or in another sentence about the same
speaker. What the statement is about ("warned activists in Turkey", "will launch an
offensive in northern Syria") happens elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from tacitus.where.phrases import SPEECH_LEMMAS, Phrase, is_speech, speech_ancestors
from tacitus.where.tables import word_set

# Verbs of statements that are events themselves: made where their speaker spoke.
STATEMENT_LEMMAS = word_set("statement_verbs")
# Nouns of the occasions a statement is made on ("a speech", "a rally", "a trip"): their place
# phrases say where the speaker spoke.
SPEAKING_OCCASIONS = word_set("speaking_occasions")
# PLOVER types of events that are statements: placed where their speaker spoke.
STATEMENT_EVENT_TYPES = word_set("statement_event_types")
# An occasion's place lies this many tokens below the speech verb at most ("said *during* a
# *speech* *in* Ankara", "Speaking after a meeting with the prime minister in London").
_OCCASION_DEPTH = 4


def is_statement(verb: Token) -> bool:
    return is_speech(verb) or (verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in STATEMENT_LEMMAS)


def spoken_phrases(verb: Token) -> Iterator[Phrase]:
    """Place phrases of a speech or statement verb that say where it was said: on the verb
    itself, inside the occasion it was said on, on a speaking participle before it, and on its
    audience when the audience is an occasion ("told a rally in Bursa"), not on what is said or
    whom it is about ("warned activists in Turkey")."""
    for child in verb.children:
        if child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield child, pobj
                    yield from _occasion_phrases(pobj)
        elif child.dep_ in ("dobj", "dative") and child.lemma_.lower() in SPEAKING_OCCASIONS:
            yield from _occasion_phrases(child)
        elif child.dep_ == "advcl" and child.lemma_.lower() in SPEECH_LEMMAS:
            yield from spoken_phrases(child)
    opening = verb.sent[0]
    if opening.dep_ == "prep" and opening.i < verb.i and opening.head.i != verb.i:
        # "In an address given in Dakar, billed as ..., the minister urged": an occasion
        # fronted in the sentence, whatever the parser hung it on
        for pobj in opening.children:
            if pobj.dep_ == "pobj":
                yield from _occasion_phrases(pobj)


def _occasion_phrases(noun: Token) -> Iterator[Phrase]:
    """"a speech in Ankara", "a trip to Lisbon", "a meeting with the prime minister in London"."""
    if noun.lemma_.lower() not in SPEAKING_OCCASIONS:
        return
    for token in noun.subtree:
        if token.dep_ == "prep" and token.i != noun.i and _depth_below(token, noun) <= _OCCASION_DEPTH:
            for pobj in token.children:
                if pobj.dep_ == "pobj":
                    yield token, pobj


def _depth_below(token: Token, ancestor: Token) -> int:
    depth = 0
    while token.i != ancestor.i and token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def speaking_verb(trigger: Token, ctx, statement: bool = False) -> Token | None:
    """The verb through which the event `trigger` is a statement of its own actor: the trigger
    itself when it is a speech or statement verb ("accused", "vowed"), or any verb of an event
    the caller knows is a statement (`statement`: "delivered a rebuke", "hit back at"), else
    the speech or statement verb whose content it is when the speaker is its actor ("Erdoğan
    said Turkey will launch ...", "vowed the US will expel ..."; not "witnesses said the army
    shelled ...")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if is_statement(verb):
        return verb
    ancestors = speech_ancestors(trigger)
    stated = _stating_head(verb)
    if stated is None and not ancestors:
        # its own subject's act, not the content of a plan or a saying ("vowed to launch")
        own = statement and verb.pos_ == "VERB" and verb.dep_ not in ("ccomp", "xcomp") \
            and any(c.dep_ == "nsubj" for c in verb.children)
        return verb if own else None
    speech = stated if stated is not None else trigger.doc[ancestors[0]]
    speaker, actor = speaker_code(speech, ctx), speaker_code(verb, ctx)
    # an actor of its own, from another country, makes the content someone else's act
    return speech if speaker and (actor is None or actor[:3] == speaker[:3]) else None


def _stating_head(verb: Token) -> Token | None:
    """The statement verb (not a speech verb) whose content clause `verb` heads: "vowed the US
    will expel" is a vow, made where Pompeo speaks."""
    if verb.dep_ != "ccomp" or verb.head.pos_ not in ("VERB", "AUX") or is_speech(verb.head):
        return None
    return verb.head if verb.head.lemma_.lower() in STATEMENT_LEMMAS else None


def speaker_of(verb: Token, ctx) -> tuple[str, str | None] | None:
    """Who the subject of a verb is, as the actors know it: (actor code, person id or None).
    Two ministers of one government keep their own places; "the president" may be either."""
    mention = _subject_mention(verb, ctx)
    if mention is None:
        return None
    return mention.code, mention.actor_id or mention.name


def same_speaker(one: tuple[str, str | None], other: tuple[str, str | None]) -> bool:
    return one[0] == other[0] and (one[1] is None or other[1] is None or one[1] == other[1])


def actor_country(verb: Token, ctx) -> str | None:
    """The country of the actor that is the subject of a verb, if the actors know it."""
    mention = _subject_mention(verb, ctx)
    if mention is None:
        return None
    return mention.country or mention.code[:3]


def speaker_code(verb: Token, ctx) -> str | None:
    """The actor code of the subject of a verb, if the actors know it."""
    mention = _subject_mention(verb, ctx)
    return mention.code if mention is not None else None


def _subject_mention(verb: Token, ctx):
    """The actor mention of the subject of a verb: its own subject, or that of the verb it is
    coordinated with or subordinate to ("vowed ... and warned", "vowed to crush", "Speaking in
    London, Yıldırım said")."""
    current = verb
    for _ in range(3):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return _mention_at(child, ctx)
        if current.dep_ not in ("conj", "xcomp", "advcl") or current.head.i == current.i:
            return None
        current = current.head
    return None


def _mention_at(token: Token, ctx):
    for mention in ctx.mentions:
        if mention.start <= token.i < mention.end and mention.code and not mention.place:
            return mention
    return None
