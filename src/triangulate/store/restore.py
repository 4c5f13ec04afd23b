"""State the ingest keeps in the store between runs: the clusterer's events
(restored exactly as they were at the last commit) and MinHash LSH band keys
for near-duplicate lookups."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import numpy as np
from datasketch import MinHash

from ..cluster import Features, OnlineClusterer
from ..cluster.online import EventState
from ..cluster.features import folded_words
from ..dedup.independence import MAX_GAP_WORDS, MIN_PASSAGE_WORDS, MIN_SHARED_WORDS, SEED_WORDS
from ..dedup.passages import shared_runs
from ..dedup.text import words_of
from ..model import content_id
from ..unionfind import DisjointSets
from .db import Store

#: Near duplicates: MinHash over word 4-grams of the cleaned text, 64
#: permutations in 16 bands of 4 rows. A pair at Jaccard 0.8 shares a band with
#: probability 0.9998, at 0.5 with 0.64 (then the signatures are compared).
#: An article is a near-duplicate from an estimated Jaccard of 0.8: the same
#: story re-scraped with a different header, footer or a changed word. Reprints
#: that cut or add paragraphs fall below and are caught when a briefing is built,
#: by the passage-level independence grouping (dedup/).
NEAR_SHINGLE_WORDS = 4
NEAR_NUM_PERM = 64
NEAR_BANDS = 16
NEAR_JACCARD = 0.8

#: Shared passages: a new article is checked word for word only against the
#: members of its event whose estimated Jaccard with it reaches this. The wire
#: reprints in examples/ and tests/fixtures/events are at 0.63-0.80, independent
#: reports of one event at 0.00-0.05; a story that pastes two wire paragraphs into a long
#: text of its own can fall below, and is then found only by the briefing.
PASSAGE_PREFILTER = 0.1


def restore_clusterer(store: Store, seed: int) -> OnlineClusterer:
    """The clusterer as the last committed batch left it."""
    members: dict[str, list[str]] = {}
    for article, event in store.execute(
        "SELECT m.article, m.event FROM memberships m JOIN articles a ON a.id = m.article ORDER BY a.seq"
    ):
        members.setdefault(event, []).append(article)
    events = [
        (row[0], row[1], members.get(row[0], []), json.loads(row[2]), row[3], row[4])
        for row in store.execute("SELECT id, seq, centroid, first_day, last_day FROM events ORDER BY seq")
    ]
    redirects = dict(store.execute("SELECT old, new FROM redirects").fetchall())
    features = (Features.from_json(json.loads(row[0])) for row in store.execute("SELECT features FROM articles"))
    return OnlineClusterer(seed=seed).restore(events, redirects, features)


def link_shared_passages(conn: sqlite3.Connection, article: str, text: str, signature: bytes, event: str) -> None:
    """Record which members of ``event`` share passages with a new article.

    Members whose MinHash estimate of Jaccard with it is below
    :data:`PASSAGE_PREFILTER` are skipped; the others are checked exactly, with
    the thresholds of the briefing's independence grouping (dedup/).
    """
    mine = np.frombuffer(signature, dtype=np.uint64)
    words = None
    rows = conn.execute(
        "SELECT a.id, a.signature FROM memberships m JOIN articles a ON a.id = m.article WHERE m.event = ? AND a.id != ?",
        (event, article),
    ).fetchall()
    for other, other_signature in rows:
        if other_signature is None or np.mean(np.frombuffer(other_signature, dtype=np.uint64) == mine) < PASSAGE_PREFILTER:
            continue
        words = words or words_of(text)
        other_text = conn.execute("SELECT text FROM articles WHERE id = ?", (other,)).fetchone()[0]
        runs = shared_runs(words, words_of(other_text), seed_words=SEED_WORDS, max_gap=MAX_GAP_WORDS,
                           min_words=MIN_PASSAGE_WORDS)
        if sum(r.unquoted for r in runs) >= MIN_SHARED_WORDS:
            conn.execute("INSERT OR IGNORE INTO shared_pairs VALUES (?, ?)", tuple(sorted((article, other))))


def independent_sources(conn: sqlite3.Connection, event: str) -> int:
    """Independence groups of an event's articles: near-duplicate links and
    shared passages joined, as the briefing groups them."""
    ids = [r[0] for r in conn.execute("SELECT article FROM memberships WHERE event = ?", (event,))]
    sets = DisjointSets(ids)
    for article, original in conn.execute(
        "SELECT a.id, a.duplicate_of FROM memberships m JOIN articles a ON a.id = m.article"
        " WHERE m.event = ? AND a.duplicate_of IS NOT NULL",
        (event,),
    ):
        sets.union(article, original)
    for a, b in conn.execute(
        "SELECT p.a, p.b FROM shared_pairs p JOIN memberships m ON m.article = p.a WHERE m.event = ?", (event,)
    ):
        sets.union(a, b)
    return len({sets.find(i) for i in ids})


def write_event_state(conn: sqlite3.Connection, state: EventState) -> None:
    """Write one event's row from its members and the clusterer's state."""
    rows = conn.execute(
        "SELECT a.id, a.title, a.source, a.published FROM memberships m"
        " JOIN articles a ON a.id = m.article WHERE m.event = ? ORDER BY a.seq",
        (state.id,),
    ).fetchall()
    dates = sorted(r[3] for r in rows if r[3])
    outlets = sorted({r[2] for r in rows if r[2]})
    title = next((r[1] for r in rows if r[1]), None)
    conn.execute(
        "INSERT OR REPLACE INTO events (id, seq, start, end, articles, sources, outlets, title, digest,"
        " first_day, last_day, centroid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            state.id, state.seq, dates[0] if dates else None, dates[-1] if dates else None, len(rows),
            independent_sources(conn, state.id), json.dumps(outlets, ensure_ascii=False), title,
            content_id(*sorted(r[0] for r in rows)), state.first, state.last,
            json.dumps(state.centroid, sort_keys=True),
        ),
    )


class NearDuplicates:
    """Near-duplicate lookups against the band keys stored with each article."""

    def __init__(self, store: Store, seed: int = 0) -> None:
        self.store = store
        self.seed = seed
        self._rows = NEAR_NUM_PERM // NEAR_BANDS

    def signature(self, text: str) -> tuple[bytes, list[int]]:
        words = folded_words(text)
        n = NEAR_SHINGLE_WORDS
        grams = {" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}
        minhash = MinHash(num_perm=NEAR_NUM_PERM, seed=self.seed)
        minhash.update_batch([g.encode("utf-8") for g in sorted(grams)])
        values = minhash.hashvalues.astype(np.uint64)
        bands = [
            int.from_bytes(
                hashlib.blake2b(values[b * self._rows : (b + 1) * self._rows].tobytes(), digest_size=8).digest(),
                "little", signed=True,
            )
            for b in range(NEAR_BANDS)
        ]
        return values.tobytes(), bands

    def original(self, conn: sqlite3.Connection, signature: bytes, bands: list[int]) -> str | None:
        """The earliest stored article this one nearly duplicates (its own
        original if it is itself a duplicate), or None."""
        mine = np.frombuffer(signature, dtype=np.uint64)
        candidates: set[str] = set()
        for band, key in enumerate(bands):
            candidates.update(r[0] for r in conn.execute(
                "SELECT article FROM lsh_bands WHERE band = ? AND key = ?", (band, key)
            ))
        best: tuple[int, str] | None = None
        for article in candidates:
            other, root = conn.execute(
                "SELECT signature, coalesce(duplicate_of, id) FROM articles WHERE id = ?", (article,)
            ).fetchone()
            if other is None or float(np.mean(np.frombuffer(other, dtype=np.uint64) == mine)) < NEAR_JACCARD:
                continue
            root_seq = conn.execute("SELECT seq FROM articles WHERE id = ?", (root,)).fetchone()[0]
            if best is None or root_seq < best[0]:
                best = (root_seq, root)
        return best[1] if best else None

    def insert(self, conn: sqlite3.Connection, article: str, bands: list[int]) -> None:
        conn.executemany(
            "INSERT OR IGNORE INTO lsh_bands VALUES (?, ?, ?)", [(b, k, article) for b, k in enumerate(bands)]
        )
