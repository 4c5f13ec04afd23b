"""``triangulate ingest``: inputs into the store, in batches, each batch one
transaction.

    read_inputs -> batch of N documents -> skip inputs already stored (digest)
       -> clean (boilerplate learnt on the batch) -> identity (URL, else the
       normalised text's hash): an article already stored is a duplicate
       -> near-duplicate? (MinHash LSH, band keys in the store) link to the original
       -> features -> OnlineClusterer -> rows, memberships, merges -> COMMIT

**Resumable.** Batches are cut by position in the input stream, and the
boilerplate model is learnt on the whole batch, stored or not; so a rerun after
a kill cuts the same batches, skips the committed ones whole and cleans the
rest exactly as an uninterrupted run would. The clusterer's state is stored
with each event and restored as it was at the last commit.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import BinaryIO

from ..clean import clean_document, fit_boilerplate
from ..cluster import OnlineClusterer, features_of
from ..cluster.features import folded_words
from ..ingest import read_inputs
from ..model import Article, RawDocument, Rejected, content_id
from ..pipeline import NoProgress, Progress
from ..settings import Settings
from .db import Store
from .restore import NearDuplicates, link_shared_passages, restore_clusterer, write_event_state

#: Documents per transaction. A batch is also the corpus the boilerplate model
#: learns repeated lines from; 200 holds a day of a mid-size outlet's pages.
BATCH_SIZE = 200


@dataclass(slots=True)
class IngestSummary:
    """What one ingest did (mutable while it runs; read it when it returns)."""

    read: int = 0
    new: int = 0
    duplicates: int = 0  # inputs or articles already in the store
    near_duplicates: int = 0  # new articles linked to an original
    events_created: int = 0
    events_grown: int = 0
    events_merged: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"read {self.read}, new {self.new}, duplicates {self.duplicates} "
            f"({self.near_duplicates} near-duplicates linked), rejected {len(self.rejected)}, "
            f"events created {self.events_created}, grown {self.events_grown}, merged {self.events_merged}"
        )


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> IngestSummary:
    """Read, clean, deduplicate and cluster every input into ``store``."""
    progress = progress or NoProgress()
    summary = IngestSummary()
    progress.stage("Restoring events")
    clusterer = restore_clusterer(store, settings.seed)
    near = NearDuplicates(store, seed=settings.seed)
    grown: set[str] = set()
    progress.stage("Ingesting")
    batch: list[RawDocument | Rejected] = []
    for item in read_inputs(paths, settings, stdin=stdin):
        batch.append(item)
        if len(batch) >= batch_size:
            _ingest_batch(batch, store, settings, clusterer, near, summary, grown)
            progress.advance(len(batch))
            batch = []
    if batch:
        _ingest_batch(batch, store, settings, clusterer, near, summary, grown)
        progress.advance(len(batch))
    summary.events_grown = len(grown)
    return summary


def input_digest(raw: RawDocument) -> str:
    """The identity of a raw input: its content and container hints (not its path)."""
    return content_id(raw.kind, raw.content, raw.url or "", raw.title or "", raw.published or "", raw.source or "", length=20)


def article_identity(article: Article) -> str:
    """URL when there is one, else the hash of the normalised words of the text."""
    if article.url:
        return "url:" + article.url.strip().rstrip("/").lower()
    words = " ".join(folded_words(article.text))
    return "hash:" + content_id(words, length=20)


def _ingest_batch(
    batch: list[RawDocument | Rejected],
    store: Store,
    settings: Settings,
    clusterer: OnlineClusterer,
    near: NearDuplicates,
    summary: IngestSummary,
    grown: set[str],
) -> None:
    raws = [item for item in batch if isinstance(item, RawDocument)]
    model = fit_boilerplate(raws)  # learnt on the whole batch, stored or not: see the module docstring
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    before = set(clusterer.events_)
    touched: set[str] = set()
    merged: list[tuple[str, str]] = []
    with store.transaction() as conn:
        for item in batch:
            summary.read += isinstance(item, RawDocument)
            if isinstance(item, Rejected):
                _reject(conn, item, summary)
                continue
            digest = input_digest(item)
            if conn.execute("SELECT 1 FROM inputs WHERE digest = ?", (digest,)).fetchone():
                summary.duplicates += 1
                continue
            article = clean_document(item, settings, model)
            if isinstance(article, Rejected):
                _reject(conn, article, summary)
                conn.execute(
                    "INSERT INTO inputs VALUES (?, ?, ?, ?, NULL, ?)", (digest, item.origin, item.kind, item.url, now)
                )
                continue
            identity = article_identity(article)
            found = conn.execute("SELECT id FROM articles WHERE identity = ?", (identity,)).fetchone()
            if found:
                summary.duplicates += 1
                conn.execute(
                    "INSERT INTO inputs VALUES (?, ?, ?, ?, ?, ?)",
                    (digest, item.origin, item.kind, item.url, found[0], now),
                )
                continue
            article_id = _unique_id(conn, article.id)
            signature, bands = near.signature(article.text)
            original = near.original(conn, signature, bands)
            features = features_of(article.title, article.text, article.published)
            if original is not None:
                summary.near_duplicates += 1
                event = conn.execute("SELECT event FROM memberships WHERE article = ?", (original,)).fetchone()[0]
                event = clusterer.add(article_id, features, event)
            else:
                assignment = clusterer.partial_fit(article_id, features)
                event = assignment.event
                for gone in assignment.merged:
                    merged.append((gone, event))
            touched.add(event)
            _insert_article(conn, article, article_id, identity, features.to_json(), signature, original)
            near.insert(conn, article_id, bands)
            conn.execute("INSERT INTO memberships VALUES (?, ?)", (article_id, event))
            if original is None:
                link_shared_passages(conn, article_id, article.text, signature, event)
            conn.execute(
                "INSERT INTO inputs VALUES (?, ?, ?, ?, ?, ?)", (digest, item.origin, item.kind, item.url, article_id, now)
            )
            summary.new += 1
        for gone, kept in merged:
            kept = clusterer.resolve(kept)
            conn.execute("UPDATE memberships SET event = ? WHERE event = ?", (kept, gone))
            conn.execute("UPDATE redirects SET new = ? WHERE new = ?", (kept, gone))
            conn.execute("INSERT OR REPLACE INTO redirects VALUES (?, ?)", (gone, kept))
            conn.execute("DELETE FROM events WHERE id = ?", (gone,))
            conn.execute("DELETE FROM briefings WHERE event = ?", (gone,))
            touched.discard(gone)
            touched.add(kept)
            summary.events_merged += 1
        for event in sorted({clusterer.resolve(e) for e in touched}):
            write_event_state(conn, clusterer.events_[event])
    created = {e for e in touched if e not in before}
    summary.events_created += len({clusterer.resolve(e) for e in created})
    grown.update(e for e in touched if e in before)


def _reject(conn, item: Rejected, summary: IngestSummary) -> None:
    summary.rejected.append(item)
    conn.execute("INSERT OR IGNORE INTO rejections VALUES (?, ?, ?, ?)", (item.origin, item.item_id, item.stage, item.reason))


def _unique_id(conn, wanted: str) -> str:
    new_id, counter = wanted, 2
    while conn.execute("SELECT 1 FROM articles WHERE id = ?", (new_id,)).fetchone():
        new_id = f"{wanted}-{counter}"
        counter += 1
    return new_id


def _insert_article(conn, a: Article, article_id: str, identity: str, features: dict, signature: bytes,
                    original: str | None) -> None:
    removed = json.dumps([{"text": r.text, "reason": r.reason} for r in a.removed], ensure_ascii=False)
    cursor = conn.execute(
        "INSERT INTO articles (id, identity, origin, url, title, source, published, dateline, language, text,"
        " removed, warnings, features, signature, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article_id, identity, a.origin, a.url, a.title, a.source, a.published, a.dateline, a.language, a.text,
         removed, json.dumps(list(a.warnings), ensure_ascii=False), json.dumps(features, ensure_ascii=False),
         signature, original),
    )
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (cursor.lastrowid, a.title or "", a.text)
    )
