"""Turning the per-article quotes, quantities and dates into the event's
cross-source view: aligned quotes, compared numbers, a merged timeline, and
the conflicts they reveal (kinds ``number`` and ``quote``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import AnalyzedArticle, Conflict, Entity, Position, Statement
from .names import normalise_name
from .numbers import NumberGroup, compare_numbers
from .quotes import AlignedQuote, align_quotes
from .timeline import TimelineEntry, build_timeline


@dataclass(frozen=True, slots=True)
class Comparison:
    quotes: tuple[AlignedQuote, ...]
    numbers: tuple[NumberGroup, ...]
    timeline: tuple[TimelineEntry, ...]
    conflicts: tuple[Conflict, ...]  # number and quote conflicts
    disputed_spans: tuple[tuple[tuple[tuple[str, int, int], ...], ...], ...]  # per number conflict, per value: mentions


def compare_event(analyzed: Sequence[AnalyzedArticle], groups: Mapping[str, str]) -> Comparison:
    published = {a.id: a.article.published for a in analyzed}
    quotes = align_quotes([q for a in analyzed for q in a.quotes], published=published)
    numbers = compare_numbers([q for a in analyzed for q in a.quantities], groups=groups, published=published)
    timeline = build_timeline([d for a in analyzed for d in a.dated])
    conflicts = [_number_conflict(g) for g in numbers if g.conflict]
    conflicts += [_quote_conflict(q) for q in quotes if q.note and len({v.text for v in q.variants}) > 1]
    spans = tuple(
        tuple(tuple((m.article, m.start, m.end) for m in p.mentions) for p in g.positions)
        for g in numbers if g.conflict
    )
    return Comparison(quotes, numbers, timeline, tuple(conflicts), spans)


def speaker_entity(name: str | None, entities: Sequence[Entity]) -> str | None:
    """The id of the entity one of whose aliases is the speaker's name."""
    if not name:
        return None
    key = normalise_name(name)
    for entity in entities:
        if any(normalise_name(alias) == key for alias in (entity.name, *entity.aliases)):
            return entity.id
    return None


def _number_conflict(group: NumberGroup) -> Conflict:
    return Conflict(
        kind="number",
        about=group.what,
        positions=tuple(
            Position(
                articles=p.articles,
                text=p.text,
                value=p.value,
                statements=tuple(Statement(m.article, m.start, m.end, m.text) for m in p.mentions),
            )
            for p in group.positions
        ),
        note=group.note,
    )


def _quote_conflict(quote: AlignedQuote) -> Conflict:
    return Conflict(
        kind="quote",
        about=f"what {quote.speaker or 'the speaker'} said",
        positions=tuple(
            Position(articles=(v.article,), text=v.text, statements=(Statement(v.article, v.start, v.end, v.text),))
            for v in quote.variants
        ),
        note=quote.note,
    )
