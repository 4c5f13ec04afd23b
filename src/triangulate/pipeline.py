"""The main job: inputs in, one briefing out. The CLI and the web app call this.

Stages report progress through a :class:`Progress` object the caller passes in
(the CLI passes a Rich progress bar); the library itself prints nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import BinaryIO, Protocol

from . import analyze
from .analyze import analysis_note, analyze_articles, load_pipeline
from .clean import UNKNOWN_OUTLET_NOTE, clean_document, fit_boilerplate
from .compare.coverage import coverage
from .compare.aliases import load_aliases
from .compare.entities import collect_entities
from .compare.event import compare_event
from .compare.facts import align_facts, mark_disputed
from .dedup import group_articles
from .ingest import read_inputs
from .model import AnalyzedArticle, Article, Briefing, EventInfo, RawDocument, Rejected, content_id
from .settings import Settings
from .summarize import summarize
from .summarize.llm import rewrite_briefing


#: Conflicts are listed numbers first, then claims, then quotes.
CONFLICT_ORDER = ("number", "claim", "quote")


class Progress(Protocol):
    def stage(self, name: str, total: int | None = None) -> None: ...

    def advance(self, steps: int = 1) -> None: ...


class NoProgress:
    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass


def brief(
    paths: Sequence[str],
    settings: Settings,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> Briefing:
    """Read, clean and analyse every input and build the event's briefing."""
    progress = progress or NoProgress()
    progress.stage("Reading inputs")
    raws: list[RawDocument] = []
    rejected: list[Rejected] = []
    for item in read_inputs(paths, settings, stdin=stdin, sort=True):  # sorted: any argument order, one briefing
        (rejected if isinstance(item, Rejected) else raws).append(item)
        progress.advance()

    articles = [with_analysis_note(a) for a in clean_all(raws, settings, rejected, progress)]
    analyzable = [a for a in articles if a.language == settings.language]
    for article in articles:
        if article.language != settings.language:
            rejected.append(
                Rejected(
                    "language", article.id, article.origin,
                    f"written in {article.language!r}; the {settings.spacy_model} pipeline reads "
                    f"{settings.language!r} only, so the article is listed and cleaned but not analysed",
                )
            )

    analyzed = analyze_all(analyzable, settings, progress)
    briefing = build_briefing(articles, analyzed, rejected, settings, progress)
    if settings.llm_url:  # the optional abstractive mode; never fails the brief
        progress.stage("Rewriting with the language model")
        briefing = rewrite_briefing(briefing, settings)
    return briefing


def with_analysis_note(article: Article) -> Article:
    """The article, with a warning when it is longer than what is analysed."""
    note = analysis_note(article)
    return replace(article, warnings=(*article.warnings, note)) if note else article


def analysed_part(article: Article) -> Article:
    """The article cut to the part the analysis reads (offsets stay valid: a prefix)."""
    limit = analyze.MAX_ANALYZED_CHARS
    return replace(article, text=article.text[:limit]) if len(article.text) > limit else article


def event_warnings(articles: Sequence[Article], groups: dict[str, str]) -> tuple[str, ...]:
    """What the reader of the briefing must know about its inputs: articles
    only partly analysed, and sources counted as independent although nothing
    names their outlet."""
    warnings = [f"article {a.id}: {note}" for a in articles if (note := analysis_note(a))]
    named = {groups.get(a.id, a.id) for a in articles if not any(w.startswith(UNKNOWN_OUTLET_NOTE) for w in a.warnings)}
    unknown = {groups.get(a.id, a.id) for a in articles} - named  # sources none of whose articles names its outlet
    if unknown:
        sources = len(set(groups.values())) or len(articles)
        warnings.append(
            f"unknown outlet: {len(unknown)} of the {sources} independent sources are articles whose outlet nothing "
            "in the input names (they are named after their files); each counts as a source of its own, although "
            "they may come from one outlet or copy another. Give a source field, a URL or the outlet's name to tell them apart."
        )
    return tuple(warnings)


def clean_all(
    raws: Sequence[RawDocument], settings: Settings, rejected: list[Rejected], progress: Progress
) -> list[Article]:
    """Clean every document; rejections are appended to ``rejected``."""
    model = fit_boilerplate(raws)
    progress.stage("Cleaning articles", total=len(raws))
    articles: list[Article] = []
    for raw in raws:
        result = clean_document(raw, settings, model)
        (rejected if isinstance(result, Rejected) else articles).append(result)
        progress.advance()
    return articles


def analyze_all(articles: Sequence[Article], settings: Settings, progress: Progress) -> list[AnalyzedArticle]:
    if not articles:
        return []
    progress.stage("Loading the language model")
    nlp = load_pipeline(settings.spacy_model)
    progress.stage("Analysing articles", total=len(articles))
    analyzed = []
    for item in analyze_articles(articles, nlp):
        analyzed.append(item)
        progress.advance()
    return analyzed


def build_briefing(
    articles: Sequence[Article],
    analyzed: Sequence[AnalyzedArticle],
    rejected: Iterable[Rejected],
    settings: Settings,
    progress: Progress | None = None,
) -> Briefing:
    (progress or NoProgress()).stage("Writing the briefing")
    # Wire copies and reprints: one source. Compared over the analysed part of
    # each article, so a huge text costs no more here than in the analysis.
    independence = group_articles([analysed_part(a) for a in articles], seed=settings.seed)
    groups = dict(independence.groups_)
    headline, summary = summarize(analyzed, groups, settings)
    dates = sorted(a.published for a in articles if a.published)
    event = EventInfo(
        id=content_id(*sorted(a.id for a in articles)),
        articles=len(articles),
        sources=len(set(groups.values())),  # independent sources: wire copies count once
        start=dates[0] if dates else None,
        end=dates[-1] if dates else None,
        warnings=event_warnings(articles, groups),
    )
    facts, claims = align_facts(analyzed, groups)
    compared = compare_event(analyzed, groups)
    facts = mark_disputed(facts, compared.disputed_spans)
    return Briefing(
        event=event,
        headline=headline,
        summary=summary,
        articles=tuple(articles),
        groups=groups,
        entities=collect_entities(analyzed, aliases=load_aliases(settings.aliases)),
        rejected=tuple(rejected),
        shared=independence.passages_,
        facts=facts,
        conflicts=tuple(sorted(compared.conflicts + claims, key=lambda c: CONFLICT_ORDER.index(c.kind))),
        coverage=coverage(articles, analyzed, facts),
        quotes=compared.quotes,
        numbers=compared.numbers,
        timeline=compared.timeline,
    )
