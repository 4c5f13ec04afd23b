"""Cost of each stage as an event grows: 5, 20 and 80 articles.

    python bench/scaling.py [--sizes 5 20 80] [--seed 7]

Events are synthesised by resampling the project's own fictional articles
(`examples/kessra-dam` and the events in `tests/fixtures/events`): each sampled
article gets a new id and its paragraphs in a shuffled order, so no two are
identical (they still share passages, as wire copies do). Each stage is timed
on its own; the last columns say how time grows from one size to the next
(4x the articles: linear is 4x, quadratic 16x).

Facts are timed both ways in the same run: by shared words only (``facts
(lexical)``, the ``--lexical`` path) and by meaning (``encode claims`` with the
MiniLM sentence model, from cold, then ``facts (meaning)``). Loading the
sentence model is timed once, apart. The last lines compare the whole
briefing, with and without the sentence model, to the spaCy pass alone.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from triangulate.analyze import analyze_articles, load_pipeline  # noqa: E402
from triangulate.clean import clean_document, fit_boilerplate  # noqa: E402
from triangulate.compare.coverage import coverage  # noqa: E402
from triangulate.compare.entities import collect_entities  # noqa: E402
from triangulate.compare.event import compare_event  # noqa: E402
from triangulate.compare.facts import align_facts, is_claim  # noqa: E402
from triangulate.dedup import group_articles  # noqa: E402
from triangulate.ingest import read_inputs  # noqa: E402
from triangulate.meaning import Unavailable, embed_articles, load_encoder  # noqa: E402
from triangulate.model import Rejected  # noqa: E402
from triangulate.settings import Settings  # noqa: E402
from triangulate.summarize import summarize  # noqa: E402

FOLDERS = [ROOT / "examples" / "kessra-dam", *sorted((ROOT / "tests" / "fixtures" / "events").glob("*/"))]


def pool(settings: Settings):
    raws = [r for r in read_inputs([str(f) for f in FOLDERS], settings) if not isinstance(r, Rejected)]
    return raws


def sample(raws, size: int, rng: random.Random):
    picked = []
    for n in range(size):
        raw = rng.choice(raws)
        paragraphs = raw.content.split("\n\n")
        head, body = paragraphs[:2], paragraphs[2:]
        rng.shuffle(body)
        picked.append(replace(raw, id=f"{raw.id}-{n}", origin=f"{raw.origin}#{n}", content="\n\n".join(head + body)))
    return picked


def run(raws, settings: Settings, nlp, encoder) -> dict[str, float]:
    times: dict[str, float] = {}

    def timed(name, fn, *args):
        started = time.perf_counter()
        result = fn(*args)
        times[name] = time.perf_counter() - started
        return result

    model = timed("boilerplate model", fit_boilerplate, raws)
    articles = timed("clean", lambda: [a for a in (clean_document(r, settings, model) for r in raws) if not isinstance(a, Rejected)])
    analyzed = timed("analyze (spaCy)", lambda: list(analyze_articles(articles, nlp)))
    grouper = timed("independence", group_articles, articles)
    groups = dict(grouper.groups_)
    timed("entities", collect_entities, analyzed)
    timed("facts (lexical)", align_facts, analyzed, groups)
    encoder.forget()
    meaning = timed("encode claims (MiniLM)", embed_articles, encoder, analyzed, is_claim)
    facts, _ = timed("facts (meaning)", align_facts, analyzed, groups, meaning)
    timed("coverage", coverage, articles, analyzed, facts)
    quotes = timed("quotes/numbers/timeline", compare_event, analyzed, groups).quotes
    timed("summary", lambda: summarize(analyzed, groups, settings, facts=facts, quotes=quotes))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 20, 80])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    settings = Settings()
    nlp = load_pipeline()
    started = time.perf_counter()
    encoder = load_encoder()
    if isinstance(encoder, Unavailable):
        print(f"The sentence model cannot load: {encoder.reason}")
        return 1
    loading = time.perf_counter() - started
    raws = pool(settings)
    rng = random.Random(args.seed)
    results = {size: run(sample(raws, size, rng), settings, nlp, encoder) for size in args.sizes}
    stages = list(results[args.sizes[0]])
    header = "".join(f"{size:>10}" for size in args.sizes)
    growth = "".join(f"{f'x{b}/{a}':>10}" for a, b in zip(args.sizes, args.sizes[1:]))
    print(f"{'stage (seconds)':26}{header}{growth}")
    for stage in stages:
        cells = "".join(f"{results[size][stage]:10.3f}" for size in args.sizes)
        ratios = "".join(
            f"{results[b][stage] / max(results[a][stage], 1e-4):10.1f}" for a, b in zip(args.sizes, args.sizes[1:])
        )
        print(f"{stage:26}{cells}{ratios}")
    print(f"\nloading the sentence model (once per process): {loading:.1f} s")
    print(f"{'whole briefing / spaCy pass':34}" + "".join(f"{size:>10}" for size in args.sizes))
    for label, skip in (("lexical (--lexical)", "encode claims (MiniLM)|facts (meaning)"),
                        ("meaning (default)", "facts (lexical)")):
        ratios = "".join(
            f"{sum(v for k, v in results[size].items() if k not in skip.split('|')) / results[size]['analyze (spaCy)']:10.2f}"
            for size in args.sizes
        )
        print(f"{label:34}{ratios}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
