"""According to whom? Finding who reports an event: "X said", "according to X", "X confirmed"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from tacitus import rules
from tacitus.events.quotations import SPEECH_VERBS, quotation_around, speaker_of

SUBORDINATING_MARKERS = rules.words("subordinating_markers")
# A clause these introduce under a speech verb happens while the speaker speaks ("the banners
# said, as the crowd marched"): a circumstance of the saying, never what is said.
SIMULTANEITY_MARKERS = rules.words("simultaneity_markers")
# Speech verbs whose use asserts the embedded event is true ("confirmed that Iran refused");
# the link stage reads them to call a claim confirmed.
CONFIRMING_VERBS = rules.words("confirming_verbs")
MAX_SPEAKER_TOKENS = 12


@dataclass(frozen=True)
class Speaker:
    head: Token  # head token of the speaker phrase
    text: str
    verb: str  # the speech verb lemma, or "according to"
    verb_token: Token | None = None  # the speech verb itself (None for "according to")


def _phrase(head: Token) -> str:
    start = head.left_edge.i
    end = min(head.right_edge.i + 1, start + MAX_SPEAKER_TOKENS)
    for token in head.doc[head.i + 1:end]:
        # "officials on Thursday confirmed": the date belongs to the saying, not to the speaker.
        if token.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in token.children):
            end = token.i
            break
    return head.doc[start:end].text.strip(" ,;:")


def _according_to(sent: Span) -> Token | None:
    for token in sent:
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None


def find_speaker(trigger: Token) -> Speaker | None:
    """The reporter of the event triggered by `trigger`, if the sentence names one."""
    # Walk up: "officials said [that Iran rejected]" / "Iran rejected ..., officials said".
    current = trigger
    for _ in range(8):
        head = current.head
        if head is current:
            break
        # A verb conjoined to a speech verb is another act of the speaker ("dismissed the vote
        # and questioned its legality"), not what was said.
        if head.lemma_.lower() in SPEECH_VERBS and head.pos_ in ("VERB", "AUX") and (current.dep_ in (
            "ccomp", "parataxis", "advcl", "xcomp", "dobj"
        ) or _continues_report(current, head)) and not _subordinated(current, SUBORDINATING_MARKERS | SIMULTANEITY_MARKERS):
            speaker = speaker_of(head)
            if speaker is not None and speaker.i != trigger.i and not _inside(trigger, speaker):
                return Speaker(speaker, _phrase(speaker), head.lemma_.lower(), head)
        current = head
    # "Iran rejected the offer, officials said": the speech verb hangs below the trigger's root.
    root = trigger.sent.root
    chain = {t.i for t in trigger.ancestors} | {trigger.i}
    if root.i in chain:
        for child in root.children:
            if child.dep_ in ("parataxis", "ccomp", "advcl", "conj") and child.lemma_.lower() in SPEECH_VERBS \
                    and (child.i > trigger.i or _parenthetical_before(child, trigger)) \
                    and not _subordinated(child) and not _says_its_own(child):
                speaker = speaker_of(child)
                if speaker is not None:
                    return Speaker(speaker, _phrase(speaker), child.lemma_.lower(), child)
    quoted = _speaker_of_quote(trigger)
    if quoted is not None:
        return quoted
    according = _according_to(trigger.sent)
    if according is not None:
        return Speaker(according, _phrase(according), "according to")
    return None


def _parenthetical_before(speech: Token, trigger: Token) -> bool:
    """ "X did A, the official said, and B did C": a parenthetical report between two
    conjoined clauses tells both."""
    root = speech.head
    return speech.dep_ == "parataxis" and trigger.dep_ == "conj" and trigger.head.i == root.i \
        and root.i < speech.i < trigger.i


def _continues_report(clause: Token, speech: Token) -> bool:
    """The same when the parse makes the speech verb the root: "[X did A], the official said,
    and B did C" has C conjoined to "said", with a subject of its own (a second act of the
    speaker, "said A and added B", has none)."""
    return clause.dep_ == "conj" and clause.i > speech.i \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) \
        and any(c.dep_ == "ccomp" and c.i < speech.i for c in speech.children)


def _says_its_own(speech: Token) -> bool:
    """ "A pleaded with B, but C said it was impossible": a conjoined speech verb with a clause
    of its own reports that clause, not the one it is conjoined to."""
    return speech.dep_ == "conj" and any(c.dep_ == "ccomp" for c in speech.children)


def _subordinated(clause: Token, markers: frozenset[str] = SUBORDINATING_MARKERS) -> bool:
    """ "after the opposition said ...": a circumstance, not a report."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in markers for c in clause.children)


def _inside(token: Token, phrase_head: Token) -> bool:
    return phrase_head.left_edge.i <= token.i <= phrase_head.right_edge.i


def _speaker_of_quote(trigger: Token) -> Speaker | None:
    """ "X told reporters that "a request was made, but it was not accepted"": the parser may
    hang the second clause anywhere; inside the quotation marks it is still X's words, also in
    the later sentences of a quotation and in the quotations that go on from it
    (:mod:`tacitus.events.quotations`)."""
    quotation = quotation_around(trigger)
    if quotation is None or quotation.speech_verb is None:
        return None
    verb = quotation.speech_verb
    return Speaker(quotation.speaker, _phrase(quotation.speaker), verb.lemma_.lower(), verb)
