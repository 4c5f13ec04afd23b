"""evaluate clustering: the scores, and the real ingest path beside the baseline."""

from __future__ import annotations

import json

import pytest

from triangulate.evaluate.clustering import bcubed, evaluate_clustering, pairwise


def test_clustering_scores_match_hand_computed_values():
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    predicted = {"a": "1", "b": "1", "c": "1", "d": "2"}
    p, r, f = bcubed(predicted, gold)
    # precision: a, b, c each 2/3 or 1/3, d 1: (2/3 + 2/3 + 1/3 + 1) / 4; recall: (1 + 1 + 1/2 + 1/2) / 4
    assert (p, r) == pytest.approx((2.6666667 / 4, 0.75))
    assert f == pytest.approx(2 * p * r / (p + r))
    assert pairwise(predicted, gold)[:2] == pytest.approx((1 / 3, 1 / 2))
    assert bcubed(gold, gold) == pairwise(gold, gold) == (1.0, 1.0, 1.0)


def test_clustering_evaluation_runs_ingest_and_the_baseline(tmp_path):
    lines = []
    for event, (title, day, texts) in enumerate([
        ("Varnholm footbridge closes", "2026-03-09", [
            "The old footbridge over the Lissa in Varnholm closed on Monday after engineers found cracks in two piers.",
            "Varnholm council shut the Lissa footbridge on Monday: engineers had found cracks in two of its piers.",
        ]),
        ("Durovian dockers strike", "2026-03-10", [
            "Dockers at Port Amsel in Durovia walked out on Tuesday over pay, leaving forty ships waiting offshore.",
            "Forty ships waited off Port Amsel on Tuesday as Durovian dockers struck over pay.",
        ]),
    ]):
        for k, text in enumerate(texts):
            lines.append({"id": f"e{event}-{k}", "title": title, "text": text, "published": day, "cluster": str(event)})
    lines.append({"id": "undated", "title": None, "text": "A bakery in Lenholt won a prize for rye bread.",
                  "published": None, "cluster": "2"})
    data = tmp_path / "stream.jsonl"
    data.write_text("".join(json.dumps(line) + "\n" for line in lines))
    evaluation = evaluate_clustering(data)
    assert (evaluation.articles, evaluation.gold_clusters) == (5, 3)
    assert evaluation.system.bcubed == (1.0, 1.0, 1.0) and evaluation.system.clusters == 3
    assert 0.0 < evaluation.baseline.bcubed[2] <= 1.0
