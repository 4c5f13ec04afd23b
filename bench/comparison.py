"""Quotes, numbers and timeline against the gold events, and speakers on BASIL.

    python bench/comparison.py [--basil DIR] [--json OUT] [--errors] [--pairs]

Gold events: every ``tests/fixtures/gold/<slug>.json`` whose articles are in
``examples/<slug>`` or ``tests/fixtures/events/<slug>``; articles are read and
cleaned by ``triangulate.pipeline.brief`` and analysed by the comparison
modules (see ``triangulate.evaluate.comparison`` for the metrics).

Baseline, in the same run (events and BASIL): ``nearest-name`` gives every
quote found the nearest person named before it in the article (spaCy PERSON
entity), the classic heuristic that quote attribution is measured against.

Number groups, on the gold events and on the invented numbers set
(``tests/fixtures/numbers``: coordinated counts, one quantity in several
wordings, one group counted over different time windows): the share of gold
figures found, pairwise precision/recall/F1 of "same quantity" links among the
found ones, and number-conflict precision/recall
(``triangulate.evaluate.comparison.score_number_groups``).

BASIL (``../shared/data/basil``; skipped with a message when missing):
annotated quotes that are direct quotations with a named speaker (labels such
as ``other_anti`` or ``Democratic_lawmakers`` are left out). Reported: the share
the extractor finds, and the speaker accuracy on those it finds.

``--pairs`` prints every same-speaker pair of found gold quotes from different
articles with its similarity and whether the gold groups them: the data behind
``QUOTE_MATCH_THRESHOLD``.
"""

from __future__ import annotations

import argparse
import json

import sys
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from triangulate.analyze import load_pipeline  # noqa: E402
from triangulate.compare.quotes import default_same_speaker, quote_similarity  # noqa: E402
from triangulate.evaluate.comparison import (  # noqa: E402
    _same_wording,
    basil_items,
    event_articles,
    gold_event_folders,
    number_event_folders,
    score_number_groups,
    read_gold_event,
    run_event,
    score_basil,
    score_event,
    total_scores,
)
from triangulate.settings import Settings  # noqa: E402


def nearest_person(quote, doc) -> str | None:
    """The baseline: the last PERSON entity before the quote."""
    before = [e.text for e in doc.ents if e.label_ == "PERSON" and e.start_char < quote.start]
    return before[-1] if before else None


def nearest_name(output, nlp):
    """The baseline applied to every quote of an event."""
    quotes = []
    for article_id, text in output.texts.items():
        doc = nlp(text)
        quotes.extend(replace(q, speaker=nearest_person(q, doc)) for q in output.quotes if q.article == article_id)
    return replace(output, quotes=tuple(quotes))


def print_pairs(gold, output) -> None:
    quotes = [q for q in output.quotes if q.speaker]
    label = {}
    for gi, group in enumerate(gold.quotes):
        for variant in group["variants"]:
            for k, q in enumerate(quotes):
                if q.article == variant["article"] and _same_wording(variant["text"], q.text):
                    label[k] = gi
    sim = quote_similarity(quotes)
    for i, a in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            b = quotes[j]
            if a.article == b.article or i not in label or j not in label:
                continue
            if not default_same_speaker(a.speaker, b.speaker):
                continue
            same = "SAME" if label[i] == label[j] else "diff"
            dates = f"{a.date or a.assumed_date}/{b.date or b.assumed_date}"
            print(f"  {same} {sim[i, j]:.3f} {dates:23} {a.text[:38]!r} ~ {b.text[:38]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--basil", default=str(ROOT.parent / "shared" / "data" / "basil"))
    parser.add_argument("--json", help="write the scores here")
    parser.add_argument("--errors", action="store_true", help="print every miss")
    parser.add_argument("--pairs", action="store_true", help="print same-speaker quote pairs and similarities")
    args = parser.parse_args()
    settings = Settings()
    nlp = load_pipeline(settings.spacy_model)
    results: dict[str, dict] = {}
    parts, baseline_parts = [], []
    started = time.perf_counter()
    print(f"{'event':18} {'quote rec':>9} {'speaker':>8} {'base spk':>8} {'link P':>7} {'link R':>7} "
          f"{'confl P':>8} {'confl R':>8} {'date rec':>8} {'date P':>7}")
    for gold_path, folder in gold_event_folders(ROOT):
        gold = read_gold_event(gold_path)
        articles = event_articles(folder, settings)
        output = run_event(articles, nlp)
        scores = score_event(gold, output)
        baseline = score_event(gold, nearest_name(output, nlp))
        parts.append(scores)
        baseline_parts.append(baseline)
        results[gold.slug] = {**scores.as_dict(), "baseline_speaker_accuracy": round(baseline.speaker_accuracy, 4)}
        _row(gold.slug, scores, baseline)
        if args.errors:
            for error in scores.errors:
                print("    " + error)
        if args.pairs:
            print_pairs(gold, output)
    total, base_total = total_scores(parts), total_scores(baseline_parts)
    _row("all (micro)", total, base_total)
    results["all"] = {**total.as_dict(), "baseline_speaker_accuracy": round(base_total.speaker_accuracy, 4),
                      "quote_variants": total.quote_variants, "gold_conflicts": total.gold_conflicts,
                      "timeline_pairs": total.timeline_pairs}
    print(f"({time.perf_counter() - started:.1f} s)")

    print("\nnumber groups: gold figures found, pairwise grouping of the found ones, number conflicts")
    print(f"{'set':8} {'event':18} {'figures':>9} {'found':>6} {'pair P':>7} {'pair R':>7} {'pair F1':>7} "
          f"{'confl P':>8} {'confl R':>8}")
    for name, folders in (("gold", gold_event_folders(ROOT)), ("numbers", number_event_folders(ROOT))):
        for gold_path, folder in folders:
            gold = read_gold_event(gold_path)
            output = run_event(event_articles(folder, settings), nlp)
            groups, conflicts = score_number_groups(gold, output), score_event(gold, output)
            print(f"{name:8} {gold.slug:18} {groups.values:9} {groups.value_recall:6.3f} {groups.pair_precision:7.3f} "
                  f"{groups.pair_recall:7.3f} {groups.pair_f1:7.3f} {conflicts.conflict_precision:8.3f} "
                  f"{conflicts.conflict_recall:8.3f}")
            results[f"numbers:{name}:{gold.slug}"] = {
                "figures": groups.values, "found": round(groups.value_recall, 4),
                "pair_precision": round(groups.pair_precision, 4), "pair_recall": round(groups.pair_recall, 4),
                "pair_f1": round(groups.pair_f1, 4), "conflict_precision": round(conflicts.conflict_precision, 4),
                "conflict_recall": round(conflicts.conflict_recall, 4)}
            if args.errors:
                for error in groups.errors + tuple(e for e in conflicts.errors if e.startswith("number")):
                    print("    " + error)

    basil = Path(args.basil)
    if (basil / "annotations").is_dir():
        items = basil_items(basil)
        started = time.perf_counter()
        scores = score_basil(items, nlp)
        print(f"\nBASIL: {scores.quotes} annotated direct quotations with a named speaker in "
              f"{len({i.article.id for i in items})} articles")
        print(f"  found {scores.recall:.3f} ({scores.found}); speaker accuracy on found {scores.speaker_accuracy:.3f} "
              f"({scores.speakers_right}/{scores.found}); {time.perf_counter() - started:.1f} s")
        baseline = score_basil(items, nlp, speaker_of=nearest_person)
        print(f"  baseline nearest-name: speaker accuracy on found {baseline.speaker_accuracy:.3f}")
        results["basil"] = {"quotes": scores.quotes, "found": round(scores.recall, 4),
                            "speaker_accuracy": round(scores.speaker_accuracy, 4),
                            "baseline_speaker_accuracy": round(baseline.speaker_accuracy, 4)}
        if args.errors:
            for error in scores.errors:
                print("    " + error)
    else:
        print(f"\nBASIL: no data at {basil} (annotations/ missing); skipped")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0


def _row(name: str, s, base) -> None:
    print(f"{name:18} {s.quote_recall:9.3f} {s.speaker_accuracy:8.3f} {base.speaker_accuracy:8.3f} "
          f"{s.quote_link_precision:7.3f} {s.quote_link_recall:7.3f} {s.conflict_precision:8.3f} "
          f"{s.conflict_recall:8.3f} {s.timeline_date_recall:8.3f} {s.timeline_date_precision:7.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
