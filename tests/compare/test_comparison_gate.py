"""The comparison quality gate: on the gold events, quote recall, speaker
accuracy, quote grouping, number-conflict precision and recall and timeline
dates stay at or above the floors in bench/floors.json (key "comparison").
bench/comparison.py prints the same numbers per event, beside a baseline, and on
BASIL when that data set is present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triangulate.evaluate.comparison import (
    event_articles,
    gold_event_folders,
    number_event_folders,
    read_gold_event,
    run_event,
    score_event,
    score_number_groups,
    total_scores,
)

EVENTS = gold_event_folders(Path(__file__).resolve().parents[2])


@pytest.fixture(scope="module")
def scores(nlp, settings, example_briefing):
    parts = {}
    for gold_path, folder in EVENTS:
        gold = read_gold_event(gold_path)
        if gold_path.stem == "kessra-dam":  # already briefed once for the session
            articles = [a for a in example_briefing.articles if a.language == settings.language]
        else:
            articles = event_articles(folder, settings)
        parts[gold.slug] = score_event(gold, run_event(articles, nlp))
    return parts


def test_quality_gate_comparison_has_gold_events():
    assert {gold.stem for gold, _ in EVENTS} >= {"kessra-dam"}


def test_quality_gate_comparison(scores, root):
    floors = json.loads((root / "bench" / "floors.json").read_text())["comparison"]
    total = total_scores(scores.values()).as_dict()
    low = {key: (total[key], floor) for key, floor in floors.items() if total[key] < floor}
    errors = [e for part in scores.values() for e in part.errors]
    assert not low, (low, errors)


def test_quality_gate_comparison_speaker_target(scores):
    """The project's target: nine in ten quotes found carry the right speaker."""
    assert total_scores(scores.values()).speaker_accuracy >= 0.9


NUMBER_EVENTS = number_event_folders(Path(__file__).resolve().parents[2])


@pytest.mark.parametrize("gold_path, folder", NUMBER_EVENTS, ids=[g.stem for g, _ in NUMBER_EVENTS])
def test_quality_gate_numbers_set(gold_path, folder, nlp, settings, root):
    """On the invented numbers set: every figure found, one group per counted
    thing whatever the wording, conflicts across time windows found."""
    floors = json.loads((root / "bench" / "floors.json").read_text())["numbers_set"]
    gold = read_gold_event(gold_path)
    output = run_event(event_articles(folder, settings), nlp)
    groups, conflicts = score_number_groups(gold, output), score_event(gold, output)
    assert groups.value_recall >= floors["figures_found"], groups.errors
    assert groups.pair_f1 >= floors["pair_f1"], groups.errors
    assert conflicts.conflict_precision >= floors["conflict_precision"], conflicts.errors
    assert conflicts.conflict_recall >= floors["conflict_recall"], conflicts.errors
