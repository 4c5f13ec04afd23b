"""Scoring boilerplate removal against hand-labelled dumps.

A gold file (``bench/gold/boilerplate``) starts with ``#! key: value`` metadata
lines, then every line of a dump as ``<label>|<line>``: ``T`` article text
(must be kept), ``B`` boilerplate and ``H`` header lines (must be removed), ``S``
subheadings (not scored); a blank line is a bare ``|``.

Used by ``bench/boilerplate.py`` (the numbers) and the CI quality gate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..clean import BoilerplateModel
from ..clean.boilerplate import classify_lines

LABELS = ("T", "B", "H", "S")


@dataclass(frozen=True, slots=True)
class GoldDump:
    name: str
    lines: tuple[str, ...]
    labels: tuple[str | None, ...]  # None for blank lines
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def read_gold(path: Path) -> GoldDump:
    lines, labels, meta = [], [], {}
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if raw.startswith("#! "):
            key, _, value = raw[3:].partition(":")
            meta[key.strip()] = value.strip()
            continue
        label, bar, line = raw.partition("|")
        if not bar:
            if raw.strip():
                raise ValueError(f"{path}: line without a label: {raw[:60]!r}")
            continue
        if label and label not in LABELS:
            raise ValueError(f"{path}: unknown label {label!r}")
        lines.append(line)
        labels.append(label or None)
    return GoldDump(path.stem, tuple(lines), tuple(labels), meta)


def read_gold_dir(folder: Path) -> list[GoldDump]:
    return [read_gold(p) for p in sorted(folder.glob("*.txt"))]


#: A system maps (dumps) -> for each dump, for each line, True when kept.
System = Callable[[Sequence[GoldDump]], list[list[bool]]]


def triangulate_system(use_corpus: bool = True) -> System:
    def run(dumps: Sequence[GoldDump]) -> list[list[bool]]:
        model = BoilerplateModel().fit(d.text for d in dumps) if use_corpus else None
        return [_line_flags(d, model) for d in dumps]

    return run


def _line_flags(dump: GoldDump, model: BoilerplateModel | None) -> list[bool]:
    kept = [True] * len(dump.lines)
    for verdict in classify_lines(dump.text, model):
        for index in range(verdict.unit.first, verdict.unit.last + 1):
            kept[index] = verdict.kept
    return kept


def keep_everything(dumps: Sequence[GoldDump]) -> list[list[bool]]:
    return [[True] * len(d.lines) for d in dumps]


def keep_long_lines(dumps: Sequence[GoldDump], min_words: int = 10) -> list[list[bool]]:
    """The classic scraper filter: keep lines of at least ``min_words`` words."""
    return [[len(line.split()) >= min_words for line in d.lines] for d in dumps]


@dataclass(frozen=True, slots=True)
class Scores:
    boilerplate_recall: float  # removed B/H lines / all B/H lines
    boilerplate_precision: float  # removed B/H lines / all removed scored lines
    text_kept: float  # kept T lines / all T lines
    lines: int
    lost: tuple[str, ...]  # T lines removed (name: text)
    missed: tuple[str, ...]  # B/H lines kept (name: text)


def score(dumps: Sequence[GoldDump], kept: Sequence[Sequence[bool]]) -> Scores:
    removed_bp = total_bp = removed_text = total_text = 0
    lost, missed = [], []
    for dump, flags in zip(dumps, kept):
        for line, label, keep in zip(dump.lines, dump.labels, flags):
            if label in ("B", "H"):
                total_bp += 1
                removed_bp += not keep
                if keep:
                    missed.append(f"{dump.name}: {line.strip()}")
            elif label == "T":
                total_text += 1
                if not keep:
                    removed_text += 1
                    lost.append(f"{dump.name}: {line.strip()}")
    removed = removed_bp + removed_text
    return Scores(
        boilerplate_recall=removed_bp / total_bp if total_bp else 1.0,
        boilerplate_precision=removed_bp / removed if removed else 1.0,
        text_kept=(total_text - removed_text) / total_text if total_text else 1.0,
        lines=total_bp + total_text,
        lost=tuple(lost),
        missed=tuple(missed),
    )


def metadata_accuracy(dumps: Sequence[GoldDump]) -> dict[str, float]:
    """Share of gold title / published / dateline values that cleaning reads back."""
    from ..clean import clean_document, fit_boilerplate
    from ..model import Article, RawDocument
    from ..settings import Settings

    raws = [RawDocument(id=d.name, origin=d.name, kind="text", content=d.text) for d in dumps]
    model = fit_boilerplate(raws)
    hits: dict[str, list[bool]] = {"title": [], "published": [], "dateline": [], "source": []}
    for dump, raw in zip(dumps, raws):
        article = clean_document(raw, Settings(), model)
        if not isinstance(article, Article):
            continue
        for key, found in (
            ("title", article.title),
            ("published", article.published),
            ("dateline", article.dateline),
            ("source", article.source),
        ):
            if key in dump.meta:
                hits[key].append(_same(dump.meta[key], found))
    return {key: sum(v) / len(v) for key, v in hits.items() if v}


def _same(gold: str, found: str | None) -> bool:
    def norm(s: str) -> str:
        return " ".join(re.findall(r"\w+", s.casefold()))

    return found is not None and norm(gold) == norm(found)


__all__ = [
    "GoldDump",
    "Scores",
    "keep_everything",
    "keep_long_lines",
    "metadata_accuracy",
    "read_gold",
    "read_gold_dir",
    "score",
    "triangulate_system",
]
