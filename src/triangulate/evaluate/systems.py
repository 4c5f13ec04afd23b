"""The systems the summary evaluation scores, each a function
(prepared cluster, word budget) -> :class:`Output`.

Every system reads the same sentences: each article goes through triangulate's
own clean stage (line boilerplate learnt over the whole file) and spaCy
sentence split, then each system picks from those sentences (triangulate may
take a quotation that runs over consecutive sentences as one unit).

Systems: ``triangulate`` (the ``brief`` summarizer), ``lexrank``, ``textrank``
and ``lsa`` (sumy, fed our sentences), ``lead`` (the first sentence of every
article, then the second of every article, ... round-robin) and ``oracle``
(greedy extract against the reference: the ceiling).

**The budget rule, the same for every system.** A system gives its sentences in
its own order (sumy: best rated first; lead: round-robin; oracle: greedy order;
triangulate: its briefing as ``brief --words W`` prints it, whole sentences in
reading order). Sentences are taken in that order until the budget of W words
(whitespace-separated) is reached; the sentence that would cross it is cut to
the words that remain, and nothing follows it. The summary is the taken
sentences, joined by single spaces, in that order.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import Cited, Sentence
from ..settings import Settings
from .clusters import Prepared

SYSTEMS = ("triangulate", "lexrank", "textrank", "lsa", "lead", "oracle")

WORD = re.compile(r"\w+(?:['’.-]\w+)*")


@dataclass(frozen=True, slots=True)
class Output:
    """What one system gives for one cluster: sentences in its own order."""

    sentences: tuple[str, ...]
    headline: Cited | None = None
    cited: tuple[Cited, ...] = ()


def within_budget(sentences: Sequence[str], words: int) -> tuple[str, ...]:
    """The budget rule: sentences in order until ``words`` words; the one that would
    cross the budget is cut to the words that remain, and nothing follows it."""
    taken: list[str] = []
    used = 0
    for sentence in sentences:
        tokens = sentence.split()
        if not tokens:
            continue
        if used + len(tokens) >= words:
            taken.append(" ".join(tokens[: words - used]))
            break
        taken.append(" ".join(tokens))
        used += len(tokens)
    return tuple(taken)


def _sentences(prepared: Prepared) -> list[Sentence]:
    return [s for a in prepared.analyzed for s in a.sentences]


def triangulate_system(settings: Settings) -> Callable[[Prepared, int], Output]:
    """The ``brief`` summarizer with a word budget: its briefing as ``brief``
    prints it (whole sentences that fit, in reading order), so the budget rule
    cuts nothing. The headline is scored on its own (:class:`HeadlineScore`)."""
    from ..summarize import summarize

    def run(prepared: Prepared, words: int) -> Output:
        groups = {a.id: a.id for a in prepared.analyzed}
        budget = settings.with_(summary_words=words, summary_sentences=None)
        headline, summary = summarize(prepared.analyzed, groups, budget)
        return Output(tuple(c.text for c in summary), headline=headline, cited=summary)

    return run


def lead_system(prepared: Prepared, words: int) -> Output:
    """The first sentence of every article, then the second of every article, ..."""
    columns = [a.sentences for a in prepared.analyzed]
    depth = max((len(c) for c in columns), default=0)
    return Output(tuple(c[i].text for i in range(depth) for c in columns if i < len(c)))


class _Words:
    """A sumy tokenizer over sentences we already split: words are runs of letters
    and digits (with inner apostrophes, dots and hyphens). No NLTK data needed."""

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(WORD.findall(sentence))


def sumy_system(name: str) -> Callable[[Prepared, int], Output]:
    """LexRank, TextRank or LSA from sumy over our sentences, English Snowball
    stemmer and sumy's English stop words (both ship with the packages)."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer}
    summarizer = classes[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def run(prepared: Prepared, words: int) -> Output:
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        tokenizer = _Words()
        document = ObjectDocumentModel(
            tuple(Paragraph([SumySentence(s.text, tokenizer) for s in a.sentences]) for a in prepared.analyzed)
        )
        texts = [s.text for s in _sentences(prepared)]
        order: list[int] = []

        def every_sentence(infos):  # sumy hands its rating-sorted list to ``count``
            order.extend(info.order for info in infos)
            return infos

        if texts:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                summarizer(document, every_sentence)
        return Output(tuple(texts[i] for i in order))

    return run


class RougeTokens:
    """rouge-score's own tokenizer with its Porter stemmer, memoised per word
    (the same tokens as ``use_stemmer=True``, several times faster)."""

    def __init__(self) -> None:
        from nltk.stem import porter

        self._porter = porter.PorterStemmer()
        self._cache: dict[str, str] = {}

    def stem(self, word: str) -> str:
        found = self._cache.get(word)
        if found is None:
            found = self._cache[word] = self._porter.stem(word)
        return found

    def tokenize(self, text: str) -> list[str]:
        from rouge_score import tokenize

        return tokenize.tokenize(text, self)


def oracle_system(tokens: RougeTokens) -> Callable[[Prepared, int], Output]:
    """Greedy extract against the reference: repeatedly add the sentence that most
    raises the mean of ROUGE-1 and ROUGE-2 F1 of the budget-cut summary; stop
    when none does or the budget is full."""

    def run(prepared: Prepared, words: int) -> Output:
        reference = tokens.tokenize(prepared.cluster.reference)
        ref = (Counter(reference), Counter(zip(reference, reference[1:])))
        texts = [" ".join(s.text.split()) for s in _sentences(prepared)]
        lengths = [len(t.split()) for t in texts]
        full = [tokens.tokenize(t) for t in texts]
        pool = {i for i, n in enumerate(lengths) if n}
        picked: list[int] = []
        best_score, best_tokens = 0.0, []
        while pool:
            left = words - sum(lengths[i] for i in picked)
            if left <= 0:
                break
            candidates = []
            for i in sorted(pool):
                added = full[i] if lengths[i] <= left else tokens.tokenize(" ".join(texts[i].split()[:left]))
                trial = best_tokens + added
                candidates.append((_rouge12(trial, ref), i, trial))
            score, i, trial = max(candidates, key=lambda c: (c[0], -c[1]))
            if score <= best_score:
                break
            best_score, best_tokens = score, trial
            picked.append(i)
            pool.discard(i)
        return Output(tuple(texts[i] for i in picked))

    return run


def _rouge12(tokens: list[str], ref: tuple[Counter, Counter]) -> float:
    total = 0.0
    for n, reference in ((1, ref[0]), (2, ref[1])):
        grams = Counter(tokens) if n == 1 else Counter(zip(tokens, tokens[1:]))
        overlap = sum(min(c, reference[g]) for g, c in grams.items())
        if overlap:
            p, r = overlap / sum(grams.values()), overlap / sum(reference.values())
            total += 2 * p * r / (p + r)
    return total / 2
