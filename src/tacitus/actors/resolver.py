"""Find the actors a parsed document mentions and say who they are at the event date.

The resolver runs three components: :mod:`matching` (names and agent nouns found and joined
into phrases), :mod:`interpretation` (each phrase becomes one :class:`Mention` with its code at
the date) and :mod:`discourse` (a few conservative document-level rules over all mentions).

Per-document work is linear in the number of tokens: two matcher passes and a walk over the
matches; the knowledge base is only consulted through dictionary look-ups.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tacitus.actors import discourse
from tacitus.actors.blocs import organisation_shorthands
from tacitus.actors.group_anaphors import group_anaphors
from tacitus.actors.peoples import stateless_peoples
from tacitus.actors.shorthands import compass_shorthands
from tacitus.actors.interpretation import MentionInterpreter
from tacitus.actors.kb import ActorKnowledgeBase
from tacitus.actors.matching import PERSON, SURNAME, AliasMatcher, Phrase
from tacitus.actors.mentions import Mention
from tacitus.actors.names import defined_abbreviations, described_names, unknown_full_names
from tacitus.actors.seats import read_generic_seats

__all__ = ["ActorResolver", "Mention"]


class ActorResolver:
    """Resolve actor mentions in parsed docs against an :class:`ActorKnowledgeBase`."""

    def __init__(self, kb: ActorKnowledgeBase, nlp: Language | Vocab) -> None:
        self.kb = kb
        self.matcher = AliasMatcher(kb, nlp)
        self.interpreter = MentionInterpreter(kb)
        self.country_names = {code: country.name for code, country in kb.countries.items()}

    def resolve(self, doc: Doc, when: dt.date | None = None) -> list[Mention]:
        items = self.matcher.items(doc, when)
        phrases = self.matcher.phrases(doc, items)
        mentions: list[Mention] = []
        surnames: dict[str, int] = {}
        unknown = unknown_full_names(doc, {i for it in items for i in range(it.start, it.end)})
        for phrase in phrases:
            if _repeats_unknown_name(doc, phrase, unknown):
                continue
            mention = self.interpreter.interpret(doc, phrase, when, mentions, surnames)
            if mention is None:
                continue
            mentions.append(mention)
            if mention.kind == "person" and mention.name and mention.end - mention.start > 1:
                surnames.setdefault(mention.name.split()[-1], len(mentions) - 1)
                # the surname as this text spells it ("Al Sabah" for the KB's "Al-Sabah")
                surnames.setdefault(doc[mention.end - 1].text, len(mentions) - 1)
        mentions.extend(discourse.repeated_surnames(doc, mentions, surnames))
        mentions.extend(described_names(doc, mentions))
        mentions.extend(defined_abbreviations(doc, mentions))
        mentions.extend(compass_shorthands(doc, mentions, self.country_names))
        mentions.extend(discourse.regions(doc, mentions))
        mentions.extend(organisation_shorthands(doc, mentions, self.kb))
        mentions.extend(group_anaphors(doc, mentions))
        read_generic_seats(doc, mentions, self.kb.agent_nouns)
        discourse.share_coordinated_nouns(doc, mentions)
        discourse.fill_context_government(mentions)
        discourse.place_ethnic_communities(doc, mentions)
        mentions.extend(stateless_peoples(doc, mentions))
        discourse.fill_context_country(doc, mentions)
        discourse.follow_referents(mentions)
        mentions.extend(discourse.pronouns(doc, mentions))
        mentions.sort(key=lambda m: m.start)
        return mentions


def _repeats_unknown_name(doc: Doc, phrase: Phrase, unknown: dict[str, int]) -> bool:
    """A one-word name that is the surname of a person named in full earlier whom the knowledge
    base does not know ("Lindsey Graham" ... "Graham"): not the known person sharing it."""
    if len(phrase.items) != 1 or phrase.items[0].cls not in (PERSON, SURNAME) or phrase.end - phrase.start != 1:
        return False
    first = unknown.get(doc[phrase.start].text)
    return first is not None and first < phrase.start
