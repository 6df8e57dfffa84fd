"""Which place a name stands for: every reading the gazetteer has (country, region, district,
city, village), scored by what it is, how big it is and what the article says.

A country or region named outright outranks a town of the same name. Among towns, size decides
unless the article points elsewhere: places it names as places (a story that mentions Texas puts
"Paris" in Texas), places near those it has already placed, then, more weakly, the countries of
its actors — but an actor's country only makes a namesake the location when the namesake is a
plausible one (a city, not a village): talks between Iran and the United States in "Geneva" are
in Switzerland, not in Geneva, Illinois. The losing reading is kept for the evidence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from tacitus.where.gazetteer import Gazetteer, Place
from tacitus.where.index import compact_key
from tacitus.where.tables import word_set

# Regions larger than a country: no reading in the gazetteer is the place they name.
SUPRANATIONAL_NAMES = word_set("supranational_names")
_COUNTRY_SCORE = 9.0
_US_STATE_SCORE = 7.5
_NAMED_REGION_SCORE = 8.5  # curated rows of regions.tsv
_FIRST_LEVEL_SCORE = 6.0  # ISO 3166-2 regions: a big city of the same name still wins
_PRIMARY_NAME_BONUS = 1.0
_ALTERNATE_NAME_PENALTY = -1.5
_CAPITAL_BONUS = 1.0
_FEATURE_HINT_BONUS = 3.0  # "Idlib province": the text says which kind of place
_PLACE_COUNTRY_BONUS = 2.0
_STATE_BONUS = 2.5
_NEARBY_BONUS = 1.5
_NEARBY_KM = 250
_ACTOR_COUNTRY_BONUS = 2.0
_IMPLAUSIBLE_ACTOR_COUNTRY_BONUS = 0.3
# Below this a namesake in an actor's country is no plausible event location on that ground alone.
_PLAUSIBLE_POPULATION = 100_000
# A US state yields to its eponymous big city ("New York"): news means the city.
_EPONYMOUS_CITY_POPULATION = 500_000


@dataclass
class ArticleGeography:
    """What the whole article says about places; see :mod:`tacitus.where.article`."""

    place_votes: dict[str, dict[str, int]] = field(default_factory=dict)  # alpha-3 -> {name key: count}
    state_votes: dict[str, dict[str, int]] = field(default_factory=dict)  # US state code -> {name key: count}
    actor_countries: set[str] = field(default_factory=set)
    anchors: list[tuple[str, float, float]] = field(default_factory=list)  # (name key, lat, lon)

    def names_country(self, country: str | None, other_than: str) -> bool:
        return any(key != other_than for key in self.place_votes.get(country, {}))

    def names_state(self, state: str | None, other_than: str) -> bool:
        return any(key != other_than for key in self.state_votes.get(state, {}))

    def mentions_country(self, country: str | None, other_than: str) -> bool:
        """The article names the country, or a place in it other than `other_than`, or an actor of it."""
        return self.names_country(country, other_than) or country in self.actor_countries

    def leading_country(self) -> str | None:
        """The country the article names places in most, ahead of any other."""
        totals = sorted(((sum(names.values()), code) for code, names in self.place_votes.items()), reverse=True)
        if not totals or (len(totals) > 1 and totals[1][0] == totals[0][0]):
            return None
        return totals[0][1]

    def near(self, place: Place, other_than: str) -> str | None:
        if place.lat is None or place.lon is None:
            return None
        for key, lat, lon in self.anchors:
            if key != other_than and _km(place.lat, place.lon, lat, lon) <= _NEARBY_KM:
                return key
        return None


@dataclass(frozen=True)
class Resolution:
    place: Place
    how: str  # why this reading won, for the evidence
    runner_up: str | None = None  # the best losing reading and why it lost


def resolve(name: str, gazetteer: Gazetteer, geography: ArticleGeography, qualifier: Place | None = None,
            feature_hint: str | None = None) -> Resolution | None:
    """The best reading of `name`; `qualifier` is a region the text attaches ("Paris, Texas"),
    `feature_hint` the kind of place the text calls it ("province" -> admin1)."""
    key = compact_key(name)
    if name.casefold().removeprefix("the ") in SUPRANATIONAL_NAMES:
        return None  # "a trip to Asia" is no trip to Asia in the Philippines
    towns = [(m.place, m.primary) for m in gazetteer.city_matches(name)]
    country, state = gazetteer.country(name), gazetteer.us_state(name)
    if qualifier is not None and country is None:
        inside = [p for p, _ in towns if _within(p, qualifier)]
        if inside:
            return Resolution(max(inside, key=lambda p: p.population), f"in {qualifier.name}, as the text says")
    candidates: list[tuple[float, Place, str]] = []
    for place, primary in towns:
        base = math.log10(place.population + 1) + (_PRIMARY_NAME_BONUS if primary else _ALTERNATE_NAME_PENALTY)
        base += _CAPITAL_BONUS if place.capital else 0.0
        candidates.append((base, place, f"{'name' if primary else 'alternate name'}, population {place.population:,}"))
    if country is not None:
        candidates.append((_COUNTRY_SCORE, country, "a country"))
    if state is not None and not any(p.country == "USA" and p.admin1 == state.admin1
                                     and p.population >= _EPONYMOUS_CITY_POPULATION for p, _ in towns):
        candidates.append((_US_STATE_SCORE, state, "a US state"))
    candidates += [(_NAMED_REGION_SCORE, p, "a named region") for p in gazetteer.named_regions(name)]
    candidates += [(_FIRST_LEVEL_SCORE, p, "a first-level region") for p in gazetteer.first_level(name)]
    if not candidates:
        return None
    scored = []
    for base, place, why in candidates:
        bonus, reasons = _context(place, key, geography)
        if feature_hint and _fits_hint(place, feature_hint):
            bonus += _FEATURE_HINT_BONUS
            reasons.append(f"the text calls it a {feature_hint}")
        scored.append((base + bonus, place, ", ".join([why, *reasons])))
    scored.sort(key=lambda item: -item[0])
    best_score, best, why = scored[0]
    runner_up = next((item for item in scored[1:] if item[1].country != best.country), None) or next(
        (item for item in scored[1:] if item[1].feature != best.feature), None)
    if runner_up is None:
        return Resolution(best, why if len(scored) == 1 else f"best of {len(scored)} readings: {why}")
    score, place, lost_why = runner_up
    return Resolution(best, f"best of {len(scored)} readings: {why}",
                      f"{describe(place)} ({lost_why}) scored {score:.1f} < {best_score:.1f}")


def _context(place: Place, key: str, geography: ArticleGeography) -> tuple[float, list[str]]:
    bonus, reasons = 0.0, []
    # A story naming New York and Washington does not make "Georgia" the US state: only a
    # place named in that state does (below).
    us_state = place.feature == "admin1" and place.country == "USA"
    if not us_state and geography.names_country(place.country, key):
        bonus += _PLACE_COUNTRY_BONUS
        reasons.append(f"the article names places in {place.country}")
    elif not us_state and place.country in geography.actor_countries:
        plausible = place.feature != "village" and (
            place.feature != "city" or place.population >= _PLAUSIBLE_POPULATION or place.capital)
        bonus += _ACTOR_COUNTRY_BONUS if plausible else _IMPLAUSIBLE_ACTOR_COUNTRY_BONUS
        reasons.append(f"an actor of the article is from {place.country}"
                       + ("" if plausible else ", but the place is too small for that alone"))
    if place.country == "USA" and geography.names_state(place.admin1, key):
        bonus += _STATE_BONUS
        reasons.append(f"the article names {place.admin1}")
    neighbour = geography.near(place, key) if place.feature in ("city", "village") else None
    if neighbour is not None:
        bonus += _NEARBY_BONUS
        reasons.append(f"near '{neighbour}', placed earlier")
    return bonus, reasons


def _fits_hint(place: Place, hint: str) -> bool:
    return place.feature == hint or (hint == "city" and place.feature == "village")


def _within(place: Place, region: Place) -> bool:
    if place.country != region.country:
        return False
    return region.feature == "country" or place.admin1 == region.admin1


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, a)))


def describe(place: Place) -> str:
    return f"{place.name} ({place.feature}, {place.country})" if place.country else f"{place.name} ({place.feature})"
