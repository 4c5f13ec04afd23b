"""Truthful triangulation: facts, statuses, conflicts, numbers, quotes and outlets
against gold events annotated with anchors.

    python bench/truth.py [--data DIR] [--json OUT] [--errors] [--check]

Two sets, reported side by side:

- **tuning**: the four fictional gold events (``tests/fixtures/gold``, articles in
  ``examples/`` and ``tests/fixtures/events/``), run through ``brief``. Their
  facts have no anchors: fact groups are not scored and fact status is scored
  with the older matcher (``triangulate.evaluate.facts``, content-word overlap).
- **held-out**: the real events of ``bench/gold/events`` (BASIL triplets and
  Multi-News clusters read from ``../shared/data``; skipped with a message when
  the data is absent). Each article is cleaned (boilerplate learnt over the
  event's articles; the language hint is English, the outlet is left to the
  cleaner), analysed and briefed with ``build_briefing``.

The metrics are defined in ``triangulate.evaluate.truth``. ``--check`` only
verifies the held-out gold locators against the raw article text (found once,
at most 8 words) and runs nothing else.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from triangulate.evaluate.comparison import gold_event_folders
from triangulate.evaluate.truth import (
    check_anchors,
    data_article,
    read_truth,
    renamed,
    score_event,
    scored_fields,
    system_view,
    total,
)
from triangulate.model import RawDocument, Rejected
from triangulate.pipeline import (
    NoProgress,
    analyze_all,
    brief,
    build_briefing,
    load_meaning,
    clean_all,
)
from triangulate.settings import Settings

COLUMNS = (
    ("fact P", "fact_group_precision"),
    ("fact R", "fact_group_recall"),
    ("fact F1", "fact_group_f1"),
    ("status", "fact_status_accuracy"),
    ("claim P", "claim_conflict_precision"),
    ("claim R", "claim_conflict_recall"),
    ("traps", "claim_traps_hit"),
    ("num rec", "number_mention_recall"),
    ("num F1", "number_group_f1"),
    ("nconf P", "number_conflict_precision"),
    ("nconf R", "number_conflict_recall"),
    ("quote F1", "quote_group_f1"),
    ("repeats", "briefing_repeats"),
    ("outlet*", "outlet_accuracy_self_named"),
    ("outlet", "outlet_accuracy_known"),
)


def held_out_briefing(gold, data: Path, settings: Settings):
    """The briefing of one held-out event, its articles under neutral ids
    (``article-1``, ...: a gold key such as ``fox`` would hand the outlet to
    the cleaner, which falls back on the id)."""
    raws = []
    for n, article in enumerate(gold.articles, 1):
        text, title, published = data_article(data, article.path)
        raws.append(RawDocument(id=f"article-{n}", origin=article.path, kind="text", content=text, title=title,
                                published=published, language=settings.language))
    rejected: list[Rejected] = []
    articles = clean_all(raws, settings, rejected, NoProgress())
    analyzable = [a for a in articles if a.language == settings.language]
    analyzed = analyze_all(analyzable, settings, NoProgress())
    encoder = load_meaning(settings, NoProgress())
    return build_briefing(articles, analyzed, rejected, settings, encoder=encoder)


def print_header(title: str) -> None:
    print(f"\n{title}")
    print(f"{'event':22}" + "".join(f"{name:>9}" for name, _ in COLUMNS))


def print_row(name: str, scores) -> None:
    values = scored_fields(scores.summary(), [key for _, key in COLUMNS])
    print(f"{name:22}" + "".join(f"{v:>9}" for v in values))


def run_set(name: str, items, args, results: dict, keys: dict | None = None) -> None:
    print_header(name)
    parts = []
    for slug, gold, make_briefing in items:
        started = time.perf_counter()
        view = renamed(system_view(make_briefing()), (keys or {}).get(slug, {}))
        scores = score_event(gold, view)
        parts.append(scores)
        print_row(slug, scores)
        results.setdefault(name, {})[slug] = {**scores.summary(), "seconds": round(time.perf_counter() - started, 1)}
        if args.errors:
            for error in scores.errors:
                print("    " + error)
    if parts:
        overall = total(parts)
        print_row("all (micro)", overall)
        results[name]["all"] = overall.summary()
        counts = (f"  {overall.facts} gold facts, {overall.claim_gold} claim conflicts ({overall.claim_traps} "
                  f"non-conflicts), {overall.number_mentions} number mentions, {overall.quote_variants} quote "
                  f"variants, {overall.briefing_sentences} briefing sentences, {overall.outlet_evidence} self-named outlets; anchors not found in the cleaned text: "
                  f"{overall.anchors_unlocated}/{overall.anchors}")
        print(counts)
        if overall.status_by_matcher:
            print("  status: the older content-word matcher (these gold facts have no anchors); fact groups: not scored")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"), help="the shared data folder")
    parser.add_argument("--gold", default=str(HERE / "gold" / "events"), help="the held-out gold events")
    parser.add_argument("--json", help="write the scores here")
    parser.add_argument("--errors", action="store_true", help="print every miss")
    parser.add_argument("--check", action="store_true", help="only check the held-out locators")
    parser.add_argument("--set", choices=("tuning", "held-out", "both"), default="both")
    parser.add_argument(
        "--method", choices=("lexical", "meaning", "both"), default="both",
        help="fact alignment: shared words only (the baseline), by meaning (MiniLM), or both in one run",
    )
    args = parser.parse_args()
    data = Path(args.data)
    golds = [read_truth(p) for p in sorted(Path(args.gold).glob("*.json"))]
    have_data = (data / "basil").is_dir() and (data / "multinews").is_dir()

    if args.check:
        if not have_data:
            print(f"No data at {data} (basil/ and multinews/ needed); nothing checked.")
            return 0
        bad = 0
        for gold in golds:
            texts = {a.key: data_article(data, a.path)[0] for a in gold.articles}
            problems = check_anchors(gold, texts)
            bad += len(problems)
            print(f"{gold.slug}: {len(gold.facts)} facts, {len(gold.quotes)} quote groups, {len(gold.numbers)} "
                  f"number groups, {len(gold.claims)} claim pairs; {len(problems)} locator problems")
            for problem in problems:
                print("    " + problem)
        return 1 if bad else 0

    results: dict = {}
    methods = ("lexical", "meaning") if args.method == "both" else (args.method,)
    for method in methods:
        settings = Settings(meaning=method == "meaning")
        results[method] = {}
        run_sets(args, settings, golds, data, have_data, results[method], f" [{method}]")
    print("\n* outlet accuracy over articles whose text names its own outlet")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0


def run_sets(args, settings: Settings, golds, data: Path, have_data: bool, results: dict, label: str) -> None:
    if args.set in ("tuning", "both"):
        items = []
        for gold_path, folder in gold_event_folders(ROOT):
            items.append((gold_path.stem, read_truth(gold_path), lambda f=folder: brief([str(f)], settings)))
        run_set("tuning (fictional gold events)" + label, items, args, results)
    if args.set in ("held-out", "both"):
        if not have_data:
            print(f"\nheld-out: no data at {data} (basil/ and multinews/ needed); skipped")
        else:
            items = [(g.slug, g, lambda g=g: held_out_briefing(g, data, settings)) for g in golds]
            keys = {g.slug: {f"article-{n}": a.key for n, a in enumerate(g.articles, 1)} for g in golds}
            run_set("held-out (real events, bench/gold/events)" + label, items, args, results, keys)


if __name__ == "__main__":
    raise SystemExit(main())
