"""A hand check of the briefing's citations on held-out events, beside two
automatic checks.

    python bench/citations_heldout.py sample [DATA_DIR] [--size N]
    python bench/citations_heldout.py score [DATA_DIR]

DATA_DIR defaults to ../shared/data (from the project root); both modes skip
with a message when it is absent.

**Events.** Ones the summarizer's rules were not tuned on: Multi-News
validation clusters ``MULTINEWS_ROWS`` (the weights were tuned on rows 0-99;
rows 100-199 are read by other benchmarks) and ``BASIL_TRIPLETS`` BASIL
triplets drawn with ``random.Random(SEED)``. Each is briefed in memory as
``triangulate brief --sentences BRIEF_SENTENCES`` does (clean with line
boilerplate learnt over the event, spaCy analysis, the sentence model, then
``pipeline.build_briefing``): longer briefings give more citations.

**Rows.** Every citation of the headline or a briefing sentence to an article
*other than its own* (the own article trivially holds it), de-duplicated by
(event, sentence, cited article); ``sample`` draws ``--size`` of them with
``random.Random(SEED)`` and writes ``bench/gold/citations-handcheck-heldout.tsv``
(columns ``COLUMNS``). A row names its event by data file and row (or BASIL
triplet), the documents by index in the event, the sentence by its character
span in its article's cleaned text and its first words; the worksheet never
holds more of the article text than that and at most 12 words of evidence.
Rows already judged are kept when ``sample`` is run again.

**Verdicts.** ``hand`` is a reading of the cited article: ``supported`` (it
states all of the sentence), ``partial`` (part of it) or ``not supported``.
``score`` prints hand precision (strict: ``partial`` counts as not supported;
lenient: as supported) and, on the same rows, the precision of two automatic
checks and their agreement with the hand verdicts:

* ``summaries``: ``check_citations`` of ``evaluate/summaries.py`` (grounding
  claims, spaCy lemmas and entities, close to the summarizer's own rule);
* ``window``: ``check_window`` of ``evaluate/citation_check.py`` (regex
  sentences, Snowball stems, numbers, names, quoted words; no spaCy, TF-IDF
  or grounding claims).

``score`` re-cleans and re-analyses only the articles the rows name, so it
does not re-run the summarizer: the rows are the citations of the code they
were sampled with.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from triangulate.model import Article, Cited, RawDocument, Rejected
from triangulate.settings import Settings

MULTINEWS = "multinews/validation.csv"
MULTINEWS_ROWS = range(200, 250)
BASIL = "basil/articles"
BASIL_TRIPLETS = 20
BRIEF_SENTENCES = 12
SEED = 8
SIZE = 60
TSV = HERE / "gold" / "citations-handcheck-heldout.tsv"
COLUMNS = ("data", "event", "sentence_doc", "cited_doc", "start", "end", "sentence_head", "hand", "evidence", "note")
HAND = ("supported", "partial", "not supported")
HEAD_WORDS = 8


@dataclass(frozen=True, slots=True)
class Event:
    data: str  # MULTINEWS or BASIL
    key: str  # the row index, or the triplet uuid
    raws: tuple[RawDocument, ...]


def _flat(text: str) -> str:
    return " ".join(text.split())


def multinews_events(root: Path, rows=MULTINEWS_ROWS) -> list[Event]:
    csv.field_size_limit(10**9)
    wanted = set(rows)
    events = []
    with (root / MULTINEWS).open(encoding="utf-8", newline="") as handle:
        for index, row in enumerate(csv.DictReader(handle)):
            if index in wanted:
                docs = [str(d) for d in ast.literal_eval(row["documents"])]
                raws = tuple(
                    RawDocument(id=f"mn{index}-{k}", origin=f"{MULTINEWS} row {index} doc {k}", kind="text", content=d)
                    for k, d in enumerate(docs)
                    if d.strip()
                )
                events.append(Event(MULTINEWS, str(index), raws))
    return events


def basil_events(root: Path, count: int = BASIL_TRIPLETS, keys: set[str] | None = None) -> list[Event]:
    """BASIL triplets: ``keys`` if given, else ``count`` drawn with the seed."""
    by_triplet: dict[str, list[Path]] = {}
    for path in sorted((root / BASIL).glob("*/*.json")):
        by_triplet.setdefault(path.stem.rsplit("_", 1)[0], []).append(path)
    chosen = sorted(keys) if keys is not None else sorted(random.Random(SEED).sample(sorted(by_triplet), count))
    events = []
    for triplet in chosen:
        raws = []
        for path in sorted(by_triplet.get(triplet, [])):
            doc = json.loads(path.read_text(encoding="utf-8"))
            body = "\n\n".join(" ".join(p) if isinstance(p, list) else str(p) for p in doc["body-paragraphs"])
            n = path.stem.rsplit("_", 1)[1]
            raws.append(RawDocument(
                id=f"basil-{triplet[:8]}-{n}", origin=f"{path.parent.name}/{path.name}", kind="text",
                content=body, title=doc.get("title"), published=doc.get("date"),
            ))
        events.append(Event(BASIL, triplet, tuple(raws)))
    return events


def doc_index(event: Event, article_id: str) -> str:
    return article_id.rsplit("-", 1)[1]


def _clean(event: Event, settings: Settings) -> list[Article]:
    from triangulate.pipeline import NoProgress, clean_all

    rejected: list[Rejected] = []
    return [a for a in clean_all(list(event.raws), settings, rejected, NoProgress()) if a.language == settings.language]


def citations(event: Event, settings: Settings, encoder) -> list[dict[str, str]]:
    """Every citation to another article in the event's briefing, as worksheet rows."""
    from triangulate.pipeline import NoProgress, analyze_all, build_briefing

    articles = _clean(event, settings)
    analyzed = analyze_all(articles, settings, NoProgress())
    if len(analyzed) < 2:
        return []
    briefing = build_briefing(articles, analyzed, [], settings, encoder=encoder)
    items = {(c.article, c.start, c.end): c for c in ([briefing.headline] if briefing.headline else [])
             + list(briefing.summary)}
    rows = []
    for c in items.values():
        for cited in c.citations:
            if cited != c.article:
                rows.append({
                    "data": event.data, "event": event.key, "sentence_doc": doc_index(event, c.article),
                    "cited_doc": doc_index(event, cited), "start": str(c.start), "end": str(c.end),
                    "sentence_head": " ".join(_flat(c.text).split()[:HEAD_WORDS]),
                    "hand": "", "evidence": "", "note": "",
                })
    return rows


def read_rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (r.get(k) or "").strip() for k in COLUMNS}
                for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _key(row: dict[str, str]) -> tuple[str, ...]:
    return (row["data"], row["event"], row["sentence_doc"], row["start"], row["cited_doc"])


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow([_flat(r[k]) for k in COLUMNS])


def sample(root: Path, size: int, path: Path = TSV) -> int:
    from triangulate.pipeline import NoProgress, load_meaning

    settings = Settings().with_(summary_sentences=BRIEF_SENTENCES)
    encoder = load_meaning(settings, NoProgress())
    found: dict[tuple[str, ...], dict[str, str]] = {}
    events = multinews_events(root) + basil_events(root)
    for n, event in enumerate(events, 1):
        for row in citations(event, settings, encoder):
            found.setdefault(_key(row), row)
        print(f"\r{n}/{len(events)} events, {len(found)} citations to other articles", end="", file=sys.stderr)
    print(file=sys.stderr)
    old = {_key(r): r for r in read_rows(path) if r["hand"]}
    kept = [k for k in old if k in found][:size]
    rest = sorted(k for k in found if k not in old)
    drawn = random.Random(SEED).sample(rest, min(size - len(kept), len(rest)))
    order = {key: i for i, key in enumerate(found)}
    chosen = sorted(kept + drawn, key=order.__getitem__)
    write_rows(path, [old.get(k, found[k]) for k in chosen])
    by_data = Counter(k[0] for k in found)
    print(f"{len(found)} citations to other articles ({', '.join(f'{n} {d}' for d, n in by_data.items())}) "
          f"in {len(events)} events briefed with --sentences {BRIEF_SENTENCES}; {len(kept)} judged rows kept, "
          f"{len(drawn)} drawn: {len(chosen)} rows in {path}")
    return 0


@dataclass(frozen=True, slots=True)
class Scored:
    row: dict[str, str]
    sentence: str
    summaries: bool
    window: bool
    window_text: str
    window_missing: str


def auto_verdicts(root: Path, rows: list[dict[str, str]]) -> list[Scored]:
    """Both automatic checks on the worksheet's rows, on the articles re-cleaned now."""
    from triangulate.analyze import analyze_articles, load_pipeline
    from triangulate.evaluate.citation_check import check_window
    from triangulate.evaluate.summaries import check_citations

    settings = Settings()
    nlp = load_pipeline(settings.spacy_model)
    multinews = {e.key: e for e in multinews_events(root, {int(r["event"]) for r in rows if r["data"] == MULTINEWS})}
    basil = {e.key: e for e in basil_events(root, keys={r["event"] for r in rows if r["data"] == BASIL})}
    cleaned: dict[tuple[str, str], dict[str, Article]] = {}
    analyzed_cache: dict[str, object] = {}
    scored = []
    for row in rows:
        event = (multinews if row["data"] == MULTINEWS else basil)[row["event"]]
        if (row["data"], row["event"]) not in cleaned:
            cleaned[row["data"], row["event"]] = {doc_index(event, a.id): a for a in _clean(event, settings)}
        docs = cleaned[row["data"], row["event"]]
        source, cited = docs[row["sentence_doc"]], docs[row["cited_doc"]]
        start, end = int(row["start"]), int(row["end"])
        sentence = source.text[start:end]
        if not _flat(sentence).startswith(row["sentence_head"]):
            raise ValueError(f"{row['data']} {row['event']} doc {row['sentence_doc']}: the span {start}-{end} no "
                             f"longer starts with {row['sentence_head']!r}; the cleaning changed: sample again.")
        for article in (source, cited):
            if article.id not in analyzed_cache:
                analyzed_cache[article.id] = next(iter(analyze_articles([article], nlp)))
        item = Cited(sentence, (source.id, cited.id), source.id, start, end)
        first = check_citations([item], [analyzed_cache[source.id], analyzed_cache[cited.id]])
        second = check_window(sentence, cited.text)
        scored.append(Scored(row, sentence, first[0].supported, second.supported, second.window, second.missing))
    return scored


def _share(count: int, n: int) -> str:
    return f"{count / n:.3f} ({count}/{n})" if n else "n/a"


def summary(scored: list[Scored]) -> dict[str, object]:
    """Hand precision and, for each automatic check, its precision and agreement."""
    judged = [s for s in scored if s.row["hand"] in HAND]
    n = len(judged)
    hand = Counter(s.row["hand"] for s in judged)
    out: dict[str, object] = {
        "rows": n,
        "hand": dict(hand),
        "hand_strict": hand["supported"] / n if n else None,
        "hand_lenient": (hand["supported"] + hand["partial"]) / n if n else None,
    }
    for name in ("summaries", "window"):
        yes = [getattr(s, name) for s in judged]
        strict = sum(y == (s.row["hand"] == "supported") for s, y in zip(judged, yes))
        lenient = sum(y == (s.row["hand"] != "not supported") for s, y in zip(judged, yes))
        out[name] = {
            "precision": sum(yes) / n if n else None, "supported": sum(yes),
            "agreement_strict": strict / n if n else None, "agreement_lenient": lenient / n if n else None,
            "confusion": {h: {"auto supported": sum(y for s, y in zip(judged, yes) if s.row["hand"] == h),
                              "auto not supported": sum(not y for s, y in zip(judged, yes) if s.row["hand"] == h)}
                          for h in HAND},
        }
    both = sum(s.summaries == s.window for s in judged)
    out["checks_agree"] = both / n if n else None
    return out


def score(root: Path, path: Path = TSV, verbose: bool = False) -> int:
    rows = read_rows(path)
    if not rows:
        print(f"No rows in {path}: run `sample` first.")
        return 1
    try:
        scored = auto_verdicts(root, rows)
    except ValueError as error:
        print(error)
        return 1
    result = summary(scored)
    n = result["rows"]
    hand = result["hand"]
    print(f"rows: {len(rows)} ({n} with a hand verdict)")
    print(f"hand: {hand.get('supported', 0)} supported, {hand.get('partial', 0)} partial, "
          f"{hand.get('not supported', 0)} not supported")
    print(f"hand precision, partial as not supported: {_share(hand.get('supported', 0), n)}")
    print(f"hand precision, partial as supported:     {_share(hand.get('supported', 0) + hand.get('partial', 0), n)}")
    for name, label in (("summaries", "check_citations (evaluate/summaries.py)"),
                        ("window", "check_window (evaluate/citation_check.py)")):
        r = result[name]
        print(f"{label}:")
        print(f"  precision on the same rows:               {_share(r['supported'], n)}")
        print(f"  agreement with hand, partial as not:      {r['agreement_strict']:.3f}")
        print(f"  agreement with hand, partial as supported: {r['agreement_lenient']:.3f}")
        for h in HAND:
            c = r["confusion"][h]
            print(f"    hand {h:<13}  auto supported {c['auto supported']:>3}  "
                  f"auto not supported {c['auto not supported']:>3}")
    print(f"the two automatic checks agree on {result['checks_agree']:.3f} of the rows")
    if verbose:
        for s in scored:
            print(f"- {s.row['data']} {s.row['event']} {s.row['sentence_doc']}->{s.row['cited_doc']}: "
                  f"hand {s.row['hand'] or '?'}, summaries {s.summaries}, window {s.window} "
                  f"[{s.window_missing}] {s.row['sentence_head']}")
    missing = [r for r in rows if r["hand"] not in HAND]
    if missing:
        print(f"{len(missing)} row(s) lack a hand verdict ({' / '.join(HAND)}): fill in the 'hand' column.")
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("sample", "score"))
    parser.add_argument("data", nargs="?", default=str(HERE.parent.parent / "shared" / "data"))
    parser.add_argument("--tsv", default=str(TSV))
    parser.add_argument("--size", type=int, default=SIZE, help="rows to sample (sample mode)")
    parser.add_argument("--verbose", action="store_true", help="score mode: one line per row")
    args = parser.parse_args()
    root = Path(args.data)
    if not (root / MULTINEWS).is_file() or not (root / BASIL).is_dir():
        print(f"Skipped: {root} does not hold {MULTINEWS} and {BASIL} (see ../shared/data/README.md).")
        return 0
    return sample(root, args.size, Path(args.tsv)) if args.mode == "sample" else score(root, Path(args.tsv), args.verbose)


if __name__ == "__main__":
    raise SystemExit(main())
