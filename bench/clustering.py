"""Clustering benchmark and calibration sweep.

    python bench/clustering.py STREAM.jsonl [--sweep]

STREAM comes from ``bench/clustering_stream.py``. Without ``--sweep`` it runs
``triangulate evaluate clustering`` (the real ingest path in a temporary store,
beside the TF-IDF baseline). With ``--sweep`` it cleans the stream once and
scores the online clusterer over a grid of thresholds, time windows and entity
weights, and the baseline over its threshold and window: the grid that set the
constants in ``cluster/online.py`` and ``evaluate/clustering.py`` (run on the
``tune`` split; report on ``heldout``). Skips with a message when the file is
absent.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

from triangulate.cluster import OnlineClusterer, features_of
from triangulate.evaluate.clustering import evaluate_clustering, format_table, read_gold, score, tfidf_baseline
from triangulate.settings import Settings


def cleaned_features(path: Path):
    from triangulate.clean import clean_document, fit_boilerplate
    from triangulate.ingest import read_inputs
    from triangulate.model import RawDocument
    from triangulate.store.ingest import BATCH_SIZE

    settings = Settings()
    raws = [r for r in read_inputs([str(path)], settings) if isinstance(r, RawDocument)]
    out = []
    for start in range(0, len(raws), BATCH_SIZE):
        batch = raws[start : start + BATCH_SIZE]
        model = fit_boilerplate(batch)
        for raw in batch:
            article = clean_document(raw, settings, model)
            if hasattr(article, "text"):
                out.append((article.id, features_of(article.title, article.text, article.published)))
    return out


def sweep(path: Path) -> None:
    items = read_gold(path)
    gold = {str(x["id"]): str(x["cluster"]) for x in items}
    features = cleaned_features(path)
    rows = []
    for threshold, window, entity in itertools.product(
        [0.2, 0.225, 0.25, 0.275, 0.3, 0.35], [2, 3, 5, 7], [1.0, 1.5, 2.0]
    ):
        clusterer = OnlineClusterer(threshold=threshold, window_days=window, entity_weight=entity).fit(features)
        labels = {k: clusterer.resolve(v) for k, v in clusterer.labels_.items()}
        labels.update({k: "missing:" + k for k in gold if k not in labels})
        s = score(labels, gold)
        rows.append((s.bcubed[2], s.pairwise[2], f"online threshold={threshold} window={window} entity={entity}"))
    for threshold, window in itertools.product([0.2, 0.25, 0.3, 0.35, 0.4, 0.45], [1, 3, 5, 7, 14]):
        s = score(tfidf_baseline(items, threshold, window), gold)
        rows.append((s.bcubed[2], s.pairwise[2], f"baseline threshold={threshold} window={window}"))
    for b3, pair, name in sorted(rows, reverse=True):
        print(f"B3 F1 {b3:.3f}  pair F1 {pair:.3f}  {name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stream", type=Path)
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()
    if not args.stream.exists():
        print(f"skipped: {args.stream} not found; build it with bench/clustering_stream.py", file=sys.stderr)
        return 0
    if args.sweep:
        sweep(args.stream)
    else:
        print(format_table(evaluate_clustering(args.stream), str(args.stream)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
