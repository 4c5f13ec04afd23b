"""Facts: the same statement across articles, and statements that contradict.

1. Every candidate sentence (a claim: it has a verb, is not a bare quotation and
   is of readable length) is a TF-IDF vector over its content lemmas.
2. Sentences are grouped greedily into facts, most widely supported first: a
   fact takes, from each other article, its closest free sentence when the
   cosine is at least ``FACT_MIN`` (one sentence per article per fact).
3. A fact is ``agreed`` when two or more independence groups state it,
   ``single-source`` when one does, and ``disputed`` when a statement from
   another group contradicts it: the two share the subject or the key content
   (cosine at least ``CLAIM_MIN``) but one denies what the other asserts
   (negation), or their main verbs are opposites ("withdrew" / "will remain").
   Number disagreements are found by the number comparison and marked on the
   facts that carry them (:func:`mark_disputed`).

Pure functions of the analysed articles and the independence groups.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..model import AnalyzedArticle, Conflict, Fact, Position, Sentence, Statement
from ..vectors import tfidf

#: Two sentences state the same fact at or above this cosine. Calibrated on the
#: example event's gold facts: paraphrases across outlets score 0.30-0.75,
#: different statements about the same event mostly below 0.25.
FACT_MIN = 0.3

#: A sentence inside a longer statement supports a fact at or above this cosine
#: when it also carries the fact's numbers (counted for its status, not its
#: statements).
SUPPORT_MIN = 0.22

#: Two statements are compared for contradiction at or above this cosine (or
#: whatever their cosine, when their main verbs are opposites).
CLAIM_MIN = 0.2

MIN_WORDS, MAX_WORDS = 6, 70

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


@dataclass(frozen=True, slots=True)
class _Item:
    article: str
    sentence: Sentence


def align_facts(
    analyzed: Sequence[AnalyzedArticle], groups: Mapping[str, str]
) -> tuple[tuple[Fact, ...], tuple[Conflict, ...]]:
    """Facts of an event (most widely reported first) and the claim conflicts."""
    items = [_Item(a.id, s) for a in analyzed for s in a.sentences if _is_claim(s)]
    if not items:
        return (), ()
    vectors = tfidf([item.sentence.content for item in items])
    similarity = _neighbours(vectors)
    articles = [item.article for item in items]
    members = _cluster(similarity, articles, lambda i, j: _contradict(items[i].sentence, items[j].sentence))

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


def _is_claim(sentence: Sentence) -> bool:
    words = len(sentence.text.split())
    return (
        MIN_WORDS <= words <= MAX_WORDS
        and sentence.has_verb
        and not sentence.is_quote_only
        and len(sentence.content) >= 3
    )


def _neighbours(vectors) -> list[dict[int, float]]:
    """For each sentence, the other sentences at or above the lowest threshold
    used here, with their cosine. Kept sparse: the work grows with the pairs
    that share terms, not with every pair of sentences."""
    floor = min(FACT_MIN, SUPPORT_MIN, CLAIM_MIN)
    product = (vectors @ vectors.T).tocsr()
    product.data[product.data < floor] = 0.0
    product.setdiag(0.0)
    product.eliminate_zeros()
    bounds = product.indptr.tolist()
    indices, data = product.indices.tolist(), product.data.tolist()
    return [dict(zip(indices[a:b], data[a:b])) for a, b in zip(bounds, bounds[1:])]


def _cluster(similarity: Sequence[dict[int, float]], articles: Sequence[str], clash) -> list[list[int]]:
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
            if value < FACT_MIN:
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
        if _contradict(a.sentence, b.sentence):
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


def _contradict(a: Sentence, b: Sentence) -> bool:
    """Same subject, and either opposite main verbs, or the same verb asserted
    by one and denied by the other about shared content."""
    if not _same_subject(a, b):
        return False
    if _opposite(a, b):
        return True
    shared = set(a.content) & set(b.content) - {a.root, b.root, _head(a.subject.text)}
    return a.root == b.root and a.negated != b.negated and len(shared) >= 1


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
