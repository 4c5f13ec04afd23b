"""A hand check of the briefing's citations, beside the automatic check.

    python bench/citations_handcheck.py sample [--tsv FILE] [--size N]
    python bench/citations_handcheck.py score [--tsv FILE]

**What it measures.** Citation precision as a reader judges it: of the
citations a briefing sentence (or headline) makes to an article *other than its
own*, the share whose cited article really states the same thing. A sentence's
own article trivially contains it, so those citations are not listed. Beside it,
the precision the automatic check (``check_citations`` in
``src/triangulate/evaluate/citations.py``) gives on the same rows, and how often
the two agree: the hand check is what tells whether the automatic number can be
trusted. The same for the window check of ``evaluate/citation_check.py``, which
shares no code with the summarizer's support rule.

**Data.** The events of ``bench/summaries.py`` (the bundled example and the
fictional test events), briefed as ``brief`` does with the default length and
with longer briefings (``BUDGETS`` sentences): the default briefing has too few
citations to other articles for a sample of 50. Citations are de-duplicated by
(event, sentence, cited article).

``sample`` writes the worksheet ``bench/gold/citations-handcheck.tsv`` (columns
``COLUMNS``). Rows already in it that the current briefings still cite stay, with
their hand verdicts; the rest of the ``--size`` rows are drawn with
``random.Random(SEED)`` from the other citations, so a re-run after a small change
of the briefings does not throw away hand work. Fill in ``hand`` (``supported``,
``partial`` or ``not supported``), ``evidence`` (the cited article's own words)
and ``note`` (for ``partial``: what is missing).

``score`` re-runs the automatic check on the current briefings and prints the
hand precision (strict: ``partial`` counts as not supported; lenient: as
supported), the automatic precision on the same rows, their agreement and
confusion counts, and the stale rows (their sentence or citation is gone from
the current briefings: check them again). It exits 1 if a row lacks a hand
verdict.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from summaries import EVENTS  # bench/summaries.py: the same events

from triangulate.evaluate.citation_check import check_window
from triangulate.evaluate.summaries import check_brief_citations_by_length
from triangulate.settings import Settings

#: Sentence budgets briefed: the default (None), then longer briefings, which
#: together give more than 50 distinct citations to other articles.
BUDGETS: tuple[int | None, ...] = (None, 10, 15, 20, 30)
SEED = 50
SIZE = 50
TSV = HERE / "gold" / "citations-handcheck.tsv"
COLUMNS = ("event", "sentence_article", "cited_article", "sentence", "auto", "hand", "evidence", "note")
HAND = ("supported", "partial", "not supported")
EVENTS_ORDER = {folder.name: i for i, folder in enumerate(EVENTS)}

Key = tuple[str, str, str]  # (event, cited article, sentence): a row's identity


@dataclass(frozen=True, slots=True)
class Citation:
    event: str
    sentence_article: str
    cited_article: str
    sentence: str
    auto: str  # "supported" / "not supported" by the automatic check

    @property
    def key(self) -> Key:
        return (self.event, self.cited_article, self.sentence)


def _flat(text: str) -> str:
    """One line, single spaces: a TSV cell, and the same key however the text wraps."""
    return " ".join(text.split())


def current_citations() -> dict[Key, Citation]:
    """Every citation to another article in the briefings of every event and budget,
    in briefing order (dicts keep the first time a key is seen). Each event is read
    and analysed once and briefed at every budget."""
    budgets = [Settings() if budget is None else Settings().with_(summary_sentences=budget) for budget in BUDGETS]
    by_event = {folder: check_brief_citations_by_length([str(folder)], budgets) for folder in EVENTS}
    found: dict[Key, Citation] = {}
    for index in range(len(BUDGETS)):
        for folder in EVENTS:
            _, verdicts = by_event[folder][index]
            for v in verdicts:
                if v.cited:
                    auto = "supported" if v.supported else "not supported"
                    c = Citation(folder.name, v.source, v.article, _flat(v.sentence), auto)
                    found.setdefault(c.key, c)
    return found


def cited_texts() -> dict[tuple[str, str], str]:
    """(event, article id) -> the article's cleaned text, as ``brief`` cleans it."""
    from triangulate.ingest import read_inputs
    from triangulate.model import Rejected
    from triangulate.pipeline import NoProgress, clean_all

    settings = Settings()
    texts = {}
    for folder in EVENTS:
        raws = [r for r in read_inputs([str(folder)], settings) if not isinstance(r, Rejected)]
        for article in clean_all(raws, settings, [], NoProgress()):
            texts[folder.name, article.id] = article.text
    return texts


def read_rows(path: Path) -> list[dict[str, str]]:
    """The worksheet's rows (none if it does not exist yet); cells plain, no quoting."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {k: (row.get(k) or "").strip() for k in COLUMNS}
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def _key(row: dict[str, str]) -> Key:
    return (row["event"], row["cited_article"], row["sentence"])


def sample(path: Path, size: int) -> int:
    """Write the worksheet: rows still cited are kept (hand work is not redone), the rest drawn."""
    found = current_citations()
    order = {key: i for i, key in enumerate(found)}
    old = {_key(r): r for r in read_rows(path)}
    kept = [k for k in old if k in found][:size]
    rest = sorted(k for k in found if k not in old)
    drawn = random.Random(SEED).sample(rest, min(size - len(kept), len(rest)))
    chosen = sorted(kept + drawn, key=lambda k: (EVENTS_ORDER[k[0]], order[k]))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n")
        writer.writerow(COLUMNS)
        for key in chosen:
            c, row = found[key], old.get(key, {})
            writer.writerow([
                c.event, c.sentence_article, c.cited_article, c.sentence, c.auto,
                *(_flat(row.get(k, "")) for k in ("hand", "evidence", "note")),
            ])
    print(
        f"{len(found)} citations to other articles over {len(EVENTS)} events and budgets "
        f"{', '.join('default' if b is None else str(b) for b in BUDGETS)}; {len(kept)} kept from {path.name}, "
        f"{len(old) - len(kept)} dropped (no longer cited), {len(drawn)} drawn: {len(chosen)} rows in {path}"
    )
    return 0


def score(path: Path) -> int:
    """Compare the hand verdicts with the automatic check run now; 1 if a verdict is missing."""
    rows = read_rows(path)
    if not rows:
        print(f"No rows in {path}: run `sample` first.")
        return 1
    found = current_citations()
    stale = [r for r in rows if _key(r) not in found]
    auto = {id(r): (found[_key(r)].auto if _key(r) in found else r["auto"]) for r in rows}
    changed = [r for r in rows if _key(r) in found and found[_key(r)].auto != r["auto"]]
    missing = [r for r in rows if r["hand"] not in HAND]
    judged = [r for r in rows if r["hand"] in HAND]
    n = len(judged)
    hand = Counter(r["hand"] for r in judged)

    def share(count: int) -> str:
        return f"{count / n:.3f} ({count}/{n})" if n else "n/a"

    auto_yes = sum(auto[id(r)] == "supported" for r in judged)
    print(f"rows: {len(rows)} ({n} with a hand verdict)")
    print(f"hand: {hand['supported']} supported, {hand['partial']} partial, {hand['not supported']} not supported")
    print(f"hand precision, partial as not supported: {share(hand['supported'])}")
    print(f"hand precision, partial as supported:     {share(hand['supported'] + hand['partial'])}")
    print(f"automatic precision on the same rows:     {share(auto_yes)}")
    confusion = Counter((r["hand"], auto[id(r)]) for r in judged)
    agree = confusion["supported", "supported"] + sum(confusion[h, "not supported"] for h in HAND[1:])
    lenient = agree + confusion["partial", "supported"] - confusion["partial", "not supported"]
    print(f"agreement (partial as not supported):     {share(agree)}")
    print(f"agreement (partial as supported):         {share(lenient)}")
    print("confusion (hand x automatic):")
    for h in HAND:
        print(f"  hand {h:<13}  auto supported {confusion[h, 'supported']:>3}  "
              f"auto not supported {confusion[h, 'not supported']:>3}")
    for r in judged:
        if (r["hand"] == "supported") != (auto[id(r)] == "supported"):
            print(f"  disagree: {r['event']} {r['sentence_article']} -> {r['cited_article']}: hand {r['hand']}, "
                  f"auto {auto[id(r)]}: {r['sentence'][:90]}")
    texts = cited_texts()
    window = {id(r): check_window(r["sentence"], texts.get((r["event"], r["cited_article"]), "")).supported
              for r in judged}
    window_agree = sum(window[id(r)] == (r["hand"] == "supported") for r in judged)
    window_lenient = sum(window[id(r)] == (r["hand"] != "not supported") for r in judged)
    print("the window check of evaluate/citation_check.py (independent of the summarizer's rule):")
    print(f"  precision on the same rows:                {share(sum(window.values()))}")
    print(f"  agreement (partial as not supported):      {share(window_agree)}")
    print(f"  agreement (partial as supported):          {share(window_lenient)}")
    for h in HAND:
        yes = sum(window[id(r)] for r in judged if r["hand"] == h)
        print(f"  hand {h:<13}  window supported {yes:>3}  window not supported {hand[h] - yes:>3}")
    for r in changed:
        print(f"auto verdict changed since sampling ({r['auto']} -> {found[_key(r)].auto}): "
              f"{r['event']} -> {r['cited_article']}: {r['sentence'][:90]}")
    print(f"stale rows (no longer in the current briefings; check them again): {len(stale)}")
    for r in stale:
        print(f"  {r['event']} -> {r['cited_article']}: {r['sentence'][:90]}")
    if missing:
        print(f"{len(missing)} row(s) lack a hand verdict ({' / '.join(HAND)}): fill in the 'hand' column.")
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("sample", "score"))
    parser.add_argument("--tsv", default=str(TSV), help=f"the worksheet (default: {TSV.relative_to(HERE.parent)})")
    parser.add_argument("--size", type=int, default=SIZE, help="rows to sample (sample mode)")
    args = parser.parse_args()
    path = Path(args.tsv)
    return sample(path, args.size) if args.mode == "sample" else score(path)


if __name__ == "__main__":
    raise SystemExit(main())
