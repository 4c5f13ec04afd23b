"""The briefing of a stored event. The spaCy analysis runs only here, and is
cached per article (by text, publication date and pipeline version); the
rendered report is cached per event, format and options, and rebuilt when the
event's members or the pipeline version change.

Cached analyses are pickled frozen dataclasses: the store is the user's own
file, written by this code, so nothing untrusted is unpickled.
"""

from __future__ import annotations

import json
import pickle
from dataclasses import replace

from .. import __version__
from ..errors import StoreError
from ..model import AnalyzedArticle, Article, Briefing, Rejected, content_id
from typing import TYPE_CHECKING
from ..settings import Settings
from .db import Store

if TYPE_CHECKING:
    from ..pipeline import Progress


def pipeline_version(settings: Settings) -> str:
    return f"triangulate {__version__}; {settings.spacy_model}"


def render_event(store: Store, event: str, settings: Settings, fmt: str, progress: Progress | None = None) -> tuple[str, str, bool]:
    """``(report, live event id, from_cache)`` for ``event`` (merged ids redirect)."""
    live = store.resolve(event)
    if live is None:
        raise StoreError(f"No event {event!r} in {store.path}. List them with: triangulate events --db {store.path}")
    digest = store.execute("SELECT digest FROM events WHERE id = ?", (live,)).fetchone()[0]
    version = pipeline_version(settings)
    options = json.dumps([settings.summary_budget, settings.llm_url, settings.llm_model, settings.aliases])
    cached = store.execute(
        "SELECT body FROM briefings WHERE event = ? AND format = ? AND options = ? AND digest = ? AND pipeline = ?",
        (live, fmt, options, digest, version),
    ).fetchone()
    if cached:
        return cached[0], live, True
    from ..report import render

    report = render(stored_briefing(store, live, settings, progress), fmt)
    with store.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO briefings VALUES (?, ?, ?, ?, ?, ?)", (live, fmt, options, digest, version, report)
        )
    return report, live, False


def stored_briefing(store: Store, event: str, settings: Settings, progress: Progress | None = None) -> Briefing:
    """Build the briefing of a live stored event, analysing only what is not cached."""
    from ..model import Analysis
    from ..pipeline import NoProgress, brief_analysis

    progress = progress or NoProgress()
    articles = store.articles_of(event)
    rejected = [
        Rejected("language", a.id, a.origin, f"written in {a.language!r}; the {settings.spacy_model} pipeline reads "
                 f"{settings.language!r} only, so the article is listed and cleaned but not analysed")
        for a in articles if a.language != settings.language
    ]
    analyzable = [a for a in articles if a.language == settings.language]
    analyzed = analyze_cached(store, analyzable, settings, progress)
    briefing = brief_analysis(Analysis(tuple(articles), tuple(analyzed), tuple(rejected)), settings, progress)
    return replace(briefing, event=replace(briefing.event, id=event))


def analyze_cached(store: Store, articles: list[Article], settings: Settings, progress: Progress) -> list[AnalyzedArticle]:
    latest = max((a.published for a in articles if a.published), default=None)
    version = pipeline_version(settings)
    keys = [content_id(version, a.id, a.text, a.published or f"assume:{latest}", length=20) for a in articles]
    found: dict[str, AnalyzedArticle] = {}
    for key in keys:
        row = store.execute("SELECT data FROM analyses WHERE key = ?", (key,)).fetchone()
        if row:
            found[key] = pickle.loads(row[0])
    missing = [(k, a) for k, a in zip(keys, articles) if k not in found]
    if missing:
        from ..analyze import analyze_doc, load_pipeline

        progress.stage("Loading the language model")
        nlp = load_pipeline(settings.spacy_model)
        progress.stage("Analysing articles", total=len(missing))
        docs = nlp.pipe((a.text for _, a in missing), batch_size=16)
        for (key, article), doc in zip(missing, docs):
            found[key] = analyze_doc(article, doc, assume_published=latest)
            progress.advance()
        with store.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)",
                [(k, version, pickle.dumps(found[k], protocol=pickle.HIGHEST_PROTOCOL)) for k, _ in missing],
            )
    return [found[k] for k in keys]
