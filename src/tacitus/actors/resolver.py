"""Find the actors a parsed document mentions and say who they are at the event date.

The resolver builds two spaCy PhraseMatchers once: one on ORTH for proper names (countries,
nationality adjectives, capitals, government seats, IGOs, groups, people; case-aware so "US" is
not "us") and one on LOWER for agent nouns and titles ("officials", "troops", "foreign
minister"). Per document it runs both, keeps the longest non-overlapping matches, and joins
neighbouring matches into actor phrases:

    [country | IGO | group] ['s | adjectives | compounds] [agent noun | title]* [person name]
    [agent noun | title] of [country | IGO]

Each phrase becomes one :class:`Mention` whose code is composed from the parts ("Israeli troops"
-> ISRMIL, "President Hassan Rouhani" -> the person's role at the date). Then a few conservative
document-level rules run: coordinated nationality adjectives share their noun ("Hungarian and
Romanian officials"), a bare surname repeats an earlier full mention, "his US counterpart" is
the US holder of the office of the person just mentioned, a clause-initial pronoun points to the
last compatible subject, "administration" takes the article's dominant government, and a
capital or country used as a location ("in Tehran") is flagged ``place`` so the coder does not
take it for an actor.

Per-document work is linear in the number of tokens: two matcher passes and a walk over the
matches; the knowledge base is only consulted through dictionary look-ups.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from tacitus.actors.regions import find_regions, region_countries
from tacitus.actors.kb import ActorKnowledgeBase, AliasHit, Person, Resolution, compose_code, pluralize
from tacitus.records import ActorRef

# A capital or country that is the object of one of these is where something happens.
LOCATION_PREPOSITIONS = frozenset(
    "in at near from into inside outside around across throughout within via over "
    "beyond along between among onto toward towards".split()
)
# "to" marks a place only after a verb of motion ("flew to Tehran"), not a recipient
# ("wrote to Tehran").
MOTION_VERBS = frozenset(
    "go come travel fly return arrive move head send deploy flee drive sail march "
    "relocate journey trip visit dispatch ship transfer".split()
)
COUNTERPART_NOUNS = ("counterpart", "counterparts")
CONTEXT_NOUNS = frozenset(("administration",))
ADMINISTRATION_DEFAULT = "USA"
CONTEXT_MARK = "context:administration"  # placeholder reason, replaced once the article is read
COORDINATORS = frozenset(("and", "or", ",", "&"))
# Sectors whose members are international by nature: the country of the story is not theirs.
STATELESS_SECTORS = frozenset(("IGO",))
CONTEXT_COUNTRY_NOTE = "country from context"
ETHNIC_MARKER = "ethnic"
AFFILIATION_WORDS = frozenset({"affiliate", "affiliated", "link", "linked", "loyal", "allied", "ally", "close", "attach",
                               "attached", "tie", "tied", "connected", "belong", "align", "aligned"})
# Entity types that make a capitalised word something other than a person's name.
NOT_A_PERSON = frozenset(("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"))
PLACE_ENTITIES = frozenset(("GPE", "LOC", "FAC"))
LOCATIVE_WORDS = frozenset(("in", "at", "near", "outside", "inside", "around", "across", "throughout"))
FAITH_WORDS = frozenset("christian muslim jewish hindu buddhist catholic protestant orthodox sunni shia shiite druze "
                        "sikh coptic maronite evangelical".split())
NAME_PARTICLES = frozenset("van von den der de del della da dos das du la le bin ibn al el abu ben".split())
# "anti-Syria journalist": the country is what the agent opposes or favours, not its nationality.
STANCE_PREFIXES = frozenset(("anti", "pro", "non"))
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)
SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
PERSON_PRONOUNS = {"he": "person", "she": "person", "his": "person", "her": "person"}
# "it" is left out: it refers to things ("the report") far more often than to actors.
PLURAL_PRONOUNS = {"they": "plural", "their": "plural"}
PRONOUN_WINDOW_SENTENCES = 2

# Item classes, in the order that breaks ties between equally long matches.
GEO, PERSON, TITLE, AGENT, COUNTERPART, SURNAME = "geo", "person", "title", "agent", "counterpart", "surname"
_CLASS_RANK = {GEO: 0, PERSON: 1, TITLE: 2, COUNTERPART: 2, AGENT: 3, SURNAME: 4}
_MAX_GAP = 3
# A capitalised word this close to a one-word country name or nationality ("Afganistan",
# "Phillippines") is taken for it. Short words are left out: "Iran"/"Iraq", "Mali"/"Bali".
MISSPELLING_MIN_SCORE = 90
MISSPELLING_MIN_LENGTH = 5


@dataclass
class Mention:
    """One actor mention: tokens [start, end) of the doc and who they name."""

    start: int
    end: int
    text: str
    span: tuple[int, int]
    code: str | None
    country: str | None
    sector: str | None
    name: str | None
    actor_id: str | None
    kind: str  # country, capital, seat, region, igo, group, person, agent, pronoun
    why: str
    place: bool = False  # used as a location ("in Tehran"): not an actor
    role: str | None = None  # the office held at the date, when known
    refers_to: int | None = None  # index of the mention a pronoun or surname repeats

    def to_actor_ref(self) -> ActorRef:
        return ActorRef(
            text=self.text, span=self.span, code=self.code, country=self.country,
            sector=self.sector, name=self.name, actor_id=self.actor_id,
        )


class MentionIndex:
    """Mentions of one doc, looked up by token position (for the event coder)."""

    def __init__(self, mentions: list[Mention], n_tokens: int) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]
        self._by_token: list[Mention | None] = [None] * n_tokens
        for mention in self.mentions:
            for i in range(mention.start, mention.end):
                self._by_token[i] = mention

    def at(self, token_i: int) -> Mention | None:
        if 0 <= token_i < len(self._by_token):
            return self._by_token[token_i]
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions lying entirely inside tokens [start, end)."""
        first = bisect.bisect_left(self._starts, start)
        found = []
        for mention in self.mentions[first:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def actors(self) -> list[Mention]:
        """Mentions that can be an event's source or target (places left out)."""
        return [m for m in self.mentions if not m.place]

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.mentions)

    def __len__(self) -> int:
        return len(self.mentions)


@dataclass
class _Item:
    start: int
    end: int
    cls: str
    hits: tuple[AliasHit, ...] = ()
    sector: str | None = None
    title: str | None = None
    spelled_as: str | None = None  # the name a misspelt word was read as


@dataclass
class _Phrase:
    items: list[_Item]
    start: int
    end: int
    name_run: tuple[int, int] | None = None  # an unknown name after a title
    of_geo: _Item | None = None  # "president of Armenia"


class ActorResolver:
    """Resolve actor mentions in parsed docs against an :class:`ActorKnowledgeBase`."""

    def __init__(self, kb: ActorKnowledgeBase, nlp: Language | Vocab) -> None:
        self.kb = kb
        if isinstance(nlp, Language):
            vocab, tokenizer = nlp.vocab, nlp.tokenizer
        else:
            from spacy.lang.en import English

            vocab, tokenizer = nlp, English(vocab=nlp).tokenizer
        self._names = PhraseMatcher(vocab, attr="ORTH")
        self._nouns = PhraseMatcher(vocab, attr="LOWER")
        self._name_forms: dict[tuple[str, ...], str] = {}
        self._noun_forms: dict[tuple[str, ...], tuple[str, str | None, str]] = {}

        forms = list(kb.aliases)
        docs = list(tokenizer.pipe(forms))
        for form, doc in zip(forms, docs):
            self._name_forms[tuple(t.text for t in doc)] = form
        self._names.add("NAME", docs)

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
        noun_docs = list(tokenizer.pipe(noun_texts))
        for text, doc in zip(noun_texts, noun_docs):
            self._noun_forms[tuple(t.lower_ for t in doc)] = noun_entries[text]
        self._nouns.add("NOUN", noun_docs)

        region_countries()  # the ISO 3166-2 region index, built with the resolver rather than on first use
        # one-word country names and nationalities by first letter, for misspelt words
        self._country_words: dict[str, list[str]] = {}
        for form, hits in kb.aliases.items():
            if " " not in form and form.isalpha() and len(form) >= MISSPELLING_MIN_LENGTH \
                    and any(h.kind in ("country", "adjective") for h in hits):
                self._country_words.setdefault(form[0], []).append(form)

    # ------------------------------------------------------------------ API
    def resolve(self, doc: Doc, when: dt.date | None = None) -> list[Mention]:
        items = self._items(doc, when)
        phrases = self._phrases(doc, items)
        mentions: list[Mention] = []
        surnames: dict[str, int] = {}
        for phrase in phrases:
            mention = self._interpret(doc, phrase, when, mentions, surnames)
            if mention is None:
                continue
            mentions.append(mention)
            if mention.kind == "person" and mention.name and mention.end - mention.start > 1:
                surnames.setdefault(mention.name.split()[-1], len(mentions) - 1)
        mentions.extend(self._repeated_surnames(doc, mentions, surnames))
        mentions.extend(self._regions(doc, mentions))
        self._share_coordinated_nouns(doc, mentions)
        self._fill_context_government(mentions)
        self._place_ethnic_communities(doc, mentions)
        self._fill_context_country(doc, mentions)
        mentions.extend(self._pronouns(doc, mentions))
        mentions.sort(key=lambda m: m.start)
        return mentions

    def index(self, doc: Doc, when: dt.date | None = None) -> MentionIndex:
        return MentionIndex(self.resolve(doc, when), len(doc))

    # ------------------------------------------------------------ matching
    def _items(self, doc: Doc, when: dt.date | None) -> list[_Item]:
        candidates: list[_Item] = []
        for _, start, end in self._names(doc):
            form = self._name_forms.get(tuple(t.text for t in doc[start:end]))
            if form is None:
                continue
            hits = tuple(h for h in self.kb.aliases[form] if self._hit_valid(h, when))
            geo = tuple(h for h in hits if h.kind not in ("person", "surname"))
            people = tuple(h for h in hits if h.kind == "person")
            surnames = tuple(h for h in hits if h.kind == "surname")
            if geo:
                candidates.append(_Item(start, end, GEO, _order_hits(geo, self.kb, when)))
            elif _defines_an_abbreviation(doc, start, end):
                # "the Montenegro Municipality Association (AKK)": the letters abbreviate the
                # name before them, whoever else they may stand for.
                continue
            elif people and (end - start > 1 or self._bare_surname(doc, start, end)):
                # a one-word alias ("Christian", "Friday") is a name only where a surname could be
                candidates.append(_Item(start, end, PERSON, people))
            elif surnames and self._bare_surname(doc, start, end):
                candidates.append(_Item(start, end, SURNAME, surnames))
        for _, start, end in self._nouns(doc):
            entry = self._noun_forms.get(tuple(t.lower_ for t in doc[start:end]))
            if entry is None:
                continue
            cls, sector, title = entry
            if cls == TITLE and doc[end - 1].tag_ in ("NNS", "NNPS"):
                cls = AGENT
            if doc[end - 1].pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue  # "official" in "official figures" is fine; verbs such as "leader" are not
            candidates.append(_Item(start, end, cls, sector=sector, title=title))
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

    def _misspelt_countries(self, doc: Doc, taken: list[bool], when: dt.date | None) -> list[_Item]:
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
                found.append(_Item(token.i, token.i + 1, GEO, hits, spelled_as=form))
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

    def _bare_surname(self, doc: Doc, start: int, end: int) -> bool:
        """A surname alone, not part of another name ("Ghulam Mustafa", "Shan-e-Mustafa"), and
        not a calendar word ("Israel Friday reimposed ...") unless a title introduces it."""
        if not self._name_like(doc[start:end]):
            return False
        titled = start > 0 and doc[start - 1].lower_ in self.kb.titles
        if doc[start].lower_ in CALENDAR_WORDS and not titled:
            return False
        word = doc[start]
        placed = word.ent_type_ in PLACE_ENTITIES and start > 0 and doc[start - 1].lower_ in LOCATIVE_WORDS
        if end - start == 1 and not titled and (placed or word.lower_ in FAITH_WORDS):
            return False  # "a rally in Lagos", "Christian east Beirut": a place or a faith, not a surname
        if start > 0:
            before = doc[start - 1]
            if before.text == "-" or (before.text[:1].isupper() and before.pos_ == "PROPN"
                                      and before.lower_ not in self.kb.titles):
                return False
        if end < len(doc):
            after = doc[end]
            if after.text == "-" or (after.pos_ == "PROPN" and after.text[:1].isupper()):
                return False
        return True

    @staticmethod
    def _name_like(span: Span) -> bool:
        # The small English model often tags a sentence-initial surname ("Trump met ...") NOUN.
        return all(
            t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in NOT_A_PERSON
            for t in span
        )

    # ------------------------------------------------------------ phrases
    def _phrases(self, doc: Doc, items: list[_Item]) -> list[_Phrase]:
        phrases: list[_Phrase] = []
        i = 0
        while i < len(items):
            phrase = _Phrase([items[i]], items[i].start, items[i].end)
            i += 1
            while i < len(items) and self._joins(doc, phrase, items[i]):
                phrase.items.append(items[i])
                phrase.end = items[i].end
                i += 1
            last = phrase.items[-1]
            has_name = any(it.cls in (PERSON, SURNAME) for it in phrase.items)
            if last.cls in (TITLE, AGENT, COUNTERPART) and not has_name:
                if last.cls == TITLE:
                    run = _name_run(doc, phrase.end, items[i].start if i < len(items) else len(doc))
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

    def _joins(self, doc: Doc, phrase: _Phrase, nxt: _Item) -> bool:
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
            return all(t.pos_ == "PROPN" or _modifier_token(t) for t in gap)
        return all(_modifier_token(t) for t in gap)

    @staticmethod
    def _of_geo(doc: Doc, end: int, nxt: _Item | None) -> _Item | None:
        if nxt is None or nxt.cls != GEO or end >= len(doc) or doc[end].lower_ != "of":
            return None
        between = doc[end + 1:nxt.start]
        if all(t.lower_ == "the" for t in between):
            return nxt
        return None

    # ------------------------------------------------------------ meaning
    def _interpret(
        self, doc: Doc, phrase: _Phrase, when: dt.date | None,
        mentions: list[Mention], surnames: dict[str, int],
    ) -> Mention | None:
        geo_items = [it for it in phrase.items if it.cls == GEO]
        if geo_items and _stance_prefixed(doc, geo_items[0].start):
            if len(phrase.items) == 1:
                return None
            phrase.items.remove(geo_items[0])
            phrase.start = phrase.items[0].start
            geo_items = geo_items[1:]
        geo = geo_items[0] if geo_items else phrase.of_geo
        person = next((it for it in phrase.items if it.cls in (PERSON, SURNAME)), None)
        nouns = [it for it in phrase.items if it.cls in (TITLE, AGENT, COUNTERPART)]
        title = next((it.title for it in reversed(nouns) if it.cls == TITLE), None)
        sector = nouns[-1].sector if nouns else None
        start, end = phrase.start, phrase.end
        geo_res = self.kb.resolve_hit(geo.hits[0], when) if geo else None
        geo_note = f"; {_describe_ambiguity(geo.hits)}" if geo and len({h.key for h in geo.hits}) > 1 else ""
        if geo is not None and geo.spelled_as:
            geo_note += f"; '{doc[geo.start].text}' read as a misspelling of '{geo.spelled_as}'"
        date_note = "" if when is not None else "; no date"

        def make(code, country, sec, name, actor_id, kind, why, role=None, refers_to=None, place=False):
            return Mention(
                start, end, doc[start:end].text, (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])),
                code, country, sec, name, actor_id, kind,
                why if "no date" in why else why + date_note, place, role, refers_to,
            )

        if person is not None:
            surname = doc[person.start:person.end].text
            earlier = surnames.get(surname) if person.cls == SURNAME else None
            if earlier is not None and not nouns and not geo:
                first = mentions[earlier]
                return make(first.code, first.country, first.sector, first.name, first.actor_id,
                            "person", f"same person as '{first.text}'", first.role, earlier)
            res = self._choose_person(person.hits, when, title, geo_res.country if geo_res else None)
            if res.role is None and res.sector == "ELI" and geo_res and geo_res.country and res.country is None:
                res = replace(res, country=geo_res.country, code=compose_code(geo_res.country, "ELI"))
            return make(res.code, res.country, res.sector, res.name, res.actor_id, "person", res.why,
                        res.role.role if res.role else None)

        if phrase.name_run is not None:
            name = doc[phrase.name_run[0]:phrase.name_run[1]].text
            earlier = surnames.get(name.split()[-1])
            if earlier is not None and mentions[earlier].name == name:
                first = mentions[earlier]
                return make(first.code, first.country, first.sector, first.name, first.actor_id,
                            "person", f"same person as '{first.text}'", first.role, earlier)
            code, country, sec = self._compose(geo_res, sector)
            source = f"country from '{doc[geo.start:geo.end].text}'" if geo_res else "no country given"
            return make(code, country, sec, name, None, "person",
                        f"unknown person; sector from title '{title}', {source}{geo_note}", title)

        if any(it.cls == COUNTERPART for it in nouns):
            return self._counterpart(make, geo_res, when, mentions)

        if title is not None and nouns[-1].cls == TITLE and geo_res is not None and geo_res.kind != "group":
            holder_key = geo_res.country or geo_res.code
            holders = self.kb.holders(holder_key, title, when) if holder_key else []
            if holders:
                role, holder = holders[0]
                res = self.kb.person_at(holder, when, prefer_role=title, prefer_country=role.country)
                return make(res.code, res.country, res.sector, res.name, res.actor_id, "person",
                            f"{title} of {geo_res.name}: {res.why}{geo_note}", role.role)

        if nouns and geo_res is None and mentions:
            owner = mentions[-1]
            if owner.end == start - 1 and doc[start - 1].tag_ == "POS" and owner.country and not owner.place:
                code = compose_code(owner.country, sector)
                return make(code, owner.country, sector, None, None, "agent",
                            f"'{nouns[-1].title}' of '{owner.text}' ({owner.country})")
        if nouns:
            if geo_res is None:
                if any(it.title in CONTEXT_NOUNS for it in nouns):
                    return make(None, None, sector, None, None, "agent", CONTEXT_MARK)
                return make(None, None, sector, None, None, "agent", f"'{nouns[-1].title}' with no country")
            code, country, sec = self._compose(geo_res, sector)
            return make(code, country, sec, geo_res.name, geo_res.actor_id, "agent" if geo_res.kind != "group" else "group",
                        f"{geo_res.why} + '{nouns[-1].title}' ({sector}){geo_note}", title)

        assert geo_res is not None and geo is not None
        place = self._location_use(doc[geo.start:geo.end])
        if place and geo_res.kind in ("capital", "seat", "country"):
            return make(geo_res.country, geo_res.country, None, geo_res.name, geo_res.actor_id,
                        geo_res.kind, f"{geo_res.name} used as a location{geo_note}", place=True)
        return make(geo_res.code, geo_res.country, geo_res.sector, geo_res.name, geo_res.actor_id,
                    geo_res.kind, geo_res.why + geo_note)

    def _compose(self, geo_res: Resolution | None, sector: str | None) -> tuple[str | None, str | None, str | None]:
        if geo_res is None:
            return None, None, sector
        if geo_res.kind == "igo":
            return geo_res.code, None, sector
        if geo_res.kind == "group":
            return geo_res.code, geo_res.country, geo_res.sector
        return compose_code(geo_res.country, sector), geo_res.country, sector

    def _choose_person(
        self, hits: tuple[AliasHit, ...], when: dt.date | None, title: str | None, country: str | None
    ) -> Resolution:
        """Among people sharing a name, the one whose role at the date fits the hints best."""
        people: list[Person] = []
        for hit in hits:
            if self.kb.people[hit.key] not in people:
                people.append(self.kb.people[hit.key])
        scored = []
        for order, person in enumerate(people):
            res = self.kb.person_at(person, when, prefer_role=title, prefer_country=country)
            fits_title = bool(title and res.role and res.role.role.lower() == title.lower())
            scored.append(((res.role is not None, fits_title, country is not None and res.country == country, -order), res))
        best = max(scored, key=lambda s: s[0])[1]
        if len(people) > 1:
            return replace(best, why=f"{best.why}; chosen among {len(people)} people of that name")
        return best

    def _counterpart(self, make, geo_res: Resolution | None, when: dt.date | None, mentions: list[Mention]) -> Mention:
        reference = next((i for i in range(len(mentions) - 1, -1, -1) if mentions[i].role and mentions[i].kind == "person"), None)
        if geo_res is None or reference is None:
            code, country, sec = self._compose(geo_res, "GOV")
            return make(code, country, sec, None, None, "agent", "counterpart with no office to compare")
        office = mentions[reference].role or ""
        key = geo_res.country or geo_res.code
        holders = self.kb.holders(key, office, when) if key else []
        if not holders:
            code, country, sec = self._compose(geo_res, "GOV")
            return make(code, country, sec, None, None, "agent",
                        f"counterpart of '{mentions[reference].text}' ({office}); no {geo_res.name} holder known",
                        refers_to=reference)
        role, holder = holders[0]
        res = self.kb.person_at(holder, when, prefer_role=role.role, prefer_country=role.country)
        return make(res.code, res.country, res.sector, res.name, res.actor_id, "person",
                    f"{geo_res.name} counterpart of '{mentions[reference].text}' ({office}): {res.why}",
                    role.role, reference)

    @staticmethod
    def _location_use(span: Span) -> bool:
        token: Token = span.root
        if token.dep_ == "poss" or (token.i + 1 < len(token.doc) and token.doc[token.i + 1].tag_ == "POS"):
            return False
        while token.dep_ in ("conj", "appos") and token.head is not token:
            token = token.head
        if token.dep_ in ("compound", "nmod") and token.head.pos_ in ("NOUN", "PROPN"):
            token = token.head
        if token.dep_ != "pobj":
            return False
        prep = token.head.lower_
        if prep == "of" and token.head.head.dep_ == "pobj":
            # "in a suburb of Beirut": the place is where the governing phrase is
            token = token.head.head
            prep = token.head.lower_
        if prep in LOCATION_PREPOSITIONS:
            return True
        return prep == "to" and token.head.head.lemma_.lower() in MOTION_VERBS

    # ------------------------------------------------------------ document rules
    def _repeated_surnames(self, doc: Doc, mentions: list[Mention], surnames: dict[str, int]) -> list[Mention]:
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
            if not self._name_like(doc[token.i:token.i + 1]):
                continue
            first = mentions[idx]
            found.append(Mention(
                token.i, token.i + 1, token.text, (token.idx, token.idx + len(token)),
                first.code, first.country, first.sector, first.name, first.actor_id, "person",
                f"same person as '{first.text}'", False, first.role, idx,
            ))
        return found

    @staticmethod
    def _regions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
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

    @staticmethod
    def _share_coordinated_nouns(doc: Doc, mentions: list[Mention]) -> None:
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

    @staticmethod
    def _fill_context_government(mentions: list[Mention]) -> None:
        """'a senior administration official': the article's most mentioned government."""
        governments = Counter(
            m.country for m in mentions if m.country and m.sector == "GOV" and not m.place
            and not m.why.startswith(CONTEXT_MARK)
        )
        for mention in mentions:
            if not mention.why.startswith(CONTEXT_MARK):
                continue
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

    @staticmethod
    def _fill_context_country(doc: Doc, mentions: list[Mention]) -> None:
        """'rebels', 'the opposition', 'President X' (unknown) with no country take the one the
        text places them in (see :class:`_Context`). Without any the country stays unknown."""
        wanting = [m for m in mentions if _wants_context_country(m)]
        if not wanting:
            return
        context = _Context(doc, mentions)
        named = {m.start for m in mentions if m.actor_id and m.kind in ("igo", "group", "person")}
        for mention in wanting:
            if _modifies_other_noun(doc, mention) or _located_inside_subject(doc, mention, context.place_tokens) \
                    or _qualified_as_outsider(doc, mention):
                continue
            if mention.end in named or (mention.end < len(doc) and doc[mention.end].text == "," and mention.end + 1 in named):
                continue  # "rights watchdog Amnesty International": the name says who it is
            found = context.country_for(mention)
            if found is not None:
                country, reason = found
                mention.country = country
                mention.code = compose_code(country, mention.sector)
                mention.why = f"{mention.why}; {CONTEXT_COUNTRY_NOTE} {country}: {reason}"

    @staticmethod
    def _place_ethnic_communities(doc: Doc, mentions: list[Mention]) -> None:
        """A people named by nationality is coded, as CAMEO does, by where it lives: "the
        Albanians of southern Serbia" by the country of its "of"/"in" phrase; "ethnic Albanians"
        (a community living in another country: "ethnic Albanians demonstrated in Serbia") by
        the country the context names, other than their nationality; with none they keep the
        nationality."""
        context: _Context | None = None
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        for mention in mentions:
            if mention.place or mention.kind not in ("country", "agent") or mention.country is None:
                continue
            residence = _residence_phrase(doc, mention, by_token) if mention.kind == "country" and not mention.sector \
                else None
            if residence is not None:
                country, reason = residence.country, f"lives in '{residence.text}'"
            elif mention.start > 0 and doc[mention.start - 1].lower_ == ETHNIC_MARKER:
                context = context or _Context(doc, mentions)
                found = context.country_for(mention, other_than=mention.country)
                if found is None:
                    continue
                country, reason = found
                reason = f"{CONTEXT_COUNTRY_NOTE} {country}: {reason}"
            else:
                continue
            mention.why = f"{mention.why}; ethnic {mention.country} community living in {country}: {reason}"
            mention.country = country
            mention.code = compose_code(country, mention.sector)

    def _pronouns(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        found: list[Mention] = []
        covered = {i for m in mentions for i in range(m.start, m.end)}
        subjects = [
            (idx, m) for idx, m in enumerate(mentions)
            if not m.place and doc[m.start:m.end].root.dep_ in SUBJECT_DEPS
        ]
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
            if not clause_subject:
                continue
            antecedent = None
            for idx, m in reversed(subjects):
                if m.start >= token.i:
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
            ))
        return found


class _Context:
    """Where a document places its actors, for mentions whose own words name no country.

    In order: the actor the group is affiliated with ("workers affiliated with the union");
    the nearest place of the mention's sentence ("in Baku"); else another actor of
    the sentence, that of the same clause and the one before first (news reports domestic
    events in the frame of the country that acts: "the Mozambique government accepted demands
    from rebels"); else the article's clearly dominant country (at least two mentions, more
    than any other)."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.evidence = [m for m in mentions if m.country and not m.why.startswith(CONTEXT_MARK)
                         and CONTEXT_COUNTRY_NOTE not in m.why]
        self.place_tokens = {i for m in self.evidence if m.place for i in range(m.start, m.end)}
        self.by_token = {i: m for m in self.evidence for i in range(m.start, m.end)}
        self._sent_starts = [sent.start for sent in doc.sents]

    def _sentence(self, mention: Mention) -> int:
        return bisect.bisect_right(self._sent_starts, mention.start)

    def country_for(self, mention: Mention, other_than: str | None = None) -> tuple[str, str] | None:
        """(country, reason) or None."""
        evidence = [m for m in self.evidence if m is not mention and m.country != other_than]
        owner = _affiliation(self.doc, mention, self.by_token)
        if owner is not None and owner is not mention and owner.country != other_than:
            return owner.country, f"affiliated with '{owner.text}'"
        sentence = self._sentence(mention)
        same_sentence = [m for m in evidence if self._sentence(m) == sentence]
        places = [m for m in same_sentence if m.place]
        actors = [m for m in same_sentence if not m.place]
        if places:
            source = min(places, key=lambda m: abs(m.start - mention.start))
            return source.country, f"place '{source.text}' in the sentence"
        if actors:
            clause = _clause_head(self.doc[mention.start:mention.end].root).i
            source = min(actors, key=lambda m: (
                _clause_head(self.doc[m.start:m.end].root).i != clause, m.start > mention.start,
                abs(m.start - mention.start)))
            return source.country, f"actor '{source.text}' in the same sentence (domestic default)"
        counts = Counter(m.country for m in evidence).most_common(2)
        if counts and counts[0][1] >= 2 and (len(counts) == 1 or counts[0][1] > counts[1][1]):
            country, count = counts[0]
            return country, f"the article's dominant country ({count} mentions); lower confidence"
        return None


def _defines_an_abbreviation(doc: Doc, start: int, end: int) -> bool:
    """An upper-case form in brackets right after a proper name: "Association (AKK)"."""
    return (end - start == 1 and doc[start].text.isupper() and start >= 2 and end < len(doc)
            and doc[start - 1].text == "(" and doc[end].text == ")" and doc[start - 2].pos_ == "PROPN")


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


def _affiliation(doc: Doc, mention: Mention, by_token: dict[int, Mention]) -> Mention | None:
    """ "workers affiliated with the Serbian union", "militias loyal to Tripoli": the actor a
    group belongs to."""
    for modifier in doc[mention.start:mention.end].root.children:
        if modifier.dep_ not in ("acl", "amod") or not {modifier.lemma_.lower(), modifier.lower_} & AFFILIATION_WORDS:
            continue
        for prep in modifier.children:
            if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                for pobj in prep.children:
                    owner = by_token.get(pobj.i)
                    if owner is not None:
                        return owner
    return None


def _wants_context_country(mention: Mention) -> bool:
    """A sector noun or an unknown titled person whose text gives no country."""
    if mention.country or mention.code or mention.place or mention.sector in STATELESS_SECTORS:
        return False
    if mention.sector is None or mention.why.startswith(CONTEXT_MARK) or mention.refers_to is not None:
        return False
    return mention.kind == "agent" or (mention.kind == "person" and mention.actor_id is None)


# "Western officials", "foreign diplomats": the words say the group is not of the country the
# sentence is about.
OUTSIDER_QUALIFIERS = {"western", "foreign", "international", "overseas", "outside", "multinational", "allied",
                       "regional", "arab", "european", "african", "asian", "gulf", "latin", "nordic", "baltic"}


def _qualified_as_outsider(doc: Doc, mention: Mention) -> bool:
    root = doc[mention.start:mention.end].root
    words = {t.lower_ for t in doc[mention.start:mention.end]} | {c.lower_ for c in root.children if c.dep_ == "amod"}
    return bool(words & OUTSIDER_QUALIFIERS)


def _modifies_other_noun(doc: Doc, mention: Mention) -> bool:
    """'military exercises', 'a guerrilla stronghold': the agent noun only describes a thing."""
    last = doc[mention.end - 1]
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


def _clause_head(token: Token) -> Token:
    """The verb whose clause the token belongs to (the root when there is none)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _compatible(want: str, mention: Mention, doc: Doc) -> bool:
    if want == "person":
        return mention.kind == "person"
    plural = doc[mention.end - 1].tag_ in ("NNS", "NNPS")
    return mention.kind in ("country", "capital", "seat", "igo", "group") or (
        mention.kind == "agent" and plural
    )


def _stance_prefixed(doc: Doc, start: int) -> bool:
    """'anti-Syria', 'pro-Iranian': the name follows a stance prefix and a hyphen."""
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in STANCE_PREFIXES:
        return True
    return start >= 1 and doc[start - 1].lower_.rstrip("-") in STANCE_PREFIXES and doc[start - 1].text.endswith("-")


def _modifier_token(token: Token) -> bool:
    """Words that may stand between a country and its agent noun ("Israel's new", "paper")."""
    if token.tag_ == "POS" or token.tag_ == "HYPH":
        return True
    if token.pos_ in ("ADJ", "NUM"):
        return True
    if token.tag_ in ("VBG", "VBN") and token.dep_ == "amod":  # "visiting", "exiled"
        return True
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("compound", "amod", "nmod")


def _name_run(doc: Doc, start: int, limit: int) -> tuple[int, int] | None:
    """Name tokens right after a title ("Defence Minister Pierre Joxe", "Foreign Minister Hans
    van den Broek"). A capitalised title is how English introduces a name, so what follows it
    is taken as one even when the tagger calls it an organisation; after a lowercase noun
    ("rebel Kurdistan Workers' Party", "opposition leader X") only a PERSON entity is a name."""
    if start >= limit or start == 0:
        return None
    if not doc[start - 1].text[:1].isupper() and doc[start].ent_type_ != "PERSON":
        return None
    end = start
    while end < limit:
        token = doc[end]
        if token.ent_type_ in NOT_A_PERSON:
            break
        if token.pos_ == "PROPN" or (end > start and token.ent_type_ == "PERSON" and token.ent_iob_ == "I"):
            end += 1
        elif (
            end > start and token.lower_ in NAME_PARTICLES and end + 1 < limit
            and doc[end + 1].pos_ == "PROPN"
        ):
            end += 2
        else:
            break
    if end == start:
        return None
    return start, end


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


def _describe_ambiguity(hits: tuple[AliasHit, ...]) -> str:
    keys = list(dict.fromkeys(h.key for h in hits))
    return f"also could be {', '.join(keys[1:])}"
