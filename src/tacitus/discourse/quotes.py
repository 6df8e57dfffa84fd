"""Quotations and their speakers as actors: "we" inside a quotation is the side of whoever is
quoted, also where the quotation runs over several sentences or paragraphs with its "X said" in
only one of them (the quotations themselves: :mod:`tacitus.events.quotations`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from tacitus import rules
from tacitus.discourse.phrases import actors_of_phrase
from tacitus.discourse.rules import discourse_rules
from tacitus.events.quotations import quotations
from tacitus.records import ActorRef

if TYPE_CHECKING:
    from tacitus.context import ArticleContext

# "our allies", "our enemies": others named by their tie to the speaker, never the speaker.
SPEAKER_S_OTHERS = rules.words("speaker_s_others")


@dataclass(frozen=True)
class Quotation:
    start: int  # character offsets of the quoted words, marks included
    end: int
    speakers: tuple[ActorRef, ...]
    speech_verb: Token
    sentence_index: int  # the sentence of the speech verb


def find_quotations(ctx: ArticleContext) -> list[Quotation]:
    """The article's quotations whose speaker is an actor (the quotations and their sayings are
    found by :mod:`tacitus.events.quotations`, for the attribution of events too)."""
    doc = ctx.doc
    sentence_of = {sent.start: index for index, sent in enumerate(doc.sents)}
    found = []
    for quotation in quotations(doc):
        if quotation.speaker is None:
            continue
        speakers = actors_of_phrase(quotation.speaker, ctx)
        if not speakers:
            continue
        closing = doc[quotation.closing] if quotation.closing < len(doc) else doc[-1]
        found.append(Quotation(doc[quotation.opening].idx, closing.idx + len(closing), tuple(speakers),
                               quotation.speech_verb, sentence_of[quotation.speech_verb.sent.start]))
    return found


def quotation_at(quotations: list[Quotation], char: int) -> Quotation | None:
    return next((q for q in quotations if q.start <= char < q.end), None)


def speaks_in_first_person(token: Token) -> Token | None:
    """The first-person subject of the clause a verb trigger belongs to ("we will leave", "our
    forces will leave", "we are ready to talk", "we were forced to leave"), or None; a noun
    trigger's possessor is its own business ("my concern"), and so are the speaker's others
    ("our partners demanded it")."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    first_person = discourse_rules().first_person
    current, subject_deps = token, ("nsubj",)
    for _ in range(5):
        for child in current.children:
            if child.dep_ in subject_deps and (child.lower_ in first_person or (
                    child.lemma_.lower() not in SPEAKER_S_OTHERS
                    and any(g.dep_ == "poss" and g.lower_ in first_person for g in child.children))):
                return child
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children) or current.head is current \
                or current.dep_ not in ("xcomp", "conj", "advcl", "acomp"):
            return None
        # "we will be compelled to release them": the passive subject of a verb whose open
        # complement we came from does that act
        subject_deps = ("nsubj", "nsubjpass") if current.dep_ == "xcomp" else ("nsubj",)
        current = current.head
    return None
