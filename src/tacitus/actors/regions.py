"""First-level regions of countries (provinces, states, governorates) as places.

"The government of Sindh province", "a state of emergency in West Darfur State": a region
names a place inside one country, which gives actors without a country of their own their
country. Names come from ISO 3166-2 as shipped by pycountry; a name is read as a region only
next to a word that says so ("Helmand province", "the province of Anbar"), and only when it
belongs to one country ("Punjab" is in India and in Pakistan).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from tacitus.cache import compiled, fingerprint, package_version

REGION_WORDS = frozenset(
    "province state region governorate prefecture oblast district county department emirate "
    "canton territory division".split()
)
MAX_NAME_TOKENS = 4


@dataclass(frozen=True)
class RegionMention:
    start: int  # tokens [start, end) of the region's name, the region word included
    end: int
    name: str
    country: str  # ISO alpha-3


@functools.lru_cache(maxsize=1)
def region_countries() -> dict[str, frozenset[str]]:
    """Lower-cased region name -> the alpha-3 codes of the countries that have a region so named
    (compiled once per pycountry version: reading ISO 3166-2 takes a good part of a start-up)."""
    key = fingerprint([f"pycountry {package_version('pycountry')}"], [Path(__file__)])
    return compiled("region-countries", key, _region_countries)


def _region_countries() -> dict[str, frozenset[str]]:
    import pycountry  # here: a start on the compiled cache does not import it

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    found: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        country = alpha3.get(subdivision.country_code)
        if country is None or subdivision.parent_code is not None:
            continue
        name = _key(subdivision.name.split(" (")[0])
        for form in {name, ARABIC_ARTICLE.sub("", name)}:
            found.setdefault(form, set()).add(country)
    return {name: frozenset(codes) for name, codes in found.items()}


# ISO 3166-2 writes "Al Anbār", "As Sulaymānīyah"; news writes "Anbar", "Sulaimaniyah".
ARABIC_ARTICLE = re.compile(r"^(al|an|as|ad|ar|at|az|ash|el)[ -]")


def _key(name: str) -> str:
    """Lower case without diacritics or apostrophes: "Kandahār" and "Kandahar" are one name."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[’'‘`ʼ]", "", plain).lower().strip()


def find_regions(doc: Doc) -> list[RegionMention]:
    """Regions named with a region word before ("the province of Anbar") or after ("Sindh
    province") a run of proper nouns."""
    names = region_countries()
    found = []
    for token in doc:
        if token.lower_ not in REGION_WORDS:
            continue
        candidates = []
        end = token.i  # "Sindh province": the name ends before the region word
        start = end
        while start > 0 and end - start < MAX_NAME_TOKENS and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if start < end:
            candidates.append((start, end, start, end + 1))
        if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":
            # "the province of Anbar"
            first = token.i + 2
            last = first
            while last < len(doc) and last - first < MAX_NAME_TOKENS and doc[last].pos_ == "PROPN":
                last += 1
            if last > first:
                candidates.append((first, last, token.i, last))
        for name_start, name_end, span_start, span_end in candidates:
            # the longest known name ending at the name's end ("North Darfur", not "Darfur")
            for s in range(name_start, name_end):
                countries = names.get(_key(doc[s:name_end].text))
                if countries is not None:
                    if len(countries) == 1:
                        found.append(RegionMention(min(s, span_start), span_end, doc[s:name_end].text,
                                                   next(iter(countries))))
                    break
    return found
