"""Benchmark data for the summary evaluation: clusters of articles with a human
summary, read from a file, then cleaned and analysed once for every system.

Data (read with :func:`read_clusters`):

* ``multinews``: the Multi-News CSV (``documents`` is a Python-literal list of
  article strings, ``summary`` the editor's summary, its leading "– " removed);
* ``allsides``: a NeuS ``*.source`` file (three articles per line, separated by
  " [SEP] ", each ``TITLE=> … ARTICLE=> …``) with its ``*.target`` beside it
  (the AllSides neutral roundup, whose ``ARTICLE=>`` part is the reference).
"""

from __future__ import annotations

import ast
import csv
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..analyze import analyze_doc
from ..clean import clean_document, fit_boilerplate
from ..errors import UsageError
from ..model import AnalyzedArticle, Article, RawDocument, Rejected
from ..settings import Settings

FORMATS = ("multinews", "allsides")

#: Default word budgets: Multi-News references average ~230 words (the
#: literature uses 260); AllSides roundups of the validation split average 67.
DEFAULT_WORDS = {"multinews": 260, "allsides": 70}


@dataclass(frozen=True, slots=True)
class Cluster:
    """One event of a benchmark file: its articles and the human summary."""

    index: int  # 0-based row in the data file
    articles: tuple[str, ...]
    reference: str
    titles: tuple[str | None, ...] = ()


def read_clusters(path: Path, fmt: str, limit: int | None = None) -> list[Cluster]:
    """The first ``limit`` clusters of a Multi-News CSV or a NeuS ``.source`` file."""
    if fmt not in FORMATS:
        raise UsageError(f"Unknown data format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path} is not a file. Give the {fmt} data file (see --help).")
    return _read_multinews(path, limit) if fmt == "multinews" else _read_allsides(path, limit)


def _read_multinews(path: Path, limit: int | None) -> list[Cluster]:
    csv.field_size_limit(10**9)
    clusters = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"documents", "summary"} <= set(reader.fieldnames):
            raise UsageError(f"{path} has no 'documents' and 'summary' columns: is it a Multi-News CSV?")
        for index, row in enumerate(reader):
            if limit is not None and index >= limit:
                break
            try:
                documents = ast.literal_eval(row["documents"])
            except (ValueError, SyntaxError) as error:
                raise UsageError(f"{path}, row {index}: 'documents' is not a Python list literal ({error}).")
            reference = row["summary"].strip()
            reference = reference[1:].lstrip() if reference.startswith("–") else reference
            clusters.append(Cluster(index, tuple(str(d) for d in documents), reference))
    return clusters


def _read_allsides(path: Path, limit: int | None) -> list[Cluster]:
    target = path.with_suffix(".target")
    if path.suffix != ".source" or not target.is_file():
        raise UsageError(f"{path}: give a NeuS '.source' file with its '.target' file beside it.")
    sources = path.read_text(encoding="utf-8").splitlines()
    targets = target.read_text(encoding="utf-8").splitlines()
    if len(sources) != len(targets):
        raise UsageError(f"{path} has {len(sources)} lines but {target} has {len(targets)}; they must pair up.")
    clusters = []
    for index, (source, reference) in enumerate(zip(sources, targets)):
        if limit is not None and index >= limit:
            break
        parts = [_title_and_body(p) for p in source.split(" [SEP] ") if p.strip()]
        clusters.append(
            Cluster(index, tuple(b for _, b in parts), _title_and_body(reference)[1], tuple(t for t, _ in parts))
        )
    return clusters


def _title_and_body(text: str) -> tuple[str | None, str]:
    title, marker, body = text.partition("ARTICLE=>")
    if not marker:
        return None, text.strip()
    return title.replace("TITLE=>", "").strip() or None, body.strip()


@dataclass(frozen=True, slots=True)
class Prepared:
    """A cluster after triangulate's clean stage and spaCy analysis."""

    cluster: Cluster
    analyzed: tuple[AnalyzedArticle, ...]
    rejected: int = 0  # articles with no text left after cleaning


def prepare_clusters(
    clusters: Sequence[Cluster], settings: Settings, nlp, stage_seconds: dict[str, float] | None = None,
    n_process: int = 1,
) -> list[Prepared]:
    """Clean every article (boilerplate lines learnt over the whole file) and analyse it."""
    seconds = stage_seconds if stage_seconds is not None else {}
    started = time.perf_counter()
    raws = [
        [
            RawDocument(
                id=f"{c.index}-{k}", origin=f"cluster {c.index}, article {k}", kind="text", content=text,
                title=c.titles[k] if k < len(c.titles) else None, language=settings.language,
            )
            for k, text in enumerate(c.articles)
        ]
        for c in clusters
    ]
    model = fit_boilerplate(r for group in raws for r in group)
    cleaned = [[clean_document(r, settings, model) for r in group] for group in raws]
    seconds["clean"] = time.perf_counter() - started

    started = time.perf_counter()
    articles = [a for group in cleaned for a in group if isinstance(a, Article)]
    docs = nlp.pipe((a.text for a in articles), batch_size=32, n_process=n_process)
    analyzed = {a.id: analyze_doc(a, doc) for a, doc in zip(articles, docs)}
    seconds["analyze"] = time.perf_counter() - started
    return [
        Prepared(
            cluster,
            tuple(analyzed[a.id] for a in group if isinstance(a, Article)),
            sum(isinstance(a, Rejected) for a in group),
        )
        for cluster, group in zip(clusters, cleaned)
    ]
