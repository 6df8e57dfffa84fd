"""The store's tables and their versioned migrations.

Every change to the schema is a new :class:`Migration` appended to :data:`MIGRATIONS`, never an
edit of an applied one: a database records each version it has applied in ``schema_version``, and
opening it applies the missing steps in order, each in its own transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb


class StoreError(RuntimeError):
    """The database cannot be used (written by a newer tacitus, locked, not a tacitus store)."""


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_ACTOR_COLUMNS = """
    {side}_text VARCHAR, {side}_start INTEGER, {side}_end INTEGER, {side}_code VARCHAR,
    {side}_country VARCHAR, {side}_sector VARCHAR, {side}_name VARCHAR, {side}_actor_id VARCHAR
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, coded events and actors", (
        """
        CREATE TABLE articles (
            doc_id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL,      -- of the text: a changed text replaces the article
            title VARCHAR,
            published DATE,
            published_source VARCHAR,
            outlet VARCHAR,
            url VARCHAR,
            lang VARCHAR,
            origin VARCHAR,
            text VARCHAR NOT NULL,              -- kept so that `tacitus link` can recompute everything
            minhash BLOB NOT NULL,              -- MinHash signature of the word shingles (near-duplicates)
            shingles INTEGER NOT NULL,          -- how many distinct shingles the signature covers
            event_count INTEGER NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        )
        """,
        # One column per field of the flattened record contract (tacitus.output.flat_columns).
        f"""
        CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER,
            sentence VARCHAR,
            span_start INTEGER, span_end INTEGER,
            trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
            event VARCHAR,
            mode VARCHAR,
            cameo VARCHAR NOT NULL,
            quad_class TINYINT,
            goldstein DOUBLE,
            {_ACTOR_COLUMNS.format(side="source")},
            {_ACTOR_COLUMNS.format(side="target")},
            factuality VARCHAR NOT NULL,
            attribution_text VARCHAR, attribution_code VARCHAR,
            date DATE,
            date_precision VARCHAR,
            location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
            location_geonameid BIGINT,
            confidence DOUBLE,
            evidence VARCHAR,                   -- JSON text
            published DATE,
            outlet VARCHAR,
            url VARCHAR,
            coder_version VARCHAR
        )
        """,
        "CREATE INDEX events_doc_id ON events (doc_id)",
        """
        CREATE TABLE actors (
            code VARCHAR PRIMARY KEY,
            country VARCHAR,
            sector VARCHAR,
            name VARCHAR,                       -- most frequent canonical name for the code
            actor_id VARCHAR,
            events INTEGER NOT NULL,            -- events with this actor as source or target
            first_seen DATE,
            last_seen DATE
        )
        """,
    )),
    Migration(2, "links: near-duplicate articles, event clusters, stories", (
        # A row per linked article; articles without one are linked by the next `link` run.
        """
        CREATE TABLE article_links (
            doc_id VARCHAR PRIMARY KEY,
            dup_of VARCHAR,                     -- canonical article of a near-duplicate (syndicated) copy
            story_id VARCHAR
        )
        """,
        "CREATE TABLE event_links (event_id VARCHAR PRIMARY KEY, cluster_id VARCHAR NOT NULL)",
        "CREATE INDEX event_links_cluster ON event_links (cluster_id)",
        """
        CREATE TABLE clusters (
            cluster_id VARCHAR PRIMARY KEY,
            block VARCHAR NOT NULL,             -- source key | target key | type key | realis
            source_actor VARCHAR,               -- country, else actor code: the dyad for recurrence
            target_actor VARCHAR,
            type_key VARCHAR NOT NULL,          -- PLOVER type, or CAMEO root for 01x/02x statements
            anchor_start DATE,                  -- days the event may have happened on
            anchor_end DATE,
            date DATE,
            first_seen DATE,                    -- earliest publication date among its articles
            members INTEGER NOT NULL,           -- event rows linked to it, copies included
            mentions INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            outlets INTEGER NOT NULL,
            copies INTEGER NOT NULL,            -- syndicated copies, counted once in the figures above
            representative VARCHAR NOT NULL,    -- event_id of the best record
            cameo VARCHAR NOT NULL,             -- of the representative
            status VARCHAR NOT NULL,            -- reported | confirmed | denied | disputed
            claims VARCHAR NOT NULL,            -- JSON list: who asserted, reported, confirmed, denied, when
            previous_cluster_id VARCHAR         -- the latest earlier cluster of the same dyad and type
        )
        """,
        """
        CREATE TABLE stories (
            story_id VARCHAR PRIMARY KEY,
            title VARCHAR,
            first_published DATE,
            last_published DATE,
            members INTEGER NOT NULL,           -- articles, copies included
            articles INTEGER NOT NULL,
            events INTEGER NOT NULL,
            actors VARCHAR NOT NULL,            -- JSON list of the most frequent actor codes
            terms VARCHAR NOT NULL              -- JSON list of the highest-weighted TF-IDF terms
        )
        """,
    )),
    Migration(3, "events: when and where the attribution was made; intermediaries", (
        "ALTER TABLE events ADD COLUMN attribution_date DATE",
        "ALTER TABLE events ADD COLUMN attribution_place VARCHAR",
        *(f"ALTER TABLE events ADD COLUMN intermediary_{column}"
          for column in ("text VARCHAR", "start INTEGER", "end INTEGER", "code VARCHAR", "country VARCHAR",
                         "sector VARCHAR", "name VARCHAR", "actor_id VARCHAR")),
    )),
    Migration(4, "events: what kind of place the location is and how precise its point", (
        "ALTER TABLE events ADD COLUMN location_feature VARCHAR",  # country | admin1 | admin2 | city | village | venue
        "ALTER TABLE events ADD COLUMN location_precision INTEGER",  # km the point may be off; NULL: no point
    )),
    Migration(5, "events: the verb of the attribution", (
        "ALTER TABLE events ADD COLUMN attribution_verb VARCHAR",  # say | confirm | deny | ... | according to
        # Rows stored before named the verb only in the factuality cue of a reported event
        # ("'confirm' by the Pentagon"), which is where linking read it.
        "UPDATE events SET attribution_verb = nullif(regexp_extract(json_extract_string(evidence, "
        "'$.factuality_cue'), '^''([^'']+)''', 1), '') "
        "WHERE factuality = 'reported' AND attribution_text IS NOT NULL",
    )),
)

LATEST_VERSION = MIGRATIONS[-1].version


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection, target: int = LATEST_VERSION) -> int:
    """Apply the missing migrations up to `target`; returns the version the database is at."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        "version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    version = current_version(con)
    if version > LATEST_VERSION:
        raise StoreError(
            f"the database is at schema version {version}, newer than this tacitus knows "
            f"({LATEST_VERSION}): upgrade tacitus to use it"
        )
    for migration in MIGRATIONS:
        if migration.version <= version or migration.version > target:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                        [migration.version, migration.description, utc_now()])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        version = migration.version
    return version


def utc_now() -> dt.datetime:
    """Naive UTC, as DuckDB's TIMESTAMP stores it."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
