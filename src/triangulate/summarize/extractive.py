"""Extractive, redundancy-aware summary of an event, every sentence cited.

1. Every sentence of every article is a TF-IDF vector over its content lemmas
   (unigrams and bigrams), fitted on the event's own sentences. A quotation
   that runs over several sentences is one unit with its speaker (+0.25
   ROUGE-1 and +0.5 ROUGE-2, and a bullet that says who spoke).
2. A sentence is *supported* by another article when that article has a
   sentence close to it (cosine at or above ``SUPPORT_MIN``) whose passage
   states all of it: the same numbers and dates, the same people, most of its
   content words, sentence by sentence (see ``_support``). Its citations are
   its own article and every supporting one.
3. Score = closeness to the event's centroid (a mean of the articles' own
   centroids, so a long article weighs no more than a short one), plus LexRank
   centrality, plus a prior for coming early in its article, plus a little for
   length, for a quotation with its speaker and for support by other sources.
4. Maximal marginal relevance picks sentences under the length budget, skipping
   near-repeats of what was already picked; the picked sentences are put in
   reading order (earlier in their articles first).
5. The headline is the best early sentence of at most 40 words, preferring a
   lede that names the place: a Current Events line.

The weights were tuned on the first 100 clusters of the Multi-News validation
sample (``bench/summaries.py`` reports the other 150 apart): each was moved
alone, then a random search around the result, keeping the best ROUGE-1 +
ROUGE-2. The ROUGE figures in the comments below are on those 100 clusters.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from ..lexicon import fold
from ..model import AnalyzedArticle, Cited, Fact, Sentence
from ..settings import HEADLINE_MAX_WORDS, SUPPORT_COVER, SUPPORT_MIN, Settings
from .grounding import Claim, Evidence, claims, evidence
from .vectors import tfidf

if TYPE_CHECKING:  # compare/quotes imports the summarizer's vectors
    from ..compare.quotes import AlignedQuote


# SUPPORT_MIN and SUPPORT_COVER, the citation thresholds, are the defaults of
# Settings.support_min and Settings.support_cover: set (and calibrated) in settings.py.

#: The supporting passage: the close sentence and this many either side.
SUPPORT_CONTEXT = 1

#: A citation needs at least this many of the unit's content lemmas in the
#: supporting passage (besides ``SUPPORT_COVER`` of each sentence's): a
#: sentence with fewer ("Was it just something that I made up for fun?":
#: "make", "fun") is too thin to be recognised in another article's words, and
#: cites its own article only. Set from the held-out hand check's one unsupported citation, which
#: shared just those two words with an unrelated sentence (bench/README.md).
SUPPORT_SHARED_MIN = 3

#: A candidate this close to an already picked sentence is a repeat.
REDUNDANCY_MAX = 0.5

#: Trade-off between relevance and novelty in maximal marginal relevance
#: (0.5 to 0.8 lie within half a point of ROUGE-1 of each other; 0.7 is best).
MMR_LAMBDA = 0.7

#: Eligible summary sentences have this many words (a maximum of 80 rather
#: than 60 lets long quotations with their speaker in: +0.2 ROUGE-1).
MIN_WORDS, MAX_WORDS = 8, 80

#: Weights of the score's parts; relevance to the centroid is weighted 1. The
#: figures are what dropping each part costs, ROUGE-1 / ROUGE-2, on the tuning
#: clusters.
#: Position, ``LEAD_WEIGHT * exp(-index / LEAD_DECAY)``: by the sentence's index
#: in its article, not its share of the article, as the first ten sentences of a
#: long article are as much its lead as those of a short one (-1.2 / -1.1
#: without it; a decay of 5 sentences: -0.3 / -0.3).
LEAD_WEIGHT = 0.15
LEAD_DECAY = 10.0
#: An article's weight in the event's centroid is its mean closeness to the
#: other articles plus this (three articles or more; see ``_relevance``):
#: -0.2 / -0.2 with equal weights.
AGREEMENT_FLOOR = 0.1
#: LexRank centrality (PageRank over sentences closer than ``LEXRANK_EDGE``),
#: scaled to 1 for the most central sentence: -0.1 / -0.03.
CENTRALITY_WEIGHT = 0.1
LEXRANK_EDGE = 0.1
#: Longer sentences carry more facts: ``LENGTH_WEIGHT`` at ``LENGTH_FULL``
#: words or more (-0.05 / -0.1).
LENGTH_WEIGHT = 0.03
LENGTH_FULL = 40
#: A quotation with its speaker ('"...," the minister said.'); the human
#: summaries quote a lot (-0.3 / -0.7).
QUOTE_WEIGHT = 0.1
#: Support by other independent sources: ``SUPPORT_WEIGHT * log(1 + sources)``.
#: Small: 0.12 (before tuning) and 0.06 cost 0.3 ROUGE-1; 0.03 is neutral.
#: (A penalty for sentences opening on a pronoun or a connective, 0.15 before
#: tuning, cost 0.4 ROUGE-1 even at 0.05 and was dropped; the headline still
#: avoids such openings.)
SUPPORT_WEIGHT = 0.03

#: Headline: prefer an article's first sentence (its lede, written to say who
#: did what), one naming a place (spaCy GPE, LOC or FAC), and a short one.
#: Tuned against the first sentence of the Multi-News references (tuning
#: clusters): ROUGE-1 24.1 with none of them, 25.9 with these. A bonus for
#: naming an actor (PERSON, ORG, NORP, GPE) lowered it (-0.4 at 0.05) and is
#: left out: the candidates all have a verb and open on a name or a noun.
HEADLINE_LEDE_BONUS = 0.1
HEADLINE_PLACE_BONUS = 0.1
HEADLINE_LENGTH_PENALTY = 0.005  # per word

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

DANGLING_START = re.compile(
    r"^(?:he|she|they|it|this|these|that|those|his|her|their|its|but|and|or|so|also|however|"
    r"meanwhile|still|yet|then|there|here|such)\b",
    re.IGNORECASE,
)
#: A headline never speaks in the first or second person.
PERSONAL_START = re.compile(r"^(?:i|we|you|my|our|your)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"""[.!?]["'”’)]*$""")
QUOTE_OPENERS = "\"“«„"
QUOTE_CLOSERS = "\"”»"
#: A quotation running over at most this many sentences becomes one unit.
QUOTE_UNIT_MAX = 4
WORDS = re.compile(r"[^\W\d_]+")
#: A quotation followed by its speaker: '"…," the minister said.' (two words at least after it).
ATTRIBUTED_QUOTE = re.compile(r"""^["“][^"”]+["”],?\s+\S+\s+\S+""")


@dataclass(frozen=True, slots=True)
class _Item:
    article: str
    sentence: Sentence
    share: float  # 0 for the first sentence of its article, towards 1 for the last
    labels: frozenset[str]  # spaCy labels of the names inside the sentence
    people: frozenset[str]  # surnames of the people it names, lower-cased

    @property
    def words(self) -> int:
        return len(self.sentence.text.split())

    @property
    def position(self) -> float:
        """The lead prior: 1 for the first sentence of its article, decaying with the index."""
        return math.exp(-self.sentence.index / LEAD_DECAY)


@dataclass(frozen=True, slots=True)
class _Event:
    """One event's sentences with what the selection needs."""

    items: list[_Item]
    vectors: sparse.csr_matrix  # one row per item, unit length
    support: list[tuple[str, ...]]
    scores: np.ndarray
    eligible: list[int]
    aligned: list[frozenset[tuple[str, int]]]  # the facts and quotations each unit states

    def similarity(self, i: int) -> np.ndarray:
        """Cosine of item ``i`` with every item (one row, computed when asked)."""
        return np.asarray((self.vectors[i] @ self.vectors.T).todense()).ravel()

    def cite(self, i: int) -> Cited:
        s = self.items[i].sentence
        return Cited(text=s.text, citations=self.support[i], article=self.items[i].article, start=s.start, end=s.end)

    def reading_order(self, picked: list[int]) -> list[int]:
        """Earlier in their articles first (by share of the article), then by article order."""
        order = {a: k for k, a in enumerate(dict.fromkeys(item.article for item in self.items))}
        return sorted(picked, key=lambda i: (self.items[i].share, order[self.items[i].article]))


def summarize(
    analyzed: Sequence[AnalyzedArticle],
    groups: Mapping[str, str],
    settings: Settings,
    *,
    facts: Sequence[Fact] = (),
    quotes: Sequence[AlignedQuote] = (),
) -> tuple[Cited | None, tuple[Cited, ...]]:
    """(headline, summary sentences) for one event's analysed articles.

    The summary is the sentences maximal marginal relevance picks under the
    budget, in reading order, at most one from each fact (``facts``, aligned by
    meaning when the sentence model ran) and from each quotation (``quotes``): the
    briefing never says the same thing twice in other words. A sentence that
    carries a quotation cites only the articles whose own wording of it holds
    every word it quotes (a variant's added words are not cited to an article
    that lacks them). The headline is chosen on its own and may also be one of
    them: the briefing reads on its own (leaving the headline's sentence and
    its near-repeats out of it cost 1.0 ROUGE-1 and 0.7 ROUGE-2 on the tuning
    clusters).
    """
    event = _score(analyzed, groups, _Alignment.of(facts, quotes), settings.support_min, settings.support_cover)
    if event is None:
        return None, ()
    headline_index = _pick_headline(event)
    headline = event.cite(headline_index) if headline_index is not None else None
    kind, budget = settings.summary_budget
    picked = _mmr(event, budget, kind)
    return headline, tuple(event.cite(i) for i in event.reading_order(picked))


def _score(
    analyzed: Sequence[AnalyzedArticle],
    groups: Mapping[str, str],
    alignment: _Alignment,
    support_min: float = SUPPORT_MIN,
    support_cover: float = SUPPORT_COVER,
) -> _Event | None:
    items = [
        _Item(a.id, unit, unit.index / max(1, len(a.sentences) - 1), *_names(a, unit))
        for a in analyzed
        for unit in _units(a)
    ]
    if not items:
        return None
    vectors = sparse.csr_matrix(_vectors(items))
    similarity = near_pairs(vectors, min(LEXRANK_EDGE, support_min))
    article_ids = [item.article for item in items]
    sentences = {a.id: a.sentences for a in analyzed}
    support = [
        alignment.quoted_support(item, found)
        for item, found in zip(items, _support(similarity, items, sentences, support_min, support_cover))
    ]
    relevance = _relevance(vectors, article_ids)
    centrality = _lexrank(similarity)

    scores = np.zeros(len(items))
    for i, item in enumerate(items):
        sources = {groups.get(a, a) for a in support[i]}
        text = item.sentence.text
        scores[i] = (
            relevance[i]
            + CENTRALITY_WEIGHT * centrality[i]
            + LEAD_WEIGHT * item.position
            + LENGTH_WEIGHT * min(item.words, LENGTH_FULL) / LENGTH_FULL
            + (QUOTE_WEIGHT if ATTRIBUTED_QUOTE.match(text) else 0.0)
            + SUPPORT_WEIGHT * math.log1p(len(sources) - 1)
        )
    eligible = [i for i, item in enumerate(items) if _eligible(item)]
    return _Event(items, vectors, support, scores, eligible, [alignment.groups_of(item) for item in items])


#: Sentence pairs kept from the similarity matrix: the closest either use
#: (LexRank's edges, support's candidates) asks for. Among the sentences of
#: a 300-article event 1.2% of pairs are this close; 23% share some word.
#: (With ``Settings.support_min`` changed, the lower of the two is used.)
NEAR_MIN = min(LEXRANK_EDGE, SUPPORT_MIN)

#: Rows of the similarity matrix computed at once: bounds the memory of the
#: product (at most this many rows of dense-ish cosines) whatever the event's size.
NEAR_BLOCK_ROWS = 512


def near_pairs(vectors: sparse.csr_matrix, minimum: float) -> sparse.csr_matrix:
    """The pairwise cosines of ``vectors`` (unit rows) at or above ``minimum``,
    as a sparse matrix: computed a block of rows at a time, so memory grows
    with the pairs kept, not with the square of the number of sentences."""
    blocks = []
    for start in range(0, vectors.shape[0], NEAR_BLOCK_ROWS):
        block = (vectors[start : start + NEAR_BLOCK_ROWS] @ vectors.T).tocsr()
        block.data[block.data < minimum] = 0.0
        block.eliminate_zeros()
        blocks.append(block)
    if not blocks:
        return sparse.csr_matrix((0, 0))
    return sparse.vstack(blocks, format="csr")


def _units(article: AnalyzedArticle) -> list[Sentence]:
    """The article's sentences, except that a quotation running over several
    sentences of one paragraph becomes one unit with its attribution:
    '"The state will stand by you. Nobody will be forgotten," Qassar said.'
    rather than a first sentence whose quotation never closes. Units keep the
    first sentence's index, so positions stay those of the article."""
    units: list[Sentence] = []
    sentences = article.sentences
    text_of = article.article.text
    i = 0
    while i < len(sentences):
        j = i
        while (
            _opens_quote(text_of[sentences[i].start : sentences[j].end])
            and j + 1 < len(sentences)
            and j - i + 1 < QUOTE_UNIT_MAX
            and sentences[j + 1].paragraph == sentences[i].paragraph
        ):
            j += 1
        if j == i or _opens_quote(text_of[sentences[i].start : sentences[j].end]):
            units.append(sentences[i])
            i += 1
            continue
        first, last = sentences[i], sentences[j]
        text = text_of[first.start : last.end]
        units.append(
            replace(
                first,
                end=last.end,
                text=text,
                content=tuple(w for s in sentences[i : j + 1] for w in s.content),
                is_quote_only=text[:1] in QUOTE_OPENERS and text[-1:] in QUOTE_CLOSERS,
                has_verb=any(s.has_verb for s in sentences[i : j + 1]),
            )
        )
        i = j + 1
    return units


def _opens_quote(text: str) -> bool:
    """Whether a quotation opened in ``text`` is still open at its end."""
    curly = text.count("“") - text.count("”")
    return curly > 0 or text.count('"') % 2 == 1


def _names(article: AnalyzedArticle, sentence: Sentence) -> tuple[frozenset[str], frozenset[str]]:
    """The spaCy labels of the names inside the sentence, and the surnames of its people."""
    inside = [m for m in article.mentions if sentence.start <= m.start and m.end <= sentence.end]
    people = (m.text.lower().removesuffix("'s").removesuffix("’s") for m in inside if m.label == "PERSON")
    surnames = (WORDS.findall(name) for name in people)
    return frozenset(m.label for m in inside), frozenset(words[-1] for words in surnames if words)


def _vectors(items: Sequence[_Item]):
    documents = [item.sentence.content for item in items]
    if not any(documents):
        documents = [tuple(item.sentence.text.lower().split()) for item in items]
    return tfidf(documents)


def _relevance(vectors, article_ids: Sequence[str]) -> np.ndarray:
    """Cosine of each sentence to the event's centroid.

    The centroid is a weighted mean of the articles' unit-length centroids, so
    a long article weighs no more than a short one (+1.2 ROUGE-1 and +1.1
    ROUGE-2 over the mean of all sentences, where one long article drowns the
    others). With three articles or more, each weighs by its mean closeness to
    the others plus ``AGREEMENT_FLOOR``: a failed scrape or an off-topic page
    counts for little (+0.2 ROUGE-1, +0.3 ROUGE-2).
    """
    ids = np.asarray(article_ids)
    centroids = []
    for article in dict.fromkeys(article_ids):
        mean = np.asarray(vectors[np.flatnonzero(ids == article)].mean(axis=0)).ravel()
        centroids.append(mean / (np.linalg.norm(mean) or 1.0))
    stacked = np.vstack(centroids)
    weights = np.ones(len(centroids))
    if len(centroids) > 2:
        closeness = stacked @ stacked.T
        np.fill_diagonal(closeness, 0.0)
        weights = closeness.sum(axis=1) / (len(centroids) - 1) + AGREEMENT_FLOOR
    centroid = weights @ stacked
    return np.asarray(vectors @ (centroid / (np.linalg.norm(centroid) or 1.0))).ravel()


def _lexrank(similarity: sparse.csr_matrix, damping: float = 0.85, rounds: int = 30) -> np.ndarray:
    """LexRank centrality (Erkan and Radev 2004): PageRank over the graph of
    sentences closer than ``LEXRANK_EDGE``, scaled so the most central is 1.
    ``similarity`` is sparse, holding at least every pair above the edge."""
    n = similarity.shape[0]
    edges = similarity.copy()
    edges.data = (edges.data > LEXRANK_EDGE).astype(float)
    edges.eliminate_zeros()
    degree = np.asarray(edges.sum(axis=1)).ravel()
    degree[degree == 0] = 1.0
    walk = (sparse.diags(1.0 / degree) @ edges).T.tocsr()
    rank = np.full(n, 1.0 / n)
    for _ in range(rounds):
        rank = (1 - damping) / n + damping * (walk @ rank)
    return rank / (rank.max() or 1.0)


def _support(
    similarity: sparse.csr_matrix,
    items: Sequence[_Item],
    sentences: Mapping[str, Sequence[Sentence]],
    support_min: float = SUPPORT_MIN,
    support_cover: float = SUPPORT_COVER,
) -> list[tuple[str, ...]]:
    """For each sentence: its own article, then every article that states all of it.

    Another article supports sentence *s* when one of its sentences *t* is
    close to *s* (cosine >= ``SUPPORT_MIN``) and the passage around *t* (``t``
    with ``SUPPORT_CONTEXT`` units either side, where a speaker or a date of
    *t* is often named) states:

    * every number, ordinal and date of *s*, compared by value as the grounding
      check of the abstractive mode compares them ("six more bodies" is not
      "three more bodies"; "passed in March" is not supported by an article
      that only says when the law came into force);
    * every person *s* names, by surname: the same words from a different
      speaker are not support;
    * every word *s* quotes (inside quotation marks; "a", "an" and "the"
      aside): a quotation is not supported by a passage that words it
      differently or carries only part of it;
    * at least ``SUPPORT_COVER`` of the content lemmas of every sentence of *s*,
      and ``SUPPORT_SHARED_MIN`` of the unit's at the least (a unit may be a
      quotation of several): a quotation of two sentences is
      not supported by an article that carries only the first, nor a sentence
      by one that shares its subject but not its point.

    Set against a hand check of 50 citations of the example events' briefings
    (``bench/citations_handcheck.py``): a close sentence with the same numbers
    alone had let through 13 that state only part of the sentence or another
    speaker's words.
    """
    article_ids = [item.article for item in items]
    wanted = [_Wanted.of(item, sentences[item.article]) for item in items]
    contexts: dict[int, _Context] = {}
    order = list(dict.fromkeys(article_ids))
    supporters: list[set[str]] = [set() for _ in items]
    close = similarity.tocoo()
    keep = close.data >= support_min
    rows, cols = close.row[keep], close.col[keep]
    scan = np.lexsort((cols, rows))  # row by row, as a dense scan would go
    for i, j in zip(rows[scan].tolist(), cols[scan].tolist(), strict=True):
        if article_ids[i] == article_ids[j] or article_ids[j] in supporters[i]:
            continue
        if j not in contexts:
            window = range(max(0, j - SUPPORT_CONTEXT), min(len(items), j + SUPPORT_CONTEXT + 1))
            contexts[j] = _Context.of([items[k] for k in window if article_ids[k] == article_ids[j]])
        if wanted[i].stated_in(contexts[j], support_cover):
            supporters[i].add(article_ids[j])
    return [(own, *(a for a in order if a in found)) for own, found in zip(article_ids, supporters)]


@dataclass(frozen=True, slots=True)
class _Wanted:
    """What a citation must find again of a sentence: its numbers, ordinals and
    dates, its people's surnames, and the content lemmas of each of its sentences."""

    claims: tuple[Claim, ...]
    people: frozenset[str]
    parts: tuple[frozenset[str], ...]
    quoted: frozenset[str] = frozenset()  # the words it quotes: a citation must carry every one

    @classmethod
    def of(cls, item: _Item, sentences: Sequence[Sentence]) -> _Wanted:
        unit = item.sentence
        inside = [frozenset(s.content) for s in sentences if unit.start <= s.start and s.end <= unit.end]
        return cls(
            claims=tuple(c for c in claims(unit.text) if c.kind != "name"),
            people=item.people,
            parts=tuple(part for part in inside if part) or (frozenset(unit.content),),
            quoted=frozenset(w for quote in QUOTED.findall(unit.text) for w in _quoted_words(quote)),
        )

    def stated_in(self, context: _Context, cover: float = SUPPORT_COVER) -> bool:
        return (
            all(context.evidence.supports(c) for c in self.claims)
            and all(p in context.words or fold(p) in context.words for p in self.people)
            and all(len(part & context.lemmas) >= cover * len(part) for part in self.parts)
            and len(frozenset().union(*self.parts) & context.lemmas) >= SUPPORT_SHARED_MIN
            and self.quoted <= context.words
        )


@dataclass(frozen=True, slots=True)
class _Context:
    """A passage that may support a sentence: its numbers and dates, its words
    (accents folded too, for surnames) and its content lemmas."""

    evidence: Evidence
    words: frozenset[str]
    lemmas: frozenset[str]

    @classmethod
    def of(cls, passage: Sequence[_Item]) -> _Context:
        texts = [item.sentence.text for item in passage]
        words = {w for text in texts for w in WORDS.findall(text.lower())}
        return cls(
            evidence=evidence(texts),
            words=frozenset(words | {fold(w) for w in words}),
            lemmas=frozenset(w for item in passage for w in item.sentence.content),
        )


def _eligible(item: _Item) -> bool:
    sentence = item.sentence
    text = sentence.text
    return (
        MIN_WORDS <= item.words <= MAX_WORDS
        and sentence.has_verb
        and "\n" not in text
        and bool(SENTENCE_END.search(text))
        and (text[:1].isupper() or text[:1] in "\"“‘'")
        and not PRONOUN_ATTRIBUTION.search(text)
    )


@dataclass(frozen=True, slots=True)
class _Alignment:
    """The event's facts and quotations by sentence: which a unit states, and
    each quotation's wording in every article that carries it. Indexed by
    article, so a unit looks only at its own article's statements."""

    facts: dict[str, list[tuple[int, int]]]  # article -> (statement start, fact number)
    quotes: tuple[tuple[tuple[str, int, int, frozenset[str]], ...], ...]  # per quotation: (article, start, end, words)
    variants: dict[str, list[tuple[int, int, int, frozenset[str]]]]  # article -> (start, end, quotation, words)

    @classmethod
    def of(cls, facts: Sequence[Fact], quotes: Sequence[AlignedQuote]) -> _Alignment:
        by_article: dict[str, list[tuple[int, int]]] = {}
        for n, f in enumerate(facts):
            for statement in f.statements:
                by_article.setdefault(statement.article, []).append((statement.start, n))
        wordings = tuple(
            tuple((v.article, v.start, v.end, _quoted_words(v.text)) for v in q.variants) for q in quotes
        )
        variants: dict[str, list[tuple[int, int, int, frozenset[str]]]] = {}
        for n, wording in enumerate(wordings):
            for article, start, end, words in wording:
                variants.setdefault(article, []).append((start, end, n, words))
        return cls(facts=by_article, quotes=wordings, variants=variants)

    def _variants(self, item: _Item) -> list[tuple[int, frozenset[str]]]:
        s = item.sentence
        return [(n, words) for start, end, n, words in self.variants.get(item.article, ()) if start < s.end and s.start < end]

    def groups_of(self, item: _Item) -> frozenset[tuple[str, int]]:
        s = item.sentence
        facts = {("fact", n) for start, n in self.facts.get(item.article, ()) if s.start <= start < s.end}
        return frozenset(facts | {("quote", n) for n, _ in self._variants(item)})

    def quoted_support(self, item: _Item, citations: tuple[str, ...]) -> tuple[str, ...]:
        """``citations`` less the other articles whose wording of a quotation in
        ``item`` lacks some of its words (or that do not carry it at all)."""
        own, *others = citations
        for n, words in self._variants(item):
            holders = {
                article for article, _, _, theirs in self.quotes[n] if article != own and words <= theirs
            }
            others = [a for a in others if a in holders]
        return (own, *others)


def _quoted_words(text: str) -> frozenset[str]:
    """Every word of a quotation but the articles, folded: "we will not do it"
    and "we will do it" differ, and so do "we have to" and "we're going to"."""
    return frozenset(w for w in (fold(w) for w in WORDS.findall(text.lower())) if w not in ARTICLES)


#: The only words a quotation may lose or gain without saying more or less.
ARTICLES = frozenset({"a", "an", "the"})

#: Words inside quotation marks in a briefing sentence ("…," she said).
QUOTED = re.compile(r"[\"“«„]([^\"”»]{2,})[\"”»]")


#: A quotation whose only attribution is a pronoun ("..., he added."): out of
#: its article, the reader cannot tell who spoke.
PRONOUN_ATTRIBUTION = re.compile(
    r"""["”’]\s*,?\s*(?:he|she|they|it)\s+\w+(?:ed|s)?\s*(?:on\s+\w+\s*)?[.!?]?\s*$""", re.IGNORECASE
)


def _pick_headline(event: _Event) -> int | None:
    """A Current Events line: the best of the first three sentences of the
    articles with at most 40 words, preferring a lede, one that names the place
    and a short one; never one that opens on a quotation, a pronoun or a
    connective."""
    items = event.items

    def fit(i: int) -> float:
        item = items[i]
        return (
            event.scores[i]
            + (HEADLINE_PLACE_BONUS if item.labels & PLACE_LABELS else 0.0)
            + (HEADLINE_LEDE_BONUS if item.sentence.index == 0 else 0.0)
            - HEADLINE_LENGTH_PENALTY * item.words
        )

    short = [i for i in event.eligible if items[i].words <= HEADLINE_MAX_WORDS]
    candidates = [
        i for i in short
        if items[i].sentence.index <= 2
        and not DANGLING_START.match(items[i].sentence.text)
        and not PERSONAL_START.match(items[i].sentence.text)
        and items[i].sentence.text[:1] not in QUOTE_OPENERS
    ] or short
    return max(candidates, key=fit, default=None)


def _mmr(event: _Event, budget: int, kind: str) -> list[int]:
    """Maximal marginal relevance: the candidate with the best
    ``MMR_LAMBDA * score - (1 - MMR_LAMBDA) * closeness to the picked`` next; a
    near-repeat is dropped, and so is a unit stating a fact or a quotation
    already picked. ``kind`` "words": one that does not fit the word
    budget is skipped (the shorter ones after it may still fit: +0.4 ROUGE-1
    over stopping at the first that does not); "sentences": stop at ``budget``
    sentences."""
    picked: list[int] = []
    said: set[tuple[str, int]] = set()  # facts and quotations already in the briefing
    used = 0
    pool = np.asarray(event.eligible, dtype=int)
    overlap = np.zeros(len(event.scores))
    alive = np.ones(len(pool), dtype=bool)
    while alive.any():
        gain = MMR_LAMBDA * event.scores[pool] - (1 - MMR_LAMBDA) * overlap[pool]
        gain[~alive] = -np.inf
        k = int(np.argmax(gain))
        alive[k] = False
        best = int(pool[k])
        if overlap[best] > REDUNDANCY_MAX or event.aligned[best] & said:
            continue
        words = event.items[best].words
        if kind == "sentences" and used + 1 > budget:
            break
        if kind == "words" and used + words > budget:
            continue
        picked.append(best)
        said |= event.aligned[best]
        used += 1 if kind == "sentences" else words
        overlap = np.maximum(overlap, event.similarity(best))
    return picked
