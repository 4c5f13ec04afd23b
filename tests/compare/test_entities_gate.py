"""The entity and independence quality gate: on every gold event, entity-merge
precision and recall and independence-group accuracy stay at or above the
floors in bench/floors.json (key "entities"). bench/entities.py prints the same
numbers beside baselines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triangulate.compare.entities import collect_entities
from triangulate.dedup import group_articles
from triangulate.evaluate.entities import analyse_event, gold_events, group_scores, merge_scores, name_events

EVENTS = gold_events(Path(__file__).resolve().parents[2])


def test_quality_gate_entities_has_gold_events():
    assert {gold.name for gold, _ in EVENTS} >= {"kessra-dam"}


@pytest.mark.parametrize("gold, folder", EVENTS, ids=[gold.name for gold, _ in EVENTS])
def test_quality_gate_entities(gold, folder, root, settings):
    floors = json.loads((root / "bench" / "floors.json").read_text())["entities"]
    articles, analyzed = analyse_event(folder, settings)
    merges = merge_scores(gold.entities, collect_entities(analyzed))
    assert merges.precision >= floors["merge_precision"], merges.wrong
    assert merges.recall >= floors["merge_recall"], merges.missed
    groups = group_scores(gold.wire_groups, group_articles(articles, seed=settings.seed).groups_, [a.id for a in articles])
    assert groups.accuracy >= floors["group_accuracy"], (gold.wire_groups, groups)


NAMES = name_events(Path(__file__).resolve().parents[2])


@pytest.mark.parametrize("gold, folder", NAMES, ids=[gold.name for gold, _ in NAMES])
def test_quality_gate_entities_names_set(gold, folder, root, settings):
    """Transliterated names merge and namesakes stay apart on the invented names set."""
    floors = json.loads((root / "bench" / "floors.json").read_text())["entities_names"]
    _, analyzed = analyse_event(folder, settings)
    merges = merge_scores(gold.entities, collect_entities(analyzed))
    assert merges.precision >= floors["merge_precision"], merges.wrong
    assert merges.recall >= floors["merge_recall"], merges.missed
