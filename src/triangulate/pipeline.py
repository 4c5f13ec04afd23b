"""The main job: inputs in, one briefing out. The CLI and the web app call this.

Stages report progress through a :class:`Progress` object the caller passes in
(the CLI passes a Rich progress bar); the library itself prints nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import BinaryIO, Protocol

from .analyze import analyze_articles, load_pipeline
from .clean import clean_document, fit_boilerplate
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
    articles, rejected = read_and_clean(paths, settings, stdin, progress)
    return brief_articles(articles, rejected, settings, progress)


def read_and_clean(
    paths: Sequence[str], settings: Settings, stdin: BinaryIO | None = None, progress: Progress | None = None
) -> tuple[list[Article], list[Rejected]]:
    """Every input read and cleaned: the articles, and what could not be used."""
    progress = progress or NoProgress()
    progress.stage("Reading inputs")
    raws: list[RawDocument] = []
    rejected: list[Rejected] = []
    for item in read_inputs(paths, settings, stdin=stdin):
        (rejected if isinstance(item, Rejected) else raws).append(item)
        progress.advance()
    return clean_all(raws, settings, rejected, progress), rejected


def brief_articles(
    articles: Sequence[Article], rejected: Sequence[Rejected], settings: Settings, progress: Progress | None = None
) -> Briefing:
    """The briefing of one event's cleaned articles (``rejected`` is listed in it)."""
    progress = progress or NoProgress()
    rejected = list(rejected)
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
    independence = group_articles(articles, seed=settings.seed)  # wire copies and reprints: one source
    groups = dict(independence.groups_)
    headline, summary = summarize(analyzed, groups, settings)
    dates = sorted(a.published for a in articles if a.published)
    event = EventInfo(
        id=content_id(*sorted(a.id for a in articles)),
        articles=len(articles),
        sources=len(set(groups.values())),  # independent sources: wire copies count once
        start=dates[0] if dates else None,
        end=dates[-1] if dates else None,
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
