"""Dates in an article, resolved against its publication date.

News writing dates events relative to the day of publication, and the
conventions are not a date parser's defaults:

- a weekday ("on Thursday", "Tuesday night", "since Wednesday") is the most
  recent such day **on or before** publication (an article published on a
  Thursday that says "on Thursday" means that day), unless the verb is future
  ("is due to meet on Saturday"), then the first such day on or after it;
- a month without a year ("in July", "last November", "until November") is the
  most recent such month (this month included, except after "last"), or the next
  one when the verb is future ("due in May");
- a day and month without a year ("since March 2", "dated July 14") is the most
  recent such day, or the next one when the verb is future;
- "last year", "earlier this month", "yesterday", "three days ago": counted from
  the publication date (the "ago" forms by dateparser, with ``RELATIVE_BASE``);
- absolute dates ("12 March 2026", "March 12, 2026", "2026-03-12", "in 1987") as
  written.

A date has the precision the text gives: ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``. Without a publication date only absolute dates are resolved.
Each :class:`DateMention` says in ``basis`` how it was resolved.
:func:`extract_dated_events` adds the clause each date dates, from the parse.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from .. import lexicon
from ..lexicon import MONTH_NUMBERS
from ..model import AnalyzedArticle, Article
from ..model import DatedEvent, DateMention  # noqa: F401  (re-exported: defined in model)
from .tree import ROOT_PATH_CLIMB, TENSE_CLIMB

__all__ = ["DateMention", "DatedEvent", "date_mentions", "extract_dated_events", "find_dates", "resolve_weekday"]

MONTHS = MONTH_NUMBERS
WEEKDAYS = {name: i for i, name in enumerate(lexicon.WEEKDAYS)}  # Monday is 0, as in datetime

#: Month names, and the abbreviations news style writes with a dot (AP: Jan., Feb., Aug., Sept., Oct., Nov., Dec.).
_MONTH = rf"(?P<month>{'|'.join(m.capitalize() for m in lexicon.MONTHS)}|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?![A-Za-z])"
_WEEKDAY = rf"(?P<weekday>{'|'.join(d.capitalize() for d in lexicon.WEEKDAYS)})(?![A-Za-z])"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\d,]\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PART = r"(?:\s+(?:night|morning|afternoon|evening))?"

#: (kind, pattern), tried in this order; an earlier match wins an overlap.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("day_month", rf"\b(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"),
        ("month_day", rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?!\d|,\d)(?:,?\s+{_YEAR})?\b"),
        ("month_year", rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}"),
        ("month_rel_year", rf"\b{_MONTH}\s+(?P<rel>last|this|next)\s+year\b"),
        ("weekday", rf"\b(?P<rel>(?:late|early)\s+(?:on\s+)?|last\s+|next\s+|this\s+)?{_WEEKDAY}{_PART}\b"),
        ("month", rf"(?:\b(?P<rel>(?i:last|next|this|early|late|mid-?|earlier\s+in|later\s+in))\s+)?\b{_MONTH}(?!\s+\d)"),
        ("relative_day", r"\b(?P<word>yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b"),  # noqa: E501
        ("relative_period", r"\b(?P<rel>(?i:last|this|next|earlier\s+this|later\s+this|early\s+this|late\s+last|early\s+last|earlier\s+last))\s+(?P<unit>month|year)\b"),  # noqa: E501
        ("ago", r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>day|week|month|year)s?\s+ago\b"),  # noqa: E501
        ("year", rf"\b(?P<prep>in|since|by|until|from|of|between|and|to|before|after|during|around|early|late|mid-?)\s+{_YEAR}(?!s|\d)\b"),  # noqa: E501
    )
)

#: Words before a bare "May" that make it the month, not the verb.
MAY_CONTEXT = re.compile(r"\b(?:in|since|until|by|last|next|this|early|late|mid|of|from|through)\s+$", re.I)

FUTURE_WORDS = re.compile(
    r"\b(?:will|shall|won't|'ll|is due|are due|due to|due in|expected to|scheduled|set to|going to|plans? to|next)\b",
    re.I,
)


NEAR_WORDS = re.compile(r"\b(?:would|until|till)\b", re.I)


# --------------------------------------------------------------------------- resolution


def resolve_weekday(weekday: int, published: dt.date, future: bool = False) -> dt.date:
    """The news convention: the most recent ``weekday`` on or before ``published``
    (Monday is 0), or the first on or after it for a future verb."""
    if future:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _month_of(month: int, published: dt.date, future: bool, strictly: bool) -> tuple[int, int]:
    year = published.year
    if future:
        if (month < published.month) or (strictly and month == published.month):
            year += 1
    elif month > published.month or (strictly and month == published.month):
        year -= 1
    return year, month


def _day_of(month: int, day: int, published: dt.date, future: bool) -> dt.date | None:
    for year in ((published.year, published.year + 1) if future else (published.year, published.year - 1)):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if (candidate >= published) if future else (candidate <= published):
            return candidate
    return None


def find_dates(
    text: str,
    published: str | None,
    tense: Callable[[int, int], str] | None = None,
) -> tuple[DateMention, ...]:
    """Every date expression in ``text`` that resolves, in text order.

    ``tense(start, end)`` says whether the verb that the expression at
    ``start:end`` belongs to is ``"past"`` (past or present), ``"future"``
    ("will", "is due to"), or ``"near"`` (a future seen from the past, "would",
    or "until": the nearer of the two readings). By default it looks for those
    words between the start of the sentence and the expression.
    """
    base = _parse_iso(published)
    tense = tense or (lambda start, end: _tense_by_words(text, start))
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            if kind == "month" and match.group("month") == "May" and not match.group("rel") and not MAY_CONTEXT.search(
                text[max(0, start - 20):start]
            ):
                continue
            resolved = _resolve(kind, match, base, tense(start, end))
            if resolved is None:
                continue
            date, basis = resolved
            if kind == "year":  # the date is the year, not the preposition before it
                start = match.start("year")
            taken.append((start, end))
            found.append(DateMention(start, end, text[start:end], date, basis))
    found.sort(key=lambda m: m.start)
    return tuple(found)


def _pick(past, future, tense: str):
    """The reading the tense asks for; for "near", the one closer to publication."""
    if tense == "future" or past is None:
        return future, True
    if tense == "past" or future is None:
        return past, False
    return (future, True) if future[1] < past[1] else (past, False)


def _resolve(kind: str, m: re.Match[str], base: dt.date | None, tense: str) -> tuple[str, str] | None:
    groups = m.groupdict()
    month = MONTHS.get(groups["month"].rstrip(".").casefold()) if groups.get("month") else None
    rel = re.sub(r"\s+", " ", (groups.get("rel") or "").strip().casefold())
    if kind in ("iso", "day_month", "month_day"):
        month = int(groups["month"]) if kind == "iso" else month
        day = int(groups["day"])
        if groups.get("year"):
            try:
                return dt.date(int(groups["year"]), month, day).isoformat(), "absolute date"
            except ValueError:
                return None
        if base is None:
            return None
        readings = [_day_of(month, day, base, ahead) for ahead in (False, True)]
        options = [(r, abs((r - base).days)) if r else None for r in readings]
        chosen, ahead = _pick(options[0], options[1], tense)
        if chosen is None:
            return None
        side = "next such day from" if ahead else "most recent such day up to"
        return chosen[0].isoformat(), f"day and month without a year: the {side} publication ({base})"
    if kind == "month_year":
        return f"{int(groups['year']):04d}-{month:02d}", "month and year"
    if kind == "year":
        return groups["year"], "year"
    if base is None:
        return None
    if kind == "month_rel_year":
        year = base.year + {"last": -1, "next": 1}.get(rel, 0)
        return f"{year:04d}-{month:02d}", f"month of {rel} year, from publication ({base})"
    if kind == "weekday":
        return _weekday(groups["weekday"], rel, base, tense)
    if kind == "month":
        strictly = rel in ("last", "next")
        if rel == "next":
            tense = "future"
        elif rel == "last":
            tense = "past"
        options = []
        for ahead in (False, True):
            year, number = _month_of(month, base, ahead, strictly)
            options.append(((year, number), abs((year - base.year) * 12 + number - base.month)))
        chosen, ahead = _pick(options[0], options[1], tense)
        year, month = chosen[0]
        side = "next" if ahead else "most recent"
        return f"{year:04d}-{month:02d}", f"month without a year: the {side} {groups['month']} from publication ({base})"
    if kind == "relative_day":
        word = re.sub(r"\s+", " ", groups["word"].casefold())
        shift = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
        return (base + dt.timedelta(days=shift)).isoformat(), f"{word!r} counted from publication ({base})"
    if kind == "relative_period":
        unit = groups["unit"]
        shift = -1 if rel.endswith("last") else (1 if rel == "next" else 0)
        if unit == "year":
            return f"{base.year + shift:04d}", f"{rel} year, from publication ({base})"
        month_index = base.year * 12 + base.month - 1 + shift
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", f"{rel} month, from publication ({base})"
    if kind == "ago":
        return _ago(m.group(0), groups["unit"], base)
    return None


def _weekday(name: str, rel: str, base: dt.date, tense: str) -> tuple[str, str]:
    weekday = WEEKDAYS[name.casefold()]
    if rel == "next":
        tense = "future"
    elif rel == "last":
        tense = "past"
    past = resolve_weekday(weekday, base)
    future = resolve_weekday(weekday, base, future=True)
    if rel == "last" and past == base:
        past -= dt.timedelta(days=7)
    if rel == "next" and future == base:
        future += dt.timedelta(days=7)
    chosen, ahead = _pick((past, (base - past).days), (future, (future - base).days), tense)
    if ahead:
        return chosen[0].isoformat(), f"weekday: the first {name} on or after publication ({base}), future verb"
    return chosen[0].isoformat(), (
        f"weekday: the most recent {name} on or before publication ({base}), the news convention"
    )


def _ago(expression: str, unit: str, base: dt.date) -> tuple[str, str] | None:
    import dateparser  # slow to import; only "... ago" needs it

    parsed = dateparser.parse(
        expression,
        languages=["en"],
        settings={"RELATIVE_BASE": dt.datetime.combine(base, dt.time(12)), "PREFER_DATES_FROM": "past"},
    )
    if parsed is None:
        return None
    basis = f"{expression!r} counted from publication ({base}) by dateparser"
    if unit == "year":
        return f"{parsed.year:04d}", basis
    if unit == "month":
        return f"{parsed.year:04d}-{parsed.month:02d}", basis
    return parsed.date().isoformat(), basis


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _tense_by_words(text: str, start: int) -> str:
    sentence_start = max(text.rfind(c, 0, start) for c in ".;!?\n") + 1
    if FUTURE_WORDS.search(text, sentence_start, start):
        return "future"
    if NEAR_WORDS.search(text, sentence_start, start):
        return "near"
    return "past"


# --------------------------------------------------------------------------- events

#: Clause heads whose subtree is cut off when another date dates it.
_SUBCLAUSES = ("ccomp", "advcl", "conj", "relcl", "parataxis", "xcomp", "acl", "pcomp")
_FUTURE_HEADS = frozenset({"due", "expect", "expected", "set", "schedule", "scheduled", "plan", "go", "intend", "aim"})


def date_mentions(
    article: Article | AnalyzedArticle, doc, assume_published: str | None = None
) -> tuple[DateMention, ...]:
    """The article's resolved dates, the tense of each read from the parse.

    ``assume_published`` is used when the article has no publication date (for
    example the latest publication date of the other articles of its event);
    every date resolved against it says so in its ``basis``.
    """
    if isinstance(article, AnalyzedArticle):
        article = article.article
    text = article.text
    starts = [t.idx for t in doc]

    def tense(start: int, end: int) -> str:
        verb = _governing_verb(doc[max(0, bisect.bisect_right(starts, start) - 1)])
        if verb is None:
            return _tense_by_words(text, start)
        found = _verb_tense(verb)
        if found == "past" and NEAR_WORDS.search(text, max(0, start - 25), start):
            return "near"  # "until April 1"
        return found

    if article.published or not assume_published:
        return find_dates(text, article.published, tense)
    assumed = find_dates(text, assume_published, tense)
    note = f"; the article has no publication date, {assume_published} was assumed"
    return tuple(
        m if m.basis in ("absolute date", "month and year", "year") else replace(m, basis=m.basis + note)
        for m in assumed
    )


def extract_dated_events(
    article: Article | AnalyzedArticle, doc, assume_published: str | None = None
) -> tuple[DatedEvent, ...]:
    """Every resolved date of the article with the clause it dates (see
    :func:`date_mentions` for ``assume_published``)."""
    if isinstance(article, AnalyzedArticle):
        article = article.article
    text = article.text
    starts = [t.idx for t in doc]

    def token_at(offset: int):
        return doc[max(0, bisect.bisect_right(starts, offset) - 1)]

    mentions = date_mentions(article, doc, assume_published)
    anchors = {m: _governing_verb(token_at(m.start)) for m in mentions}
    events = []
    for mention in mentions:
        verb = anchors[mention]
        start, end = _clause(verb, mention, anchors) if verb is not None else _sentence(token_at(mention.start))
        start, end = _trim(text, start, end)
        if start >= end:
            continue
        lemmas = tuple(
            t.lemma_.lower() for t in doc[token_at(start).i: token_at(end - 1).i + 1]
            if t.is_alpha and not t.is_stop and not (mention.start <= t.idx < mention.end)
        )
        events.append(DatedEvent(article.id, mention.date, start, end, text[start:end], mention, lemmas))
    return tuple(events)


def _governing_verb(token):
    node = token
    for _ in range(ROOT_PATH_CLIMB):
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "aux":
            return node
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
    return None


def _verb_tense(verb) -> str:
    node = verb
    for _ in range(TENSE_CLIMB):
        for child in node.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in ("will", "shall", "'ll", "wo"):
                return "future"
            if child.dep_ == "acomp" and child.lower_ == "due":
                return "future"
            if child.dep_ in ("aux", "auxpass") and child.lower_ in ("would", "'d"):
                return "near"
        if node.lemma_.casefold() in _FUTURE_HEADS and node is not verb:
            return "future"
        if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
            break
        node = node.head
    return "past"


def _clause(verb, mention: DateMention, anchors: dict) -> tuple[int, int]:
    """The verb's subtree, minus sub-clauses at its edges that another date dates."""
    doc = verb.doc
    lo, hi = verb.left_edge.i, verb.right_edge.i
    others = [m for m, v in anchors.items() if m is not mention and v is not None and v.i != verb.i]
    for child in sorted(verb.children, key=lambda c: -c.i):
        if child.dep_ not in _SUBCLAUSES or child.i < verb.i:
            continue
        sub_lo, sub_hi = child.left_edge.i, child.right_edge.i
        has_other = any(doc[sub_lo].idx <= m.start < doc[sub_hi].idx + len(doc[sub_hi]) for m in others)
        has_this = doc[sub_lo].idx <= mention.start < doc[sub_hi].idx + len(doc[sub_hi])
        if has_other and not has_this and sub_hi == hi:
            hi = sub_lo - 1
    for child in sorted(verb.children, key=lambda c: c.i):
        if child.dep_ not in _SUBCLAUSES or child.i > verb.i:
            continue
        sub_lo, sub_hi = child.left_edge.i, child.right_edge.i
        has_other = any(doc[sub_lo].idx <= m.start < doc[sub_hi].idx + len(doc[sub_hi]) for m in others)
        has_this = doc[sub_lo].idx <= mention.start < doc[sub_hi].idx + len(doc[sub_hi])
        if has_other and not has_this and sub_lo == lo:
            lo = sub_hi + 1
    lo = min(lo, doc[verb.i].i)
    hi = max(hi, verb.i)
    start = doc[lo].idx
    end = doc[hi].idx + len(doc[hi])
    return min(start, mention.start), max(end, mention.end)


def _sentence(token) -> tuple[int, int]:
    return token.sent.start_char, token.sent.end_char


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-\"“”"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-(\"“"):
        end -= 1
    for word in ("and ", "but ", "while ", "as "):
        if text[start:start + len(word)].casefold() == word:
            start += len(word)
    return start, end
