"""Scoring the cited briefing against human summaries, beside classic extractive
systems run on the same clusters in the same run.

The run and its output live here; the parts are modules of their own:
:mod:`.clusters` (the data readers and the one clean-and-analyse pass),
:mod:`.systems` (triangulate and the baselines, and the budget rule every
system follows) and :mod:`.citations` (the check that citations hold).

ROUGE-1/2/L are F1 from ``rouge-score`` with the Porter stemmer, times 100.
The headline is scored apart, against the reference's first sentence (spaCy's
split), beside the Lead baseline's first sentence: a proxy, as no reference
has a one-line summary.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..model import Cited
from ..pipeline import NoProgress, Progress
from ..settings import Settings
from .citations import (  # noqa: F401  (names re-exported: this module was their home)
    CitationSummary,
    CitationVerdict,
    check_brief_citations,
    check_brief_citations_by_length,
    check_citations,
    distinct_cited,
    summarize_citations,
)
from .clusters import DEFAULT_WORDS, FORMATS, Cluster, Prepared, prepare_clusters, read_clusters  # noqa: F401
from .systems import (  # noqa: F401
    SYSTEMS,
    Output,
    RougeTokens,
    lead_system,
    oracle_system,
    sumy_system,
    triangulate_system,
    within_budget,
)

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


# --- the run ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClusterScore:
    """One system's summary of one cluster and its scores."""

    index: int
    system: str
    summary: str
    words: int
    seconds: float
    rouge: tuple[float, float, float]  # ROUGE-1, ROUGE-2, ROUGE-L F1 x 100


@dataclass(frozen=True, slots=True)
class HeadlineScore:
    """triangulate's headline and the Lead baseline's first sentence against the
    reference's first sentence."""

    index: int
    reference: str
    headline: str
    lead: str
    headline_rouge: tuple[float, float, float]
    lead_rouge: tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class ClusterCitations:
    index: int
    items: tuple[Cited, ...]  # triangulate's headline and summary sentences
    verdicts: tuple[CitationVerdict, ...]


@dataclass(frozen=True, slots=True)
class SystemRow:
    system: str
    rouge1: float
    rouge2: float
    rougeL: float
    words: float
    seconds: float


@dataclass(frozen=True)
class SummaryEvaluation:
    """Every number of one run; ``rows``, ``headline_rows`` and ``citation_summary``
    aggregate them over all clusters or a subset (by data-file row)."""

    data: str
    fmt: str
    words: int
    systems: tuple[str, ...]
    articles: int
    rejected: int
    scores: tuple[ClusterScore, ...]
    headlines: tuple[HeadlineScore, ...]
    citations: tuple[ClusterCitations, ...]
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def indices(self) -> list[int]:
        return sorted({s.index for s in self.scores})

    def rows(self, indices: Iterable[int] | None = None) -> list[SystemRow]:
        chosen = set(self.indices if indices is None else indices)
        rows = []
        for system in self.systems:
            mine = [s for s in self.scores if s.system == system and s.index in chosen]
            if mine:
                rows.append(
                    SystemRow(
                        system,
                        *(statistics.fmean(s.rouge[k] for s in mine) for k in range(3)),
                        words=statistics.fmean(s.words for s in mine),
                        seconds=statistics.fmean(s.seconds for s in mine),
                    )
                )
        return rows

    def headline_rows(self, indices: Iterable[int] | None = None) -> dict[str, tuple[float, float, float, float]]:
        """{"headline" | "lead": (ROUGE-1, ROUGE-2, ROUGE-L, mean words)}."""
        chosen = set(self.indices if indices is None else indices)
        mine = [h for h in self.headlines if h.index in chosen]
        if not mine:
            return {}
        result = {}
        for name, rouge, text in (("headline", "headline_rouge", "headline"), ("lead", "lead_rouge", "lead")):
            result[name] = (
                *(statistics.fmean(getattr(h, rouge)[k] for h in mine) for k in range(3)),
                statistics.fmean(len(getattr(h, text).split()) for h in mine),
            )
        return result

    def citation_summary(self, indices: Iterable[int] | None = None) -> CitationSummary:
        chosen = set(self.indices if indices is None else indices)
        mine = [c for c in self.citations if c.index in chosen]
        items = [i for c in mine for i in c.items]
        return summarize_citations(items, [v for c in mine for v in c.verdicts])

    def to_dict(self, indices: Iterable[int] | None = None) -> dict:
        chosen = self.indices if indices is None else sorted(indices)
        citations = self.citation_summary(chosen)
        return {
            "data": self.data,
            "format": self.fmt,
            "words": self.words,
            "clusters": len(chosen),
            "systems": {r.system: {k: v for k, v in _fields(r).items() if k != "system"} for r in self.rows(chosen)},
            "headline": {
                k: dict(zip(("rouge1", "rouge2", "rougeL", "words"), v)) for k, v in self.headline_rows(chosen).items()
            },
            "citations": {**_fields(citations), "precision": citations.precision, "recall": citations.recall},
            "articles": self.articles,
            "rejected_articles": self.rejected,
            "stage_seconds": self.stage_seconds,
        }


def _fields(obj) -> dict:
    return {name: getattr(obj, name) for name in obj.__slots__}


def evaluate_summaries(
    data: Path,
    fmt: str,
    *,
    limit: int | None = None,
    words: int | None = None,
    systems: Sequence[str] = SYSTEMS,
    settings: Settings | None = None,
    nlp=None,
    progress: Progress | None = None,
) -> SummaryEvaluation:
    """Read ``data``, prepare its clusters once and score every system on them."""
    from ..analyze import load_pipeline

    settings = settings or Settings()
    progress = progress or NoProgress()
    unknown = sorted(set(systems) - set(SYSTEMS))
    if unknown:
        raise UsageError(f"Unknown system(s) {', '.join(unknown)}; choose from: {', '.join(SYSTEMS)}.")
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    progress.stage("Reading clusters")
    clusters = read_clusters(Path(data), fmt, limit)
    seconds["read"] = time.perf_counter() - started
    progress.stage("Loading the language model")
    nlp = nlp or load_pipeline(settings.spacy_model)
    progress.stage("Cleaning and analysing articles")
    articles = sum(len(c.articles) for c in clusters)
    prepared = prepare_clusters(clusters, settings, nlp, seconds, n_process=2 if articles >= 200 else 1)
    return score_systems(
        prepared, words or DEFAULT_WORDS[fmt], systems, settings, nlp,
        data=str(data), fmt=fmt, stage_seconds=seconds, progress=progress,
    )


def score_systems(
    prepared: Sequence[Prepared],
    words: int,
    systems: Sequence[str],
    settings: Settings,
    nlp,
    *,
    data: str = "",
    fmt: str = "",
    stage_seconds: dict[str, float] | None = None,
    progress: Progress | None = None,
) -> SummaryEvaluation:
    """Run and score ``systems`` on already prepared clusters (the tuning loop's entry)."""
    from rouge_score import rouge_scorer

    progress = progress or NoProgress()
    seconds = dict(stage_seconds or {})
    tokens = RougeTokens()
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), tokenizer=tokens)
    runners = {
        "triangulate": triangulate_system(settings),
        "lexrank": sumy_system("lexrank") if "lexrank" in systems else None,
        "textrank": sumy_system("textrank") if "textrank" in systems else None,
        "lsa": sumy_system("lsa") if "lsa" in systems else None,
        "lead": lead_system,
        "oracle": oracle_system(tokens),
    }
    started = time.perf_counter()
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p not in ("ner", "lemmatizer")]):
        firsts = [_first_sentence(doc) for doc in nlp.pipe(p.cluster.reference for p in prepared)]
    seconds["references"] = time.perf_counter() - started

    progress.stage("Summarising and scoring", total=len(prepared))
    scores, headlines, citations = [], [], []
    for item, first in zip(prepared, firsts):
        reference = item.cluster.reference
        lead_first = ""
        for system in systems:
            started = time.perf_counter()
            output = runners[system](item, words)
            elapsed = time.perf_counter() - started
            summary = " ".join(within_budget(output.sentences, words))
            scores.append(
                ClusterScore(item.cluster.index, system, summary, len(summary.split()), elapsed, _rouge(scorer, reference, summary))
            )
            if system == "lead":
                lead_first = output.sentences[0] if output.sentences else ""
            if system == "triangulate":
                cited = tuple(distinct_cited(((output.headline,) if output.headline else ()) + output.cited))
                citations.append(ClusterCitations(item.cluster.index, cited, tuple(check_citations(cited, item.analyzed))))
                headline = output.headline.text if output.headline else ""
        if "triangulate" in systems and "lead" in systems:
            headlines.append(
                HeadlineScore(
                    item.cluster.index, first, headline, lead_first,
                    _rouge(scorer, first, headline), _rouge(scorer, first, lead_first),
                )
            )
        progress.advance()
    return SummaryEvaluation(
        data=data, fmt=fmt, words=words, systems=tuple(systems),
        articles=sum(len(p.analyzed) for p in prepared), rejected=sum(p.rejected for p in prepared),
        scores=tuple(scores), headlines=tuple(headlines), citations=tuple(citations), stage_seconds=seconds,
    )


def _first_sentence(doc) -> str:
    return next((s.text.strip() for s in doc.sents if s.text.strip()), "")


def _rouge(scorer, reference: str, summary: str) -> tuple[float, float, float]:
    result = scorer.score(reference, summary)
    return tuple(100 * result[k].fmeasure for k in ROUGE_TYPES)  # type: ignore[return-value]


# --- output -------------------------------------------------------------------


def format_table(evaluation: SummaryEvaluation, indices: Iterable[int] | None = None, title: str = "") -> str:
    """The results as a Markdown table, then the headline proxy and the citations."""
    chosen = evaluation.indices if indices is None else sorted(indices)
    lines = [title] if title else []
    lines += [
        f"{len(chosen)} clusters, {evaluation.words}-word budget",
        "",
        "| system | ROUGE-1 | ROUGE-2 | ROUGE-L | words | s/cluster |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in evaluation.rows(chosen):
        lines.append(
            f"| {row.system} | {row.rouge1:.2f} | {row.rouge2:.2f} | {row.rougeL:.2f} | {row.words:.0f} | {row.seconds:.3f} |"
        )
    heads = evaluation.headline_rows(chosen)
    if heads:
        lines += ["", "Headline vs the reference's first sentence:", "", "| | ROUGE-1 | ROUGE-2 | ROUGE-L | words |", "|---|---:|---:|---:|---:|"]
        for name, label in (("headline", "triangulate headline"), ("lead", "Lead first sentence")):
            r1, r2, rl, n = heads[name]
            lines.append(f"| {label} | {r1:.2f} | {r2:.2f} | {rl:.2f} | {n:.1f} |")
    if evaluation.citations:
        c = evaluation.citation_summary(chosen)
        lines += [
            "",
            f"Citations: precision {c.precision:.3f} ({c.cited_supported}/{c.cited}), "
            f"recall {c.recall:.3f} ({c.cited_supported}/{c.supported}), "
            f"{c.sentences} sentences, {c.uncited} uncited",
        ]
    return "\n".join(lines)


def write_summaries(evaluation: SummaryEvaluation, path: Path) -> int:
    """JSONL, one line per cluster per system: {"index", "system", "summary"}."""
    with Path(path).open("w", encoding="utf-8") as handle:
        for score in evaluation.scores:
            handle.write(json.dumps({"index": score.index, "system": score.system, "summary": score.summary}) + "\n")
    return len(evaluation.scores)
