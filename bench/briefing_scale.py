"""Time and memory of one briefing as its event grows, beside one spaCy pass.

    python bench/briefing_scale.py [--sizes 30 100 300] [--seed 7]

Each size runs in a fresh process (so peak memory is that size's own). Events
are resampled from the project's fictional articles as in ``scaling.py``: each
sampled article gets a new id and shuffled paragraphs, so copies of one story
share passages as wire copies do. Columns: seconds for the spaCy pass, seconds
for everything after it (independence, the sentence model's encoding, the
comparison, summary, the JSON report; loading the sentence model is not timed),
peak resident memory after the spaCy pass and at the end, the JSON report's
size and the part of it that ``articles[].shared`` takes, and the number of
shared passages recorded.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))


def one(size: int, seed: int) -> dict[str, float]:
    from scaling import pool, sample

    from triangulate.analyze import analyze_articles, load_pipeline
    from triangulate.clean import clean_document, fit_boilerplate
    from triangulate.model import Rejected
    from triangulate.pipeline import NoProgress, build_briefing, load_meaning
    from triangulate.report.json import briefing_to_dict
    from triangulate.settings import Settings

    settings = Settings()
    nlp = load_pipeline()
    raws = sample(pool(settings), size, random.Random(seed))
    model = fit_boilerplate(raws)
    articles = [a for a in (clean_document(r, settings, model) for r in raws) if not isinstance(a, Rejected)]
    started = time.perf_counter()
    analyzed = list(analyze_articles(articles, nlp))
    spacy_seconds = time.perf_counter() - started
    encoder = load_meaning(settings, NoProgress())  # the default: facts aligned by meaning (loaded once, untimed)
    rss_after_spacy = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    briefing = build_briefing(articles, analyzed, [], settings, encoder=encoder)
    data = briefing_to_dict(briefing)
    report = json.dumps(data, ensure_ascii=False, indent=2)
    rest_seconds = time.perf_counter() - started
    shared = sum(len(json.dumps(a.get("shared", []), ensure_ascii=False, indent=2)) for a in data["articles"])
    return {
        "articles": len(articles),
        "spacy s": spacy_seconds,
        "rest s": rest_seconds,
        "rest s/article": rest_seconds / max(len(articles), 1),
        "peak MB after spacy": rss_after_spacy,
        "peak MB at end": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "json MB": len(report.encode()) / 1e6,
        "shared MB": shared / 1e6,
        "passages": len(briefing.shared),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 100, 300])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.seed)))
        return 0
    rows = {}
    for size in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--seed", str(args.seed)],
            capture_output=True, text=True, check=True,
        )
        rows[size] = json.loads(done.stdout.strip().splitlines()[-1])
    keys = list(rows[args.sizes[0]])
    print(f"{'':22}" + "".join(f"{size:>12}" for size in args.sizes))
    for key in keys:
        print(f"{key:22}" + "".join(f"{rows[size][key]:12.2f}" for size in args.sizes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
