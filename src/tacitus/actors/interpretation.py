"""Interpretation: who an actor phrase names at the date — a country and sector, an IGO, a
group, or a person in the office held then ("Israeli troops" -> ISRMIL, "President Hassan
Rouhani" -> the person's role at the date); a capital or country used as a location ("in
Tehran") is flagged ``place``."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from tacitus import rules
from tacitus.actors.kb import ActorKnowledgeBase, AliasHit, Person, Resolution, compose_code, normalize_role
from tacitus.actors.matching import (
    AGENT,
    COUNTERPART,
    GEO,
    NAME_PARTICLES,
    PERSON,
    SURNAME,
    TITLE,
    Phrase,
    describe_ambiguity,
)
from tacitus.actors.mentions import Mention

# A capital or country that is the object of one of these is where something happens.
LOCATION_PREPOSITIONS = rules.words("location_preps")
# "to" marks a place only after a verb of motion ("flew to Tehran"), not a recipient
# ("wrote to Tehran").
MOTION_VERBS = rules.words("motion_verbs")
CONTEXT_NOUNS = rules.words("context_government_nouns")
# "anti-Syria journalist": the country is what the agent opposes or favours, not its nationality.
STANCE_PREFIXES = rules.words("stance_prefixes")
BACKER_SUFFIXES = rules.words("backer_suffixes")
HONORIFICS = rules.words("name_honorifics")


class MentionInterpreter:
    """Turns a matched phrase into a :class:`Mention` with the knowledge base, at a date."""

    def __init__(self, kb: ActorKnowledgeBase) -> None:
        self.kb = kb
        # office -> every (role, holder) of any country, for titled names with no country
        self._holders_by_office: dict[str, list] = {}
        for (_, office), rows in kb.role_holders.items():
            self._holders_by_office.setdefault(office, []).extend(rows)

    def interpret(
        self, doc: Doc, phrase: Phrase, when: dt.date | None,
        mentions: list[Mention], surnames: dict[str, int],
    ) -> Mention | None:
        geo_items = [it for it in phrase.items if it.cls == GEO]
        # "US-backed fighters": the backer is not the fighters' nationality; "UN-sponsored
        # talks" names no other actor, so the sponsor stays the mention.
        backer = geo_items and len(phrase.items) > 1 and _backer_suffixed(doc, geo_items[0].end)
        if geo_items and (_stance_prefixed(doc, geo_items[0].start) or backer):
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
        geo_note = f"; {describe_ambiguity(geo.hits)}" if geo and len({h.key for h in geo.hits}) > 1 else ""
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
            earlier = surnames.get(surname) if person.cls == SURNAME or person.weak else None
            if earlier is not None and not nouns and not geo:
                first = mentions[earlier]
                return make(first.code, first.country, first.sector, first.name, first.actor_id,
                            "person", f"same person as '{first.text}'", first.role, earlier)
            if person.weak and not nouns and not geo:
                return None
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
            for office in ([it.title for it in reversed(nouns) if it.cls == TITLE] if geo_res is None else []):
                holder = self._holder_named(name, office, when)
                if holder is not None:
                    role, person = holder
                    res = self.kb.person_at(person, when, prefer_role=office, prefer_country=role.country)
                    return make(res.code, res.country, res.sector, res.name, res.actor_id, "person",
                                f"'{name}' shares a name with the {office} at the date: {res.why}", role.role)
            code, country, sec = self._compose(geo_res, sector)
            source = f"country from '{doc[geo.start:geo.end].text}'" if geo_res else "no country given"
            label = title or nouns[-1].title
            return make(code, country, sec, name, None, "person",
                        f"unknown person; sector from '{label}', {source}{geo_note}", label)

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
                    pending = make(None, None, sector, None, None, "agent", "administration: the article's government")
                    pending.awaits_government = True
                    return pending
                return make(None, None, sector, None, None, "agent", f"'{nouns[-1].title}' with no country", title)
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

    def _holder_named(self, name: str, title: str, when: dt.date | None):
        """The one holder of `title` (any country) at the date whose name shares a word with
        `name` ("Emir Sheikh Sabah Al Ahmad" -> the emir named Sabah Al-Ahmad ...), or None."""
        if when is None:
            return None
        words = _name_words(name)
        found = {}
        for role, person in self._holders_by_office.get(normalize_role(title), ()):
            if role.valid_at(when) and words & _name_words(person.name):
                found[person.person_id] = (role, person)
        return next(iter(found.values())) if len(found) == 1 else None

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


def _name_words(name: str) -> set[str]:
    """Distinctive words of a personal name: hyphen parts, lower case, no particles or
    honorifics ("Sheikh Sabah Al-Ahmad" -> {"sabah", "ahmad"})."""
    words = name.replace("-", " ").replace("\u2019", "'").lower().split()
    return {w for w in words if len(w) > 2 and w not in NAME_PARTICLES and w not in HONORIFICS}


def _backer_suffixed(doc: Doc, end: int) -> bool:
    """'US-backed', 'Iranian-funded': the name is followed by a hyphen and a backing word."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in BACKER_SUFFIXES


def _stance_prefixed(doc: Doc, start: int) -> bool:
    """'anti-Syria', 'pro-Iranian': the name follows a stance prefix and a hyphen."""
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in STANCE_PREFIXES:
        return True
    return start >= 1 and doc[start - 1].lower_.rstrip("-") in STANCE_PREFIXES and doc[start - 1].text.endswith("-")
