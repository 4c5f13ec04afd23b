"""Scoring a briefing against gold events annotated with anchors (``bench/gold/events``).

A gold event names each article by a key and marks what the articles state with
**anchors**: short locators (a few consecutive words of the sentence that states
the item). Anchors are found in the cleaned article text by :func:`locate`
(whitespace, quote marks, dashes and case normalised; a fuzzy alignment with
rapidfuzz when the exact words are not there, e.g. after cleaning). Scoring
compares *positions in the text*, never the system's own similarity rules:

- **fact groups** (pairwise): every anchor is a unit (anchors in one sentence,
  found by a plain punctuation split, are one unit). Two units of different
  articles are the same fact in the gold when they share a gold fact; in the
  system when one system fact has a statement over each of them. Pairwise
  precision, recall and F1 over those unit pairs.
- **fact status**: for each gold fact, the system fact whose statements cover
  most of its anchors; right when its status is the gold status (no such fact:
  wrong).
- **claim conflicts**: a gold conflict (two positions that cannot both be true)
  is found when one system claim conflict has one position over each gold
  position. Recall over the gold conflicts; precision is the share of system
  claim conflicts that find a gold conflict (the gold lists every claim
  conflict its annotator read). *Traps*: system conflicts on a pair the gold
  marks as not a conflict (different time or place).
- **numbers**: a gold mention is found when a system mention of that article has
  the same value and lies in the anchor's sentence. Pairwise F1 over gold
  mentions ("same quantity" links; a link to a mention not found is missed);
  mention recall; number-conflict precision and recall (a system group holding
  mentions of a gold group).
- **quotes**: a gold variant is found when a system variant of that article
  covers its anchor; pairwise F1 of "same utterance" links across articles.
- **briefing repeats**: pairs of briefing sentences that state the same gold
  fact or quote group (a sentence covers a gold anchor of its article); the
  issue's rule is none.
- **outlets**: the article's ``source`` against the gold outlet (case, "The"
  and punctuation aside; one name inside the other counts), over articles whose
  text names its outlet, and over all articles whose outlet is known.

The older gold format (``tests/fixtures/gold``: ``facts[].articles``, quote
variants and numbers with their full ``text``) is read too: quote and number
texts serve as anchors; facts have no anchors, so fact groups are not scored
and fact status uses :func:`triangulate.evaluate.facts.status_accuracy`.

Pure functions: :func:`system_view` turns a briefing into plain spans;
:func:`score_event` compares a gold event with it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from rapidfuzz import fuzz

__all__ = [
    "Anchor",
    "GoldTruth",
    "SystemView",
    "TruthScores",
    "check_anchors",
    "data_article",
    "locate",
    "read_truth",
    "renamed",
    "score_event",
    "sentence_spans",
    "system_view",
    "total",
]

#: A locator that is not in the text word for word is accepted at this
#: rapidfuzz partial-ratio alignment score (0-100). Locators are at most 8
#: words; 90 lets a changed quote mark or a dropped word through, not a
#: different sentence of the same topic.
FUZZY_MIN = 90

#: Two number values are the same when they differ by less than this share.
VALUE_TOLERANCE = 1e-6

Span = tuple[str, int, int]  # article, start, end (offsets in the cleaned text)

# --- gold ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchor:
    article: str
    locator: str


@dataclass(frozen=True, slots=True)
class GoldFact:
    id: str
    text: str
    status: str
    anchors: tuple[Anchor, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldNumber:
    what: str
    conflict: bool
    mentions: tuple[tuple[Anchor, float], ...]


@dataclass(frozen=True, slots=True)
class GoldClaim:
    about: str
    conflict: bool
    positions: tuple[Anchor, ...]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    key: str
    path: str | None
    outlet: str | None
    evidence: str | None


@dataclass(frozen=True, slots=True)
class GoldTruth:
    slug: str
    articles: tuple[GoldArticle, ...]
    wire_groups: tuple[tuple[str, ...], ...]
    facts: tuple[GoldFact, ...]
    quotes: tuple[tuple[Anchor, ...], ...]
    numbers: tuple[GoldNumber, ...]
    claims: tuple[GoldClaim, ...]
    anchored: bool  # facts carry anchors (the held-out format)


def read_truth(path: Path | str) -> GoldTruth:
    """A gold event in either format (see the module docstring)."""
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    anchored = any("anchors" in f for f in data.get("facts", []))
    articles = tuple(
        GoldArticle(
            key,
            info.get("path"),
            info.get("outlet", info.get("source")),
            info.get("outlet_evidence"),
        )
        for key, info in data.get("articles", {}).items()
    )
    facts = tuple(
        GoldFact(
            f.get("id", str(n)),
            f["text"],
            f["status"],
            tuple(Anchor(a, loc) for a, loc in f.get("anchors", {}).items()),
            tuple(f.get("anchors", {})) if anchored else tuple(f.get("articles", ())),
        )
        for n, f in enumerate(data.get("facts", []))
    )
    quotes = tuple(
        tuple(Anchor(v["article"], v.get("anchor") or v["text"]) for v in q["variants"]) for q in data.get("quotes", [])
    )
    numbers = tuple(
        GoldNumber(
            n["what"],
            bool(n.get("conflict")),
            tuple((Anchor(v["article"], v.get("anchor") or v["text"]), float(v["value"])) for v in n["values"]),
        )
        for n in data.get("numbers", [])
    )
    claims = tuple(
        GoldClaim(c["about"], bool(c["conflict"]), tuple(Anchor(p["article"], p["anchor"]) for p in c["positions"]))
        for c in data.get("claim_conflicts", [])
    )
    return GoldTruth(
        slug=data.get("event", path.stem),
        articles=articles,
        wire_groups=tuple(tuple(g) for g in data.get("wire_groups", [])),
        facts=facts,
        quotes=quotes,
        numbers=numbers,
        claims=claims,
        anchored=anchored,
    )


def data_article(data_dir: Path | str, path: str) -> tuple[str, str | None, str | None]:
    """(text, title, published) of a gold article path in the data folder:
    ``basil/articles/<year>/<uuid>_<n>.json`` (body paragraphs joined by blank
    lines) or ``multinews/validation.csv#row=<R>/doc=<D>`` (0-based row and
    document)."""
    data_dir = Path(data_dir)
    found = re.fullmatch(r"(multinews/[^#]+\.csv)#row=(\d+)/doc=(\d+)", path)
    if found:
        import ast
        import csv

        csv.field_size_limit(10**9)
        with (data_dir / found[1]).open(encoding="utf-8", newline="") as handle:
            for index, row in enumerate(csv.DictReader(handle)):
                if index == int(found[2]):
                    return str(ast.literal_eval(row["documents"])[int(found[3])]), None, None
        raise ValueError(f"{path}: the file has no row {found[2]}; check the gold file's article path.")
    data = json.loads((data_dir / path).read_text(encoding="utf-8"))
    paragraphs = [" ".join(p) if isinstance(p, list) else str(p) for p in data.get("body-paragraphs", [])]
    return "\n\n".join(p.strip() for p in paragraphs), data.get("title"), data.get("date")


# --- locating anchors ---------------------------------------------------------

_FOLD = str.maketrans({"‘": "'", "’": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"',
                       "–": "-", "—": "-", "―": "-", "\u00a0": " "})


def _normalised(text: str) -> tuple[str, list[int]]:
    """The text folded for matching, and for each of its characters the offset
    of the original character it comes from."""
    out: list[str] = []
    origin: list[int] = []
    space = False
    for i, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch.translate(_FOLD)).lower()
        for c in folded:
            if c.isspace():
                if space or not out:
                    continue
                c, space = " ", True
            else:
                space = False
            out.append(c)
            origin.append(i)
    return "".join(out), origin


def locate(text: str, locator: str) -> tuple[int, int] | None:
    """(start, end) of ``locator`` in ``text``: word for word after folding
    whitespace, quote marks, dashes and case, else the best rapidfuzz alignment
    scoring at least ``FUZZY_MIN``; ``None`` when neither finds it."""
    norm, origin = _normalised(text)
    needle = _normalised(locator)[0].strip()
    if not needle or not norm:
        return None
    at = norm.find(needle)
    if at >= 0:
        end = at + len(needle)
    else:
        found = fuzz.partial_ratio_alignment(needle, norm, score_cutoff=FUZZY_MIN)
        if found is None:
            return None
        at, end = found.dest_start, found.dest_end
        if end <= at:
            return None
    return origin[at], origin[end - 1] + 1


_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{0,3}|(?:[A-Za-z]\.)+[A-Za-z]?|[A-Za-z])$")
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences by a plain punctuation split (the scorer's own, not the
    pipeline's): after . ! ? and closing quotes before a capital, or at a line
    break; not after a short capitalised abbreviation ("Mr.", "U.S.", "Gov.")."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == ".":
            word = text[:m.start()].rsplit(None, 1)[-1] if text[:m.start()].split() else ""
            if _ABBREVIATION.fullmatch(word.lstrip("(\"'“‘")):
                continue
        end = m.start() + len(m.group().rstrip())
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


# --- the system's output as spans ------------------------------------------------


@dataclass(frozen=True, slots=True)
class SystemFact:
    status: str
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class SystemNumber:
    conflict: bool
    mentions: tuple[tuple[str, float, int, int], ...]  # article, value, start, end


@dataclass(frozen=True, slots=True)
class SystemView:
    """What a briefing says, as plain spans over the cleaned texts."""

    texts: Mapping[str, str]
    facts: tuple[SystemFact, ...] = ()
    quotes: tuple[tuple[Span, ...], ...] = ()
    numbers: tuple[SystemNumber, ...] = ()
    claims: tuple[tuple[tuple[Span, ...], ...], ...] = ()  # conflict -> positions -> spans
    outlets: Mapping[str, str | None] = field(default_factory=dict)
    briefing: tuple[Span, ...] = ()  # where each briefing sentence was taken from
    fact_objects: tuple = ()  # the briefing's own facts, for the older gold format's matcher


def system_view(briefing) -> SystemView:
    """Spans of a :class:`triangulate.model.Briefing`'s facts, quotes, numbers and
    claim conflicts, and each article's outlet."""
    texts = {a.id: a.text for a in briefing.articles}
    facts = tuple(
        SystemFact(f.status, tuple((s.article, s.start, s.end) for s in f.statements)) for f in briefing.facts
    )
    quotes = tuple(tuple((v.article, v.start, v.end) for v in q.variants) for q in briefing.quotes)
    numbers = tuple(
        SystemNumber(g.conflict, tuple((m.article, float(m.value), m.start, m.end) for m in g.mentions))
        for g in briefing.numbers
    )
    claims = []
    for conflict in briefing.conflicts:
        if conflict.kind != "claim":
            continue
        positions = []
        for p in conflict.positions:
            spans = [(s.article, s.start, s.end) for s in p.statements]
            if not spans:  # a position without statements: find its words in its articles
                for article in p.articles:
                    at = texts.get(article, "").find(p.text)
                    if at >= 0:
                        spans.append((article, at, at + len(p.text)))
            positions.append(tuple(spans))
        claims.append(tuple(positions))
    return SystemView(
        texts=texts,
        facts=facts,
        quotes=quotes,
        numbers=numbers,
        claims=tuple(claims),
        outlets={a.id: a.source for a in briefing.articles},
        briefing=tuple((c.article, c.start, c.end) for c in briefing.summary),
        fact_objects=tuple(briefing.facts),
    )


def renamed(view: SystemView, keys: Mapping[str, str]) -> SystemView:
    """The same view with article ids renamed (system id -> gold key): the
    held-out articles are briefed under neutral ids, so that no outlet can be
    read from an id."""

    def span(s: Span) -> Span:
        return keys.get(s[0], s[0]), s[1], s[2]

    return SystemView(
        texts={keys.get(k, k): t for k, t in view.texts.items()},
        facts=tuple(SystemFact(f.status, tuple(map(span, f.spans))) for f in view.facts),
        quotes=tuple(tuple(map(span, q)) for q in view.quotes),
        numbers=tuple(
            SystemNumber(n.conflict, tuple((keys.get(a, a), v, s, e) for a, v, s, e in n.mentions))
            for n in view.numbers
        ),
        claims=tuple(tuple(tuple(map(span, p)) for p in c) for c in view.claims),
        outlets={keys.get(k, k): o for k, o in view.outlets.items()},
        briefing=tuple(map(span, view.briefing)),
        fact_objects=view.fact_objects,
    )


# --- scores ------------------------------------------------------------------------


@dataclass(slots=True)
class TruthScores:
    """Counts for one event; add events with :func:`total`."""

    anchors: int = 0
    anchors_unlocated: int = 0
    fact_tp: int = 0
    fact_fp: int = 0
    fact_fn: int = 0
    facts: int = 0
    status_right: int = 0
    status_by_matcher: bool = False
    claim_gold: int = 0
    claim_found: int = 0
    claim_system: int = 0
    claim_system_right: int = 0
    claim_traps: int = 0
    claim_traps_hit: int = 0
    number_mentions: int = 0
    number_found: int = 0
    number_tp: int = 0
    number_fp: int = 0
    number_fn: int = 0
    number_conflicts: int = 0
    number_conflicts_found: int = 0
    number_system_conflicts: int = 0
    number_system_conflicts_right: int = 0
    quote_variants: int = 0
    quote_found: int = 0
    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    briefing_sentences: int = 0
    briefing_repeats: int = 0  # pairs of briefing sentences in one gold fact or quote group
    outlet_evidence: int = 0
    outlet_evidence_right: int = 0
    outlet_known: int = 0
    outlet_known_right: int = 0
    fact_groups_scored: bool = True
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(num: int, den: int) -> float | None:
        return num / den if den else None

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
        p = tp / (tp + fp) if tp + fp else None
        r = tp / (tp + fn) if tp + fn else None
        if p is None or r is None:
            return p, r, None
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def summary(self) -> dict[str, float | None]:
        fp_, fr, ff = self._f1(self.fact_tp, self.fact_fp, self.fact_fn)
        qp, qr, qf = self._f1(self.quote_tp, self.quote_fp, self.quote_fn)
        _, _, nf = self._f1(self.number_tp, self.number_fp, self.number_fn)
        return {
            "fact_group_precision": fp_ if self.fact_groups_scored else None,
            "fact_group_recall": fr if self.fact_groups_scored else None,
            "fact_group_f1": ff if self.fact_groups_scored else None,
            "fact_status_accuracy": self._ratio(self.status_right, self.facts),
            "claim_conflict_precision": self._ratio(self.claim_system_right, self.claim_system),
            "claim_conflict_recall": self._ratio(self.claim_found, self.claim_gold),
            "claim_traps_hit": float(self.claim_traps_hit) if self.claim_traps else None,
            "number_mention_recall": self._ratio(self.number_found, self.number_mentions),
            "number_group_f1": nf,
            "number_conflict_precision": self._ratio(self.number_system_conflicts_right, self.number_system_conflicts),
            "number_conflict_recall": self._ratio(self.number_conflicts_found, self.number_conflicts),
            "quote_variant_recall": self._ratio(self.quote_found, self.quote_variants),
            "quote_group_precision": qp,
            "quote_group_recall": qr,
            "quote_group_f1": qf,
            "briefing_repeats": float(self.briefing_repeats) if self.briefing_sentences else None,
            "outlet_accuracy_self_named": self._ratio(self.outlet_evidence_right, self.outlet_evidence),
            "outlet_accuracy_known": self._ratio(self.outlet_known_right, self.outlet_known),
        }


def total(parts: Iterable[TruthScores]) -> TruthScores:
    """Micro totals: every count summed."""
    out = TruthScores()
    parts = list(parts)
    for f in fields(TruthScores):
        if f.name == "errors":
            out.errors = [e for p in parts for e in p.errors]
        elif f.name == "status_by_matcher":
            out.status_by_matcher = any(p.status_by_matcher for p in parts)
        elif f.name == "fact_groups_scored":
            out.fact_groups_scored = any(p.fact_groups_scored for p in parts)
        else:
            setattr(out, f.name, sum(getattr(p, f.name) for p in parts))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Locator:
    """Anchors located once per event, with the sentence each lies in."""

    def __init__(self, texts: Mapping[str, str], scores: TruthScores):
        self.texts = texts
        self.scores = scores
        self.cache: dict[Anchor, tuple[int, int] | None] = {}
        self.sentences = {k: sentence_spans(t) for k, t in texts.items()}

    def span(self, anchor: Anchor) -> tuple[int, int] | None:
        if anchor not in self.cache:
            text = self.texts.get(anchor.article)
            found = locate(text, anchor.locator) if text is not None else None
            self.cache[anchor] = found
            self.scores.anchors += 1
            if found is None:
                self.scores.anchors_unlocated += 1
                self.scores.errors.append(f"anchor not found in {anchor.article}: {anchor.locator!r}")
        return self.cache[anchor]

    def sentence(self, anchor: Anchor) -> tuple[int, int] | None:
        span = self.span(anchor)
        if span is None:
            return None
        for s in self.sentences.get(anchor.article, ()):
            if _overlaps(s, span):
                return s
        return span


def _covers(spans: Iterable[Span], article: str, span: tuple[int, int] | None) -> bool:
    return span is not None and any(a == article and _overlaps((s, e), span) for a, s, e in spans)


def score_event(gold: GoldTruth, view: SystemView) -> TruthScores:
    """Compare one gold event with what the system made of its articles."""
    scores = TruthScores()
    where = _Locator(view.texts, scores)
    if gold.anchored:
        _score_fact_groups(gold, view, where, scores)
        _score_status(gold, view, where, scores)
    else:
        from ..evaluate.facts import status_accuracy  # the older format's matcher

        scores.fact_groups_scored = False
        scores.status_by_matcher = True
        accuracy, misses = status_accuracy([{"text": f.text, "status": f.status} for f in gold.facts],
                                           view.fact_objects)
        scores.facts = len(gold.facts)
        scores.status_right = round(accuracy * len(gold.facts))
        scores.errors.extend("status " + m for m in misses)
    if gold.anchored:  # the older format has no claim conflicts annotated
        _score_claims(gold, view, where, scores)
    _score_numbers(gold, view, where, scores)
    _score_quotes(gold, view, where, scores)
    _score_outlets(gold, view, where, scores)
    _score_briefing(gold, view, where, scores)
    return scores


def _score_fact_groups(gold: GoldTruth, view: SystemView, where: _Locator, scores: TruthScores) -> None:
    units: dict[tuple, dict] = {}
    for fact in gold.facts:
        for anchor in fact.anchors:
            sentence = where.sentence(anchor)
            key = (anchor.article, sentence) if sentence is not None else (anchor.article, anchor.locator)
            unit = units.setdefault(key, {"article": anchor.article, "gold": set(), "spans": []})
            unit["gold"].add(fact.id)
            span = where.span(anchor)
            if span is not None:
                unit["spans"].append(span)
    for unit in units.values():
        unit["system"] = {
            n for n, f in enumerate(view.facts) if any(_covers(f.spans, unit["article"], s) for s in unit["spans"])
        }
    items = list(units.values())
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a["article"] == b["article"]:
                continue
            same_gold = bool(a["gold"] & b["gold"])
            same_system = bool(a["system"] & b["system"])
            scores.fact_tp += same_gold and same_system
            scores.fact_fp += same_system and not same_gold
            scores.fact_fn += same_gold and not same_system


def _score_status(gold: GoldTruth, view: SystemView, where: _Locator, scores: TruthScores) -> None:
    for fact in gold.facts:
        scores.facts += 1
        held = [
            sum(_covers(f.spans, a.article, where.span(a)) for a in fact.anchors) for f in view.facts
        ]
        best = max(range(len(held)), key=held.__getitem__, default=None)
        if best is not None and held[best] > 0 and view.facts[best].status == fact.status:
            scores.status_right += 1
        else:
            got = view.facts[best].status if best is not None and held[best] > 0 else "no system fact"
            scores.errors.append(f"status {fact.id}: gold {fact.status}, system {got}: {fact.text}")


def _conflict_finds(conflict: tuple[tuple[Span, ...], ...], claim: GoldClaim, where: _Locator) -> bool:
    first, second = claim.positions[0], claim.positions[1]
    for i, p in enumerate(conflict):
        for j, q in enumerate(conflict):
            if i != j and _covers(p, first.article, where.span(first)) and _covers(q, second.article, where.span(second)):
                return True
    return False


def _score_claims(gold: GoldTruth, view: SystemView, where: _Locator, scores: TruthScores) -> None:
    real = [c for c in gold.claims if c.conflict and len(c.positions) >= 2]
    traps = [c for c in gold.claims if not c.conflict and len(c.positions) >= 2]
    scores.claim_gold += len(real)
    scores.claim_traps += len(traps)
    for claim in real:
        if any(_conflict_finds(c, claim, where) for c in view.claims):
            scores.claim_found += 1
        else:
            scores.errors.append(f"claim conflict missed: {claim.about}")
    for conflict in view.claims:
        scores.claim_system += 1
        if any(_conflict_finds(conflict, claim, where) for claim in real):
            scores.claim_system_right += 1
        if any(_conflict_finds(conflict, claim, where) for claim in traps):
            scores.claim_traps_hit += 1
            scores.errors.append("claim conflict reported where the gold sees none")


def _score_numbers(gold: GoldTruth, view: SystemView, where: _Locator, scores: TruthScores) -> None:
    found: list[tuple[int, int | None]] = []  # (gold group, system group or None) per gold mention
    for g, number in enumerate(gold.numbers):
        for anchor, value in number.mentions:
            scores.number_mentions += 1
            sentence = where.sentence(anchor)
            hit = None
            for n, group in enumerate(view.numbers):
                for article, v, start, end in group.mentions:
                    if (article == anchor.article and sentence is not None and _overlaps((start, end), sentence)
                            and abs(v - value) <= VALUE_TOLERANCE * max(1.0, abs(value))):
                        hit = n
                        break
                if hit is not None:
                    break
            scores.number_found += hit is not None
            if hit is None:
                scores.errors.append(f"number not found: {anchor.article} {value:g} ({number.what})")
            found.append((g, hit))
    for i, (ga, sa) in enumerate(found):
        for gb, sb in found[i + 1:]:
            same_gold = ga == gb
            same_system = sa is not None and sa == sb
            scores.number_tp += same_gold and same_system
            scores.number_fp += same_system and not same_gold
            scores.number_fn += same_gold and not same_system
    groups_of: dict[int, set[int]] = {}
    for g, s in found:
        if s is not None:
            groups_of.setdefault(s, set()).add(g)
    conflicted = {g for g, n in enumerate(gold.numbers) if n.conflict}
    scores.number_conflicts += len(conflicted)
    flagged = {s for s, group in enumerate(view.numbers) if group.conflict}
    scores.number_conflicts_found += sum(any(g in groups_of.get(s, ()) for s in flagged) for g in conflicted)
    scores.number_system_conflicts += len(flagged)
    scores.number_system_conflicts_right += sum(bool(groups_of.get(s, set()) & conflicted) for s in flagged)


def _score_quotes(gold: GoldTruth, view: SystemView, where: _Locator, scores: TruthScores) -> None:
    found: list[tuple[int, str, int | None]] = []
    for g, variants in enumerate(gold.quotes):
        for anchor in variants:
            scores.quote_variants += 1
            span = where.span(anchor)
            hit = next((n for n, q in enumerate(view.quotes) if _covers(q, anchor.article, span)), None)
            scores.quote_found += hit is not None
            found.append((g, anchor.article, hit))
    for i, (ga, aa, sa) in enumerate(found):
        for gb, ab, sb in found[i + 1:]:
            if aa == ab:
                continue
            same_gold = ga == gb
            same_system = sa is not None and sa == sb
            scores.quote_tp += same_gold and same_system
            scores.quote_fp += same_system and not same_gold
            scores.quote_fn += same_gold and not same_system


def _score_briefing(gold: GoldTruth, view: SystemView, where: _Locator, scores: TruthScores) -> None:
    groups = [(f"fact {f.id}", f.anchors) for f in gold.facts]
    groups += [(f"quote {n}", variants) for n, variants in enumerate(gold.quotes)]
    hits = [
        {name for name, anchors in groups if any(_covers((item,), a.article, where.span(a)) for a in anchors)}
        for item in view.briefing
    ]
    scores.briefing_sentences += len(view.briefing)
    for i, a in enumerate(hits):
        for b in hits[i + 1:]:
            if a & b:
                scores.briefing_repeats += 1
                scores.errors.append(f"briefing repeats {', '.join(sorted(a & b))}")


def outlet_name(name: str | None) -> str:
    """An outlet's name for comparison: lower case, no leading "the", letters and digits."""
    if not name:
        return ""
    name = re.sub(r"^the\s+", "", name.strip().lower())
    return re.sub(r"[^a-z0-9]", "", name)


def _same_outlet(gold: str, found: str | None) -> bool:
    a, b = outlet_name(gold), outlet_name(found)
    return bool(a and b) and (a == b or a in b or b in a)


def _score_outlets(gold: GoldTruth, view: SystemView, where: _Locator, scores: TruthScores) -> None:
    for article in gold.articles:
        if not article.outlet or article.key not in view.texts:
            continue
        right = _same_outlet(article.outlet, view.outlets.get(article.key))
        scores.outlet_known += 1
        scores.outlet_known_right += right
        if article.evidence:
            scores.outlet_evidence += 1
            scores.outlet_evidence_right += right
            if not right:
                scores.errors.append(f"outlet of {article.key}: gold {article.outlet}, "
                                     f"system {view.outlets.get(article.key)}")


def check_anchors(gold: GoldTruth, texts: Mapping[str, str], max_words: int = 8) -> list[str]:
    """Problems with a gold file's locators against the article texts: not found,
    found twice, or longer than ``max_words`` words."""
    problems = []
    anchors: list[tuple[str, Anchor]] = [(f"fact {f.id}", a) for f in gold.facts for a in f.anchors]
    anchors += [(f"quote {n}", a) for n, q in enumerate(gold.quotes) for a in q]
    anchors += [(f"number {n.what}", a) for n in gold.numbers for a, _ in n.mentions]
    anchors += [(f"claim {c.about}", a) for c in gold.claims for a in c.positions]
    anchors += [("outlet", Anchor(a.key, a.evidence)) for a in gold.articles if a.evidence]
    for where, anchor in anchors:
        text = texts.get(anchor.article)
        if text is None:
            problems.append(f"{where}: no article {anchor.article!r}")
            continue
        norm, needle = _normalised(text)[0], _normalised(anchor.locator)[0].strip()
        count = norm.count(needle)
        words = len(anchor.locator.split())
        if count != 1 or words > max_words:
            problems.append(f"{where}: {anchor.article} {anchor.locator!r} found {count}x, {words} words")
    return problems


def scored_fields(summary: Mapping[str, float | None], names: Sequence[str]) -> list[str]:
    """Formatted values for a table row ("-" when not measured)."""
    counts = ("claim_traps_hit", "briefing_repeats")
    return ["-" if summary.get(n) is None else f"{summary[n]:.0f}" if n in counts else f"{summary[n]:.3f}"
            for n in names]
