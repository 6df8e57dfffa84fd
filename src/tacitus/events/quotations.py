"""Quotations and who speaks them, found once per document: the one finder that both the
attribution of events (:mod:`tacitus.events.attribution`) and the discourse pass
(:mod:`tacitus.discourse.quotes`) read.

News writing quotes in three ways, and a quotation's speaker is found in that order:
- the saying governs the quoted words: `X said: “...”`, `“...,” X said`;
- the quotation runs over several sentences and its saying is in the sentence where it ends
  (`“A. B,” X said.`) or begins (`X said: “A. B.”`), where the quotation opens or ends that
  sentence (a quoted phrase inside a clause is told only by a saying that governs it);
- a quotation with no saying of its own that opens a sentence right after another quotation
  continues that speaker, also in the next paragraph: a paragraph that opens a quotation and does
  not close it runs on into the next one, which reopens it.
The marks are read from `data/rules/quotation_marks.tsv`; the straight single mark, which is
also the apostrophe, is none.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tacitus import rules

# mark -> (opens | closes | either, double | single)
QUOTATION_MARKS = {mark: tuple(value.split()) for mark, value in rules.table("quotation_marks").items()}
SPEECH_VERBS = rules.words("speech_verbs")
_CACHE_KEY = "tacitus.quotations"  # the per-document list, kept in Doc.user_data


@dataclass(frozen=True)
class Quotation:
    opening: int  # token index of the opening mark
    closing: int  # token index of the closing mark, or the end of the paragraph left open
    speech_verb: Token | None
    speaker: Token | None  # head of the speaker phrase: the subject (or agent) of the saying
    continued: bool = False  # the speaker is that of the quotation before (no saying of its own)

    def holds(self, token: Token) -> bool:
        return self.opening < token.i < self.closing


def quotation_around(token: Token) -> Quotation | None:
    """The quotation the token is inside, if any."""
    return next((q for q in quotations(token.doc) if q.holds(token)), None)


def quotations(doc: Doc) -> list[Quotation]:
    """Every quotation of the document in text order, each with its speaker where the text gives
    one. Found once per document (every trigger asks) and kept in ``doc.user_data`` as token
    indexes only, so that the document still serializes."""
    found = doc.user_data.get(_CACHE_KEY)
    if found is None:
        found = [(q.opening, q.closing, _index(q.speech_verb), _index(q.speaker), q.continued)
                 for q in _find_quotations(doc)]
        doc.user_data[_CACHE_KEY] = found
    return [Quotation(opening, closing, doc[verb] if verb >= 0 else None, doc[speaker] if speaker >= 0 else None,
                      continued) for opening, closing, verb, speaker, continued in found]


def _index(token: Token | None) -> int:
    return token.i if token is not None else -1


def _find_quotations(doc: Doc) -> list[Quotation]:
    found: list[Quotation] = []
    pairs = quotation_marks(doc)
    quoted = {i for opening, closing in pairs for i in range(opening + 1, closing)}
    for opening, closing in pairs:
        verb, speaker = _saying_of(doc, opening, closing, quoted)
        if verb is None and found and found[-1].speech_verb is not None and _continues(doc, found[-1], opening):
            found.append(Quotation(opening, closing, found[-1].speech_verb, found[-1].speaker, continued=True))
        else:
            found.append(Quotation(opening, closing, verb, speaker))
    return found


def quotation_marks(doc: Doc) -> list[tuple[int, int]]:
    """(opening, closing) token indexes of each paragraph's quotations, their marks paired in
    order: a mark opens when none is open, whatever its shape (news text mixes them), and a mark
    of the open quotation's kind that is not an opening one closes it; a quotation left open
    runs to the end of its paragraph."""
    pairs: list[tuple[int, int]] = []
    opening, open_kind = None, None
    for token in doc:
        if token.is_space and "\n" in token.text:
            if opening is not None:
                pairs.append((opening, token.i))
            opening = None
            continue
        mark = _mark(token)
        if mark is None:
            continue
        role, kind = mark
        if opening is None and role in ("opens", "either"):
            opening, open_kind = token.i, kind
        elif opening is not None and kind == open_kind and role != "opens":
            pairs.append((opening, token.i + (role == "closes-word")))
            opening = None
    if opening is not None:
        pairs.append((opening, len(doc)))
    return pairs


def _mark(token: Token) -> tuple[str, str] | None:
    """What a token does as a quotation mark, (role, kind): as `QUOTATION_MARKS` says, or
    ("closes-word", "double") for a word ending in a closing double mark the tokenizer left on it
    ("faith″"); None for any other token."""
    if token.text in QUOTATION_MARKS:
        return QUOTATION_MARKS[token.text]
    last = QUOTATION_MARKS.get(token.text[-1]) if len(token.text) > 1 else None
    if last is not None and last[1] == "double" and last[0] in ("closes", "either"):
        return "closes-word", "double"
    return None


def _saying_of(doc: Doc, opening: int, closing: int, quoted: set[int]) -> tuple[Token | None, Token | None]:
    """The speech verb outside the marks that tells the quotation, and its speaker: one the quoted
    words depend on, else one in the sentence where the quotation ends (if the quotation opens
    its sentence or the verb governs its words: "“A. B,” X said") or where it begins (if the
    quotation ends its sentence or the verb governs its words: "X said: “A. B.”"). A quoted
    phrase in another clause of the sentence is not told by that clause's saying."""
    inside = range(opening + 1, closing)
    for i in inside:
        head = doc[i].head
        if head.i not in inside and _is_saying(head) and (speaker := _teller(head, quoted)) is not None:
            return head, speaker
    words = [doc[i] for i in inside if not (doc[i].is_punct or doc[i].is_space)]
    last = doc[max(closing - 1, opening)].sent
    first = doc[opening].sent
    opens_sentence = all(t.is_punct or t.is_space for t in doc[first.start:opening])
    ends_sentence = all(t.is_punct or t.is_space for t in doc[min(closing, last.end):last.end])
    after = [t for t in last if t.i > closing] if opens_sentence else [
        t for t in last if t.i > closing and any(t.is_ancestor(w) for w in words)]
    before = [t for t in reversed(list(first))
              if t.i < opening and (ends_sentence or any(t.is_ancestor(w) for w in words))]
    for token in after + before:
        if _is_saying(token) and (speaker := _teller(token, quoted)) is not None:
            return token, speaker
    return None, None


def _teller(verb: Token, quoted: set[int]) -> Token | None:
    """The speaker of a speech verb that tells a quotation. A quoted phrase with no verb may be
    parsed as the subject of an inverted saying ('“Absolute repudiation,” tweeted President
    Santos'): the speaker is then the name after the verb."""
    speaker = speaker_of(verb)
    if speaker is None or speaker.i not in quoted:
        return speaker
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ == "PROPN"), None)


def _is_saying(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS


def speaker_of(verb: Token) -> Token | None:
    """The speaker of a speech verb: its subject, or the by-phrase of its passive ("was reported
    by the BBC")."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _continues(doc: Doc, previous: Quotation, opening: int) -> bool:
    """Whether a quotation opening at `opening` goes on with `previous`: it opens its sentence
    (a quoted phrase inside another's sentence is the writer's) and the one before ended in that
    sentence or the sentence before it, paragraph breaks aside."""
    sentence = doc[opening].sent
    if any(not (t.is_punct or t.is_space) for t in doc[sentence.start:opening]):
        return False
    last_word = next((t for t in reversed(doc[previous.opening:previous.closing])
                      if not (t.is_punct or t.is_space)), None)
    if last_word is None:
        return False
    before = _previous_sentence(doc, sentence)
    return last_word.sent.start == sentence.start or (before is not None and last_word.sent.start == before.start)


def _previous_sentence(doc: Doc, sentence: Span) -> Span | None:
    """The sentence before, skipping those of nothing but marks and breaks (the parser makes a
    lone closing mark a sentence of its own)."""
    index = sentence.start - 1
    while index >= 0:
        previous = doc[index].sent
        if any(not (t.is_punct or t.is_space) for t in previous):
            return previous
        index = previous.start - 1
    return None
