"""Entity merging and independence groups on the gold events, beside baselines.

    python bench/entities.py [--root ROOT] [--allsides DIR] [--json OUT] [--show-errors] [--entity-scale]

Gold: every ``tests/fixtures/gold/<event>.json`` whose articles are present
(``examples/<event>`` or ``tests/fixtures/events/<event>``). Scoring is
``triangulate.evaluate.entities`` (the CI gate uses the same code).

Entities, all run on the same analysed articles:
  triangulate   compare.entities.collect_entities (what `brief` does)
  exact-names   names merge only when equal up to case, accents, punctuation,
                "the" and a possessive (triangulate before this work)

Names set: the small invented events of ``tests/fixtures/names`` (gold entities
only), written for transliterated names (vowel and doubled-letter variants,
apostrophes, al-/el-, dh/z, -ov/-off) and for different people sharing a family
name; scored like the gold events, beside exact-names.

Independence groups:
  triangulate   dedup.IndependenceGrouper (sentence MinHash LSH + exact shared runs)
  article-lsh   the classic near-duplicate test: whole-article MinHash over word
                5-grams, same group when the estimated Jaccard is 0.5 or more
  every-alone   every article its own group (triangulate before this work)

Then the calibration behind the dedup thresholds (shared unquoted words between
articles the gold keeps together and apart), and, when the AllSides crawl is in
``../shared/data/allsides`` (real articles, three outlets per story; no wire
labels), every pair the grouper joins across its 1,479 excerpts, with timing on
growing subsets (the candidate count is what would grow quadratically). With
``--entity-scale``, entity merging over all the excerpts as if they were one
event (spaCy runs first, about a minute), on growing subsets.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from datasketch import MinHash  # noqa: E402

from triangulate.compare.entities import collect_entities  # noqa: E402
from triangulate.dedup import IndependenceGrouper  # noqa: E402
from triangulate.dedup.passages import common_runs, join_runs  # noqa: E402
from triangulate.dedup.text import words_of  # noqa: E402
from triangulate.evaluate.entities import (  # noqa: E402
    analyse_event,
    exact_name_baseline,
    gold_events,
    group_scores,
    merge_scores,
    name_events,
)
from triangulate.model import Article  # noqa: E402


def article_lsh_groups(articles: list[Article], threshold: float = 0.5, seed: int = 13) -> dict[str, str]:
    hashes = {}
    for a in articles:
        words = words_of(a.text).norm
        grams = {" ".join(words[i : i + 5]).encode() for i in range(max(1, len(words) - 4))}
        m = MinHash(num_perm=128, seed=seed)
        m.update_batch(sorted(grams))
        hashes[a.id] = m
    parent = {a.id: a.id for a in articles}
    for x, y in combinations(sorted(hashes), 2):
        if hashes[x].jaccard(hashes[y]) >= threshold:
            rx, ry = parent[x], parent[y]
            for k, v in parent.items():
                if v == max(rx, ry):
                    parent[k] = min(rx, ry)
    return parent


def derived_cases(gold, articles: list[Article]) -> list[tuple[str, str, bool, bool, bool]]:
    """Harder cases made from a gold event's own articles:

    - pasted: two paragraphs of the wire story appended to an independent
      article (an outlet pasting agency paragraphs into its own story);
    - one-sentence: a single wire sentence appended to an independent article
      (a short overlap, not copying);
    - quote: the same 30-word quotation appended to two independent articles
      (both carry a statement; neither copied the other).
    """
    if not gold.wire_groups:
        return []
    by_id = {a.id: a for a in articles}
    wire = by_id.get(min(gold.wire_groups[0]))
    in_wire = {i for group in gold.wire_groups for i in group}
    others = [a for a in articles if a.id not in in_wire]
    if wire is None or len(others) < 2:
        return []
    paragraphs = [p for p in wire.text.split("\n\n") if len(p.split()) >= 25]
    sentence = next(s for s in wire.text.replace("\n\n", " ").split(". ") if 15 <= len(s.split()) <= 24) + "."
    quote = ('"We will rebuild every home, every school and every road that was lost, and we will not stop '
             'until the last family is back under its own roof," the minister said.')
    cases = [
        ("pasted two wire paragraphs", wire, _edited(others[0], "\n\n".join(paragraphs[1:3])), True),
        ("one wire sentence", wire, _edited(others[0], sentence), False),
        ("same quote, independent", _edited(others[0], quote), _edited(others[1], quote), False),
    ]
    rows = []
    for case, a, b, expected in cases:
        ours = IndependenceGrouper(seed=13).fit([a, b]).groups_
        baseline = article_lsh_groups([a, b])
        rows.append((gold.name, case, expected, ours[a.id] == ours[b.id], baseline[a.id] == baseline[b.id]))
    return rows


def _edited(article: Article, extra: str) -> Article:
    return Article(id=article.id + "+", origin=article.origin, text=article.text + "\n\n" + extra)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=str(HERE.parent))
    parser.add_argument("--allsides", default=str(HERE.parent.parent / "shared" / "data" / "allsides"))
    parser.add_argument("--json", help="write the scores here")
    parser.add_argument("--show-errors", action="store_true", help="print wrong and missed merges")
    parser.add_argument("--entity-scale", action="store_true", help="time entity merging on the AllSides excerpts")
    args = parser.parse_args()
    events = gold_events(Path(args.root))
    if not events:
        print(f"no gold events under {args.root}/tests/fixtures/gold")
        return 0
    results: dict[str, dict] = {}
    print(f"{'event':16} {'system':12} {'precision':>9} {'recall':>7} {'coverage':>8} {'types':>6} "
          f"{'pairs g/s/ok':>13} {'seconds':>8}")
    calibration = {"together": [], "apart": []}
    group_rows = []
    derived_rows: list[tuple[str, str, bool, bool, bool]] = []
    for gold, folder in events:
        articles, analyzed = analyse_event(folder)
        results[gold.name] = {}
        for name, system in (("triangulate", collect_entities), ("exact-names", exact_name_baseline)):
            started = time.perf_counter()
            entities = system(analyzed)
            seconds = time.perf_counter() - started
            s = merge_scores(gold.entities, entities)
            results[gold.name][name] = {
                "precision": s.precision, "recall": s.recall, "coverage": s.coverage,
                "type_accuracy": s.type_accuracy, "gold_pairs": s.gold_pairs, "system_pairs": s.system_pairs,
                "correct_pairs": s.correct_pairs, "seconds": seconds,
            }
            print(f"{gold.name:16} {name:12} {s.precision:9.3f} {s.recall:7.3f} {s.coverage:8.2f} "
                  f"{s.type_accuracy:6.2f} {f'{s.gold_pairs}/{s.system_pairs}/{s.correct_pairs}':>13} {seconds:8.3f}")
            if args.show_errors and name == "triangulate":
                for a, b in s.wrong:
                    print(f"    WRONG  {a} + {b}")
                for a, b in s.missed:
                    print(f"    MISSED {a} + {b}")
        ids = [a.id for a in articles]
        started = time.perf_counter()
        grouper = IndependenceGrouper(seed=13).fit(articles)
        seconds = time.perf_counter() - started
        for name, groups, secs in (
            ("triangulate", grouper.groups_, seconds),
            ("article-lsh", article_lsh_groups(articles), None),
            ("every-alone", {i: i for i in ids}, None),
        ):
            g = group_scores(gold.wire_groups, groups, ids)
            results[gold.name][f"groups:{name}"] = {"accuracy": g.accuracy, "precision": g.precision,
                                                    "recall": g.recall, "exact": g.exact}
            group_rows.append((gold.name, name, g, secs, grouper.candidates_ if name == "triangulate" else None))
        derived_rows.extend(derived_cases(gold, articles))
        together = {tuple(sorted(p)) for group in gold.wire_groups for p in combinations(group, 2)}
        words = {a.id: words_of(a.text) for a in articles}
        for x, y in combinations(sorted(words), 2):
            runs = join_runs(common_runs(words[x], words[y], 4), 3)
            longest = max((r.unquoted for r in runs), default=0)
            calibration["together" if (x, y) in together else "apart"].append((longest, gold.name, x, y))

    names = name_events(Path(args.root))
    if names:
        print("\nnames set (tests/fixtures/names: invented transliterations and namesakes; entities only)")
    for gold, folder in names:
        _, analyzed = analyse_event(folder)
        results[f"names:{gold.name}"] = {}
        for name, system in (("triangulate", collect_entities), ("exact-names", exact_name_baseline)):
            s = merge_scores(gold.entities, system(analyzed))
            results[f"names:{gold.name}"][name] = {"precision": s.precision, "recall": s.recall, "coverage": s.coverage}
            print(f"{gold.name:16} {name:12} {s.precision:9.3f} {s.recall:7.3f} {s.coverage:8.2f} "
                  f"{s.type_accuracy:6.2f} {f'{s.gold_pairs}/{s.system_pairs}/{s.correct_pairs}':>13}")
            if args.show_errors and name == "triangulate":
                for a, b in s.wrong:
                    print(f"    WRONG  {a} + {b}")
                for a, b in s.missed:
                    print(f"    MISSED {a} + {b}")

    print()
    print(f"{'event':16} {'groups':12} {'accuracy':>8} {'precision':>9} {'recall':>7} {'exact':>6} "
          f"{'candidates':>10} {'seconds':>8}")
    for event, name, g, secs, candidates in group_rows:
        extra = f"{candidates:>10} {secs:8.3f}" if secs is not None else f"{'':>10} {'':>8}"
        print(f"{event:16} {name:12} {g.accuracy:8.3f} {g.precision:9.3f} {g.recall:7.3f} {str(g.exact):>6} {extra}")

    print()
    print("derived cases (gold articles edited): should the two articles be one group, and what each system says")
    print(f"{'event':16} {'case':34} {'expected':>8} {'triangulate':>11} {'article-lsh':>11}")
    hits = {"triangulate": 0, "article-lsh": 0}
    for event, case, expected, ours, baseline in derived_rows:
        hits["triangulate"] += ours == expected
        hits["article-lsh"] += baseline == expected
        print(f"{event:16} {case:34} {str(expected):>8} {str(ours):>11} {str(baseline):>11}")
    if derived_rows:
        print(f"{'':16} {'correct':34} {'':>8} {hits['triangulate']:>11} {hits['article-lsh']:>11}  of {len(derived_rows)}")
    results["derived_cases"] = {k: v / len(derived_rows) for k, v in hits.items()} if derived_rows else {}

    print()
    apart = sorted(calibration["apart"], reverse=True)
    together = sorted(calibration["together"])
    print("calibration: longest shared run of unquoted words (seed 4 words, gaps of 3 joined)")
    print(f"  gold apart    ({len(apart)} pairs): max {apart[0][0] if apart else 0}; top 3: "
          + "; ".join(f"{n} {e}:{x}/{y}" for n, e, x, y in apart[:3]))
    print(f"  gold together ({len(together)} pairs): min {together[0][0] if together else 0}; "
          + "; ".join(f"{n} {e}:{x}/{y}" for n, e, x, y in together))
    results["calibration"] = {"apart_max": apart[0][0] if apart else 0,
                              "together_min": together[0][0] if together else 0}

    allsides = Path(args.allsides) / "stories.jsonl"
    if allsides.exists():
        results["allsides"] = run_allsides(allsides)
        if args.entity_scale:
            results["allsides_entities"] = run_entity_scale(allsides)
    else:
        print(f"\n(no AllSides crawl at {allsides}; skipped the real-text check)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


def _allsides_articles(path: Path) -> list[Article]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        Article(id=f"{r['id']}-{side}", origin=str(path), text="\n\n".join(v["newBody"]), source=v.get("newsSource"))
        for r in rows for side, v in sorted(r["news"].items()) if v and v.get("newBody")
    ]


def run_entity_scale(path: Path) -> dict:
    from triangulate.analyze import analyze_articles, load_pipeline

    articles = _allsides_articles(path)
    started = time.perf_counter()
    analyzed = list(analyze_articles(articles, load_pipeline()))
    print(f"\nentity merging, AllSides excerpts as one event (spaCy: {time.perf_counter() - started:.1f} s)")
    print(f"{'articles':>9} {'mentions':>9} {'entities':>9} {'seconds':>8}")
    out = {}
    for n in (len(analyzed) // 4, len(analyzed) // 2, len(analyzed)):
        started = time.perf_counter()
        entities = collect_entities(analyzed[:n])
        seconds = time.perf_counter() - started
        mentions = sum(len(a.mentions) for a in analyzed[:n])
        print(f"{n:9} {mentions:9} {len(entities):9} {seconds:8.2f}")
        out[n] = {"mentions": mentions, "entities": len(entities), "seconds": seconds}
    return out


def run_allsides(path: Path) -> dict:
    articles = _allsides_articles(path)
    print(f"\nAllSides: {len(articles)} real article excerpts (three outlets a story, no wire labels)")
    print(f"{'articles':>9} {'all pairs':>10} {'candidates':>10} {'joined':>6} {'seconds':>8}")
    out = {}
    for n in (len(articles) // 4, len(articles) // 2, len(articles)):
        subset = articles[:n]
        started = time.perf_counter()
        grouper = IndependenceGrouper(seed=13).fit(subset)
        seconds = time.perf_counter() - started
        print(f"{n:9} {n * (n - 1) // 2:10} {grouper.candidates_:10} {len(grouper.pairs_):6} {seconds:8.2f}")
        out[n] = {"candidates": grouper.candidates_, "pairs": len(grouper.pairs_), "seconds": seconds}
    by_id = {a.id: a for a in articles}
    for a, b in grouper.pairs_:
        words = sum(p.words for p in grouper.passages_ if p.articles == (a, b))
        print(f"  joined: {a} ({by_id[a].source}) + {b} ({by_id[b].source}), {words} shared unquoted words")
        for p in grouper.passages_:
            if p.articles == (a, b):
                print(f"    “{p.spans[0].text[:110]}…”")
    return out


if __name__ == "__main__":
    raise SystemExit(main())
