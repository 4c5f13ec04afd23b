"""Scoring entity merging and independence groups against the gold events.

A gold event (``tests/fixtures/gold/<event>.json``) lists its ``entities``, each
with every surface form (``aliases``), and its ``wire_groups`` (articles that
share copied text). Its articles are in ``examples/<event>`` or
``tests/fixtures/events/<event>``.

**Merges** are scored pairwise over surface forms. The forms scored are the
gold aliases that the system also put in some entity's aliases (a form the
system never produced is a detection miss, not a merge decision; the share of
gold forms produced is reported as ``coverage``). A gold pair is two scored
forms of one gold entity; a system pair is two scored forms of one system
entity. Precision = correct system pairs / system pairs (1.0 when the system
makes none), recall = correct system pairs / gold pairs.

**Independence groups** are scored over article pairs: two articles are
"together" when they are in one gold wire group, or in one system group.
``accuracy`` is the share of article pairs on which system and gold agree;
``exact`` says whether the two partitions are equal.

Used by ``bench/entities.py`` (the numbers) and the quality gate
``tests/compare/test_entities_gate.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from ..model import AnalyzedArticle, Article, Entity


@dataclass(frozen=True, slots=True)
class GoldEntity:
    name: str
    type: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    name: str
    articles: tuple[str, ...]
    entities: tuple[GoldEntity, ...]
    wire_groups: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class MergeScores:
    precision: float
    recall: float
    coverage: float  # share of gold forms the system produced
    gold_pairs: int
    system_pairs: int
    correct_pairs: int
    wrong: tuple[tuple[str, str], ...]  # merged by the system, apart in the gold
    missed: tuple[tuple[str, str], ...]  # together in the gold, apart in the system
    type_accuracy: float  # gold entities whose best-matching system entity has the gold type


@dataclass(frozen=True, slots=True)
class GroupScores:
    accuracy: float  # article pairs on which system and gold agree
    precision: float  # system "together" pairs that the gold has together
    recall: float  # gold "together" pairs that the system has together
    exact: bool


def read_gold(path: Path) -> GoldEvent:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return GoldEvent(
        name=data.get("event", Path(path).stem),
        articles=tuple(data.get("articles", {})),
        entities=tuple(
            GoldEntity(e["name"], e.get("type", ""), tuple(_form(a) for a in e.get("aliases", [e["name"]])))
            for e in data.get("entities", [])
        ),
        wire_groups=tuple(tuple(g) for g in data.get("wire_groups", [])),
    )


def gold_events(root: Path) -> list[tuple[GoldEvent, Path]]:
    """Every gold event under ``root`` whose articles are present, with the folder of its articles."""
    found = []
    for path in sorted((root / "tests" / "fixtures" / "gold").glob("*.json")):
        gold = read_gold(path)
        for folder in (root / "examples" / path.stem, root / "tests" / "fixtures" / "events" / path.stem):
            if folder.is_dir():
                found.append((gold, folder))
                break
    return found


def name_events(root: Path) -> list[tuple[GoldEvent, Path]]:
    """The names set: small invented events (``tests/fixtures/names/<event>.json``,
    articles in ``tests/fixtures/names/<event>/``) whose gold is entities only,
    written for transliterated names and namesakes."""
    folder = root / "tests" / "fixtures" / "names"
    return [(read_gold(path), path.with_suffix("")) for path in sorted(folder.glob("*.json"))
            if path.with_suffix("").is_dir()]


def merge_scores(gold: Iterable[GoldEntity], system: Iterable[Entity]) -> MergeScores:
    gold = list(gold)
    system = list(system)
    gold_forms = {f for e in gold for f in e.aliases}
    system_forms = {_form(a) for e in system for a in e.aliases}
    scored = gold_forms & system_forms
    gold_pairs = _pairs((f for f in e.aliases if f in scored) for e in gold)
    system_pairs = _pairs((_form(a) for a in e.aliases if _form(a) in scored) for e in system)
    correct = gold_pairs & system_pairs
    typed = 0
    for entity in gold:
        best = max(system, key=lambda s: len(set(entity.aliases) & {_form(a) for a in s.aliases}), default=None)
        if best is not None and set(entity.aliases) & {_form(a) for a in best.aliases} and best.type == entity.type:
            typed += 1
    return MergeScores(
        precision=len(correct) / len(system_pairs) if system_pairs else 1.0,
        recall=len(correct) / len(gold_pairs) if gold_pairs else 1.0,
        coverage=len(scored) / len(gold_forms) if gold_forms else 1.0,
        gold_pairs=len(gold_pairs),
        system_pairs=len(system_pairs),
        correct_pairs=len(correct),
        wrong=tuple(sorted(system_pairs - gold_pairs)),
        missed=tuple(sorted(gold_pairs - system_pairs)),
        type_accuracy=typed / len(gold) if gold else 1.0,
    )


def group_scores(wire_groups: Sequence[Sequence[str]], groups: Mapping[str, str], articles: Iterable[str]) -> GroupScores:
    ids = sorted(set(articles))
    gold_of = {a: a for a in ids}
    for group in wire_groups:
        first = min(group)
        for member in group:
            gold_of[member] = first
    pairs = list(combinations(ids, 2))
    gold_together = {p for p in pairs if gold_of[p[0]] == gold_of[p[1]]}
    system_together = {p for p in pairs if groups.get(p[0], p[0]) == groups.get(p[1], p[1])}
    agree = sum(1 for p in pairs if (p in gold_together) == (p in system_together))
    return GroupScores(
        accuracy=agree / len(pairs) if pairs else 1.0,
        precision=len(gold_together & system_together) / len(system_together) if system_together else 1.0,
        recall=len(gold_together & system_together) / len(gold_together) if gold_together else 1.0,
        exact=gold_together == system_together,
    )


def exact_name_baseline(analyzed: Iterable[AnalyzedArticle]) -> tuple[Entity, ...]:
    """The baseline: mentions merge only when their names are equal once case,
    accents, punctuation, a leading "the" and a possessive are set aside (what
    triangulate did before spelling variants were merged)."""
    from collections import Counter, defaultdict

    from ..compare.mentions import ENTITY_TYPES
    from ..compare.names import normalise_name

    forms: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    articles: dict[str, dict[str, None]] = defaultdict(dict)
    for item in analyzed:
        for mention in item.mentions:
            surface = re.sub(r"['’]s$", "", re.sub(r"^(?:the|The)\s+(?=[A-Z])", "", " ".join(mention.text.split())))
            key = normalise_name(surface)
            if mention.label not in ENTITY_TYPES or not any(c.isalpha() for c in key):
                continue
            forms[key].add(surface)
            labels[key][mention.label] += 1
            articles[key][item.id] = None
    return tuple(
        Entity(id=key, name=min(forms[key]), type=labels[key].most_common(1)[0][0], aliases=tuple(sorted(forms[key])),
               articles=tuple(articles[key]))
        for key in sorted(forms)
    )


def analyse_event(folder: Path, settings=None) -> tuple[list[Article], list[AnalyzedArticle]]:
    """Read, clean and analyse one event's articles, as ``brief`` does."""
    from ..ingest import read_inputs
    from ..model import Rejected
    from ..pipeline import NoProgress, analyze_all, clean_all
    from ..settings import Settings

    settings = settings or Settings()
    rejected: list[Rejected] = []
    raws = [r for r in read_inputs([str(folder)], settings) if not isinstance(r, Rejected)]
    articles = clean_all(raws, settings, rejected, NoProgress())
    analyzable = [a for a in articles if a.language == settings.language]
    return articles, analyze_all(analyzable, settings, NoProgress())


def _form(text: str) -> str:
    return " ".join(text.split())


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for forms in groups:
        out.update(combinations(sorted(set(forms)), 2))
    return out
