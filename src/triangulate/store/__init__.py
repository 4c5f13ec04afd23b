"""The embedded store: a corpus that grows as articles stream in.

    schema.py   tables, PRAGMA user_version, migrations
    db.py       Store: open (WAL, checks, migration), transactions, reads
    restore.py  clusterer state and near-duplicate band keys kept between runs
    ingest.py   inputs -> batches -> clean, dedup, cluster -> one transaction each
    events.py   listing and searching events
    briefs.py   a stored event's briefing, analyses and reports cached
"""

from .db import DB_ENV, DEFAULT_DB, EventRow, Store, default_db_path

__all__ = ["DB_ENV", "DEFAULT_DB", "EventRow", "Store", "default_db_path"]
