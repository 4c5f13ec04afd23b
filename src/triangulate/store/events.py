"""Listing and searching the events of a store (``triangulate events``)."""

from __future__ import annotations

import json
from dataclasses import asdict

from ..errors import UsageError
from .db import EventRow, Store, _event_row, search_query


def list_events(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    min_sources: int = 1,
    search: str | None = None,
    members: bool = False,
) -> list[EventRow]:
    """Events overlapping [since, until] (ISO dates; undated events are left
    out when either is given), with at least ``min_sources`` independent
    sources, and, with ``search``, an article matching every word of it
    (FTS5 over titles and texts). Latest first, then largest."""
    where, params = ["sources >= ?"], [min_sources]
    if since:
        where.append("end >= ?")
        params.append(since[:10])
    if until:
        where.append("start <= ?")
        params.append(until[:10] + "\uffff")
    if search is not None:
        query = search_query(search)
        if not query:
            raise UsageError("--search needs at least one word.")
        where.append(
            "id IN (SELECT m.event FROM articles_fts f JOIN articles a ON a.seq = f.rowid"
            " JOIN memberships m ON m.article = a.id WHERE articles_fts MATCH ?)"
        )
        params.append(query)
    rows = store.execute(
        "SELECT id, title, start, end, articles, sources, outlets FROM events WHERE "
        + " AND ".join(where)
        + " ORDER BY end IS NULL, end DESC, articles DESC, seq",
        params,
    ).fetchall()
    if not members:
        return [_event_row(row) for row in rows]
    out = []
    for row in rows:
        ids = tuple(
            r[0] for r in store.execute(
                "SELECT a.id FROM memberships m JOIN articles a ON a.id = m.article WHERE m.event = ? ORDER BY a.seq",
                (row[0],),
            )
        )
        out.append(_event_row(row, ids))
    return out


def event_json(event: EventRow, members: bool = False) -> dict:
    data = asdict(event)
    data["outlets"] = list(event.outlets)
    if members:
        data["members"] = list(event.members)
    else:
        data.pop("members")
    return data


def format_events(events: list[EventRow], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([event_json(e) for e in events], ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(event_json(e, members=True), ensure_ascii=False) + "\n" for e in events)
    raise UsageError(f"Unknown events format {fmt!r}; choose one of table, json, jsonl.")
