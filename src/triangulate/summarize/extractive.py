"""Extractive, redundancy-aware summary of an event, every sentence cited.

1. Every sentence of every article is a TF-IDF vector over its content lemmas
   (unigrams and bigrams), fitted on the event's own sentences.
2. A sentence is *supported* by another article when that article has a
   sentence close to it (cosine at or above ``SUPPORT_MIN``): the same fact in
   other words. Its citations are its own article and every supporting one.
3. Score = closeness to the event's centroid, plus how many independent
   sources support it, plus a little for coming early in its article.
4. Maximal marginal relevance picks sentences under the length budget, skipping
   near-repeats of what was already picked; the picked sentences are put in
   reading order (earlier in their articles first).
5. The headline is the best early sentence of at most 40 words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import AnalyzedArticle, Cited, Sentence
from ..settings import HEADLINE_MAX_WORDS, Settings
from .vectors import tfidf

#: Cosine between two sentences' TF-IDF vectors above which one supports the
#: other. Calibrated on the example event: paraphrases of one fact score
#: 0.30-0.70, different facts about the same event 0.05-0.25.
SUPPORT_MIN = 0.3

#: A candidate this close to an already picked sentence is a repeat.
REDUNDANCY_MAX = 0.5

#: Trade-off between relevance and novelty in maximal marginal relevance.
MMR_LAMBDA = 0.7

#: Eligible summary sentences have this many words.
MIN_WORDS, MAX_WORDS = 8, 60

#: Weights of the score's parts (relevance to the centroid is weighted 1).
SUPPORT_WEIGHT = 0.12
LEAD_WEIGHT = 0.15
DANGLING_PENALTY = 0.15

DANGLING_START = re.compile(
    r"^(?:he|she|they|it|this|these|that|those|his|her|their|its|but|and|or|so|also|however|"
    r"meanwhile|still|yet|then|there|here|such)\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"""[.!?]["'”’)]*$""")


@dataclass(frozen=True, slots=True)
class _Item:
    article: str
    sentence: Sentence
    position: float  # 0 for the first sentence of its article, towards 1 for the last

    @property
    def words(self) -> int:
        return len(self.sentence.text.split())


def summarize(
    analyzed: Sequence[AnalyzedArticle],
    groups: Mapping[str, str],
    settings: Settings,
) -> tuple[Cited | None, tuple[Cited, ...]]:
    """(headline, summary sentences) for one event's analysed articles."""
    items = [
        _Item(a.id, s, s.index / max(1, len(a.sentences) - 1))
        for a in analyzed
        for s in a.sentences
    ]
    if not items:
        return None, ()
    vectors = _vectors(items)
    similarity = (vectors @ vectors.T).toarray()
    article_ids = [item.article for item in items]
    support = _support(similarity, article_ids)
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid) or 1.0
    relevance = np.asarray(vectors @ (centroid / norm)).ravel()

    scores = np.zeros(len(items))
    for i, item in enumerate(items):
        sources = {groups.get(a, a) for a in support[i]}
        scores[i] = (
            relevance[i]
            + SUPPORT_WEIGHT * math.log1p(len(sources) - 1)
            + LEAD_WEIGHT * (1.0 - item.position)
            - (DANGLING_PENALTY if DANGLING_START.match(item.sentence.text) else 0.0)
        )

    eligible = [i for i, item in enumerate(items) if _eligible(item)]
    headline_index = _pick_headline(items, eligible, scores)
    headline = _cite(items[headline_index], support[headline_index]) if headline_index is not None else None

    kind, budget = settings.summary_budget
    picked = _mmr(eligible, scores, similarity, budget, kind, items, exclude=headline_index)
    picked.sort(key=lambda i: (items[i].position, article_ids.index(items[i].article)))
    return headline, tuple(_cite(items[i], support[i]) for i in picked)


def _vectors(items: Sequence[_Item]):
    documents = [item.sentence.content for item in items]
    if not any(documents):
        documents = [tuple(item.sentence.text.lower().split()) for item in items]
    return tfidf(documents)


def _support(similarity: np.ndarray, article_ids: Sequence[str]) -> list[tuple[str, ...]]:
    """For each sentence: its own article, then every article with a close sentence."""
    order = list(dict.fromkeys(article_ids))
    columns = {a: [j for j, b in enumerate(article_ids) if b == a] for a in order}
    best = {a: similarity[:, cols].max(axis=1) for a, cols in columns.items()}
    result = []
    for i, own in enumerate(article_ids):
        others = tuple(a for a in order if a != own and best[a][i] >= SUPPORT_MIN)
        result.append((own, *others))
    return result


def _eligible(item: _Item) -> bool:
    sentence = item.sentence
    text = sentence.text
    return (
        MIN_WORDS <= item.words <= MAX_WORDS
        and sentence.has_verb
        and not sentence.is_quote_only
        and "\n" not in text
        and bool(SENTENCE_END.search(text))
        and (text[:1].isupper() or text[:1] in "\"“‘'")
    )


def _pick_headline(items: Sequence[_Item], eligible: Sequence[int], scores: np.ndarray) -> int | None:
    candidates = [
        i for i in eligible
        if items[i].words <= HEADLINE_MAX_WORDS and items[i].sentence.index <= 2
        and not DANGLING_START.match(items[i].sentence.text)
    ] or [i for i in eligible if items[i].words <= HEADLINE_MAX_WORDS]
    return max(candidates, key=lambda i: scores[i], default=None)


def _mmr(
    eligible: Sequence[int],
    scores: np.ndarray,
    similarity: np.ndarray,
    budget: int,
    kind: str,
    items: Sequence[_Item],
    exclude: int | None,
) -> list[int]:
    picked: list[int] = []
    used = 0
    blocked = {exclude} if exclude is not None else set()
    pool = [i for i in eligible if i not in blocked]
    reference = [exclude] if exclude is not None else []
    while pool:
        def gain(i: int) -> float:
            others = picked + reference
            overlap = max((similarity[i, j] for j in others), default=0.0)
            return MMR_LAMBDA * scores[i] - (1 - MMR_LAMBDA) * overlap

        best = max(pool, key=gain)
        pool.remove(best)
        if any(similarity[best, j] > REDUNDANCY_MAX for j in picked + reference):
            continue
        cost = items[best].words if kind == "words" else 1
        if used + cost > budget:
            if kind == "sentences":
                break
            continue
        picked.append(best)
        used += cost
    return picked


def _cite(item: _Item, citations: tuple[str, ...]) -> Cited:
    s = item.sentence
    return Cited(text=s.text, citations=citations, article=item.article, start=s.start, end=s.end)
