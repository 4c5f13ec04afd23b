"""The store's schema, versioned with ``PRAGMA user_version`` and migrated in
order: a store at version *n* gets migrations *n+1* ... :data:`SCHEMA_VERSION`,
each in its own transaction. A store from a newer triangulate is refused, never
downgraded; a SQLite file with tables but no version is not a triangulate store.

Tables (version 2)::

    inputs       provenance of every document read: digest of its raw content,
                 where it came from, which article it became (or none)
    rejections   inputs and records that could not be used, with the reason
    articles     cleaned articles as given ids, with metadata, removed lines,
                 clustering features, MinHash signature, duplicate_of link
    articles_fts FTS5 index over titles and texts (external content)
    lsh_bands    MinHash LSH band keys -> article, for near-duplicate lookups
    shared_pairs articles of one event that share passages (wire copy)
    events       one row per live event: dates, counts, outlets, digest, and
                 the clusterer's state for it (centroid, day range)
    memberships  article -> event
    redirects    merged event id -> the event it was merged into
    analyses     cached spaCy analyses, by text digest and pipeline version
    briefings    cached rendered briefings, by event, format, digest, version
"""

from __future__ import annotations

import sqlite3

from ..errors import StoreVersionError

_V1 = """
CREATE TABLE inputs (
    digest TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    kind TEXT NOT NULL,
    url TEXT,
    article TEXT,
    seen TEXT NOT NULL
);
CREATE TABLE rejections (
    origin TEXT NOT NULL,
    item TEXT NOT NULL,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    UNIQUE (origin, item, stage, reason)
);
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    identity TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    url TEXT,
    title TEXT,
    source TEXT,
    published TEXT,
    dateline TEXT,
    language TEXT,
    text TEXT NOT NULL,
    removed TEXT NOT NULL,
    warnings TEXT NOT NULL,
    features TEXT NOT NULL,
    signature BLOB,
    duplicate_of TEXT REFERENCES articles(id)
);
CREATE INDEX articles_published ON articles(published);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');
CREATE TABLE lsh_bands (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    article TEXT NOT NULL,
    PRIMARY KEY (band, key, article)
) WITHOUT ROWID;
CREATE TABLE shared_pairs (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    start TEXT,
    end TEXT,
    articles INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    outlets TEXT NOT NULL,
    title TEXT,
    digest TEXT NOT NULL,
    first_day INTEGER,
    last_day INTEGER,
    centroid TEXT NOT NULL
);
CREATE INDEX events_start ON events(start);
CREATE TABLE memberships (
    article TEXT PRIMARY KEY REFERENCES articles(id),
    event TEXT NOT NULL
);
CREATE INDEX memberships_event ON memberships(event);
CREATE TABLE redirects (
    old TEXT PRIMARY KEY,
    new TEXT NOT NULL
);
"""

# Version 2: the caches, so a briefing asked for twice is analysed once.
_V2 = """
CREATE TABLE analyses (
    key TEXT PRIMARY KEY,
    pipeline TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE briefings (
    event TEXT NOT NULL,
    format TEXT NOT NULL,
    options TEXT NOT NULL,
    digest TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (event, format, options)
);
"""

#: Migration *i* (1-based) brings a store from version i-1 to version i.
MIGRATIONS: tuple[str, ...] = (_V1, _V2)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: str, target: int = SCHEMA_VERSION) -> int:
    """Bring the store at ``conn`` to ``target``; returns the version it had.

    Raises :class:`StoreVersionError` for a store from a newer version, or a
    SQLite file that holds other tables and no triangulate version.
    """
    found = schema_version(conn)
    if found > SCHEMA_VERSION:
        raise StoreVersionError(
            f"{path} has store schema version {found}, but this triangulate reads versions up to "
            f"{SCHEMA_VERSION}: it was written by a newer triangulate. Upgrade triangulate, or give "
            "another --db path."
        )
    if found == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if tables:
            raise StoreVersionError(
                f"{path} is a SQLite database, but not a triangulate store (it has {tables} tables and no "
                "store version). Give another --db path; triangulate will not change this file."
            )
    for version in range(found + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[version - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return found


def _statements(script: str) -> list[str]:
    """Split a migration into statements (our scripts have no ';' inside literals)."""
    return [s.strip() for s in script.split(";") if s.strip()]
