"""Scoring quotes, numbers and the timeline against hand-written gold events.

A gold event (``tests/fixtures/gold/<slug>.json``) lists, for the articles of
one event, its quotes (``speaker`` and ``variants`` ``[{article, text}]``), its
numbers (``what``, ``values`` ``[{article, value, text}]``, ``conflict``,
``note``), its timeline (``date``, ``text``, ``articles``) and its entities with
every alias. The scores:

- **quote recall**: gold quote variants found (an extracted quote of the same
  article with the same words, punctuation and case aside, or covering each
  other with a token F1 of at least 0.8);
- **speaker accuracy**: of the variants found, the share whose speaker is the
  gold speaker: the extracted name is the gold name or one of the gold entity's
  aliases, and no other entity's;
- **quote grouping**: pairwise precision and recall of "same utterance" links
  between found variants of different articles;
- **number-conflict precision / recall**: a system group is matched to the gold
  group that holds most of its mentions (same article, same value, the gold
  wording inside the mention's sentence); precision is the share of system
  conflicts matched to a gold conflict, recall the share of gold conflicts
  matched by a system conflict;
- **timeline date recall**: the share of gold (date, article) pairs for which
  the system's timeline has an entry of that article on that date (or on a
  coarser date the text gave, "July" for "July 14"); **date precision**: the
  share of the system's (date, article) pairs inside the gold timeline's date
  range that the gold lists (the gold does not list every dated sentence, so
  this is a lower bound).

BASIL (Fan et al. 2019) is scored for speakers only: annotated quotes with a
named speaker label (not "other_anti", "Democratic_lawmakers", ...) whose words
lie inside quotation marks in the article (checked by a simpler rule than the
extractor's); the share the extractor finds (a quote covering the words), and
the share of those with the right speaker (surnames compared).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..analyze.dates import DatedEvent, extract_dated_events
from ..analyze.numbers import Quantity, extract_quantities
from ..analyze.quotes import Quote, extract_quotes
from ..analyze.speakers import strip_title, surname_key
from ..compare.numbers import NumberGroup, compare_numbers
from ..compare.quotes import AlignedQuote, align_quotes
from ..compare.timeline import TimelineEntry, build_timeline
from ..lexicon import fold
from ..model import Article

__all__ = [
    "ComparisonScores",
    "EventOutput",
    "GoldEvent",
    "basil_items",
    "event_articles",
    "gold_event_folders",
    "number_event_folders",
    "score_number_groups",
    "read_gold_event",
    "run_event",
    "score_basil",
    "score_event",
    "total_scores",
]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    slug: str
    articles: dict
    quotes: list
    numbers: list
    timeline: list
    entities: list


def gold_event_folders(root: Path) -> list[tuple[Path, Path]]:
    """(gold file, article folder) for every gold event whose articles are in the
    repository: ``examples/<slug>`` or ``tests/fixtures/events/<slug>``."""
    found = []
    for gold in sorted((Path(root) / "tests" / "fixtures" / "gold").glob("*.json")):
        for folder in (Path(root) / "examples" / gold.stem, Path(root) / "tests" / "fixtures" / "events" / gold.stem):
            if folder.is_dir():
                found.append((gold, folder))
                break
    return found


def event_articles(folder: Path, settings) -> list[Article]:
    """The cleaned articles of one event folder in the pipeline's language."""
    from ..pipeline import brief

    return [a for a in brief([str(folder)], settings).articles if a.language == settings.language]


def read_gold_event(path: Path) -> GoldEvent:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return GoldEvent(
        slug=data.get("event", Path(path).stem),
        articles=data.get("articles", {}),
        quotes=data.get("quotes", []),
        numbers=data.get("numbers", []),
        timeline=data.get("timeline", []),
        entities=data.get("entities", []),
    )


@dataclass(frozen=True, slots=True)
class EventOutput:
    """What the comparison modules made of one event's articles."""

    texts: dict[str, str]
    published: dict[str, str | None]
    quotes: tuple[Quote, ...]
    aligned: tuple[AlignedQuote, ...]
    quantities: tuple[Quantity, ...]
    numbers: tuple[NumberGroup, ...]
    dated: tuple[DatedEvent, ...]
    timeline: tuple[TimelineEntry, ...]


def run_event(articles: Sequence[Article], nlp) -> EventOutput:
    """Extract and compare quotes, numbers and dates for one event's articles.
    An article without a publication date has its relative dates resolved
    against the event's latest publication date (and says so)."""
    quotes: list[Quote] = []
    quantities: list[Quantity] = []
    dated: list[DatedEvent] = []
    assumed = max((a.published for a in articles if a.published), default=None)
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
        quotes.extend(extract_quotes(article, doc, assumed))
        quantities.extend(extract_quantities(article, doc, assumed))
        dated.extend(extract_dated_events(article, doc, assumed))
    published = {a.id: a.published for a in articles}
    return EventOutput(
        texts={a.id: a.text for a in articles},
        published=published,
        quotes=tuple(quotes),
        aligned=align_quotes(quotes, published=published),
        quantities=tuple(quantities),
        numbers=compare_numbers(quantities, published=published),
        dated=tuple(dated),
        timeline=build_timeline(dated),
    )


@dataclass(slots=True)
class ComparisonScores:
    quote_variants: int = 0
    quotes_found: int = 0
    speakers_right: int = 0
    link_tp: int = 0
    link_fp: int = 0
    link_fn: int = 0
    gold_conflicts: int = 0
    conflicts_found: int = 0
    system_conflicts: int = 0
    system_conflicts_right: int = 0
    timeline_pairs: int = 0
    timeline_found: int = 0
    timeline_system_pairs: int = 0
    timeline_system_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def quote_recall(self) -> float:
        return self.quotes_found / self.quote_variants if self.quote_variants else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.quotes_found if self.quotes_found else 1.0

    @property
    def quote_link_precision(self) -> float:
        return self.link_tp / (self.link_tp + self.link_fp) if self.link_tp + self.link_fp else 1.0

    @property
    def quote_link_recall(self) -> float:
        return self.link_tp / (self.link_tp + self.link_fn) if self.link_tp + self.link_fn else 1.0

    @property
    def conflict_precision(self) -> float:
        return self.system_conflicts_right / self.system_conflicts if self.system_conflicts else 1.0

    @property
    def conflict_recall(self) -> float:
        return self.conflicts_found / self.gold_conflicts if self.gold_conflicts else 1.0

    @property
    def timeline_date_recall(self) -> float:
        return self.timeline_found / self.timeline_pairs if self.timeline_pairs else 1.0

    @property
    def timeline_date_precision(self) -> float:
        return self.timeline_system_right / self.timeline_system_pairs if self.timeline_system_pairs else 1.0

    def as_dict(self) -> dict[str, float]:
        return {
            "quote_recall": round(self.quote_recall, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "quote_link_precision": round(self.quote_link_precision, 4),
            "quote_link_recall": round(self.quote_link_recall, 4),
            "conflict_precision": round(self.conflict_precision, 4),
            "conflict_recall": round(self.conflict_recall, 4),
            "timeline_date_recall": round(self.timeline_date_recall, 4),
            "timeline_date_precision": round(self.timeline_date_precision, 4),
        }


def total_scores(parts: Iterable[ComparisonScores]) -> ComparisonScores:
    total = ComparisonScores()
    for part in parts:
        for name in total.__dataclass_fields__:
            if name == "errors":
                total.errors.extend(part.errors)
            else:
                setattr(total, name, getattr(total, name) + getattr(part, name))
    return total


# --------------------------------------------------------------------------- text matching


def _norm(text: str) -> str:
    text = fold(text)
    return " ".join(re.findall(r"\w+", text))


def _same_wording(gold: str, found: str) -> bool:
    a, b = _norm(gold), _norm(found)
    if not a or not b:
        return False
    if a == b:
        return True
    ta, tb = a.split(), b.split()
    common = sum(min(ta.count(w), tb.count(w)) for w in set(ta))
    if not common:
        return False
    precision, recall = common / len(tb), common / len(ta)
    return 2 * precision * recall / (precision + recall) >= 0.8


def _name_norm(name: str) -> str:
    return _norm(re.sub(r"^(?:the|The)\s+", "", name))


def _speaker_right(gold: str, found: str | None, entities: list) -> bool:
    if not found:
        return False
    found_n = _name_norm(found)
    owners = [e for e in entities if found_n in {_name_norm(a) for a in e.get("aliases", [])} | {_name_norm(e["name"])}]
    target = next((e for e in entities if e["name"] == gold), None)
    if target is not None:
        return bool(owners) and all(e is target for e in owners)
    return found_n == _name_norm(gold) or surname_key(strip_title(found)[0]) == surname_key(gold)


# --------------------------------------------------------------------------- scoring


def score_event(gold: GoldEvent, output: EventOutput) -> ComparisonScores:
    scores = ComparisonScores()
    _score_quotes(gold, output, scores)
    _score_numbers(gold, output, scores)
    _score_timeline(gold, output, scores)
    return scores


def _score_quotes(gold: GoldEvent, output: EventOutput, scores: ComparisonScores) -> None:
    found_of: dict[tuple[int, int], Quote] = {}
    for gi, group in enumerate(gold.quotes):
        for vi, variant in enumerate(group["variants"]):
            if variant["article"] not in output.texts:
                continue
            scores.quote_variants += 1
            match = next(
                (q for q in output.quotes if q.article == variant["article"] and _same_wording(variant["text"], q.text)),
                None,
            )
            if match is None:
                scores.errors.append(f"quote missed: {variant['article']}: {variant['text'][:70]!r}")
                continue
            scores.quotes_found += 1
            found_of[(gi, vi)] = match
            if _speaker_right(group["speaker"], match.speaker, gold.entities):
                scores.speakers_right += 1
            else:
                scores.errors.append(
                    f"speaker: {variant['article']}: {variant['text'][:50]!r}: gold {group['speaker']!r}, got {match.speaker!r}"
                )
    cluster_of: dict[tuple[str, int], int] = {}
    for ci, aligned in enumerate(output.aligned):
        for v in aligned.variants:
            cluster_of[(v.article, v.start)] = ci
    keys = list(found_of)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            qa, qb = found_of[a], found_of[b]
            if qa.article == qb.article:
                continue
            same_gold = a[0] == b[0]
            ca, cb = cluster_of.get((qa.article, qa.start)), cluster_of.get((qb.article, qb.start))
            same_system = ca is not None and ca == cb
            if same_gold and same_system:
                scores.link_tp += 1
            elif same_system:
                scores.link_fp += 1
                scores.errors.append(f"quote link wrong: {qa.text[:40]!r} ~ {qb.text[:40]!r}")
            elif same_gold:
                scores.link_fn += 1
                scores.errors.append(f"quote link missed: {qa.article}:{qa.text[:40]!r} ~ {qb.article}:{qb.text[:40]!r}")


def _gold_value_spans(gold: GoldEvent, output: EventOutput) -> list[list[tuple[str, float, int, int]]]:
    spans = []
    for group in gold.numbers:
        items = []
        for value in group["values"]:
            text = output.texts.get(value["article"])
            if text is None:
                continue
            at = text.find(value["text"])
            if at < 0:
                at = _norm(text).find(_norm(value["text"]))  # approximate, rarely needed
            items.append((value["article"], float(value["value"]), at, at + len(value["text"])))
        spans.append(items)
    return spans


def _gold_group_of(mention: Quantity, spans) -> int | None:
    for gi, items in enumerate(spans):
        for article, value, start, end in items:
            if article != mention.article or value != float(mention.value) or start < 0:
                continue
            if mention.sentence.start <= start < mention.sentence.end or start <= mention.start < end:
                return gi
    return None


def _score_numbers(gold: GoldEvent, output: EventOutput, scores: ComparisonScores) -> None:
    spans = _gold_value_spans(gold, output)
    conflicts = {gi for gi, g in enumerate(gold.numbers) if g.get("conflict")}
    scores.gold_conflicts += len(conflicts)
    hit: set[int] = set()
    for group in output.numbers:
        if not group.conflict:
            continue
        scores.system_conflicts += 1
        votes: dict[int, int] = {}
        for mention in group.mentions:
            gi = _gold_group_of(mention, spans)
            if gi is not None:
                votes[gi] = votes.get(gi, 0) + 1
        best = max(votes, key=votes.get) if votes else None
        if best is not None and best in conflicts:
            scores.system_conflicts_right += 1
            hit.add(best)
        else:
            scores.errors.append(f"number conflict not in gold: {group.what}: {[p.value for p in group.positions]}")
    scores.conflicts_found += len(hit)
    for gi in conflicts - hit:
        scores.errors.append(f"number conflict missed: {gold.numbers[gi]['what']}")


@dataclass(frozen=True, slots=True)
class NumberGroupScores:
    """Gold figures found, and how they were grouped: pairs of found gold
    figures (of different mentions) that the gold puts in one group and the
    system does, or not."""

    values: int
    found: int
    pair_tp: int
    pair_fp: int
    pair_fn: int
    errors: tuple[str, ...] = ()

    @property
    def value_recall(self) -> float:
        return self.found / self.values if self.values else 1.0

    @property
    def pair_precision(self) -> float:
        return self.pair_tp / (self.pair_tp + self.pair_fp) if self.pair_tp + self.pair_fp else 1.0

    @property
    def pair_recall(self) -> float:
        return self.pair_tp / (self.pair_tp + self.pair_fn) if self.pair_tp + self.pair_fn else 1.0

    @property
    def pair_f1(self) -> float:
        p, r = self.pair_precision, self.pair_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def number_event_folders(root: Path) -> list[tuple[Path, Path]]:
    """(gold file, article folder) of the numbers set: small invented events
    whose gold is numbers only (``tests/fixtures/numbers/<slug>.json``, articles
    in ``tests/fixtures/numbers/<slug>/``)."""
    folder = Path(root) / "tests" / "fixtures" / "numbers"
    return [(gold, gold.with_suffix("")) for gold in sorted(folder.glob("*.json")) if gold.with_suffix("").is_dir()]


def score_number_groups(gold: GoldEvent, output: EventOutput) -> NumberGroupScores:
    """Every gold figure found (a system mention of its article with its value
    covering its wording, or in the same sentence), and the pairwise grouping
    of the found ones against the gold groups."""
    spans = _gold_value_spans(gold, output)
    located: dict[tuple[str, int], int] = {}  # (article, mention start) -> system group
    mentions = []
    for si, group in enumerate(output.numbers):
        for m in group.mentions:
            located[(m.article, m.start)] = si
            mentions.append(m)
    found: list[tuple[int, int, tuple[str, int]]] = []  # (gold group, system group, mention)
    errors = []
    values = 0
    for gi, items in enumerate(spans):
        for article, value, start, end in items:
            values += 1
            hits = [m for m in mentions if m.article == article and float(m.value) == value and start >= 0
                    and (m.start <= start < m.end or start <= m.start < end)]
            if not hits:
                hits = [m for m in mentions if m.article == article and float(m.value) == value and start >= 0
                        and m.sentence.start <= start < m.sentence.end]
            if hits:
                key = (hits[0].article, hits[0].start)
                found.append((gi, located[key], key))
            else:
                errors.append(f"figure not found: {article}: {value:g} ({gold.numbers[gi]['what']})")
    tp = fp = fn = 0
    for i, (ga, sa, ka) in enumerate(found):
        for gb, sb, kb in found[i + 1:]:
            if ka == kb:
                continue
            if ga == gb and sa == sb:
                tp += 1
            elif sa == sb:
                fp += 1
                errors.append(f"figures grouped, apart in the gold: {ka} {kb}")
            elif ga == gb:
                fn += 1
                errors.append(f"figures apart, grouped in the gold: {gold.numbers[ga]['what']}: {ka} {kb}")
    return NumberGroupScores(values, len(found), tp, fp, fn, tuple(errors))


def _compatible_date(found: str, gold: str) -> bool:
    return found == gold or (len(found) < len(gold) and gold.startswith(found))


def _score_timeline(gold: GoldEvent, output: EventOutput, scores: ComparisonScores) -> None:
    pairs = {(entry["date"], a) for entry in gold.timeline for a in entry["articles"] if a in output.texts}
    system = {(entry.date, a) for entry in output.timeline for a in entry.articles}
    scores.timeline_pairs += len(pairs)
    for date, article in sorted(pairs):
        if any(a == article and _compatible_date(d, date) for d, a in system):
            scores.timeline_found += 1
        else:
            scores.errors.append(f"timeline missed: {date} {article}")
    if not pairs:
        return
    low, high = min(d for d, _ in pairs), max(d for d, _ in pairs)
    for date, article in sorted(system):
        if len(date) < 10 or not (low <= date <= high):
            continue
        scores.timeline_system_pairs += 1
        if (date, article) in pairs:
            scores.timeline_system_right += 1


# --------------------------------------------------------------------------- BASIL


@dataclass(frozen=True, slots=True)
class BasilQuote:
    article: Article
    text: str  # the annotated quote, marks stripped
    start: int
    end: int
    speaker: str  # the annotation's label, "Donald_Trump" -> "Donald Trump"


#: Speaker labels that name a group or a side, not a person or organisation.
_GROUP_LABEL = re.compile(
    r"^other_|lawmakers?$|officials?$|members$|democrats$|republicans$|campaign$|companies$|protest|plaintiffs"
    r"|catholics|party$|^white_house",
    re.I,
)


def basil_items(folder: Path) -> list[BasilQuote]:
    """Annotated direct quotations with a named speaker, located in the article text."""
    items = []
    for ann_path in sorted(Path(folder, "annotations").glob("*/*_ann.json")):
        art_path = Path(folder, "articles", ann_path.parent.name, ann_path.name.replace("_ann.json", ".json"))
        if not art_path.exists():
            continue
        article_data = json.loads(art_path.read_text(encoding="utf-8"))
        annotations = json.loads(ann_path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p) if isinstance(p, list) else str(p) for p in article_data.get("body-paragraphs", [])]
        text = "\n\n".join(p.strip() for p in paragraphs)
        article = Article(id=art_path.stem, origin=str(art_path), text=text, published=article_data.get("date"),
                          language="en")
        for item in annotations.get("phrase-level-annotations", []):
            label = item.get("speaker") or ""
            if item.get("quote") != "yes" or not label or _GROUP_LABEL.search(label):
                continue
            quoted = item.get("txt", "").strip().strip("\"“”'‘’ ,.")
            if len(quoted) < 3:
                continue
            at = text.find(quoted)
            if at < 0:
                continue
            if not _inside_quotation_marks(text, at, at + len(quoted)):
                continue
            items.append(BasilQuote(article, quoted, at, at + len(quoted), label.replace("_", " ")))
    return items


_OPEN, _CLOSE = "“", "”"


def _inside_quotation_marks(text: str, start: int, end: int) -> bool:
    """A direct quotation: within its paragraph, more quotation marks open before
    the words than close, and one closes after them (straight marks by parity).
    Deliberately simpler than the extractor's pairing, so the two can disagree."""
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    p_end = len(text) if p_end < 0 else p_end
    before, after = text[p_start:start], text[end:p_end]
    curly = before.count(_OPEN) > before.count(_CLOSE) and _CLOSE in after
    straight = before.count('"') % 2 == 1 and '"' in after
    return curly or straight


@dataclass(slots=True)
class BasilScores:
    quotes: int = 0
    found: int = 0
    speakers_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.quotes if self.quotes else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.found if self.found else 1.0


def score_basil(items: Sequence[BasilQuote], nlp, speaker_of=None) -> BasilScores:
    """Score the extractor on BASIL's quotes; ``speaker_of(quote, doc)`` replaces
    its speakers (for a baseline) when given."""
    scores = BasilScores()
    by_article: dict[str, list[BasilQuote]] = {}
    articles: dict[str, Article] = {}
    for item in items:
        by_article.setdefault(item.article.id, []).append(item)
        articles[item.article.id] = item.article
    ids = list(by_article)
    for article_id, doc in zip(ids, nlp.pipe(articles[i].text for i in ids)):
        quotes = extract_quotes(articles[article_id], doc)
        for item in by_article[article_id]:
            scores.quotes += 1
            match = next((q for q in quotes if q.start <= item.start + 1 and item.end <= q.end + 1), None)
            if match is None:
                scores.errors.append(f"missed: {article_id}: {item.text[:60]!r}")
                continue
            scores.found += 1
            speaker = speaker_of(match, doc) if speaker_of else match.speaker
            if speaker and _basil_same(item.speaker, speaker):
                scores.speakers_right += 1
            else:
                scores.errors.append(f"speaker: {article_id}: {item.text[:50]!r}: gold {item.speaker!r}, got {speaker!r}")
    return scores


def _basil_same(label: str, found: str) -> bool:
    """Surnames agree; a label cut short at an accent ("Felipe_Calder" for
    Calderón) counts when it is the start of the surname found."""
    gold, got = surname_key(label), surname_key(strip_title(found)[0])
    return gold == got or (len(gold) >= 4 and got.startswith(gold)) or _norm(label) == _norm(found)
