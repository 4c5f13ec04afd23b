"""The briefing as JSON, following ``briefing.schema.json`` beside this module
(shipped with the package; :func:`schema` returns it).

Key names are the public interface: changing one needs a new schema version
(the rules are in the README, "The briefing JSON").
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from .. import __version__
from ..model import (
    AlignedQuote,
    Article,
    Briefing,
    Cited,
    Conflict,
    CoverageRow,
    Entity,
    Fact,
    NumberGroup,
    Rejected,
    SharedPassage,
    Statement,
    TimelineEntry,
)
from ..safetext import is_web_url, plain_name

SCHEMA = "triangulate.briefing/1"

#: The JSON Schema file, package data beside this module.
SCHEMA_FILE = "briefing.schema.json"


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every JSON briefing validates against;
    a fresh copy on each call."""
    loaded: dict[str, Any] = json.loads(files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))
    return loaded


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    event = briefing.event
    shared = _shared_by_article(briefing.shared)
    return {
        "schema": SCHEMA,
        "event": {
            "id": event.id,
            "articles": event.articles,
            "sources": event.sources,
            "start": event.start,
            "end": event.end,
            "generator": f"triangulate {__version__}",
            "warnings": list(event.warnings),
        },
        "headline": _cited(briefing.headline) if briefing.headline else None,
        "summary": [_cited(c) for c in briefing.summary],
        "articles": [_article(a, briefing.groups.get(a.id, a.id), shared.get(a.id, [])) for a in briefing.articles],
        "entities": [_entity(e) for e in briefing.entities],
        "quotes": [_quote(q) for q in briefing.quotes],
        "numbers": [item for group in briefing.numbers for item in _numbers(group)],
        "facts": [_fact(f) for f in briefing.facts],
        "conflicts": [_conflict(c) for c in briefing.conflicts],
        "timeline": [_timeline(t) for t in briefing.timeline],
        "coverage": [_coverage(row) for row in briefing.coverage],
        "rejected": [_rejected(r) for r in briefing.rejected],
    }


def dumps(briefing: Briefing) -> str:
    return json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2) + "\n"


def _cited(cited: Cited) -> dict[str, Any]:
    item = {
        "text": cited.text,
        "citations": list(cited.citations),
        "span": {"article": cited.article, "start": cited.start, "end": cited.end},
    }
    if cited.extract is not None:  # abstractive mode: the extractive sentence the span locates
        item["extract"] = cited.extract
    return item


def _shared_by_article(passages: tuple[SharedPassage, ...]) -> dict[str, list[dict[str, Any]]]:
    """Each article's side of every passage it shares, in passage order: one
    pass over the passages (not one per article, which grew with the square of
    the event's size)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for p in passages:
        for side in (0, 1):
            found.setdefault(p.articles[side], []).append(
                {"article": p.articles[1 - side], "start": p.spans[side].start, "end": p.spans[side].end, "words": p.words}
            )
    return found


def _article(article: Article, group: str, shared: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "published": article.published,
        "dateline": article.dateline,
        "language": article.language,
        "url": article.url if is_web_url(article.url) else None,  # only web addresses, never javascript: or data:
        "origin": article.origin,
        "text": article.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "group": group,
        "shared": shared,
        "warnings": list(article.warnings),
    }


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": plain_name(entity.name),
        "type": entity.type,
        "aliases": [plain_name(alias) for alias in entity.aliases],
        "articles": list(entity.articles),
        "mentions": entity.mentions,
    }


def _rejected(item: Rejected) -> dict[str, Any]:
    return {"path": item.origin, "id": item.item_id, "stage": item.stage, "reason": item.reason}


def _statement(statement: Statement) -> dict[str, Any]:
    return {"article": statement.article, "text": statement.text, "start": statement.start, "end": statement.end}


def _fact(fact: Fact) -> dict[str, Any]:
    return {
        "text": fact.text,
        "articles": list(fact.articles),
        "groups": list(fact.groups),
        "status": fact.status,
        "statements": [_statement(s) for s in fact.statements],
    }


def _conflict(conflict: Conflict) -> dict[str, Any]:
    return {
        "kind": conflict.kind,
        "about": conflict.about,
        "positions": [
            {
                "articles": list(p.articles),
                "text": p.text,
                "value": p.value,
                "statements": [_statement(s) for s in p.statements],
            }
            for p in conflict.positions
        ],
        "note": conflict.note,
    }


def _coverage(row: CoverageRow) -> dict[str, Any]:
    return {
        "source": row.source,
        "articles": list(row.articles),
        "reported": list(row.reported),
        "missing": list(row.missing),
        "wordings": [{"about": w.about, "article": w.article, "text": w.text} for w in row.wordings],
    }


def _quote(quote: AlignedQuote) -> dict[str, Any]:
    return {
        "text": quote.text,
        "speaker": {"entity": quote.speaker_entity, "name": quote.speaker},
        "articles": list(quote.articles),
        "variants": [
            {"article": v.article, "text": v.text, "start": v.start, "end": v.end, "speaker": v.speaker}
            for v in quote.variants
        ],
        "note": quote.note,
        "date": quote.date,
    }


def _numbers(group: NumberGroup) -> list[dict[str, Any]]:
    """One entry per value given for the counted thing, with its wording."""
    return [
        {
            "value": position.value,
            "what": group.what,
            "text": position.text,
            "articles": list(position.articles),
            "qualifier": position.qualifier,
            "unit": group.unit,
            "conflict": group.conflict,
            "mentions": [
                {"article": m.article, "text": m.text, "start": m.start, "end": m.end} for m in position.mentions
            ],
        }
        for position in group.positions
    ]


def _timeline(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "date": entry.date,
        "text": entry.text,
        "articles": list(entry.articles),
        "events": [
            {"article": e.article, "text": e.text, "start": e.start, "end": e.end} for e in entry.events
        ],
    }
