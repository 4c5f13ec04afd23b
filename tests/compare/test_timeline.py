"""The event's timeline (triangulate.compare.timeline)."""

from __future__ import annotations

from triangulate.analyze.dates import DateMention, DatedEvent, extract_dated_events
from triangulate.compare.timeline import build_timeline
from triangulate.model import Article


def _event(article: str, date: str, text: str, lemmas: tuple[str, ...]) -> DatedEvent:
    mention = DateMention(0, 3, text[:3], date, "test")
    return DatedEvent(article, date, 0, len(text), text, mention, lemmas)


def test_timeline_same_date_and_similar_words_is_one_entry():
    entries = build_timeline([
        _event("a", "2026-03-10", "the Kessra Dam burst on Tuesday night", ("kessra", "dam", "burst", "night")),
        _event("b", "2026-03-10", "the Kessra Dam burst on Tuesday and flooded the valley",
               ("kessra", "dam", "burst", "flood", "valley")),
        _event("c", "2026-03-10", "schools closed on Tuesday", ("school", "close")),
    ])
    assert [(e.date, e.articles) for e in entries] == [("2026-03-10", ("a", "b")), ("2026-03-10", ("c",))]
    assert entries[0].text == "the Kessra Dam burst on Tuesday night"


def test_timeline_is_sorted_by_date_coarse_dates_first():
    entries = build_timeline([
        _event("a", "2026-03-12", "the inquiry was announced", ("inquiry", "announce")),
        _event("a", "2025-07-14", "the report is dated", ("report", "date")),
        _event("b", "2025-07", "cracks were documented", ("crack", "document")),
        _event("b", "2025", "the report was written", ("report", "write")),
    ])
    assert [e.date for e in entries] == ["2025", "2025-07", "2025-07-14", "2026-03-12"]


def test_timeline_keeps_every_articles_clause_with_offsets(nlp):
    texts = {
        "wire": "At least 18 people have died after the Kessra Dam burst on Tuesday night.",
        "paper": "Late on Tuesday night, the Kessra Dam burst and flooded the valley.",
    }
    events = []
    for article_id, text in texts.items():
        article = Article(id=article_id, origin=article_id, text=text, published="2026-03-13")
        events.extend(extract_dated_events(article, nlp(text)))
    (entry,) = build_timeline(events)
    assert (entry.date, set(entry.articles)) == ("2026-03-10", {"wire", "paper"})
    for event in entry.events:
        assert texts[event.article][event.start:event.end] == event.text


def test_timeline_of_nothing_is_empty():
    assert build_timeline([]) == ()
