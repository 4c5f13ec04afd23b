"""Facts: the same statement across articles, and statements that contradict.

1. Every candidate sentence (a claim: it has a verb, is not a bare quotation and
   is of readable length) is compared with the others two ways: the TF-IDF
   cosine of its content lemmas (same words) and, when the sentence model is
   loaded (:mod:`triangulate.meaning`), the cosine of its MiniLM vectors (same
   meaning in other words: "the rescue operation has ended" / "rescuers have
   finished their operation"). The meaning cosine is put on the lexical scale
   (``MEANING_MIN`` maps to ``FACT_MIN``) and the larger of the two counts.
2. Two sentences can only be one fact when what must agree agrees: the people
   they name (by surname, when both name someone), the dates they give (when
   both give one), and they do not contradict each other (below).
3. Sentences are grouped greedily, most widely supported first: a fact takes,
   from each other article, its closest free sentence at or above ``FACT_MIN``;
   then facts whose statements are close on average (``MERGE_MIN``) are merged,
   so that a paraphrase chain (A close to B, B close to C) is one fact and an
   article that says the same thing twice does not make two facts.
4. A fact is ``agreed`` when two or more independence groups state it,
   ``single-source`` when one does, and ``disputed`` when a statement from
   another group contradicts it: the two share the subject (or the same kind of
   actor) and either one denies what the other asserts, or their main verbs are
   opposites ("withdrew" / "will remain"), and they are not about different
   places or different times (the places they name, the dates they give).
   Number disagreements are found by the number comparison and marked on the
   facts that carry them (:func:`mark_disputed`).

Pure functions of the analysed articles, the independence groups and the
sentence vectors.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..analyze.speakers import name_key, strip_title, surname_key
from ..lexicon import fold
from ..meaning import Meaning
from ..model import AnalyzedArticle, Conflict, Fact, Position, Sentence, Statement
from ..settings import FACT_MIN, MEANING_MIN
from ..vectors import tfidf

# FACT_MIN and MEANING_MIN are the defaults of Settings.fact_min and
# Settings.meaning_min: set (and calibrated) in settings.py.

#: Two facts are merged when the mean similarity of their statements' pairs
#: (missing pairs count 0) is at least this: ``FACT_MIN``, the bar a single
#: pair must clear (0.35 gives the same statuses on the gold events; 0.25
#: merges more and takes veland-election from 0.80 to 0.53). With
#: ``Settings.fact_min`` raised above it, the merge bar rises with it (a mean
#: never lets through what a single pair may not).
MERGE_MIN = 0.3

#: A sentence inside a longer statement supports a fact at or above this cosine
#: when it also carries the fact's numbers (counted for its status, not its
#: statements).
SUPPORT_MIN = 0.22

#: Two statements are compared for contradiction at or above this cosine (or
#: whatever their cosine, when their main verbs are opposites).
CLAIM_MIN = 0.2

MIN_WORDS, MAX_WORDS = 6, 70

#: Sentences whose vectors are compared in one block (memory: a few arrays of
#: block x claims floats; 256 rows x 30,000 claims of a 1,000-article event is
#: 31 MB an array).
BLOCK = 256

#: Verb lemmas that assert opposite outcomes.
OPPOSITES = {
    frozenset(pair)
    for pair in (
        ("withdraw", "remain"), ("leave", "stay"), ("leave", "remain"), ("withdraw", "stay"),
        ("confirm", "deny"), ("accept", "reject"), ("approve", "reject"), ("rise", "fall"),
        ("increase", "decrease"), ("win", "lose"), ("open", "close"), ("arrest", "release"),
        ("support", "oppose"), ("resign", "stay"),
        ("acquit", "convict"), ("uphold", "overturn"), ("pass", "fail"), ("lift", "impose"),
    )
}

#: spaCy labels of places: two claims about different places do not conflict.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class _Item:
    article: str
    sentence: Sentence
    people: frozenset[str] = frozenset()  # surnames of the people it names, folded
    places: frozenset[str] = frozenset()  # places it names, folded
    dates: frozenset[str] = frozenset()  # dates it gives, resolved (YYYY, YYYY-MM or YYYY-MM-DD)
    published: str | None = None  # its article's publication date


def claim_items(analyzed: Sequence[AnalyzedArticle]) -> list[_Item]:
    """The claim sentences of an event with the names, places and dates they carry."""
    items = []
    for a in analyzed:
        for s in a.sentences:
            if not is_claim(s):
                continue
            inside = [m for m in a.mentions if s.start <= m.start and m.end <= s.end]
            items.append(
                _Item(
                    a.id,
                    s,
                    people=frozenset(_surname(m.text) for m in inside if m.label == "PERSON") - {""},
                    places=frozenset(fold(m.text) for m in inside if m.label in PLACE_LABELS),
                    dates=frozenset(d.date for d in a.dated if s.start <= d.start and d.end <= s.end),
                    published=a.article.published,
                )
            )
    return items


def align_facts(
    analyzed: Sequence[AnalyzedArticle],
    groups: Mapping[str, str],
    meaning: Meaning | None = None,
    *,
    fact_min: float = FACT_MIN,
    meaning_min: float = MEANING_MIN,
) -> tuple[tuple[Fact, ...], tuple[Conflict, ...]]:
    """Facts of an event (most widely reported first) and the claim conflicts.

    ``fact_min`` is the lexical cosine at which two sentences state one fact and
    ``meaning_min`` the sentence-model cosine that counts as ``fact_min``
    (``Settings.fact_min`` and ``Settings.meaning_min``; the defaults are the
    calibrated ``FACT_MIN`` and ``MEANING_MIN``)."""
    items = claim_items(analyzed)
    if not items:
        return (), ()
    vectors = tfidf([item.sentence.content for item in items])
    similarity = _neighbours(vectors, fact_min)
    if meaning is not None:
        similarity = _with_meaning(similarity, items, meaning, fact_min, meaning_min)
    articles = [item.article for item in items]

    def clash(i: int, j: int) -> bool:
        return not _compatible(items[i], items[j]) or _contradict(items[i], items[j])

    members = _merge(_cluster(similarity, articles, clash, fact_min), similarity, clash, max(MERGE_MIN, fact_min))

    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    relevance = np.asarray(vectors @ (centroid / (np.linalg.norm(centroid) or 1.0))).ravel()
    facts = [_fact(items, cluster, groups, _supporters(cluster, similarity, items)) for cluster in members]
    index_of = {i: n for n, cluster in enumerate(members) for i in cluster}

    edges: dict[tuple[int, int], tuple[int, int]] = {}  # fact pair -> the statements that clash
    for i, j in _contradictions(items, similarity, groups):
        a, b = index_of[i], index_of[j]
        if a != b:
            edges.setdefault((a, b) if a < b else (b, a), (i, j) if a < b else (j, i))
    disputed = {n for pair in edges for n in pair}
    conflicts = [
        Conflict(
            kind="claim",
            about=_about(items[i].sentence, items[j].sentence),
            positions=tuple(
                _position([facts[n] for n in side], items[lead]) for side, lead in zip(sides, (i, j))
            ),
            note=_contradiction_note(items[i].sentence, items[j].sentence),
        )
        for sides, (i, j) in _sides(edges)
    ]
    facts = [replace(f, status="disputed") if n in disputed else f for n, f in enumerate(facts)]
    index_by_text = {s: n for n, f in enumerate(facts) for s in f.statements}

    order = sorted(
        range(len(facts)),
        key=lambda n: (
            -(n in disputed),
            -len(facts[n].groups),
            -max(relevance[i] for i in members[n]),
        ),
    )
    order_of = {n: rank for rank, n in enumerate(order)}
    conflicts.sort(key=lambda c: min(order_of[index_by_text[p.statements[0]]] for p in c.positions))
    return tuple(facts[n] for n in order), tuple(conflicts)


def _position(side: Sequence[Fact], lead: _Item) -> Position:
    """A side of a conflict, led by the statement that clashes with the other side."""
    statements = tuple(s for fact in side for s in fact.statements)
    first = [s for s in statements if s.article == lead.article and s.start == lead.sentence.start]
    statements = tuple(first + [s for s in statements if s not in first])
    return Position(
        articles=tuple(dict.fromkeys(s.article for s in statements)),
        text=statements[0].text,
        statements=statements,
    )


def _sides(edges: Mapping[tuple[int, int], tuple[int, int]]):
    """One conflict per connected set of contradicting facts: facts on the same
    side agree with each other and contradict the other side (two-colouring)."""
    neighbours: dict[int, set[int]] = {}
    for a, b in edges:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    colour: dict[int, int] = {}
    for start in sorted(neighbours):
        if start in colour:
            continue
        colour[start] = 0
        component, queue, bipartite = [start], [start], True
        while queue:
            node = queue.pop()
            for other in sorted(neighbours[node]):
                if other not in colour:
                    colour[other] = 1 - colour[node]
                    component.append(other)
                    queue.append(other)
                elif colour[other] == colour[node]:
                    bipartite = False
        pairs = sorted(p for p in edges if p[0] in component)
        if bipartite:
            sides = tuple(tuple(sorted(n for n in component if colour[n] == c)) for c in (colour[start], 1 - colour[start]))
            yield sides, edges[pairs[0]]
        else:
            for pair in pairs:
                yield ((pair[0],), (pair[1],)), edges[pair]


def mark_disputed(facts: Iterable[Fact], conflicts: Iterable[Sequence[Sequence[tuple[str, int, int]]]]) -> tuple[Fact, ...]:
    """Facts whose own statements give different values in a number conflict
    become ``disputed``. ``conflicts``: for each conflicting number, for each
    value given, the (article, start, end) of its mentions."""
    conflicts = [list(positions) for positions in conflicts]

    def within(fact: Fact, spans) -> bool:
        return any(
            s.article == article and s.start <= start and end <= s.end
            for s in fact.statements
            for article, start, end in spans
        )

    def split(fact: Fact) -> bool:
        return any(sum(within(fact, spans) for spans in positions) >= 2 for positions in conflicts)

    return tuple(replace(f, status="disputed") if split(f) else f for f in facts)


def is_claim(sentence: Sentence) -> bool:
    words = len(sentence.text.split())
    return (
        MIN_WORDS <= words <= MAX_WORDS
        and sentence.has_verb
        and not sentence.is_quote_only
        and len(sentence.content) >= 3
    )


def _neighbours(vectors, fact_min: float = FACT_MIN) -> list[dict[int, float]]:
    """For each sentence, the other sentences at or above the lowest threshold
    used here, with their cosine. Kept sparse: the work grows with the pairs
    that share terms, not with every pair of sentences."""
    floor = min(fact_min, SUPPORT_MIN, CLAIM_MIN)
    product = (vectors @ vectors.T).tocsr()
    product.data[product.data < floor] = 0.0
    product.setdiag(0.0)
    product.eliminate_zeros()
    bounds = product.indptr.tolist()
    indices, data = product.indices.tolist(), product.data.tolist()
    return [dict(zip(indices[a:b], data[a:b])) for a, b in zip(bounds, bounds[1:])]


def _with_meaning(
    lexical: Sequence[dict[int, float]],
    items: Sequence[_Item],
    meaning: Meaning,
    fact_min: float = FACT_MIN,
    meaning_min: float = MEANING_MIN,
) -> list[dict[int, float]]:
    """The lexical neighbours, raised to the meaning cosine where that is
    higher (on the lexical scale: ``MEANING_MIN`` counts as ``FACT_MIN``).
    Computed in blocks of rows, so memory grows with the claims, not their square."""
    matrix = meaning.matrix([(item.article, item.sentence.start, item.sentence.end) for item in items])
    if matrix is None:
        return list(lexical)
    floor = min(fact_min, SUPPORT_MIN, CLAIM_MIN)
    out = [dict(row) for row in lexical]
    for first in range(0, len(items), BLOCK):
        block = matrix[first : first + BLOCK] @ matrix.T
        rows, cols = np.nonzero(_scaled(block, fact_min, meaning_min) >= floor)
        values = _scaled(block[rows, cols], fact_min, meaning_min)
        del block
        for r, c, value in zip(rows.tolist(), cols.tolist(), values.tolist()):
            i, j = first + r, c
            if i != j and value > out[i].get(j, 0.0):
                out[i][j] = value
    return out


def _scaled(cosine, fact_min: float, meaning_min: float):
    """Meaning cosines on the lexical scale: ``meaning_min`` becomes ``fact_min``
    and 1 stays 1 (a ``meaning_min`` of 1 keeps only identical meanings)."""
    if meaning_min >= 1.0:
        return np.where(cosine >= 1.0, 1.0, 0.0)
    return fact_min + (cosine - meaning_min) * (1.0 - fact_min) / (1.0 - meaning_min)


def _compatible(a: _Item, b: _Item) -> bool:
    """Whether two sentences could state one fact: when both name people, one
    person in common; when both give dates, one date in common (or one inside
    the other: "March" and "March 10")."""
    if a.people and b.people and not a.people & b.people:
        return False
    if a.dates and b.dates and not any(_same_time(x, y) for x in a.dates for y in b.dates):
        return False
    return True


def _same_time(x: str, y: str) -> bool:
    return x.startswith(y) or y.startswith(x)


def _merge(
    clusters: list[list[int]], similarity: Sequence[dict[int, float]], clash, merge_min: float = MERGE_MIN
) -> list[list[int]]:
    """Average-linkage merging of the greedy facts: the pair of facts whose
    statements are closest on average (pairs below the neighbour floor count 0)
    is merged first, while that average is at least ``MERGE_MIN`` and no
    statement of one clashes with a statement of the other."""
    owner = {i: n for n, cluster in enumerate(clusters) for i in cluster}
    members = {n: list(cluster) for n, cluster in enumerate(clusters)}

    def links(n: int) -> dict[int, float]:
        sums: dict[int, float] = {}
        for i in members[n]:
            for j, value in similarity[i].items():
                m = owner[j]
                if m != n:
                    sums[m] = sums.get(m, 0.0) + value
        return sums

    heap: list[tuple[float, int, int, int, int]] = []

    def push(n: int) -> None:
        for m, total in links(n).items():
            mean = total / (len(members[n]) * len(members[m]))
            if mean >= merge_min:
                a, b = min(n, m), max(n, m)
                heapq.heappush(heap, (-mean, a, b, len(members[a]), len(members[b])))

    for n in list(members):
        push(n)
    while heap:
        _, a, b, size_a, size_b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        if len(members[a]) != size_a or len(members[b]) != size_b:
            continue  # stale: one of them grew since
        if any(clash(i, j) for i in members[a] for j in members[b]):
            continue
        members[a].extend(members.pop(b))
        for i in members[a]:
            owner[i] = a
        push(a)
    return [members[n] for n in sorted(members)]


def _cluster(
    similarity: Sequence[dict[int, float]], articles: Sequence[str], clash, fact_min: float = FACT_MIN
) -> list[list[int]]:
    """Greedy facts: the best-supported free sentence first, then the closest
    free sentence of every other article, unless the two contradict."""
    support = []
    for row in similarity:
        best: dict[str, float] = {}
        for j, value in row.items():
            best[articles[j]] = max(best.get(articles[j], 0.0), value)
        support.append(sum(best.values()))
    free = [True] * len(articles)
    clusters = []
    for i in sorted(range(len(articles)), key=lambda i: -support[i]):
        if not free[i]:
            continue
        free[i] = False
        cluster = [i]
        best_per_article: dict[str, int] = {}
        for j, value in sorted(similarity[i].items(), key=lambda item: -item[1]):
            if value < fact_min:
                break
            if free[j] and articles[j] != articles[i] and articles[j] not in best_per_article:
                best_per_article[articles[j]] = j
        for j in best_per_article.values():
            if not clash(i, j):
                cluster.append(j)
                free[j] = False
        clusters.append(cluster)
    return clusters


def _supporters(cluster: Sequence[int], similarity: Sequence[dict[int, float]], items: Sequence[_Item]) -> list[int]:
    """For articles not yet in the fact: their closest sentence to the fact's
    representative when it is close enough and carries the same numbers (it
    states the fact inside a longer sentence, so the greedy pass left it out)."""
    lead = cluster[0]
    numbers = {w for w in items[lead].sentence.content if w[:1].isdigit()}
    present = {items[i].article for i in cluster}
    best: dict[str, int] = {}
    for j, value in similarity[lead].items():
        article = items[j].article
        if value < SUPPORT_MIN or article in present or not numbers <= set(items[j].sentence.content):
            continue
        if not _compatible(items[lead], items[j]) or _contradict(items[lead], items[j]):
            continue
        if article not in best or value > similarity[lead][best[article]]:
            best[article] = j
    return list(best.values())


def _fact(items: Sequence[_Item], cluster: Sequence[int], groups: Mapping[str, str], supporters: Sequence[int] = ()) -> Fact:
    """A fact from its statements; ``supporters`` are sentences of other
    articles that state it within a longer sentence: their articles count among
    the fact's articles and groups, their sentences are not its statements."""
    statements = tuple(
        Statement(items[i].article, items[i].sentence.start, items[i].sentence.end, items[i].sentence.text)
        for i in cluster
    )
    articles = tuple(dict.fromkeys([s.article for s in statements] + [items[j].article for j in supporters]))
    fact_groups = tuple(dict.fromkeys(groups.get(a, a) for a in articles))
    return Fact(
        text=statements[0].text,
        statements=statements,
        articles=articles,
        groups=fact_groups,
        status="agreed" if len(fact_groups) >= 2 else "single-source",
    )


def _opposite_pairs(items: Sequence[_Item]) -> set[tuple[int, int]]:
    """Pairs with opposite main verbs are compared whatever their wording."""
    by_root: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        if item.sentence.root:
            by_root.setdefault(item.sentence.root, []).append(index)
    pairs = set()
    for pair in OPPOSITES:
        first, second = tuple(pair)
        for i in by_root.get(first, ()):
            for j in by_root.get(second, ()):
                pairs.add((min(i, j), max(i, j)))
    return pairs


def _contradictions(items: Sequence[_Item], similarity: Sequence[dict[int, float]], groups: Mapping[str, str]):
    """Index pairs (i, j) of statements from different sources that contradict."""
    close = {(i, j) for i, row in enumerate(similarity) for j, value in row.items() if i < j and value >= CLAIM_MIN}
    for i, j in sorted(close | _opposite_pairs(items)):
        a, b = items[i], items[j]
        if groups.get(a.article, a.article) == groups.get(b.article, b.article):
            continue
        if _contradict(a, b):
            yield i, j


#: Nouns news reports use for the same kind of actor; two subjects in one class
#: count as the same subject when comparing claims.
ACTOR_CLASSES = (
    frozenset("troop soldier unit army force military battalion brigade".split()),
    frozenset("police officer policeman policewoman gendarme".split()),
    frozenset("protester protestor demonstrator crowd mob rioter".split()),
    frozenset("official authority government ministry administration".split()),
    frozenset("rebel militant fighter insurgent gunman jihadist".split()),
)


def _same_subject(a: Sentence, b: Sentence) -> bool:
    if not (a.subject and b.subject):
        return False
    head_a, head_b = _head(a.subject.text), _head(b.subject.text)
    return head_a == head_b or any(head_a in c and head_b in c for c in ACTOR_CLASSES)


def _contradict(x: _Item, y: _Item) -> bool:
    """Same subject, about the same place and time, and either opposite main
    verbs, or the same verb asserted by one and denied by the other about
    shared content."""
    a, b = x.sentence, y.sentence
    if not _same_subject(a, b) or not _same_scene(x, y):
        return False
    if _opposite(a, b):
        return True
    shared = set(a.content) & set(b.content) - {a.root, b.root, _head(a.subject.text)}
    return a.root == b.root and a.negated != b.negated and len(shared) >= 1


#: Two statements are about the same moment when their dates (a statement
#: without one: its article's publication date) lie within this many days of
#: each other: "have withdrawn" (Monday) and "will remain" (Thursday) clash,
#: "withdrew in 2019" and "remain" (today) do not.
SAME_TIME_DAYS = 14


def _same_scene(x: _Item, y: _Item) -> bool:
    """Not about different places (both name places, none in common) nor
    different times (see ``SAME_TIME_DAYS``)."""
    if x.places and y.places and not x.places & y.places:
        return False
    spans_x = [_interval(d) for d in (x.dates or {x.published} - {None})]
    spans_y = [_interval(d) for d in (y.dates or {y.published} - {None})]
    spans_x = [s for s in spans_x if s]
    spans_y = [s for s in spans_y if s]
    if not spans_x or not spans_y:
        return True
    return any(
        (max(a[0], b[0]) - min(a[1], b[1])).days <= SAME_TIME_DAYS for a in spans_x for b in spans_y
    )


def _interval(date: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a YYYY, YYYY-MM or YYYY-MM-DD date covers."""
    if not date:
        return None
    try:
        parts = [int(p) for p in date[:10].split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            start = dt.date(parts[0], parts[1], 1)
            end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            return start, end
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day
    except ValueError:
        return None


def _surname(name: str) -> str:
    """A person's surname as a spelling-tolerant key: "Mohamed el-Rashidy",
    "Muhammad Rashidi" and "al-Rashidi" give one key."""
    bare, _ = strip_title(name.removesuffix("'s").removesuffix("’s"))
    return name_key(surname_key(bare))


def _opposite(a: Sentence, b: Sentence) -> bool:
    return bool(a.root and b.root and frozenset((a.root, b.root)) in OPPOSITES)


def _head(phrase: str) -> str:
    words = [w for w in phrase.lower().split() if w.isalpha()]
    return words[-1].rstrip("s") if words else ""


def _about(a: Sentence, b: Sentence) -> str:
    """What the two statements disagree on, e.g. "troops: remain / withdraw"."""
    subject = a.subject.text if a.subject else "the claim"
    if a.root != b.root:
        return f"{subject}: {a.root} / {b.root}"
    return f"{subject}: {a.root} or not"


def _contradiction_note(a: Sentence, b: Sentence) -> str:
    if a.negated != b.negated:
        return "one source asserts what the other denies; check who is speaking in each"
    return f"opposite outcomes reported ({a.root} / {b.root}); they may describe different moments"
