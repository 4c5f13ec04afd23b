"""Does the briefing say the same thing twice? And what does saying it once cost in ROUGE?

    python bench/briefing_repeats.py [DATA_DIR] [--rows A:B] [--words N]

On Multi-News validation clusters (rows 100-199 by default: not the rows the
summarizer's weights were tuned on), two summarizers in the same run, on the
same prepared clusters and word budget (260):

  unaligned   the summarizer as it was: redundancy by TF-IDF closeness only
  aligned     at most one sentence per fact group (facts aligned by meaning with
              MiniLM) and per quotation group, quotation citations restricted to
              the articles whose wording holds every quoted word

Repeats are counted by a check that is not the summarizer's rule: two sentences
of one briefing repeat each other when they share a quotation of six words or
more, or when at least half of the content word stems (Snowball stemmer,
sumy's stop words) of the shorter one are in the longer one. Printed: ROUGE-1/2
F1 of both, briefings with a repeat, repeated pairs, and the citations to other
articles each makes.
"""

from __future__ import annotations

import argparse
import re
import sys
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from triangulate.analyze import load_pipeline  # noqa: E402
from triangulate.compare.event import compare_event  # noqa: E402
from triangulate.compare.facts import align_facts, is_claim  # noqa: E402
from triangulate.evaluate.summaries import prepare_clusters, read_clusters  # noqa: E402
from triangulate.meaning import Unavailable, embed_articles, load_encoder  # noqa: E402
from triangulate.settings import Settings  # noqa: E402
from triangulate.summarize import summarize  # noqa: E402

WORD = re.compile(r"[a-z0-9]+")
QUOTED = re.compile(r"[\"“]([^\"”]+)[\"”]")
#: The repeat check's bars: half of the shorter sentence's stems; a shared
#: quotation run of six words.
STEM_SHARE, QUOTE_RUN = 0.5, 6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", default=str(HERE.parent.parent / "shared" / "data"))
    parser.add_argument("--rows", default="100:200", help="Multi-News rows A:B (default 100:200, held out)")
    parser.add_argument("--words", type=int, default=260)
    args = parser.parse_args()
    path = Path(args.data) / "multinews" / "validation.csv"
    if not path.is_file():
        print(f"No Multi-News data at {path}: nothing to run.")
        return 0
    first, last = (int(x) for x in args.rows.split(":"))
    from rouge_score import rouge_scorer
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    stem, stop = Stemmer("english"), frozenset(get_stop_words("english"))
    settings = Settings(summary_words=args.words)
    clusters = [c for c in read_clusters(path, "multinews", last) if c.index >= first]
    prepared = prepare_clusters(clusters, settings, load_pipeline(), n_process=2)
    encoder = load_encoder()
    if isinstance(encoder, Unavailable):
        print(f"The sentence model cannot load: {encoder.reason}")
        return 1
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)

    def stems(text: str) -> set[str]:
        return {stem(w) for w in WORD.findall(text.lower()) if w not in stop}

    def repeats(sentences: list[str]) -> int:
        count = 0
        for a, b in combinations(sentences, 2):
            sa, sb = stems(a), stems(b)
            short = min(len(sa), len(sb)) or 1
            if len(sa & sb) >= STEM_SHARE * short or _shared_quote(a, b):
                count += 1
        return count

    totals = {name: {"r1": 0.0, "r2": 0.0, "with": 0, "pairs": 0, "cites": 0, "sentences": 0} for name in ("unaligned", "aligned")}
    for item in prepared:
        groups = {a.id: a.id for a in item.analyzed}
        meaning = embed_articles(encoder, item.analyzed, keep=is_claim)
        facts, _ = align_facts(item.analyzed, groups, meaning)
        quotes = compare_event(item.analyzed, groups).quotes
        runs = {
            "unaligned": summarize(item.analyzed, groups, settings)[1],
            "aligned": summarize(item.analyzed, groups, settings, facts=facts, quotes=quotes)[1],
        }
        for name, summary in runs.items():
            texts = [c.text for c in summary]
            score = scorer.score(item.cluster.reference, " ".join(texts))
            row = totals[name]
            row["r1"] += 100 * score["rouge1"].fmeasure
            row["r2"] += 100 * score["rouge2"].fmeasure
            found = repeats(texts)
            row["pairs"] += found
            row["with"] += found > 0
            row["cites"] += sum(len(c.citations) - 1 for c in summary)
            row["sentences"] += len(summary)
    n = len(prepared)
    print(f"Multi-News rows {first}-{last - 1} ({n} clusters), {args.words}-word budget")
    print("| summarizer | ROUGE-1 | ROUGE-2 | briefings with a repeat | repeated pairs | sentences | citations to other articles |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, row in totals.items():
        print(
            f"| {name} | {row['r1'] / n:.2f} | {row['r2'] / n:.2f} | {row['with']} | {row['pairs']} "
            f"| {row['sentences']} | {row['cites']} |"
        )
    return 0


def _shared_quote(a: str, b: str) -> bool:
    runs_a = [WORD.findall(q.lower()) for q in QUOTED.findall(a)]
    words_b = " ".join(w for q in QUOTED.findall(b) for w in [" ".join(WORD.findall(q.lower()))])
    return any(
        " ".join(words[k : k + QUOTE_RUN]) in words_b
        for words in runs_a
        for k in range(0, max(0, len(words) - QUOTE_RUN) + 1)
        if len(words) >= QUOTE_RUN
    )


if __name__ == "__main__":
    raise SystemExit(main())
