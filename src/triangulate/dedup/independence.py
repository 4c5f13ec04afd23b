"""Independence groups: articles that share passages count as one source.

**Candidates.** Every sentence of every article (sentences of at least
:data:`MIN_UNIT_WORDS` words, not mostly inside quotation marks) becomes a set of
word :data:`SHINGLE_WORDS`-grams, hashed into a seeded MinHash and put into a
MinHash LSH index. Sentences, not paragraphs or whole articles, because the
sentence is what outlets copy and edit: a reprint cuts or adds sentences and
whole paragraphs, re-breaks paragraphs and pastes a few paragraphs into a
much longer story, all of which sink a paragraph- or article-level Jaccard, while
a copied sentence keeps a high Jaccard even with a word changed (one changed
word in a 25-word sentence removes at most 3 of 23 trigrams: Jaccard ≈ 0.77).
Articles with at least one colliding sentence are a candidate pair. The cost
grows with the number of sentences and the size of the LSH buckets, not with
the number of article pairs.

**Verification.** Each candidate pair is checked exactly
(:mod:`.passages`): maximal common runs of normalised words, joined across
small edits, counting only words outside quotation marks in both articles. A
passage is recorded when it has at least :data:`MIN_PASSAGE_WORDS` such words;
two articles are dependent when their recorded passages add up to at least
:data:`MIN_SHARED_WORDS`.

**Groups** are the connected components of "dependent"; a group's id is the
smallest article id in it (sorted order), so it depends on content, not on input
order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations

from datasketch import MinHash, MinHashLSH

from ..errors import DuplicateIds
from ..unionfind import DisjointSets
from ..model import AnalyzedArticle, Article, SharedPassage, Span
from .passages import Run, shared_runs
from .text import Words, words_of

#: Word n-grams hashed per sentence. Trigrams: short sentences still give enough
#: shingles, and function-word trigrams ("said on Thursday") rarely fill a sentence.
SHINGLE_WORDS = 3

#: Sentences shorter than this are not indexed ("He added.", "Police said.").
MIN_UNIT_WORDS = 6

#: MinHash size and LSH Jaccard threshold. At 128 permutations datasketch picks
#: 25 bands of 5 rows: a sentence pair becomes a candidate with probability 0.99
#: at Jaccard 0.7 (a copied 25-word sentence with one word changed is at ~0.77),
#: 0.55 at 0.5 and 0.06 at 0.3 (two outlets' own sentences about the same fact).
#: The LSH only proposes: a copied passage is missed only if none of its
#: sentences collides, and 25+ copied words almost always hold a whole sentence
#: at Jaccard 0.7 or more.
NUM_PERM = 128
LSH_THRESHOLD = 0.5

#: Exact verification: runs start from this many equal words in a row; runs that
#: follow each other in both texts with at most MAX_GAP_WORDS differing words
#: between them are one passage (a changed number or spelling inside a copy).
SEED_WORDS = 6
MAX_GAP_WORDS = 3

#: A shared passage is recorded from this many unquoted shared words (about half
#: a news sentence), and two articles are dependent from MIN_SHARED_WORDS (two
#: sentences, or one long one). Calibrated with bench/entities.py on the four
#: gold events: articles the gold keeps apart share runs of at most 12 unquoted
#: words ("its first session in Almar on Saturday. It has 60 days to report"),
#: wire copies at least 194; pasting two wire paragraphs into an independent story
#: is caught, one shared sentence (15-24 words) or a shared 30-word quote is not.
#: On 1,479 real AllSides excerpts the grouper joins two pairs, both true copies.
MIN_PASSAGE_WORDS = 15
MIN_SHARED_WORDS = 25

#: A sentence colliding with more articles than this is checked as a chain over
#: the sorted ids plus a star around the first, not as every pair: connectivity
#: is kept and a story reprinted by thousands of outlets stays linear.
MAX_CLIQUE = 48

#: A sentence with more than this share of its words inside quotes is not indexed.
MAX_QUOTED_SHARE = 0.5


class IndependenceGrouper:
    """Finds passages that articles share and groups the articles that share them.

    Follows the scikit-learn convention: the constructor stores parameters only,
    :meth:`fit` learns ``passages_``, ``pairs_``, ``groups_`` and ``candidates_``
    and returns ``self``. ``seed`` seeds the MinHash permutations; results do not
    depend on the order of the articles.
    """

    def __init__(
        self,
        *,
        min_shared_words: int = MIN_SHARED_WORDS,
        min_passage_words: int = MIN_PASSAGE_WORDS,
        lsh_threshold: float = LSH_THRESHOLD,
        num_perm: int = NUM_PERM,
        shingle_words: int = SHINGLE_WORDS,
        seed_words: int = SEED_WORDS,
        max_gap_words: int = MAX_GAP_WORDS,
        seed: int = 0,
    ) -> None:
        self.min_shared_words = min_shared_words
        self.min_passage_words = min_passage_words
        self.lsh_threshold = lsh_threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.seed_words = seed_words
        self.max_gap_words = max_gap_words
        self.seed = seed

    def fit(self, articles: Iterable[Article | AnalyzedArticle]) -> IndependenceGrouper:
        """Learn the shared passages and independence groups of ``articles``.

        Learned attributes:

        - ``groups_``: article id -> group id (the smallest id in its group);
        - ``passages_``: every recorded :class:`SharedPassage` of dependent pairs,
          sorted by article ids and position;
        - ``pairs_``: the dependent pairs ``(id, id)``, smaller id first, sorted;
        - ``candidates_``: how many candidate pairs the LSH index proposed.
        """
        items = sorted((_article(a) for a in articles), key=lambda a: a.id)
        ids = [a.id for a in items]
        if len(set(ids)) != len(ids):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            raise DuplicateIds(dupes)
        words = [words_of(a.text) for a in items]
        candidates = self._candidates(words)
        passages: list[SharedPassage] = []
        pairs: list[tuple[str, str]] = []
        for i, j in sorted(candidates):
            runs = shared_runs(
                words[i], words[j],
                seed_words=self.seed_words, max_gap=self.max_gap_words, min_words=self.min_passage_words,
            )
            if sum(r.unquoted for r in runs) < self.min_shared_words:
                continue
            pairs.append((ids[i], ids[j]))
            passages.extend(_passage(items[i], items[j], words[i], words[j], r) for r in runs)
        self.candidates_ = len(candidates)
        self.pairs_ = tuple(pairs)
        self.passages_ = tuple(passages)
        self.groups_ = _components(ids, pairs)
        return self

    def _candidates(self, words: Sequence[Words]) -> set[tuple[int, int]]:
        """Pairs of article indexes (i < j) with at least one colliding sentence."""
        lsh = MinHashLSH(threshold=self.lsh_threshold, num_perm=self.num_perm)
        keys: list[tuple[int, int]] = []
        shingles: list[list[bytes]] = []
        for i, w in enumerate(words):
            for k, (start, end) in enumerate(w.sentences):
                if end - start < MIN_UNIT_WORDS or sum(w.quoted[start:end]) > MAX_QUOTED_SHARE * (end - start):
                    continue
                grams = {" ".join(w.norm[p : p + self.shingle_words]) for p in range(start, end - self.shingle_words + 1)}
                keys.append((i, k))
                shingles.append([g.encode("utf-8") for g in sorted(grams)])
        hashes = MinHash.bulk(shingles, num_perm=self.num_perm, seed=self.seed) if shingles else []
        for key, minhash in zip(keys, hashes):
            lsh.insert(key, minhash, check_duplication=False)
        buckets = {frozenset(i for i, _ in lsh.query(minhash)) | {key[0]} for key, minhash in zip(keys, hashes)}
        pairs: set[tuple[int, int]] = set()
        for bucket in buckets:
            members = sorted(bucket)
            if len(members) <= MAX_CLIQUE:
                pairs.update(combinations(members, 2))
            else:
                pairs.update(zip(members, members[1:]))
                pairs.update((members[0], m) for m in members[1:])
        return pairs


def group_articles(articles: Iterable[Article | AnalyzedArticle], seed: int = 0) -> IndependenceGrouper:
    """Fit an :class:`IndependenceGrouper` with the default thresholds."""
    return IndependenceGrouper(seed=seed).fit(articles)


def _article(item: Article | AnalyzedArticle) -> Article:
    return item.article if isinstance(item, AnalyzedArticle) else item


def _passage(a: Article, b: Article, wa: Words, wb: Words, run: Run) -> SharedPassage:
    spans = []
    for article, w, start, end in ((a, wa, run.a_start, run.a_end), (b, wb, run.b_start, run.b_end)):
        s, e = w.starts[start], w.ends[end - 1]
        spans.append(Span(s, e, article.text[s:e]))
    return SharedPassage(articles=(a.id, b.id), spans=(spans[0], spans[1]), words=run.unquoted)


def _components(ids: Sequence[str], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Connected components; each article maps to the smallest id of its component."""
    sets = DisjointSets(ids)
    for a, b in pairs:
        sets.union(a, b)
    return {i: sets.find(i) for i in ids}
