"""The actor knowledge base: countries, IGOs, groups, sectors and people with dated roles.

Everything is read once from ``tacitus/data/actors`` (and optional user overlays, see
:meth:`ActorKnowledgeBase.load`) into plain dictionaries, so that the resolver never scans the
knowledge per token: it asks for an alias, a (country, role) pair or a sector noun and gets the
candidates in one dictionary access.

Codes are composed the CAMEO/PETRARCH way: a country's alpha-3 code followed by a sector code
(``IRN`` + ``GOV`` = ``IRNGOV``); IGOs and groups carry their own code (``IGOUNO``), and a person
whose role row names an IGO code in the sector column gets that code.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tacitus import rules
from tacitus.actors.entries import (
    ELITE_SECTOR,
    AliasHit,
    Country,
    Group,
    Igo,
    Person,
    Resolution,
    Role,
    Sector,
    _as_tuple,
    _date_field,
    _row_text,
    compose_code,
    normalize_role,
    parse_date_bound,
    pluralize,
)
from tacitus.actors import kb_files
from tacitus.actors.kb_files import PEOPLE_COLUMNS
from tacitus.cache import compiled, fingerprint

SECTIONS = ("countries", "igos", "groups", "sectors")
NAME_GENERIC_NOUNS = rules.words("name_generic_nouns")
APOSTROPHES = ("'", "\u2019")
# The entries and their helpers live in tacitus.actors.entries; they stay importable from here.
__all__ = ["ActorKnowledgeBase", "AliasHit", "Country", "Group", "Igo", "PEOPLE_COLUMNS", "Person", "Resolution",
           "Role", "Sector", "compose_code", "normalize_role", "parse_date_bound", "pluralize"]


class ActorKnowledgeBase:
    """In-memory indexes over the actor data; build with :meth:`load`."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.igos: dict[str, Igo] = {}
        self.groups: dict[str, Group] = {}
        self.sectors: dict[str, Sector] = {}
        self.people: dict[str, Person] = {}
        self.sources: list[str] = []
        # exact surface form -> what it can name; the resolver matches these case-sensitively
        self.aliases: dict[str, list[AliasHit]] = {}
        self._aliases_lower: dict[str, list[tuple[str, AliasHit]]] = {}
        # (country or IGO code, canonical role) -> [(role, person)]
        self.role_holders: dict[tuple[str, str], list[tuple[Role, Person]]] = {}
        # lowercase agent noun (singular and plural) -> sector code
        self.agent_nouns: dict[str, str] = {}
        # lowercase title -> sector code
        self.titles: dict[str, str] = {}
        # word -> how many people's names of two words or more begin / end with it
        self.first_name_counts: dict[str, int] = defaultdict(int)
        self.last_name_counts: dict[str, int] = defaultdict(int)

    # ----------------------------------------------------------------- loading
    @classmethod
    def load(
        cls, overlays: Sequence[Path] = (), data_dir: Path | None = None
    ) -> ActorKnowledgeBase:
        """Read the package actor data (or `data_dir`, laid out the same way), then overlays.

        An overlay is a YAML mapping with optional keys ``countries``, ``igos``, ``groups``
        (lists of entries), ``sectors`` (mapping code -> entry, or list with ``code``) and
        ``people`` (list of dicts with the people CSV columns). Entries replace those with the
        same code; people rows replace all rows of the same ``person_id``. A data file that
        does not exist is skipped, so a partial data directory still loads.
        """
        kb = cls()
        root = importlib.resources.files("tacitus") / "data" / "actors" if data_dir is None else data_dir
        files = [root / f"{section}.yaml" for section in SECTIONS]
        people_dir = root / "people"
        if people_dir.is_dir():
            files += sorted((r for r in people_dir.iterdir() if r.name.endswith(".csv")), key=lambda r: r.name)
        # parsed once per content of these files (and of this reader), then read from the compiled cache
        sections, people_rows, kb.sources = compiled("actor-data", fingerprint(files=[Path(__file__), Path(kb_files.__file__), *files]),
                                                     lambda: kb_files.read_data_files(files))
        kb._add_sections(sections, people_rows, replace_people=False)
        for overlay in overlays:
            data = kb_files.read_yaml(Path(overlay).read_text(encoding="utf-8")) or {}
            if not isinstance(data, dict):
                raise ValueError(f"{overlay}: an actor overlay must be a YAML mapping")
            kb._add_sections(data, list(data.get("people") or ()), replace_people=True)
            kb.sources.append(str(overlay))
        kb._build_indexes()
        return kb

    def _add_sections(
        self, data: dict[str, Any], people_rows: list[dict[str, Any]], *, replace_people: bool
    ) -> None:
        for entry in data.get("countries") or ():
            country = Country(
                code=str(entry["code"]),
                name=str(entry.get("name") or entry["code"]),
                aliases=_as_tuple(entry.get("aliases")),
                adjectives=_as_tuple(entry.get("adjectives")),
                capital=entry.get("capital") or None,
                seats=tuple(
                    (str(s["text"]), str(s.get("sector") or "GOV")) for s in entry.get("seats") or ()
                ),
                valid_from=_date_field(entry.get("valid_from"), end=False),
                valid_until=_date_field(entry.get("valid_until"), end=True),
            )
            self.countries[country.code] = country
        for entry in data.get("igos") or ():
            igo = Igo(
                code=str(entry["code"]),
                name=str(entry.get("name") or entry["code"]),
                aliases=_as_tuple(entry.get("aliases")),
                abbreviations=_as_tuple(entry.get("abbreviations")),
                members=_as_tuple(entry.get("members")),
            )
            self.igos[igo.code] = igo
        for entry in data.get("groups") or ():
            group = Group(
                code=str(entry["code"]),
                name=str(entry.get("name") or entry["code"]),
                aliases=_as_tuple(entry.get("aliases")),
                country=entry.get("country") or None,
                sector=entry.get("sector") or None,
                valid_from=_date_field(entry.get("valid_from"), end=False),
                valid_until=_date_field(entry.get("valid_until"), end=True),
            )
            self.groups[group.code] = group
        sectors = data.get("sectors") or {}
        items = sectors.items() if isinstance(sectors, dict) else ((s["code"], s) for s in sectors)
        for code, entry in items:
            entry = entry or {}
            self.sectors[str(code)] = Sector(
                code=str(code),
                label=str(entry.get("label") or ""),
                nouns=_as_tuple(entry.get("nouns")),
                titles=_as_tuple(entry.get("titles")),
            )
        replaced: set[str] = set()
        for row in people_rows:
            person_id = _row_text(row, "person_id")
            if not person_id:
                raise ValueError(f"people row without person_id: {row}")
            person = self.people.get(person_id)
            if person is None or (replace_people and person_id not in replaced):
                person = Person(person_id, _row_text(row, "name") or person_id)
                self.people[person_id] = person
                replaced.add(person_id)
            if _row_text(row, "name"):
                person.name = _row_text(row, "name")
            extra = [a for a in _as_tuple(row.get("aliases")) if a not in person.aliases]
            person.aliases = person.aliases + tuple(extra)
            person.roles.append(
                Role(
                    country=_row_text(row, "country") or None,
                    sector=_row_text(row, "sector") or None,
                    role=_row_text(row, "role"),
                    start=_date_field(row.get("start"), end=False),
                    end=_date_field(row.get("end"), end=True),
                )
            )

    def _build_indexes(self) -> None:
        def add(text: str, hit: AliasHit) -> None:
            text = text.strip()
            if not text:
                return
            for form in _spelling_variants(text, hit.kind in ("group", "igo")):
                hits = self.aliases.setdefault(form, [])
                if hit not in hits:
                    hits.append(hit)

        for country in self.countries.values():
            for text in (country.name, *country.aliases):
                add(text, AliasHit("country", country.code))
            for text in country.adjectives:
                add(text, AliasHit("adjective", country.code))
            if country.capital:
                add(country.capital, AliasHit("capital", country.code))
            for text, sector in country.seats:
                add(text, AliasHit("seat", country.code, sector))
        for igo in self.igos.values():
            for text in (igo.name, *igo.aliases, *igo.abbreviations):
                add(text, AliasHit("igo", igo.code))
        for group in self.groups.values():
            for text in (group.name, *group.aliases):
                add(text, AliasHit("group", group.code))
        for person in self.people.values():
            person.roles.sort(key=lambda r: (r.start or dt.date.min, r.end or dt.date.max))
            for text in (person.name, *person.aliases):
                add(text, AliasHit("person", person.person_id))
            words = person.name.split()
            surname = words[-1] if words else ""
            if len(words) > 1:
                self.first_name_counts[words[0]] += 1
                self.last_name_counts[surname] += 1
            # A bare surname names the person only when nothing else claims the word
            # ("Jordan" stays the country); ambiguity between people is settled by date.
            if len(surname) > 2 and surname[0].isupper():
                add(surname, AliasHit("surname", person.person_id))
            for role in person.roles:
                key = role.country or role.sector
                if key and role.role:
                    self.role_holders.setdefault((key, normalize_role(role.role)), []).append(
                        (role, person)
                    )
        for text, hits in self.aliases.items():
            for hit in hits:
                self._aliases_lower.setdefault(text.lower(), []).append((text, hit))

        for sector in self.sectors.values():
            for noun in sector.nouns:
                for form in (noun.lower(), pluralize(noun.lower())):
                    self.agent_nouns.setdefault(form, sector.code)
            for title in sector.titles:
                self.titles.setdefault(title.lower(), sector.code)
        # Offices named in the people files are titles too, with the sector their rows carry.
        role_sectors: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for person in self.people.values():
            for role in person.roles:
                if role.role and role.sector and not role.sector.startswith("IGO"):
                    role_sectors[role.role.lower()][role.sector] += 1
        for title, counts in role_sectors.items():
            if self._names_an_actor(title):
                # "al-qaeda leader": the resolver composes the group and the noun itself; as
                # one title the phrase would hide the group's name and code.
                continue
            self.titles.setdefault(title, max(counts, key=counts.__getitem__))

    def _names_an_actor(self, phrase: str) -> bool:
        """Whether some run of words of `phrase` is the name of a country, IGO or group."""
        words = phrase.split()
        return any(
            hit.kind not in ("person", "surname")
            for i in range(len(words)) for j in range(i + 1, len(words) + 1)
            for _, hit in self._aliases_lower.get(" ".join(words[i:j]).lower(), ())
        )

    # ----------------------------------------------------------------- queries
    def mostly_a_given_name(self, word: str) -> bool:
        """Whether `word` begins at least as many people's names as it ends ("Ali", "Paul"): then
        a text using it alone more likely means someone called so than a known person's surname."""
        return self.first_name_counts.get(word, 0) >= max(1, self.last_name_counts.get(word, 0))

    def sector_of_title(self, title: str) -> str | None:
        return self.titles.get(title.lower()) or self.titles.get(normalize_role(title))

    def holders(self, country_or_igo: str, role: str, when: dt.date | None) -> list[tuple[Role, Person]]:
        """People holding `role` for a country (or IGO) at `when`, most recent start first.

        With no date, the holder whose role started last is taken as current.
        """
        rows = self.role_holders.get((country_or_igo, normalize_role(role)), [])
        if when is not None:
            rows = [(r, p) for r, p in rows if r.valid_at(when)]
        return sorted(rows, key=lambda rp: rp[0].start or dt.date.min, reverse=True)

    def person_at(
        self,
        person: Person,
        when: dt.date | None,
        *,
        prefer_role: str | None = None,
        prefer_country: str | None = None,
    ) -> Resolution:
        """What `person` is at `when`: the role valid then, preferring one matching the hints.

        Outside every role a known person keeps the country of the nearest role, with the
        elite sector (ELI): being a former or future office holder is what makes them an actor.
        """

        def preference(role: Role) -> tuple[int, int, dt.date]:
            return (
                int(prefer_role is not None and normalize_role(role.role) == normalize_role(prefer_role)),
                int(prefer_country is not None and role.country == prefer_country),
                role.start or dt.date.min,
            )

        if not person.roles:
            return Resolution(None, None, None, person.name, person.person_id, "person", "known person without roles")
        if when is None:
            role = max(person.roles, key=preference)
            return self._role_resolution(person, role, f"no date: latest role {role.describe()}")
        valid = [r for r in person.roles if r.valid_at(when)]
        if valid:
            role = max(valid, key=preference)
            return self._role_resolution(person, role, f"{role.describe()} valid on {when.isoformat()}")
        nearest = min(person.roles, key=lambda r: r.gap_days(when))
        country = nearest.country
        why = (
            f"no role on {when.isoformat()}; nearest {nearest.describe()}, "
            f"{nearest.gap_days(when)} days away: elite of {country or 'no country'}"
        )
        return Resolution(
            compose_code(country, ELITE_SECTOR) if country else None,
            country, ELITE_SECTOR, person.name, person.person_id, "person", why, None,
        )

    def _role_resolution(self, person: Person, role: Role, why: str) -> Resolution:
        sector = None if role.sector and role.sector.startswith("IGO") else role.sector
        return Resolution(role.code, role.country, sector, person.name, person.person_id, "person", why, role)

    def resolve_hit(self, hit: AliasHit, when: dt.date | None) -> Resolution:
        """The resolution of one alias hit at a date (seats with their sector, people by role)."""
        if hit.kind in ("person", "surname"):
            return self.person_at(self.people[hit.key], when)
        if hit.kind == "igo":
            igo = self.igos[hit.key]
            return Resolution(igo.code, None, None, igo.name, igo.code, "igo", f"IGO {igo.name}")
        if hit.kind == "group":
            group = self.groups[hit.key]
            return Resolution(group.code, group.country, group.sector, group.name, group.code, "group", f"group {group.name}")
        country = self.countries[hit.key]
        if hit.kind == "seat":
            return Resolution(
                compose_code(country.code, hit.sector), country.code, hit.sector, country.name,
                country.code, "seat", f"seat of {country.name}'s {hit.sector}",
            )
        if hit.kind == "capital":
            return Resolution(
                compose_code(country.code, "GOV"), country.code, "GOV", country.name, country.code,
                "capital", f"capital of {country.name}, read as its government",
            )
        why = f"{'nationality of' if hit.kind == 'adjective' else 'name of'} {country.name}"
        return Resolution(country.code, country.code, None, country.name, country.code, "country", why)

    def lookup(self, text: str, when: dt.date | None = None) -> list[Resolution]:
        """Everything `text` can name at `when`, best first.

        Exact-case forms rank before case-insensitive ones; people holding a role at the date
        before countries, IGOs and groups, and those before people known only outside a role
        or by surname.
        """
        text = " ".join(text.split())
        exact = self.aliases.get(text, [])
        loose = [hit for form, hit in self._aliases_lower.get(text.lower(), []) if form != text]
        ranked: list[tuple[tuple[int, int], Resolution]] = []
        seen: set[tuple[str, str]] = set()
        for case_rank, hits in ((0, exact), (1, loose)):
            for hit in hits:
                if (hit.kind, hit.key) in seen:
                    continue
                seen.add((hit.kind, hit.key))
                resolution = self.resolve_hit(hit, when)
                if hit.kind == "person":
                    kind_rank = 0 if resolution.role is not None else 2
                elif hit.kind == "surname":
                    kind_rank = 3
                else:
                    kind_rank = 1
                ranked.append(((case_rank, kind_rank), resolution))
        ranked.sort(key=lambda item: item[0])
        return [resolution for _, resolution in ranked]


def _spelling_variants(text: str, organisation: bool) -> set[str]:
    """The name as written, with the other apostrophe (news sites print the typographic one),
    and for an organisation with its generic last word in lower case ("Workers' party")."""
    forms = {text}
    if organisation:
        head, _, last = text.rpartition(" ")
        if head and last in NAME_GENERIC_NOUNS:
            forms.add(f"{head} {last.lower()}")
    straight, curly = APOSTROPHES
    return forms | {f.replace(straight, curly) for f in forms} | {f.replace(curly, straight) for f in forms}
