"""The main job: inputs in, one briefing out. The CLI and the web app call this.

Two entry points: :func:`brief` reads paths (files, folders, globs, ``-``);
:func:`brief_documents` takes articles already in memory (strings, dicts shaped
like a JSON export's records, :class:`RawDocument` or :class:`Article` values).
To brief the same articles several ways (lengths, settings of the summary),
:func:`analyze_inputs` reads and analyses once and :func:`brief_analysis` briefs.

Stages report progress through a :class:`Progress` object the caller passes in
(the CLI passes a Rich progress bar); the library itself prints nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, BinaryIO, Protocol

from . import analyze
from .analyze import analysis_note, analyze_articles, load_pipeline
from .clean import UNKNOWN_OUTLET_NOTE, clean_document, fit_boilerplate
from .compare.coverage import coverage
from .compare.aliases import load_aliases
from .compare.entities import collect_entities
from .compare.event import compare_event, speaker_entity
from .compare.facts import align_facts, is_claim, mark_disputed
from .dedup import group_articles
from .ingest import read_inputs, unique_ids
from .ingest.memory import documents_from_objects
from .meaning import Encoder, Meaning, Unavailable, embed_articles, load_encoder
from .model import AnalyzedArticle, Analysis, Article, Briefing, EventInfo, RawDocument, Rejected, content_id
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
    settings: Settings = Settings(),
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> Briefing:
    """Read, clean and analyse every input and build the event's briefing."""
    progress = progress or NoProgress()
    return brief_articles(*read_and_clean(paths, settings, stdin, progress), settings, progress)


def brief_documents(
    docs: Iterable[RawDocument | Article | Mapping[str, Any] | str],
    settings: Settings = Settings(),
    progress: Progress | None = None,
) -> Briefing:
    """The briefing of articles already in memory, no files needed.

    Each item is one article: a string (plain text or HTML), a dict shaped like
    a JSON export's record (``text``/``body``/``content``..., ``title``, ``url``,
    ``published``, ``source``, ``language``, ``id``), a :class:`RawDocument`
    (cleaned like a file's content) or an :class:`Article` (used as it is, not
    cleaned again). Items without an id get ``doc-N`` (N from 1, in order);
    ids are made unique as for files. An item that cannot be used (a dict with
    no text, an empty string) is listed in ``briefing.rejected``.
    """
    progress = progress or NoProgress()
    progress.stage("Reading documents")
    raws: list[RawDocument] = []
    given: list[Article] = []
    rejected: list[Rejected] = []
    for item in unique_ids(documents_from_objects(docs)):
        if isinstance(item, Rejected):
            rejected.append(item)
        elif isinstance(item, Article):
            given.append(item)
        else:
            raws.append(item)
        progress.advance()
    articles = [with_analysis_note(a) for a in (*clean_all(raws, settings, rejected, progress), *given)]
    return brief_articles(articles, rejected, settings, progress)


def analyze_inputs(
    paths: Sequence[str],
    settings: Settings = Settings(),
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Read, clean and analyse every input: what :func:`brief` does before the
    briefing, for callers that brief the same articles several ways."""
    progress = progress or NoProgress()
    return analyze_cleaned(*read_and_clean(paths, settings, stdin, progress), settings, progress)


def read_and_clean(
    paths: Sequence[str],
    settings: Settings = Settings(),
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> tuple[list[Article], list[Rejected]]:
    """Every input read (in a sorted order: any argument order gives one
    briefing) and cleaned: the articles, and what could not be used."""
    progress = progress or NoProgress()
    progress.stage("Reading inputs")
    raws: list[RawDocument] = []
    rejected: list[Rejected] = []
    for item in read_inputs(paths, settings, stdin=stdin, sort=True):
        if isinstance(item, Rejected):
            rejected.append(item)
        else:
            raws.append(item)
        progress.advance()
    return [with_analysis_note(a) for a in clean_all(raws, settings, rejected, progress)], rejected


def brief_articles(
    articles: Sequence[Article],
    rejected: Sequence[Rejected] = (),
    settings: Settings = Settings(),
    progress: Progress | None = None,
) -> Briefing:
    """The briefing of one event's cleaned articles (``rejected`` is listed in it)."""
    progress = progress or NoProgress()
    return brief_analysis(analyze_cleaned(articles, rejected, settings, progress), settings, progress)


def brief_analysis(analysis: Analysis, settings: Settings = Settings(), progress: Progress | None = None) -> Briefing:
    """The briefing of analysed articles; with ``settings.llm_url``, rewritten."""
    progress = progress or NoProgress()
    encoder = load_meaning(settings, progress) if analysis.analyzed else None
    briefing = build_briefing(analysis.articles, analysis.analyzed, analysis.rejected, settings, progress, encoder)
    if settings.llm_url:  # the optional abstractive mode; never fails the brief
        progress.stage("Rewriting with the language model")
        briefing = rewrite_briefing(briefing, settings)
    return briefing


def analyze_cleaned(
    articles: Sequence[Article],
    rejected: Sequence[Rejected] = (),
    settings: Settings = Settings(),
    progress: Progress | None = None,
) -> Analysis:
    """Analyse the articles in the settings' language; the others are listed
    in ``rejected`` with their language."""
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
    return Analysis(tuple(articles), tuple(analyzed), tuple(rejected))


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
        if isinstance(result, Rejected):
            rejected.append(result)
        else:
            articles.append(result)
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


def load_meaning(settings: Settings, progress: Progress) -> Encoder | Unavailable | None:
    """The sentence model for meaning-level alignment, unless the settings ask
    for the lexical method (None)."""
    if not settings.meaning:
        return None
    progress.stage("Loading the sentence model")
    return load_encoder()


def build_briefing(
    articles: Sequence[Article],
    analyzed: Sequence[AnalyzedArticle],
    rejected: Iterable[Rejected] = (),
    settings: Settings = Settings(),
    progress: Progress | None = None,
    encoder: Encoder | Unavailable | None = None,
) -> Briefing:
    """The briefing of one event. ``encoder``: the sentence model (facts and
    the briefing aligned by meaning), or why it could not load, or None for the
    lexical method; the briefing's ``event.alignment`` says which ran
    (and its warnings, when the model could not load)."""
    (progress or NoProgress()).stage("Writing the briefing")
    # Articles not analysed (another language) are listed, and counted nowhere.
    counted = [a for a in articles if a.id in {item.id for item in analyzed}]
    # Wire copies and reprints: one source. Compared over the analysed part of
    # each article, so a huge text costs no more here than in the analysis.
    independence = group_articles([analysed_part(a) for a in counted], seed=settings.seed)
    groups = dict(independence.groups_)
    meaning, alignment, warnings = _meaning(analyzed, encoder)
    facts, claims = align_facts(
        analyzed, groups, meaning, fact_min=settings.fact_min, meaning_min=settings.meaning_min
    )
    compared = compare_event(analyzed, groups)
    headline, summary = summarize(analyzed, groups, settings, facts=facts, quotes=compared.quotes)
    dates = sorted(a.published for a in articles if a.published)
    event = EventInfo(
        id=content_id(*sorted(a.id for a in articles)),
        articles=len(articles),
        sources=len(set(groups.values())),  # independent sources: wire copies count once
        start=dates[0] if dates else None,
        end=dates[-1] if dates else None,
        warnings=(*warnings, *event_warnings(counted, groups)),
        alignment=alignment,
    )
    facts = mark_disputed(facts, compared.disputed_spans)
    entities = collect_entities(analyzed, aliases=load_aliases(settings.aliases))
    # speakers resolved here, so the reports render the model and call no stage
    quotes = tuple(replace(q, speaker_entity=speaker_entity(q.speaker, entities)) for q in compared.quotes)
    return Briefing(
        event=event,
        headline=headline,
        summary=summary,
        articles=tuple(articles),
        groups=groups,
        entities=entities,
        rejected=tuple(rejected),
        shared=independence.passages_,
        facts=facts,
        conflicts=tuple(sorted(compared.conflicts + claims, key=lambda c: CONFLICT_ORDER.index(c.kind))),
        coverage=coverage(counted, analyzed, facts),
        quotes=quotes,
        numbers=compared.numbers,
        timeline=compared.timeline,
    )


def _meaning(
    analyzed: Sequence[AnalyzedArticle], encoder: Encoder | Unavailable | None
) -> tuple[Meaning | None, str, tuple[str, ...]]:
    """(sentence vectors or None, the alignment method's name, warnings)."""
    if encoder is None:
        return None, "lexical", ()
    if isinstance(encoder, Unavailable):
        return None, "lexical", (f"facts and the briefing were aligned by shared words only: {encoder.reason}",)
    meaning = embed_articles(encoder, analyzed, keep=is_claim)  # facts compare claims only
    return meaning, f"meaning ({encoder.name})", ()
