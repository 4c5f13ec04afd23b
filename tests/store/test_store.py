"""The event store: ingest, idempotence, near-duplicates, events, search,
schema versions and the errors a user can meet."""

from __future__ import annotations

import os
import sqlite3

import pytest

from triangulate.errors import StoreLocked, StoreReadOnly, StoreVersionError
from triangulate.settings import Settings
from triangulate.store import Store
from triangulate.store.events import format_events, list_events
from triangulate.store.ingest import ingest
from triangulate.store.schema import SCHEMA_VERSION, migrate

BRIDGE = (
    "Footbridge over the Lissa closes\n\n"
    "The old footbridge over the Lissa river in Varnholm closed on Monday after engineers found cracks in two of "
    "its stone piers, the city council said in a statement. Pedestrians were sent to the Market Street bridge, "
    "a detour of about 800 metres, and a ferry will run at rush hour from Tuesday.\n\n"
    "Council engineer Hanna Ruud said the cracks had widened since an inspection in October and that divers "
    "would examine the foundations this week. The bridge, built in 1911, carries about 6,000 people a day.\n"
)


def snapshot(path) -> dict:
    """Everything an ingest decides, in a comparable form."""
    conn = sqlite3.connect(path)
    try:
        return {
            "articles": conn.execute("SELECT id, identity, text, duplicate_of FROM articles ORDER BY seq").fetchall(),
            "memberships": conn.execute("SELECT * FROM memberships ORDER BY article").fetchall(),
            "events": conn.execute(
                "SELECT id, seq, start, end, articles, sources, outlets, title, digest, centroid FROM events ORDER BY id"
            ).fetchall(),
            "redirects": conn.execute("SELECT * FROM redirects ORDER BY old").fetchall(),
            "inputs": conn.execute("SELECT digest, article FROM inputs ORDER BY digest").fetchall(),
            "bands": conn.execute("SELECT count(*) FROM lsh_bands").fetchall(),
        }
    finally:
        conn.close()


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory, root):
    path = tmp_path_factory.mktemp("store") / "t.db"
    with Store(path) as store:
        summary = ingest([str(root / "examples" / "kessra-dam"), str(root / "examples" / "tamzara-cup-final")],
                         store, Settings())
    return path, summary


def test_store_ingest_finds_the_two_example_events(examples_store):
    path, summary = examples_store
    assert (summary.read, summary.new, summary.events_created, len(summary.rejected)) == (11, 11, 2, 0)
    with Store(path) as store:
        events = list_events(store, members=True)
    assert sorted(e.articles for e in events) == [4, 7]
    football = next(e for e in events if e.articles == 4)
    assert set(football.members) == {"qasr-daily", "almar-herald-sport", "tamzara-today-sport-0315", "mpa-sport-wire"}
    assert football.start == "2026-03-14" and "Tamzara Today" in football.outlets


def test_store_ingest_twice_adds_nothing(examples_store, root):
    path, _ = examples_store
    before = snapshot(path)
    with Store(path) as store:
        again = ingest([str(root / "examples" / "kessra-dam"), str(root / "examples" / "tamzara-cup-final")],
                       store, Settings())
    assert (again.new, again.duplicates, again.events_created) == (0, 11, 0)
    assert snapshot(path) == before


def test_store_events_filters_and_search(examples_store):
    path, _ = examples_store
    with Store(path) as store:
        assert [e.articles for e in list_events(store, search="penalty OR header")] == []  # every word must match
        assert [e.articles for e in list_events(store, search="Haddad header")] == [4]
        assert [e.articles for e in list_events(store, search='embankment "')] == [7]
        assert list_events(store, since="2026-03-16") == []
        assert len(list_events(store, until="2026-03-12")) == 1
        assert [e.articles for e in list_events(store, min_sources=5)] == [7]
        lines = format_events(list_events(store, members=True), "jsonl").splitlines()
    assert len(lines) == 2 and all('"members"' in line for line in lines)


def test_store_same_article_rescraped_is_a_near_duplicate(tmp_path):
    (tmp_path / "a.txt").write_text(BRIDGE)
    (tmp_path / "b.txt").write_text(BRIDGE.replace("Monday", "Monday morning") + "\nShare this story\n")
    with Store(tmp_path / "t.db") as store:
        summary = ingest([str(tmp_path)], store, Settings())
        assert summary.near_duplicates == 1
        assert store.execute("SELECT duplicate_of FROM articles WHERE id = 'b'").fetchone() == ("a",)
        (event,) = list_events(store)
    assert (event.articles, event.sources) == (2, 1)


def test_store_old_schema_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, str(path), target=1)
    conn.close()
    with Store(path) as store:
        assert store.migrated_from == 1
        assert store.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.execute("SELECT count(*) FROM briefings").fetchone() == (0,)


def test_store_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreVersionError, match="newer triangulate"):
        Store(path)


def test_store_other_sqlite_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreVersionError, match="not a triangulate store"):
        Store(path)
    assert sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall() == [("notes",)]


def test_store_read_only_gives_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "ro.db"
    Store(path).close()
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # as a non-root user with chmod a-w sees it
    with pytest.raises(StoreReadOnly, match="read-only"):
        Store(path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write read-only files")
def test_store_read_only_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "ro.db"
    Store(path).close()
    path.chmod(0o444)
    with pytest.raises(StoreReadOnly):
        Store(path)


def test_store_locked_by_another_writer_gives_a_clear_error(tmp_path, monkeypatch, root):
    import triangulate.store.db as db

    path = tmp_path / "locked.db"
    Store(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process is writing
    monkeypatch.setattr(db, "BUSY_TIMEOUT", 0.05)
    try:
        with Store(path) as store, pytest.raises(StoreLocked, match="locked"):
            ingest([str(root / "examples" / "tamzara-cup-final")], store, Settings())
    finally:
        other.execute("ROLLBACK")
        other.close()
