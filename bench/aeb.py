"""Article-body extraction on the Scrapinghub/Zyte article-extraction benchmark (AEB).

Data: 181 pages, ``html/<id>.html.gz`` (gzip, utf-8) and ``ground-truth.json``
(``{id: {"articleBody", "url"}}``), from
https://github.com/scrapinghub/article-extraction-benchmark, kept outside the
repository in ``../shared/data/aeb``.

Systems, run side by side on the same pages in one run:

- ``trafilatura``: ``trafilatura.extract(html, include_comments=False)``, the
  call the benchmark's own ``extractors/run_trafilatura.py`` makes;
- ``triangulate``: the ``text`` of :func:`triangulate.clean.html.extract_html`;
- ``whole-page``: all visible text of the page body
  (:func:`triangulate.clean.html.visible_text`), a floor, like the benchmark's
  ``html-text`` baseline.

``--variants`` adds ``trafilatura.extract`` with other option sets, the sweep
that chose the options of ``extract_html``.

The metric is the benchmark's own, from its ``evaluate.py``
(https://github.com/scrapinghub/article-extraction-benchmark/blob/master/evaluate.py):
tokens are ``\\w+`` matches (``re.UNICODE``); shingles are the 4-grams of
tokens (one shorter shingle for texts under 4 tokens) counted as a multiset;
per page TP/FP/FN are the multiset overlap and differences, normalised to sum
to 1; precision is the mean over pages with TP+FP > 0, recall the mean over
pages with TP+FN > 0 (both 1 when FP = FN = 0), and F1 is the harmonic mean of
those two means (not a mean of per-page F1). ``accuracy`` is the share of
pages whose token sequences are identical. The ``±`` values are bootstrap
standard deviations over pages, as in ``evaluate.py`` (seeded here).
Pages are decoded as the benchmark's scripts do: ``gzip.open(path, "rt",
encoding="utf8")`` (strict utf-8; all 181 pages decode).

Usage: ``python bench/aeb.py [DATA_DIR] [--limit N] [--json OUT] [--variants]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "aeb"
# A page "loses text" against the baseline when its recall is lower by more
# than this (the brief's threshold; 0.01 is about one sentence in a
# 100-sentence article).
LOSS_THRESHOLD = 0.01
NGRAM_N = 4  # evaluate.py: string_shingle_matching(ngram_n=4)

TpFpFn = tuple[float, float, float]

# -- the metric of evaluate.py --------------------------------------------

_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def tokenize(text: str | None) -> list[str]:
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = NGRAM_N) -> Counter[tuple[str, ...]]:
    tokens = tokenize(text)
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def shingle_matching(true: str | None, pred: str | None) -> TpFpFn:
    """TP/FP/FN over 4-token shingles, normalised so each page weighs the same."""
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def metrics(counts: list[TpFpFn]) -> dict[str, float]:
    precision = statistics.mean(precision_score(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(recall_score(*c) for c in counts if c[0] + c[2] > 0)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


def bootstrap_std(counts: list[TpFpFn], accuracies: list[float], n: int, seed: int = 0) -> dict[str, float]:
    rng = random.Random(seed)
    values: dict[str, list[float]] = {}
    for _ in range(n):
        idx = [rng.randrange(len(counts)) for _ in counts]
        for key, value in metrics([counts[i] for i in idx]).items():
            values.setdefault(key, []).append(value)
        values.setdefault("accuracy", []).append(statistics.mean(accuracies[i] for i in idx))
    return {f"{k}_std": statistics.stdev(v) for k, v in values.items()} if n > 1 else {}


def paired_difference(counts: list[TpFpFn], other: list[TpFpFn], n: int, seed: int = 0) -> dict[str, float]:
    """F1 of ``counts`` minus F1 of ``other`` on the same bootstrap samples
    (evaluate.py ``--bootstrap-differences``): mean and standard deviation."""
    if n < 2:
        return {}
    rng = random.Random(seed)
    diffs = []
    for _ in range(n):
        idx = [rng.randrange(len(counts)) for _ in counts]
        diffs.append(metrics([counts[i] for i in idx])["f1"] - metrics([other[i] for i in idx])["f1"])
    return {"f1_diff": statistics.mean(diffs), "f1_diff_std": statistics.stdev(diffs)}


# -- systems ------------------------------------------------------------------


def systems(variants: bool) -> dict[str, Callable[[str, str | None], str | None]]:
    import trafilatura
    from trafilatura.deduplication import LRUCache

    from triangulate.clean.html import TRAFILATURA_OPTIONS, extract_html, visible_text

    from triangulate.clean import clean_document
    from triangulate.model import Article, RawDocument
    from triangulate.settings import Settings

    def ours(html: str, url: str | None) -> str:
        return extract_html(html, url=url, origin="aeb").text

    def brief_path(html: str, url: str | None) -> str:
        """What `brief` keeps: extract_html, then the line rules and dateline split."""
        article = clean_document(RawDocument(id="aeb", origin="aeb", kind="html", content=html, url=url), Settings())
        return article.text if isinstance(article, Article) else ""

    found: dict[str, Callable[[str, str | None], str | None]] = {
        "trafilatura": lambda html, url: trafilatura.extract(html, include_comments=False),
        "triangulate": ours,
        "triangulate-brief": brief_path,
        "whole-page": lambda html, url: visible_text(html),
    }
    if variants:
        sweep: dict[str, dict[str, Any]] = {
            "v:default": {},
            "v:no-comments": {"include_comments": False},
            "v:recall": {"include_comments": False, "favor_recall": True},
            "v:precision": {"include_comments": False, "favor_precision": True},
            "v:no-tables": {"include_comments": False, "include_tables": False},
            "v:fast": {"include_comments": False, "fast": True},
            "v:metadata": {"include_comments": False, "with_metadata": True},
            "v:url": {"include_comments": False, "with_metadata": True, "url": "USE-URL"},
            "v:dedup": {"include_comments": False, "deduplicate": "PER-PAGE"},
            "v:fast+recall": {"include_comments": False, "fast": True, "favor_recall": True},
            "v:fast+precision": {"include_comments": False, "fast": True, "favor_precision": True},
            "v:chosen": dict(TRAFILATURA_OPTIONS),
        }
        for name, options in sweep.items():
            found[name] = _variant(trafilatura, LRUCache, options)
    return found


def _variant(trafilatura: Any, lru: Any, options: dict[str, Any]) -> Callable[[str, str | None], str | None]:
    def run(html: str, url: str | None) -> str | None:
        opts = dict(options)
        if opts.get("url") == "USE-URL":
            opts["url"] = url
        if opts.get("deduplicate") == "PER-PAGE":
            opts["deduplicate"] = lru(maxsize=1000)  # no state shared across pages
        if opts.get("with_metadata"):  # extract() would prepend a metadata header
            doc = trafilatura.bare_extraction(html, **opts)
            return doc.text if doc is not None else None
        return trafilatura.extract(html, **opts)

    return run


# -- run ----------------------------------------------------------------------


def load(data: Path, limit: int | None) -> tuple[dict[str, dict[str, Any]], list[str]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf8"))
    ids = sorted(truth)
    return truth, ids[:limit] if limit else ids


def read_page(data: Path, item_id: str) -> str:
    with gzip.open(data / "html" / f"{item_id}.html.gz", "rt", encoding="utf8") as f:
        return f.read()


def run(data: Path, limit: int | None, variants: bool, n_bootstrap: int) -> dict[str, Any]:
    truth, ids = load(data, limit)
    runners = systems(variants)
    counts: dict[str, list[TpFpFn]] = {name: [] for name in runners}
    accuracy: dict[str, list[float]] = {name: [] for name in runners}
    seconds: dict[str, float] = dict.fromkeys(runners, 0.0)
    recalls: dict[str, list[float]] = {name: [] for name in runners}
    tokens: dict[str, list[list[str]]] = {}
    pages = [(read_page(data, i), truth[i].get("articleBody", ""), truth[i].get("url")) for i in ids]
    # one system at a time over all pages, after one untimed warm-up call, so
    # that lazy imports and caches shared between systems favour none of them
    for name, extract in runners.items():
        extract(pages[0][0], pages[0][2])
        for html, gold, url in pages:
            start = time.perf_counter()
            pred = extract(html, url)
            seconds[name] += time.perf_counter() - start
            c = shingle_matching(gold, pred)
            counts[name].append(c)
            recalls[name].append(recall_score(*c))
            accuracy[name].append(float(tokenize(gold) == tokenize(pred)))
            if name in ("triangulate", "v:chosen"):
                tokens.setdefault(name, []).append(tokenize(pred))
    results: dict[str, Any] = {"pages": len(ids), "systems": {}}
    for name in runners:
        m = metrics(counts[name])
        m["accuracy"] = statistics.mean(accuracy[name])
        m.update(bootstrap_std(counts[name], accuracy[name], n_bootstrap))
        m["seconds_per_page"] = seconds[name] / len(ids)
        results["systems"][name] = m
    pairs = list(zip(ids, recalls["trafilatura"], recalls["triangulate"]))
    results["triangulate_vs_trafilatura"] = {
        "recall_lower": [i for i, base, ours in pairs if ours < base - LOSS_THRESHOLD],
        "recall_higher": [i for i, base, ours in pairs if ours > base + LOSS_THRESHOLD],
        **paired_difference(counts["triangulate"], counts["trafilatura"], n_bootstrap),
    }
    if "v:chosen" in tokens:  # the wrapper must not change trafilatura's words
        same = sum(a == b for a, b in zip(tokens["triangulate"], tokens["v:chosen"]))
        results["triangulate_same_tokens_as_chosen_options"] = same
    return results


def print_table(results: dict[str, Any]) -> None:
    print(f"AEB, {results['pages']} pages (metric: the benchmark's evaluate.py; ± bootstrap std)")
    print(f"{'system':<16} {'precision':>15} {'recall':>15} {'F1':>15} {'accuracy':>9} {'s/page':>8}")
    for name, m in results["systems"].items():
        cells = [
            f"{m[k]:.3f} ± {m[k + '_std']:.3f}" if k + "_std" in m else f"{m[k]:.3f}"
            for k in ("precision", "recall", "f1")
        ]
        print(
            f"{name:<16} {cells[0]:>15} {cells[1]:>15} {cells[2]:>15} "
            f"{m['accuracy']:>9.3f} {m['seconds_per_page']:>8.4f}"
        )
    cmp = results["triangulate_vs_trafilatura"]
    print(
        f"triangulate vs trafilatura baseline: recall lower by > {LOSS_THRESHOLD} on "
        f"{len(cmp['recall_lower'])} pages, higher on {len(cmp['recall_higher'])}"
    )
    if "f1_diff" in cmp:
        print(f"  paired bootstrap F1 difference: {cmp['f1_diff']:+.4f} ± {cmp['f1_diff_std']:.4f}")
    for item_id in cmp["recall_lower"]:
        print(f"  lower: {item_id}")
    if "triangulate_same_tokens_as_chosen_options" in results:
        same = results["triangulate_same_tokens_as_chosen_options"]
        print(
            "triangulate text has the same tokens as trafilatura.extract with its options "
            f"on {same}/{results['pages']} pages"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "data", nargs="?", type=Path, default=DEFAULT_DATA, help="AEB folder (default: %(default)s)"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by id)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results to this JSON file")
    parser.add_argument("--variants", action="store_true", help="also run trafilatura option variants")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap samples for ± (0: none)")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file() or not (args.data / "html").is_dir():
        print(
            f"AEB data not found in {args.data} (expected ground-truth.json and html/). "
            "Get it from https://github.com/scrapinghub/article-extraction-benchmark "
            "and pass its folder; skipping.",
        )
        return 0
    try:
        import triangulate  # noqa: F401
    except ImportError:  # running from a source tree without installing
        sys.path.insert(0, str(ROOT / "src"))
    results = run(args.data, args.limit, args.variants, args.bootstrap)
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True), encoding="utf8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
