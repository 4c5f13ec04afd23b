"""The library entry point for articles in memory: brief_documents."""

from __future__ import annotations

import jsonschema
import pytest

import triangulate
from triangulate.errors import UsageError
from triangulate.model import Article, RawDocument

FLOOD = (
    "Floods closed the Varna bridge on Monday after the river rose four metres, the city council said. "
    "Mayor Ilse Brandt said the bridge would stay shut until engineers had inspected it."
)
FLOOD_AGAIN = (
    "The Varna bridge was closed on Monday when the river rose four metres, according to the city council. "
    "About 300 homes were evacuated, the council said."
)


def test_pipeline_brief_documents_reads_strings_dicts_raw_documents_and_articles():
    docs = [
        FLOOD,
        {"id": "daily", "text": FLOOD_AGAIN, "source": "Varna Daily", "published": "2026-05-05"},
        RawDocument(id="raw", origin="memory", kind="html", content=f"<html><body><p>{FLOOD}</p></body></html>"),
        Article(id="ready", origin="memory", text=FLOOD_AGAIN, source="Ready Post", language="en"),
    ]
    briefing = triangulate.brief_documents(docs)
    assert [a.id for a in briefing.articles] == ["doc-1", "daily", "raw", "ready"]
    by_id = {a.id: a for a in briefing.articles}
    assert by_id["daily"].source == "Varna Daily" and by_id["daily"].published == "2026-05-05"
    assert by_id["ready"].text == FLOOD_AGAIN  # a ready article is not cleaned again
    assert "Varna bridge" in by_id["raw"].text
    assert briefing.rejected == ()
    assert briefing.headline is not None and set(briefing.headline.citations) <= set(by_id)
    jsonschema.validate(triangulate.to_dict(briefing), triangulate.schema())


def test_pipeline_brief_documents_lists_unusable_items_and_makes_ids_unique():
    docs = [{"id": "a", "text": FLOOD}, {"id": "a", "text": FLOOD_AGAIN}, "   ", {"title": "no body"}]
    briefing = triangulate.brief_documents(docs)
    assert [a.id for a in briefing.articles] == ["a", "a-2"]
    assert [(r.item_id, r.origin) for r in briefing.rejected] == [("doc-3", "<document 3>"), ("doc-4", "<document 4>")]
    assert all(r.reason for r in briefing.rejected)


def test_pipeline_brief_documents_refuses_what_is_not_a_document():
    with pytest.raises(UsageError, match="wrap it in a list"):
        triangulate.brief_documents(FLOOD)
    with pytest.raises(UsageError, match="Document 2 is a bytes"):
        triangulate.brief_documents([FLOOD, FLOOD.encode()])
