"""The embedded store: one SQLite file (WAL mode), opened, checked and migrated
here, with the reads and writes the ingest, ``events`` and ``brief`` need.

Every error a user can cause (a read-only file or folder, a store locked by
another writer, a file that is not a store, a schema from another version)
becomes a :class:`~triangulate.errors.StoreError` with the fix in its message.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError, StoreLocked, StoreReadOnly
from ..model import Article, RemovedLine
from .schema import SCHEMA_VERSION, migrate

#: Environment variable naming the store when --db is not given.
DB_ENV = "TRIANGULATE_DB"
DEFAULT_DB = "triangulate.db"

#: Seconds a writer waits for another writer's lock before giving up.
BUSY_TIMEOUT = 10.0


def default_db_path() -> str:
    return os.environ.get(DB_ENV) or DEFAULT_DB


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event as ``triangulate events`` lists it."""

    id: str
    title: str | None
    start: str | None
    end: str | None
    articles: int
    sources: int
    outlets: tuple[str, ...]
    members: tuple[str, ...] = ()


class Store:
    """An open store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = str(path)
        self._conn = _connect(self.path, create=create)
        try:
            self.migrated_from = _guard(lambda: migrate(self._conn, self.path), self.path)
        except BaseException:
            self._conn.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole or not at all."""
        conn = self._conn
        _guard(lambda: conn.execute("BEGIN IMMEDIATE"), self.path)
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        _guard(lambda: conn.execute("COMMIT"), self.path)

    # -- reads ------------------------------------------------------------------------

    def execute(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        return _guard(lambda: self._conn.execute(sql, params), self.path)

    def resolve(self, event: str) -> str | None:
        """The live id of ``event`` (merged ids redirect), or None if unknown."""
        seen = set()
        while event not in seen:
            seen.add(event)
            if self.execute("SELECT 1 FROM events WHERE id = ?", (event,)).fetchone():
                return event
            row = self.execute("SELECT new FROM redirects WHERE old = ?", (event,)).fetchone()
            if row is None:
                return None
            event = row[0]
        return None

    def articles_of(self, event: str) -> list[Article]:
        rows = self.execute(
            "SELECT a.id, a.origin, a.text, a.title, a.source, a.published, a.dateline, a.language, a.url,"
            " a.removed, a.warnings FROM memberships m JOIN articles a ON a.id = m.article"
            " WHERE m.event = ? ORDER BY a.seq",
            (event,),
        ).fetchall()
        return [_article(row) for row in rows]

    def event(self, event: str) -> EventRow | None:
        row = self.execute(
            "SELECT id, title, start, end, articles, sources, outlets FROM events WHERE id = ?", (event,)
        ).fetchone()
        return _event_row(row) if row else None

    def groups_of(self, event: str) -> dict[str, str]:
        """Article id -> the article it duplicates (itself for originals)."""
        rows = self.execute(
            "SELECT a.id, coalesce(a.duplicate_of, a.id) FROM memberships m JOIN articles a ON a.id = m.article"
            " WHERE m.event = ?",
            (event,),
        ).fetchall()
        return dict(rows)

    def counts(self) -> dict[str, int]:
        return {
            name: self.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in ("articles", "events", "inputs", "rejections", "redirects")
        }


def search_query(text: str) -> str:
    """User text as an FTS5 query: every word must appear (quoted, so FTS5
    syntax characters in the text are just characters)."""
    words = [w.replace('"', '""') for w in text.split() if w.strip('"')]
    return " AND ".join(f'"{w}"' for w in words)


def _article(row: Sequence) -> Article:
    removed = tuple(RemovedLine(r["text"], r["reason"]) for r in json.loads(row[9]))
    return Article(
        id=row[0], origin=row[1], text=row[2], title=row[3], source=row[4], published=row[5],
        dateline=row[6], language=row[7], url=row[8], removed=removed, warnings=tuple(json.loads(row[10])),
    )


def _event_row(row: Sequence, members: tuple[str, ...] = ()) -> EventRow:
    return EventRow(row[0], row[1], row[2], row[3], row[4], row[5], tuple(json.loads(row[6])), members)


def _connect(path: str, *, create: bool) -> sqlite3.Connection:
    file = Path(path)
    if file.is_dir():
        raise StoreError(f"{path} is a folder, not a store file. Give a file path with --db, e.g. {file / DEFAULT_DB}.")
    if not file.exists():
        if not create:
            raise StoreError(f"No store at {path}. Run 'triangulate ingest PATH --db {path}' first.")
        folder = file.parent if str(file.parent) else Path(".")
        if not folder.is_dir():
            raise StoreError(f"Cannot create the store {path}: the folder {folder} does not exist. Create it first.")
        if not os.access(folder, os.W_OK):
            raise StoreReadOnly(
                f"Cannot create the store {path}: the folder {folder} is not writable. "
                "Give a --db path in a folder you can write to."
            )
    elif not os.access(file, os.W_OK) or not os.access(file.parent if str(file.parent) else Path("."), os.W_OK):
        raise StoreReadOnly(
            f"The store {path} (or its folder, where SQLite keeps its journal) is read-only. "
            "Make both writable (chmod u+w), or copy the store somewhere writable and use --db."
        )
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"Cannot open the store {path}: {error}. Check the path.") from error
    try:
        _guard(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone(), path)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _guard(call, path: str):
    """Run ``call``, turning SQLite's errors into store errors that say what to do."""
    try:
        return call()
    except sqlite3.OperationalError as error:
        message = str(error).lower()
        if "locked" in message or "busy" in message:
            raise StoreLocked(
                f"The store {path} is locked by another process (waited {BUSY_TIMEOUT:.0f} s). "
                "Wait for the other ingest to finish, or use another --db."
            ) from error
        if "readonly" in message or "read-only" in message:
            raise StoreReadOnly(
                f"The store {path} is read-only. Make the file and its folder writable, or use another --db."
            ) from error
        raise StoreError(f"The store {path} could not be used: {error}.") from error
    except sqlite3.DatabaseError as error:
        raise StoreError(
            f"{path} is not a triangulate store (SQLite says: {error}). Give another --db path; "
            "triangulate will not change this file."
        ) from error


__all__ = ["DB_ENV", "DEFAULT_DB", "EventRow", "SCHEMA_VERSION", "Store", "default_db_path", "search_query"]
