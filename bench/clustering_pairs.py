"""Check the clusterer's "same story" threshold on SemEval-2022 Task 8 pairs.

    python bench/clustering_pairs.py [--data ../shared/data]

English-English pairs with a purely numeric ``pair_id`` (the clean ones, see
the data README) from the training and test samples. Each pair is scored as
the clusterer scores an article against a one-article event: the cosine of
their vectors (content terms, title-weighted, plus capitalised phrases), with
document frequencies from all the texts of the file, without the time bonus
(SemEval gives no dates). Gold: ``Overall`` 1-2 is the same story, 3-4 is
not (2.5 is left out). Prints precision/recall/F1 of "same story" at
thresholds around the shipped one, and the best threshold. Skips with a message
when the data is absent.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import Counter
from pathlib import Path

from triangulate.cluster import features_of
from triangulate.cluster.online import ENTITY_WEIGHT, THRESHOLD

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def pairs(data: Path):
    csv.field_size_limit(sys.maxsize)
    for name in ("training_set.csv", "testing_set.csv"):
        path = data / "semeval2022" / name
        if not path.exists():
            continue
        for row in csv.DictReader(path.open(encoding="utf-8")):
            if row["lang1"] == row["lang2"] == "en" and row["pair_id"].replace("_", "").isdigit():
                overall = float(row["Overall"])
                if overall != 2.5 and row["text1"].strip() and row["text2"].strip():
                    yield row["text1"], row["text2"], overall <= 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    rows = list(pairs(args.data))
    if not rows:
        print(f"skipped: no SemEval-2022 pairs at {args.data / 'semeval2022'}", file=sys.stderr)
        return 0
    feats = [(features_of(None, a, None), features_of(None, b, None), same) for a, b, same in rows]
    df: Counter[str] = Counter()
    for fa, fb, _ in feats:
        for f in (fa, fb):
            df.update(t for t, _ in f.terms)
            df.update("@" + e for e in f.entities)
    n = 2 * len(feats)

    def vector(f):
        v = {t: (1 + math.log(c)) * (math.log((n + 1) / (df[t] + 1)) + 1) for t, c in f.terms}
        for e in f.entities:
            v["@" + e] = ENTITY_WEIGHT * (math.log((n + 1) / (df["@" + e] + 1)) + 1)
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {k: x / norm for k, x in v.items()}

    scored = []
    for fa, fb, same in feats:
        va, vb = vector(fa), vector(fb)
        scored.append((sum(x * vb.get(k, 0.0) for k, x in va.items()), same))
    positives = sum(same for _, same in scored)
    print(f"{len(scored)} English pairs, {positives} the same story (Overall <= 2)")
    best = (0.0, 0.0)
    for step in range(2, 13):
        threshold = step * 0.05
        tp = sum(1 for s, same in scored if s >= threshold and same)
        fp = sum(1 for s, same in scored if s >= threshold and not same)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / positives if positives else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        best = max(best, (f1, threshold))
        mark = "  <- shipped threshold" if abs(threshold - THRESHOLD) < 1e-9 else ""
        print(f"threshold {threshold:.2f}: precision {p:.3f} recall {r:.3f} F1 {f1:.3f}{mark}")
    print(f"best F1 {best[0]:.3f} at {best[1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
