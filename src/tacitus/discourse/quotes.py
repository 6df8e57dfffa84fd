"""Quotations and their speakers: "we" inside a quotation is the side of whoever is quoted, and a
quotation may run over several sentences with its "X said" in only one of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from tacitus.discourse.phrases import actors_of_phrase
from tacitus.discourse.rules import discourse_rules
from tacitus.events.attribution import SPEECH_VERBS
from tacitus.records import ActorRef

if TYPE_CHECKING:
    from tacitus.events.coder import ArticleContext


@dataclass(frozen=True)
class Quotation:
    start: int  # character offsets of the quoted words, marks included
    end: int
    speakers: tuple[ActorRef, ...]
    speech_verb: Token
    sentence_index: int  # the sentence of the speech verb


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the quotations in a text; an unclosed quotation is left out."""
    spans = []
    for opening, closing in discourse_rules().quote_marks:
        position = 0
        while (start := text.find(opening, position)) >= 0:
            end = text.find(closing, start + 1)
            if end < 0:
                break
            spans.append((start, end + 1))
            position = end + 1
    return sorted(spans)


def find_quotations(ctx: ArticleContext) -> list[Quotation]:
    """Quotations whose speaker a speech verb outside the marks names: in the sentence where the
    quotation ends ('..., Bali said.') or in the one where it begins ('Hunt said: "...'). A
    quotation that names no speaker and follows the previous one within a sentence continues
    the same speaker, as news writing does."""
    sentences = list(ctx.doc.sents)
    quotations: list[Quotation] = []
    for start, end in quotation_spans(ctx.doc.text):
        touching = [(i, s) for i, s in enumerate(sentences) if s.start_char < end and start < s.end_char]
        found = None
        for index, sent in reversed(touching):
            verb = _speech_verb_outside(sent, start, end)
            speakers = [r for c in verb.children if c.dep_ == "nsubj" for r in actors_of_phrase(c, ctx)] if verb else []
            if speakers:
                found = Quotation(start, end, tuple(speakers), verb, index)
                break
        if found is None and quotations and touching and _follows(quotations[-1], touching[0][0], sentences):
            previous = quotations[-1]
            found = Quotation(start, end, previous.speakers, previous.speech_verb, previous.sentence_index)
        if found is not None:
            quotations.append(found)
    return quotations


def _follows(previous: Quotation, first_sentence: int, sentences: list[Span]) -> bool:
    """Whether a quotation opening in `first_sentence` comes right after `previous` (its end
    lies in that sentence or the one before)."""
    ended_in = next((i for i, s in enumerate(sentences) if s.start_char <= previous.end - 1 < s.end_char), None)
    return ended_in is not None and first_sentence - ended_in in (0, 1)


def _speech_verb_outside(sent: Span, start: int, end: int) -> Token | None:
    for token in sent:
        if start <= token.idx < end:
            continue
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS \
                and any(c.dep_ == "nsubj" for c in token.children):
            return token
    return None


def quotation_at(quotations: list[Quotation], char: int) -> Quotation | None:
    return next((q for q in quotations if q.start <= char < q.end), None)


def speaks_in_first_person(token: Token) -> Token | None:
    """The first-person subject of the clause a verb trigger belongs to ("we will leave", "our
    forces will leave"), or None; a noun trigger's possessor is its own business ("my concern")."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    first_person = discourse_rules().first_person
    current = token
    for _ in range(5):
        for child in current.children:
            if child.dep_ == "nsubj" and (child.lower_ in first_person or any(
                    g.dep_ == "poss" and g.lower_ in first_person for g in child.children)):
                return child
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children) or current.head is current \
                or current.dep_ not in ("xcomp", "conj", "advcl"):
            return None
        current = current.head
    return None
