"""Marks the trigger lexicon can name in its complement column, for what words alone cannot say.

- ``@place``: a verb's direct object is a place (a name the gazetteer knows, or a noun of a held
  place: "the town of Manbij", "the country"), so ``0874 verb leave @place`` codes "left Mali",
  not "left the summit" nor "left Cuba isolated".
- ``@under``: an attack noun is undergone by the subject of its verb ("US forces came under
  fire from a tank"), so ``190 noun fire @under`` codes that fire and no other.
- ``@criticism``: the verb or noun gives a reason of criticism ("came under fire for his
  remarks") or its "from"/"by" phrase names critics ("from opposition lawmakers"), so
  ``none noun fire @under @criticism`` keeps criticism out.
- ``@condemnation``: the verb describes its object as something condemned ("described the move
  as a betrayal", "called the vote a sham", "cast Iran as a cancerous influence"; the words of
  condemnation are those of :mod:`tacitus.events.judgements`), so ``111 verb describe
  @condemnation`` codes criticism and "described the talks as constructive" stays no event.
- ``@question``, ``@to-act``, ``@named``, ``@patronage``: what a verb's clause does ("asked
  whether", "sought to", "called the talks constructive", "militias backed by the US"),
  `events/act_marks.py`.
A mark is looked for only when one of the word's lexicon entries asks for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from tacitus import rules
from tacitus.events.judgements import condemning_description
from tacitus.events.act_marks import act_marks
from tacitus.events.lexicon import TriggerEntry
from tacitus.where import get_gazetteer

PLACE_MARK = "@place"
UNDER_MARK = "@under"
CRITICISM_MARK = "@criticism"
CONDEMNATION_MARK = "@condemnation"
LEFT_PLACE_NOUNS = rules.words("left_place_nouns")
UNDERGOING_VERBS = rules.words("undergoing_verbs")
CRITICISM_REASON_PREPS = rules.words("criticism_reason_preps")
CRITIC_NOUNS = rules.words("critic_nouns")
# spaCy's small model often tags a country as a person ("left Mali"): names are looked up
PLACE_ENTITY_TYPES = ("GPE", "LOC")
# Tags of a word that says in what state a place is left ("caught", "isolated").
STATE_TAGS = frozenset({"VBN", "JJ"})


def complement_marks(token: Token, entries: Iterable[TriggerEntry]) -> set[str]:
    """The marks of the trigger word that one of its lexicon `entries` asks for."""
    asked = {word for entry in entries for words in entry.complement for word in words if word.startswith("@")}
    if not asked:
        return set()
    marks = set()
    if PLACE_MARK in asked and _object_is_a_place(token):
        marks.add(PLACE_MARK)
    if CONDEMNATION_MARK in asked and condemning_description(token):
        marks.add(CONDEMNATION_MARK)
    verb = undergoing_verb(token)
    if verb is not None:
        marks.add(UNDER_MARK)
        if _criticised(token, verb):
            marks.add(CRITICISM_MARK)
    marks |= act_marks(token, asked)
    return marks & asked


def undergoing_verb(noun: Token) -> Token | None:
    """The verb whose subject undergoes the attack `noun` names ("came under fire"), or None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.head is prep:
        return None
    verb = prep.head
    if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in UNDERGOING_VERBS:
        return verb
    return None


def _criticised(noun: Token, verb: Token) -> bool:
    preps = [c for c in [*verb.children, *noun.children] if c.dep_ in ("prep", "agent")]
    if any(p.lower_ in CRITICISM_REASON_PREPS for p in preps):
        return True
    return any(pobj.dep_ == "pobj" and pobj.lemma_.lower() in CRITIC_NOUNS
               for p in preps if p.lower_ in ("from", "by") for pobj in p.children)


def _object_is_a_place(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "dobj" and not _left_in_a_state(verb, child) \
                and (child.ent_type_ in PLACE_ENTITY_TYPES or child.lemma_.lower() in LEFT_PLACE_NOUNS
                     or (child.pos_ == "PROPN" and _names_a_place(child))):
            return True
    return False


def _left_in_a_state(verb: Token, place: Token) -> bool:
    """ "left Kabul caught between two powers", "left Cuba isolated": a state the place is left
    in makes the verb one of causing, not of leaving the place."""
    return any(c.dep_ == "acl" and c.tag_ in STATE_TAGS for c in place.children) or any(
        c.dep_ in ("oprd", "acomp") or (c.dep_ in ("advcl", "xcomp") and c.tag_ in STATE_TAGS
                                        and not any(m.dep_ in ("mark", "nsubj", "aux") for m in c.children))
        for c in verb.children)


def _names_a_place(head: Token) -> bool:
    name = " ".join(t.text for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN") + " " + head.text
    name = name.strip()
    gazetteer = get_gazetteer()
    return bool(gazetteer.region(name) or gazetteer.first_level(name) or gazetteer.named_regions(name)
                or gazetteer.city_matches(name))
