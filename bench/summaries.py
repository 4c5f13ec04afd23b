"""Summaries against human references, beside classic extractive systems in the same run.

    python bench/summaries.py [DATA_DIR] [--json OUT] [--limit N]

DATA_DIR defaults to ../shared/data (from the project root). The script runs
``triangulate evaluate summaries``'s library function on:

  multinews/validation.csv   250 clusters, 260-word budget; the table for all of
                             them, for the first 100 (the clusters the summarizer
                             was tuned on) and for the other 150 (held out)
  allsides/val.source        307 stories, 70-word budget (the neutral roundups
                             average 66 words); the summarizer was not tuned on it

and checks the citations of the bundled example and of the fictional test events.
Without the data it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from triangulate.evaluate.summaries import (  # noqa: E402
    check_brief_citations,
    evaluate_summaries,
    format_table,
    summarize_citations,
)

#: The Multi-News clusters the summarizer's weights were tuned on (rows 0-99).
TUNING = range(0, 100)

EVENTS = [HERE.parent / "examples" / "kessra-dam", *sorted((HERE.parent / "tests" / "fixtures" / "events").glob("*/"))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", default=str(HERE.parent.parent / "shared" / "data"))
    parser.add_argument("--json", help="write every number here")
    parser.add_argument("--limit", type=int, help="only the first N clusters of each file (a quick run)")
    args = parser.parse_args()
    data = Path(args.data)
    multinews = data / "multinews" / "validation.csv"
    allsides = data / "allsides" / "val.source"
    if not multinews.is_file() and not allsides.is_file():
        print(f"No benchmark data in {data} (multinews/validation.csv, allsides/val.source): nothing to run.")
        return 0

    results: dict[str, object] = {}
    if multinews.is_file():
        evaluation = evaluate_summaries(multinews, "multinews", limit=args.limit)
        held_out = [i for i in evaluation.indices if i not in TUNING]
        tuning = [i for i in evaluation.indices if i in TUNING]
        for name, indices, title in (
            ("multinews", None, "Multi-News validation sample, all clusters"),
            ("multinews_tuning", tuning, "Multi-News, rows 0-99 (tuning clusters)"),
            ("multinews_held_out", held_out, "Multi-News, rows 100-249 (held out)"),
        ):
            if indices == []:
                continue
            print(format_table(evaluation, indices, title=f"## {title}") + "\n")
            results[name] = evaluation.to_dict(indices)
        print(f"stages (seconds, whole file): {_seconds(evaluation.stage_seconds)}\n")
    if allsides.is_file():
        evaluation = evaluate_summaries(allsides, "allsides", limit=args.limit)
        print(format_table(evaluation, title="## AllSides validation (NeuS)") + "\n")
        print(f"stages (seconds, whole file): {_seconds(evaluation.stage_seconds)}\n")
        results["allsides"] = evaluation.to_dict()

    events = {}
    for folder in EVENTS:
        items, verdicts = check_brief_citations([str(folder)])
        summary = summarize_citations(items, verdicts)
        events[folder.name] = {
            "sentences": summary.sentences, "uncited": summary.uncited, "cited": summary.cited,
            "precision": summary.precision, "recall": summary.recall,
        }
        print(
            f"citations of `brief {folder.name}`: precision {summary.precision:.3f} "
            f"({summary.cited_supported}/{summary.cited}), recall {summary.recall:.3f}, {summary.uncited} uncited"
        )
    results["events"] = events
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


def _seconds(stages: dict[str, float]) -> str:
    return ", ".join(f"{name} {value:.1f}" for name, value in stages.items())


if __name__ == "__main__":
    raise SystemExit(main())
