"""Quotes across articles: one utterance, reported in several wordings.

Outlets quote the same words differently: a wire's exact sentence, a
paraphrase, a translation from Arabic, a fragment ("never received any
report"). Two quotes from different articles are variants of one utterance when

- their speakers are the same (``same_speaker``; by default the normalised
  surnames agree and so do first names when both are given, spelling-tolerant:
  "Mohammed al-Rashidi", "Muhammad Rashidi" and "Mohamed el-Rashidy" are one
  speaker, "Leila al-Hashimi" and "Karim al-Hashimi" are two);
- their content is close: the larger of the TF-IDF cosine of their content
  lemmas and the share of the shorter quote's lemmas found in the longer one
  (for fragments), at or above ``threshold``;
- the dates they were said on, when the articles say, do not differ, and none is
  later than the publication of another variant's article.

Matching is greedy, best pair first, one variant per article. When a variant
carries a clause or a number the others lack, the ``note`` says so: "only
tamzara-today-0313 has: “every house that was lost will be rebuilt at the
state's expense”".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from ..analyze.quotes import Quote
from ..model import AlignedQuote, QuoteVariant  # noqa: F401  (re-exported: defined in model)
from ..analyze.speakers import name_key, strip_title, surname_key
from ..vectors import tfidf

__all__ = ["AlignedQuote", "QuoteVariant", "align_quotes", "default_same_speaker", "quote_similarity"]

#: Similarity at or above which two same-speaker quotes are one utterance.
#: Calibrated on the four gold events (``python bench/comparison.py --pairs``
#: prints every same-speaker pair of gold quotes from different articles): the 27
#: pairs of one utterance score 0.40 (translations, by their word frame) to 1.0;
#: of the 70 pairs of different utterances, 63 score at most 0.27, and the seven
#: above 0.35 (0.40 to 1.0: a minister repeating a denial a day later, a post and
#: an interview) are all kept apart by their dates or publication dates.
QUOTE_MATCH_THRESHOLD = 0.35

#: A clause of a variant is its own claim when at most this share of its
#: content lemmas appears in any other variant.
UNIQUE_CLAUSE_OVERLAP = 0.34

SameSpeaker = Callable[[str, str], bool]


def _given_names(name: str) -> list[str]:
    bare, _ = strip_title(name)
    words = [w for w in bare.split() if not w.endswith(".") or len(w) > 2]
    return words[:-1]


def default_same_speaker(a: str, b: str) -> bool:
    """Same normalised surname (spelling-tolerant), and compatible first names."""
    if not a or not b:
        return False
    if " ".join(a.casefold().split()) == " ".join(b.casefold().split()):
        return True
    sa, sb = surname_key(strip_title(a)[0]), surname_key(strip_title(b)[0])
    if not sa or not sb or not (sa == sb or name_key(sa) == name_key(sb)):
        return False
    ga, gb = _given_names(a), _given_names(b)
    if ga and gb:
        first_a, first_b = ga[0], gb[0]
        if first_a[0].casefold() != first_b[0].casefold():
            return False
        if len(first_a.rstrip(".")) > 1 and len(first_b.rstrip(".")) > 1 and name_key(first_a) != name_key(first_b):
            return False
    return True


def _lemmas(quote: Quote) -> list[str]:
    return [t.lemma for t in quote.terms]


def quote_similarity(quotes: Sequence[Quote]) -> np.ndarray:
    """Pairwise similarity of quotes, the largest of three views:

    - TF-IDF cosine of content lemmas (same words, any order);
    - for a partial quotation, the share of its content lemmas in the other quote;
    - Dice overlap of all words, function words included, when the two share a
      content word at all: a translation keeps the frame ("We will not rest until
      every family ..." / "We will not sleep until each family ...") when it
      changes most content words.
    """
    docs = [_lemmas(q) for q in quotes]
    if not docs:
        return np.zeros((0, 0))
    matrix = tfidf(docs)
    out = (matrix @ matrix.T).toarray()
    sets = [set(d) for d in docs]
    words = [{_stem(w) for w in _WORD.findall(q.text.casefold())} for q in quotes]
    stems = [{_stem(w) for w in d} for d in docs]
    fragments = [_is_fragment(q) for q in quotes]
    n = len(quotes)
    for i in range(n):
        for j in range(i + 1, n):
            best = out[i, j]
            small = i if len(sets[i]) <= len(sets[j]) else j
            if fragments[small] and len(sets[small]) >= 2:
                containment = len(sets[i] & sets[j]) / len(sets[small])
                best = max(best, containment * (0.9 if len(sets[small]) == 2 else 1.0))
            if words[i] and words[j] and stems[i] & stems[j]:
                best = max(best, 2 * len(words[i] & words[j]) / (len(words[i]) + len(words[j])))
            out[i, j] = out[j, i] = best
    return out


_WORD = re.compile(r"\w+")
_SUFFIXES = ("ingly", "edly", "ing", "ly", "ed", "es", "s")


def _stem(word: str) -> str:
    """A crude suffix strip, enough to make "clear" and "clearly" one word."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _is_fragment(quote: Quote) -> bool:
    """A partial quotation inside the reporter's sentence ("said it "never received any report"")."""
    return quote.text[:1].islower()


def align_quotes(
    quotes: Iterable[Quote],
    same_speaker: SameSpeaker = default_same_speaker,
    threshold: float = QUOTE_MATCH_THRESHOLD,
    published: Mapping[str, str | None] | None = None,
    attributed_only: bool = True,
) -> tuple[AlignedQuote, ...]:
    """The event's quotes, variants of one utterance merged; most-reported first."""
    items = [q for q in quotes if q.speaker or not attributed_only]
    published = published or {}
    sim = quote_similarity(items)
    cluster = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    pairs = []
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if a.article == b.article or sim[i, j] < threshold:
                continue
            if not (a.speaker and b.speaker and same_speaker(a.speaker, b.speaker)):
                continue
            pairs.append((sim[i, j], i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    for _, i, j in pairs:
        ci, cj = cluster[i], cluster[j]
        if ci == cj:
            continue
        joined = members[ci] + members[cj]
        if not _compatible([items[k] for k in joined], published):
            continue
        for k in members[cj]:
            cluster[k] = ci
        members[ci] = joined
        del members[cj]
    aligned = [_aligned([items[k] for k in sorted(group)]) for group in members.values()]
    aligned.sort(key=lambda q: (-len(q.articles), q.variants[0].article, q.variants[0].start))
    return tuple(aligned)


def _compatible(group: list[Quote], published: Mapping[str, str | None]) -> bool:
    """One wording per article, and no two days for one utterance: dates the
    attributions give must agree with each other and with the dates assumed for
    undated quotes, and none may be later than a variant's publication."""
    articles = [q.article for q in group]
    if len(set(articles)) < len(articles):
        return False
    dates = {q.date for q in group if q.date}
    if len(dates) > 1:
        return False
    if dates:
        said = next(iter(dates))
        for q in group:
            day = published.get(q.article)
            if day and said > day:
                return False  # said after this article came out
            if q.assumed_date and q.assumed_date != said:
                return False
    return True


def _aligned(group: list[Quote]) -> AlignedQuote:
    variants = tuple(QuoteVariant(q.article, q.text, q.start, q.end, q.speaker) for q in group)
    wordings: dict[str, int] = {}
    for q in group:
        wordings[q.text] = wordings.get(q.text, 0) + 1
    text = max(wordings, key=wordings.get)  # ties: the first in input order
    speaker = max((q.speaker for q in group if q.speaker), key=lambda s: (len(s.split()), len(s)), default=None)
    label = next((q.speaker_label for q in group if q.speaker == speaker), None)
    date = next((q.date for q in group if q.date), None)
    return AlignedQuote(speaker, label, text, tuple(dict.fromkeys(q.article for q in group)), variants,
                        _note(group), date)


_CLAUSE_BREAK = re.compile(r"[.;!?]+\s+|,\s+(?:and|but|while|or)\s+|\s+[—–]\s+")


def _note(group: list[Quote]) -> str | None:
    """Clauses and numbers that only one variant has.

    A clause is its own claim when few of its content lemmas appear in the other
    articles' variants and fewer than half of its words do (a translated clause
    keeps its frame: "We will not sleep until each family has shelter")."""
    if len({q.text for q in group}) < 2:
        return None
    only: list[str] = []
    for q in group:
        others = [o for o in group if o.article != q.article]
        if not others or all(o.text == q.text for o in others):
            continue
        other_lemmas = set().union(*({t.lemma for t in o.terms} for o in others))
        other_words = set().union(*(set(_WORD.findall(o.text.casefold())) for o in others))
        numbers = [t.lemma for t in q.terms if t.lemma[:1].isdigit() and t.lemma not in other_lemmas]
        clauses = []
        for start, end in _clauses(q):
            terms = [t for t in q.terms if start <= t.start < end]
            clause = q.text[start - q.start:end - q.start]
            words = _WORD.findall(clause.casefold())
            if len(terms) < 2 or not words:
                continue
            lemma_share = sum(t.lemma in other_lemmas for t in terms) / len(terms)
            word_share = sum(w in other_words for w in words) / len(words)
            if lemma_share <= UNIQUE_CLAUSE_OVERLAP and word_share < 0.5:
                clauses.append(clause.strip(" ,."))
        extra = [f"“{c}”" for c in clauses]
        extra += [n for n in numbers if not any(n in c for c in clauses)]
        if extra:
            only.append(f"only {q.article} has: " + "; ".join(extra))
    return "; ".join(only) if only else None


def _clauses(q: Quote) -> list[tuple[int, int]]:
    out, last = [], 0
    for match in _CLAUSE_BREAK.finditer(q.text):
        out.append((q.start + last, q.start + match.start()))
        last = match.end()
    out.append((q.start + last, q.end))
    return [(a, b) for a, b in out if b > a]
