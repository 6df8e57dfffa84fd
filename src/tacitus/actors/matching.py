"""Matching: the knowledge base's names and agent nouns found in a parsed document, and
neighbouring matches joined into actor phrases.

Two phrase look-ups (:mod:`tacitus.nlp.phrases`) are built once: one on the exact tokens for
proper names (countries, nationality adjectives, capitals, government seats, IGOs, groups,
people; case-aware so "US" is not "us") and one on lowercased tokens for agent nouns and titles
("officials", "troops", "foreign minister"). Per document both run, the longest non-overlapping
matches are kept, and neighbouring matches are joined into phrases:

    [country | IGO | group] ['s | adjectives | compounds] [agent noun | title]* [person name]
    [agent noun | title] of [country | IGO]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tacitus import rules
from tacitus.actors.kb import ActorKnowledgeBase, AliasHit, pluralize
from tacitus.actors.name_tokens import (NAME_PARTICLES, defines_an_abbreviation, inside_longer_entity, modifier_token,
                                        name_like, name_run)
from tacitus.actors.regions import region_countries
from tacitus.nlp.phrases import TokenPhrases, tokenized

COUNTERPART_NOUNS = ("counterpart", "counterparts")
PLACE_ENTITIES = frozenset(("GPE", "LOC", "FAC"))
LOCATIVE_WORDS = rules.words("surname_locative_preps")
FAITH_WORDS = rules.words("faith_words")
CALENDAR_WORDS = rules.words("calendar_words")

# Item classes, in the order that breaks ties between equally long matches.
GEO, PERSON, TITLE, AGENT, COUNTERPART, SURNAME = "geo", "person", "title", "agent", "counterpart", "surname"
_CLASS_RANK = {GEO: 0, PERSON: 1, TITLE: 2, COUNTERPART: 2, AGENT: 3, SURNAME: 4}
_MAX_GAP = 3
# A capitalised word this close to a one-word country name or nationality ("Afganistan",
# "Phillippines") is taken for it. Short words are left out: "Iran"/"Iraq", "Mali"/"Bali".
MISSPELLING_MIN_SCORE = 90
MISSPELLING_MIN_LENGTH = 5


@dataclass
class Item:
    start: int
    end: int
    cls: str
    hits: tuple[AliasHit, ...] = ()
    sector: str | None = None
    title: str | None = None
    spelled_as: str | None = None  # the name a misspelt word was read as
    weak: bool = False  # a one-word name that names a person only after their full name


@dataclass
class Phrase:
    items: list[Item]
    start: int
    end: int
    name_run: tuple[int, int] | None = None  # an unknown name after a title
    of_geo: Item | None = None  # "president of Armenia"


class AliasMatcher:
    """Finds the knowledge base's names and nouns in docs and joins them into phrases."""

    def __init__(self, kb: ActorKnowledgeBase, nlp: Language | Vocab) -> None:
        self.kb = kb
        self._name_forms: dict[tuple[str, ...], str] = {}
        self._noun_forms: dict[tuple[str, ...], tuple[str, str | None, str]] = {}

        forms = list(kb.aliases)
        for form, tokens in zip(forms, tokenized(nlp, forms)):
            self._name_forms[tokens] = form
        self._names = TokenPhrases(self._name_forms)

        noun_entries: dict[str, tuple[str, str | None, str]] = {}
        for noun, sector in kb.agent_nouns.items():
            noun_entries[noun] = (AGENT, sector, noun)
        for title, sector in kb.titles.items():
            # A title is also a plural agent noun ("presidents", "ministers").
            noun_entries[title] = (TITLE, sector, title)
            noun_entries.setdefault(pluralize(title), (AGENT, sector, title))
        for noun in COUNTERPART_NOUNS:
            noun_entries[noun] = (COUNTERPART, None, noun)
        noun_texts = list(noun_entries)
        for text, tokens in zip(noun_texts, tokenized(nlp, noun_texts, lower=True)):
            self._noun_forms[tokens] = noun_entries[text]
        self._nouns = TokenPhrases(self._noun_forms, lower=True)

        self._adjectives = _lemmatizer_adjectives(nlp)
        region_countries()  # the ISO 3166-2 region index, built with the resolver rather than on first use
        # one-word country names and nationalities by first letter, for misspelt words
        self._country_words: dict[str, list[str]] = {}
        for form, hits in kb.aliases.items():
            if " " not in form and form.isalpha() and len(form) >= MISSPELLING_MIN_LENGTH \
                    and any(h.kind in ("country", "adjective") for h in hits):
                self._country_words.setdefault(form[0], []).append(form)


    # ------------------------------------------------------------ matching
    def items(self, doc: Doc, when: dt.date | None) -> list[Item]:
        candidates: list[Item] = []
        for start, end in self._names.find(doc):
            form = self._name_forms.get(tuple(t.text for t in doc[start:end]))
            if form is None:
                continue
            hits = tuple(h for h in self.kb.aliases[form] if self._hit_valid(h, when))
            geo = tuple(h for h in hits if h.kind not in ("person", "surname"))
            people = tuple(h for h in hits if h.kind == "person")
            surnames = tuple(h for h in hits if h.kind == "surname")
            if geo:
                candidates.append(Item(start, end, GEO, _order_hits(geo, self.kb, when)))
            elif defines_an_abbreviation(doc, start, end):
                # "the Montenegro Municipality Association (AKK)": the letters abbreviate the
                # name before them, whoever else they may stand for.
                continue
            elif people and (end - start > 1 or self.bare_surname(doc, start, end)):
                # a one-word alias ("Christian", "Friday") is a name only where a surname could be
                candidates.append(Item(start, end, PERSON, people, weak=self._weak_name(doc, start, end, people, when)))
            elif surnames and self.bare_surname(doc, start, end):
                candidates.append(Item(start, end, SURNAME, surnames, weak=self._weak_name(doc, start, end, surnames, when)))
        for start, end in self._nouns.find(doc):
            entry = self._noun_forms.get(tuple(t.lower_ for t in doc[start:end]))
            if entry is None:
                continue
            cls, sector, title = entry
            if cls == TITLE and doc[end - 1].tag_ in ("NNS", "NNPS"):
                cls = AGENT
            if doc[end - 1].pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue  # "official" in "official figures" is fine; verbs such as "leader" are not
            candidates.append(Item(start, end, cls, sector=sector, title=title))
        candidates.sort(key=lambda it: (-(it.end - it.start), _CLASS_RANK[it.cls], it.start))
        taken = [False] * len(doc)
        chosen = []
        for item in candidates:
            if any(taken[item.start:item.end]):
                continue
            for i in range(item.start, item.end):
                taken[i] = True
            chosen.append(item)
        chosen += self._misspelt_countries(doc, taken, when)
        # "West Bank", "Cumhuriyet University": a capitalised noun after an unknown proper
        # name is the end of that name, not an agent.
        chosen = [
            it for it in chosen
            if not (
                it.cls == AGENT and it.start > 0 and doc[it.start].text[:1].isupper()
                and doc[it.start - 1].pos_ == "PROPN" and doc[it.start - 1].text[:1].isupper()
                and not taken[it.start - 1]
            )
        ]
        chosen.sort(key=lambda it: it.start)
        return chosen

    def _misspelt_countries(self, doc: Doc, taken: list[bool], when: dt.date | None) -> list[Item]:
        """Lone capitalised words no alias matched that are one or two letters off a country
        name or nationality ("Quatar's emir"). Words inside longer names ("Germain" in "Robert
        Germain") and people's names are left alone."""
        found = []
        for token in doc:
            text = token.text
            if taken[token.i] or token.pos_ != "PROPN" or not text[:1].isupper() or not text.isalpha():
                continue
            if len(text) < MISSPELLING_MIN_LENGTH or token.ent_type_ == "PERSON" or text in self.kb.aliases:
                continue
            neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
            if any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours):
                continue
            best = process.extract(text, self._country_words.get(text[0], ()), scorer=fuzz.ratio,
                                   score_cutoff=MISSPELLING_MIN_SCORE, limit=2)
            if not best:
                continue
            countries = {h.key for form, _, _ in best for h in self.kb.aliases[form] if h.kind in ("country", "adjective")}
            if len(countries) > 1:
                continue  # close to two countries' names: no safe reading
            form = best[0][0]
            hits = tuple(h for h in self.kb.aliases[form] if h.kind in ("country", "adjective") and self._hit_valid(h, when))
            if hits:
                taken[token.i] = True
                found.append(Item(token.i, token.i + 1, GEO, hits, spelled_as=form))
        return found

    def _hit_valid(self, hit: AliasHit, when: dt.date | None) -> bool:
        if when is None:
            return True
        if hit.kind in ("country", "adjective", "capital", "seat"):
            entry = self.kb.countries[hit.key]
        elif hit.kind == "group":
            entry = self.kb.groups[hit.key]
        else:
            return True
        return (entry.valid_from is None or entry.valid_from <= when) and (
            entry.valid_until is None or when <= entry.valid_until
        )

    def _weak_name(self, doc: Doc, start: int, end: int, hits: tuple[AliasHit, ...], when: dt.date | None) -> bool:
        """A one-word name more likely meaning something else, which names a known person only
        after their full name: a title ("King") or agent noun, a word after a determiner ("their
        English"), or, as the surname of people none of whom holds a role at the date, an
        adjective ("English") or a word beginning more people's names than it ends ("Ali"). A
        title before it ("Prime Minister Key") makes it a name whatever it is."""
        if end - start > 1 or (start > 0 and doc[start - 1].lower_ in self.kb.titles):
            return False
        word = doc[start]
        # "their English", "the Hague"; not a modifier ("the Trump administration", "the Obama years")
        modifies = end < len(doc) and (doc[end].pos_ in ("NOUN", "PROPN") or doc[end].tag_ == "POS")
        determined = start > 0 and doc[start - 1].tag_ in ("DT", "PRP$") and not modifies
        if word.lower_ in self.kb.titles or word.lower_ in self.kb.agent_nouns or determined:
            return True
        if word.lower_ not in self._adjectives and not self.kb.mostly_a_given_name(word.text):
            return False
        # only as a surname: a first name a person is known by ("Saddam") stays theirs
        people = [self.kb.people[key] for key in {hit.key for hit in hits}]
        return all(p.name.split()[-1] == word.text and self.kb.person_at(p, when).role is None for p in people)

    def bare_surname(self, doc: Doc, start: int, end: int) -> bool:
        """A surname alone, not part of another name ("Ghulam Mustafa", "Shan-e-Mustafa"), and
        not a calendar word ("Israel Friday reimposed ...") unless a title introduces it."""
        if not name_like(doc[start:end]):
            return False
        titled = start > 0 and doc[start - 1].lower_ in self.kb.titles
        if doc[start].lower_ in CALENDAR_WORDS and not titled:
            return False
        word = doc[start]
        placed = word.ent_type_ in PLACE_ENTITIES and start > 0 and doc[start - 1].lower_ in LOCATIVE_WORDS
        if end - start == 1 and not titled and (placed or word.lower_ in FAITH_WORDS):
            return False  # "a rally in Lagos", "Christian east Beirut": a place or a faith, not a surname
        if word.ent_type_ in PLACE_ENTITIES and inside_longer_entity(doc, start, end):
            return False  # "Dar es Salaam": the first word of a place name
        if start > 0:
            before = doc[start - 1]
            if before.text == "-" or (before.text[:1].isupper() and before.pos_ == "PROPN"
                                      and before.lower_ not in self.kb.titles):
                return False
        if end < len(doc):
            after = doc[end]
            if after.text == "-" or (after.pos_ == "PROPN" and after.text[:1].isupper()):
                return False
            # "Ibrahim al-Hassan", "Ahmed bin Ali": a particle carries the name on
            if after.lower_ in NAME_PARTICLES and end + 1 < len(doc) and (
                    doc[end + 1].text == "-" or doc[end + 1].text[:1].isupper()):
                return False
        return True


    # ------------------------------------------------------------ phrases
    def phrases(self, doc: Doc, items: list[Item]) -> list[Phrase]:
        phrases: list[Phrase] = []
        i = 0
        while i < len(items):
            phrase = Phrase([items[i]], items[i].start, items[i].end)
            i += 1
            while i < len(items) and self._joins(doc, phrase, items[i]):
                phrase.items.append(items[i])
                phrase.end = items[i].end
                i += 1
            last = phrase.items[-1]
            has_name = any(it.cls in (PERSON, SURNAME) for it in phrase.items)
            if last.cls in (TITLE, AGENT, COUNTERPART) and not has_name:
                # "protester Irene X": a bare singular agent noun before a person's name is how
                # the text introduces an unknown person ("Islamic State suspect X" is left to
                # the group)
                introduces = last.cls == AGENT and doc[last.end - 1].tag_ == "NN" and len(phrase.items) == 1
                if last.cls == TITLE or introduces:
                    run = name_run(doc, phrase.end, items[i].start if i < len(items) else len(doc))
                    if run is not None:
                        phrase.name_run = run
                        phrase.end = run[1]
                if phrase.name_run is None and not any(it.cls == GEO for it in phrase.items):
                    of_geo = self._of_geo(doc, phrase.end, items[i] if i < len(items) else None)
                    if of_geo is not None:
                        phrase.of_geo = of_geo
                        phrase.end = of_geo.end
                        i += 1
            phrases.append(phrase)
        return phrases

    def _joins(self, doc: Doc, phrase: Phrase, nxt: Item) -> bool:
        prev = phrase.items[-1]
        gap = doc[phrase.end:nxt.start]
        if len(gap) > _MAX_GAP:
            return False
        if prev.cls in (PERSON, SURNAME):
            return False
        if nxt.cls == GEO:
            # "Bosnian Serbs": a nationality then a people noun; the first names the country
            return (
                prev.cls == GEO and not gap and len(phrase.items) == 1
                and prev.hits[0].kind == "adjective" and nxt.hits[0].kind == "adjective"
                and doc[nxt.end - 1].tag_ in ("NNS", "NNPS")
            )
        if nxt.cls in (PERSON, SURNAME):
            # an unknown honorific or middle name may stand between ("Ayatollah Seyyed Ali ...")
            return all(t.pos_ == "PROPN" or modifier_token(t) for t in gap)
        return all(modifier_token(t) for t in gap)

    @staticmethod
    def _of_geo(doc: Doc, end: int, nxt: Item | None) -> Item | None:
        if nxt is None or nxt.cls != GEO or end >= len(doc) or doc[end].lower_ != "of":
            return None
        between = doc[end + 1:nxt.start]
        if all(t.lower_ == "the" for t in between):
            return nxt
        return None


def _lemmatizer_adjectives(nlp: Language | Vocab) -> frozenset[str]:
    """The adjectives the parser's lemmatizer knows (WordNet's index: "english", "key"): ordinary
    words, where proper names are listed only as nouns. Empty for a bare vocabulary."""
    if not isinstance(nlp, Language) or "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("adj", ()))


def _order_hits(hits: tuple[AliasHit, ...], kb: ActorKnowledgeBase, when: dt.date | None) -> tuple[AliasHit, ...]:
    """Order the readings of a name so the most plausible comes first.

    A seat or country name comes before a capital, and those before IGOs and groups sharing the
    form. Between states sharing a name or capital ("Moscow": Soviet Union, Russia) a dated
    event prefers the state whose recorded existence covers the date explicitly, and an undated
    one prefers the state that still exists.
    """
    rank = {"seat": 0, "country": 1, "adjective": 1, "capital": 2, "igo": 3, "group": 4}

    def key(hit: AliasHit) -> tuple[int, int]:
        country = kb.countries.get(hit.key) if hit.kind in ("seat", "country", "adjective", "capital") else None
        if country is None:
            dated = 1
        elif when is None:
            dated = 0 if country.valid_until is None else 1
        else:
            dated = 0 if (country.valid_from or country.valid_until) else 1
        return dated, rank.get(hit.kind, 5)

    return tuple(sorted(hits, key=key))


def describe_ambiguity(hits: tuple[AliasHit, ...]) -> str:
    keys = list(dict.fromkeys(h.key for h in hits))
    return f"also could be {', '.join(keys[1:])}"
