"""Numbers across articles: the same thing counted, agreeing or conflicting.

Quantities (:mod:`triangulate.analyze.numbers`) fall into buckets by kind,
unit, what they count (the counted noun's lemma; "people" plus a canonical
event for people killed, displaced, missing, ...) and period (a figure for
"2009" is another episode). Within a bucket, two mentions count the same thing
when whose share it is, what it measures and where agree, and then when they
give the same value, count the same event, have the same holder, are two
sources' figures side by side, or share a context word without each having its
own verb of doing ("six helicopters deployed" and "two helicopters sent" stay
apart). See :func:`_same_thing`.

A group is a **conflict** when two articles (of different independence groups,
when ``groups`` is given) give different figures for it, or one article gives
two sources' figures. Its ``note`` says what may explain the difference: figures
from different days (dates in the sentence, "rose to", "from 18 to 21") or over
different spans of time ("in the past week", "since March 3"), bounds
and estimates (and whether they can all hold at once: "at least 18" and "21"),
different groups counted ("bodies", "people"), or different sources ("according
to the hospital", "officials said").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..unionfind import DisjointSets
from ..analyze.numbers import NATION_WORDS, REPORT_VERBS, Quantity
from ..model import NumberGroup, NumberPosition as Position  # noqa: F401  (re-exported: defined in model)

__all__ = ["NumberGroup", "Position", "compare_numbers", "interval"]

#: Context words that say nothing about what was counted.
_WEAK_CONTEXT = frozenset({"be", "have", "say", "tell", "do", "get", "make", "take", "give", "go", "come", "see"})

#: How far "about" and "nearly" reach around a figure (a tenth: "about 2,500"
#: covers 2,250-2,750), for the note saying whether bounds can all hold at once.
#: A convention of reading, not a fit.
ABOUT_BAND = 0.1


def interval(q: Quantity) -> tuple[float, float]:
    """The values a figure allows, from its qualifier."""
    v = float(q.value)
    if q.qualifier == "at least":
        return v, float("inf")
    if q.qualifier == "more than":
        return v + 1e-9, float("inf")
    if q.qualifier == "about":
        return v * (1 - ABOUT_BAND), v * (1 + ABOUT_BAND)
    if q.qualifier == "nearly":
        return v * (1 - ABOUT_BAND), v
    if q.qualifier in ("up to", "at most"):
        return 0.0, v
    if q.qualifier == "less than":
        return 0.0, v - 1e-9
    return v, v


def compare_numbers(
    quantities: Iterable[Quantity],
    groups: Mapping[str, str] | None = None,
    published: Mapping[str, str | None] | None = None,
) -> tuple[NumberGroup, ...]:
    """Group the quantities of an event's articles; conflicts first, then by reach.

    ``groups`` maps article id -> independence group (articles of one group do not
    conflict with each other); ``published`` maps article id -> publication date,
    used to notice figures from different days.
    """
    items = list(quantities)
    # "14 miners and two rescuers have died" lists the miners as a group of their
    # own; another article's "17 miners have died" then counts that group too.
    listed = {(q.noun, q.event) for q in items if q.kind == "count" and q.event and q.noun not in ("", "people")}
    buckets: dict[tuple, list[Quantity]] = defaultdict(list)
    for q in items:
        if q.noun == "people" and (q.counted_lemma, q.event) in listed:
            q = replace(q, noun=q.counted_lemma, what=f"{q.counted.split()[-1].casefold()} {q.event}")
        buckets[_bucket(q)].append(q)
    found: list[NumberGroup] = []
    for members in buckets.values():
        for component in _components(members):
            found.append(_group(component, groups or {}, published or {}))
    found.sort(key=lambda g: (not g.conflict, -len(g.articles), g.what))
    return tuple(found)


def _bucket(q: Quantity) -> tuple:
    period = q.period[:4] if q.period else None
    noun = q.unit if q.kind in ("money", "measure", "percent", "duration") else q.noun
    return (q.kind, q.unit, noun, q.event, q.qualifier == "additional", period)


def _components(members: list[Quantity]) -> list[list[Quantity]]:
    sets = DisjointSets(range(len(members)))
    for i, a in enumerate(members):
        for j in range(i + 1, len(members)):
            if _same_thing(a, members[j]):
                sets.union(i, j)
    return [[members[i] for i in part] for part in sets.groups().values()]


def _same_thing(a: Quantity, b: Quantity) -> bool:
    """Do two mentions of one bucket count the same thing?

    Not when whose share it is, what it measures or where disagree ("turnout in
    Drava" is not national turnout). Yes for the same value, the same event, the
    same holder ("the DMV": 68 seats, 64 seats), or two sources' figures side by
    side in one paragraph. Otherwise only with a context word in common, and not
    when each comes with its own verb of doing ("six helicopters deployed", "two
    helicopters sent"); verbs of reporting ("recorded", "registered", "said") do
    not tell things apart.
    """
    if not (holders_agree(a.holder, b.holder) and (not a.about or not b.about or a.about == b.about)):
        return False
    if a.place and b.place and a.place != b.place:
        return False  # "turnout in Drava" is not national turnout
    if bool(a.place) != bool(b.place) and a.value != b.value:
        return False  # a place in one wording only: the same figure, not another one
    nations_a, nations_b = _nations(a), _nations(b)
    if nations_a and nations_b and not nations_a & nations_b:
        return False  # "US troops", "British troops"
    if a.value == b.value or a.event is not None or (a.holder and b.holder):
        return True
    if a.article == b.article and a.paragraph == b.paragraph and a.source and b.source and a.source != b.source:
        return True
    if a.verb and b.verb and a.verb != b.verb and not ({a.verb, b.verb} & REPORT_VERBS):
        return False
    return bool((set(a.context) & set(b.context)) - _WEAK_CONTEXT) or bool(nations_a & nations_b)


def _nations(q: Quantity) -> set[str]:
    """Whose group it is, one key per country or body ("US", "American" -> "us")."""
    return {NATION_WORDS[w] for w in q.context if w in NATION_WORDS}


def _initials(name: str) -> set[str]:
    words = [w for w in re.findall(r"[\w’']+", name) if w[:1].isupper() and not w.endswith(("'s", "’s"))]
    letters = set()
    for word in words:
        letters.update(word if word.isupper() and len(word) > 1 else word[0])
    return letters


def holders_agree(a: str | None, b: str | None) -> bool:
    """Both unknown, or names whose initials nest: "DMV", "Democratic Movement",
    "Veland Democratic Movement"; "PSF", "Sovereignty Front", "the Front"."""
    if not a or not b:
        return not a and not b
    ia, ib = _initials(a), _initials(b)
    return bool(ia and ib) and (ia <= ib or ib <= ia)


def _group(mentions: list[Quantity], groups: Mapping[str, str], published: Mapping[str, str | None]) -> NumberGroup:
    by_value: dict[float, list[Quantity]] = defaultdict(list)
    for m in mentions:
        by_value[float(m.value)].append(m)
    positions = []
    for value, items in by_value.items():
        articles = tuple(dict.fromkeys(m.article for m in items))
        qualifier = Counter(m.qualifier for m in items).most_common(1)[0][0]
        positions.append(Position(items[0].value, qualifier, articles, items[0].text, tuple(items)))
    positions.sort(key=lambda p: (-len(p.articles), p.value))
    articles = tuple(dict.fromkeys(m.article for m in mentions))
    whats = Counter(m.what for m in mentions if m.what)
    what = whats.most_common(1)[0][0] if whats else ""
    if mentions[0].qualifier == "additional":
        what = f"additional {what}"
    holders = Counter(m.holder for m in mentions if m.holder)
    if holders:
        what = f"{what} ({max(holders, key=lambda h: (holders[h], len(h)))})"
    period = next((m.period for m in mentions if m.period), None)
    if period and period not in what:
        what = f"{what} ({period})"
    conflict = mentions[0].qualifier != "additional" and _conflicting(mentions, groups)
    note = _note(mentions, positions, published) if conflict else None
    first = mentions[0]
    return NumberGroup(what, first.kind, first.unit, positions[0].value, articles, tuple(positions), conflict, note)


def _conflicting(mentions: list[Quantity], groups: Mapping[str, str]) -> bool:
    """Different figures for one thing from different sources: different
    independence groups, or one article giving two sources' figures ("the
    organisers said about 10,000; the police put the number at 4,000"). Bounds
    and estimates still count ("more than 30" and "more than 120" aftershocks):
    the note says when they may agree."""
    for i, a in enumerate(mentions):
        for b in mentions[i + 1:]:
            if a.value == b.value:
                continue
            if groups.get(a.article, a.article) == groups.get(b.article, b.article):
                if not (a.source and b.source and a.source != b.source and not a.change and not b.change):
                    continue
            return True
    return False


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _figure(m: Quantity) -> str:
    return _fmt(m.value) if m.qualifier == "exact" else f"{m.qualifier} {_fmt(m.value)}"


def _note(mentions: list[Quantity], positions: list[Position], published: Mapping[str, str | None]) -> str | None:
    """Why the figures may differ without contradicting each other."""
    reasons = [r for r in (_window_reason(mentions), _time_reason(mentions, published), _bound_reason(mentions),
                           _group_reason(mentions), _source_reason(mentions)) if r]
    return "; ".join(reasons) if reasons else None


def _time_reason(mentions: list[Quantity], published: Mapping[str, str | None]) -> str | None:
    """Dates the text gives for different values; or a moving count ("rose to"),
    then with the publication dates of the articles."""
    moving = list(dict.fromkeys(m.change for m in mentions if m.change))
    explicit = [m for m in mentions if m.date]
    use_explicit = len({float(m.value) for m in explicit}) > 1
    if not use_explicit and not moving:
        return None
    days: dict[float, Counter[str]] = defaultdict(Counter)
    for m in explicit if use_explicit else mentions:
        day = m.date or published.get(m.article)
        if day:
            days[float(m.value)][day] += 1
    when = {v: c.most_common(1)[0][0] for v, c in days.items()}
    parts = []
    if len(set(when.values())) > 1:
        ordered = sorted(when.items(), key=lambda kv: (kv[1], kv[0]))
        source = "dates in the text" if use_explicit else "publication dates"
        parts.append(f"different time windows ({source}): " + ", ".join(f"{_fmt(v)} on {d}" for v, d in ordered))
    if moving:
        parts.append("a moving count (" + "; ".join(moving[:3]) + ")")
    return "; ".join(parts)


def _window_reason(mentions: list[Quantity]) -> str | None:
    """Counts over different spans of time, as the texts give them ("at least
    14 in the past week; 17 since March 3")."""
    windows: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        figure = _figure(m)
        key = m.window or ""
        if figure not in windows[key]:
            windows[key].append(figure)
    named = [w for w in windows if w]
    if not named or len(windows) < 2:
        return None
    by_value: dict[float, set[str]] = defaultdict(set)
    for m in mentions:
        by_value[float(m.value)].add(m.window or "")
    apart = any(
        not (by_value[x] & by_value[y]) and (by_value[x] | by_value[y]) - {""}
        for x in by_value for y in by_value if x < y
    )
    if not apart:
        return None  # every figure is given both with and without the window: it explains nothing
    windows[""] = [f for f in windows.get("", []) if not any(
        _figure(m) == f and by_value[float(m.value)] - {""} for m in mentions)]  # figures never given a window
    if not windows[""]:
        del windows[""]
    return "different time windows (as written): " + "; ".join(
        f"{', '.join(figures)} {window or '(no window given)'}" for window, figures in windows.items()
    )


def _bound_reason(mentions: list[Quantity]) -> str | None:
    bounds = list(dict.fromkeys(_figure(m) for m in mentions if m.qualifier != "exact"))
    if not bounds:
        return None
    low = max(interval(m)[0] for m in mentions)
    high = min(interval(m)[1] for m in mentions)
    verdict = " (all can hold at once)" if low <= high else ""
    return "bounds and estimates: " + ", ".join(bounds) + verdict


def _group_reason(mentions: list[Quantity]) -> str | None:
    wordings: dict[str, set[float]] = defaultdict(set)
    heads: dict[str, str] = {}
    for m in mentions:
        if m.counted:
            word = m.counted.casefold()
            wordings[word].add(float(m.value))
            heads[word] = word.split()[-1]
    if len(set(heads.values())) < 2:
        return None
    if len({v for vs in wordings.values() for v in vs}) < 2:
        return None
    return "different groups counted: " + ", ".join(
        f"{w} ({', '.join(_fmt(v) for v in sorted(vs))})" for w, vs in wordings.items()
    )


def _source_reason(mentions: list[Quantity]) -> str | None:
    sources: dict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    for m in mentions:
        if not m.source:
            continue
        key = " ".join(m.source.casefold().removeprefix("the ").split())
        names.setdefault(key, m.source)
        figure = _figure(m)
        if figure not in sources[key]:
            sources[key].append(figure)
    figures = {f for fs in sources.values() for f in fs}
    if len(sources) < 2 or len(figures) < 2:
        return None
    return "different sources: " + "; ".join(f"{names[k]}: {', '.join(fs)}" for k, fs in list(sources.items())[:8])
