"""Boilerplate-line removal on the project's annotated dumps, beside baselines.

    python bench/boilerplate.py [GOLD_DIR] [--json OUT] [--show-errors]

Systems, all run on the same dumps in this run:
  triangulate           line rules + lines repeated across the corpus (what `brief` does)
  triangulate-no-corpus line rules only (each dump on its own)
  keep-long-lines       the classic scraper filter: keep lines of 10 words or more
  keep-everything       no cleaning (the floor)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from triangulate.evaluate.boilerplate import (  # noqa: E402
    keep_everything,
    keep_long_lines,
    metadata_accuracy,
    read_gold_dir,
    score,
    triangulate_system,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", default=str(HERE / "gold" / "boilerplate"))
    parser.add_argument("--json", help="write the scores here")
    parser.add_argument("--show-errors", action="store_true", help="print lost article lines and missed boilerplate")
    args = parser.parse_args()
    dumps = read_gold_dir(Path(args.gold))
    if not dumps:
        print(f"no gold dumps in {args.gold}")
        return 0
    systems = {
        "triangulate": triangulate_system(use_corpus=True),
        "triangulate-no-corpus": triangulate_system(use_corpus=False),
        "keep-long-lines": keep_long_lines,
        "keep-everything": keep_everything,
    }
    results = {}
    print(f"{len(dumps)} dumps, {sum(len(d.lines) for d in dumps)} lines")
    print(f"{'system':24} {'bp recall':>10} {'bp precision':>13} {'text kept':>10} {'seconds':>8}")
    for name, system in systems.items():
        started = time.perf_counter()
        kept = system(dumps)
        seconds = time.perf_counter() - started
        scores = score(dumps, kept)
        results[name] = {**asdict(scores), "seconds": seconds}
        print(
            f"{name:24} {scores.boilerplate_recall:10.3f} {scores.boilerplate_precision:13.3f} "
            f"{scores.text_kept:10.3f} {seconds:8.3f}"
        )
        if args.show_errors and name == "triangulate":
            for line in scores.lost:
                print(f"    LOST   {line[:160]}")
            for line in scores.missed:
                print(f"    MISSED {line[:160]}")
    meta = metadata_accuracy(dumps)
    results["metadata"] = meta
    print("metadata read back: " + ", ".join(f"{k} {v:.2f}" for k, v in meta.items()))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
