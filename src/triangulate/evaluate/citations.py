"""The citation check: does each article a briefing sentence cites state the same thing?

**Citations that hold** (:func:`check_citations`). A summary sentence *s*
taken from article A may cite another article B only when B states the same
thing. B *supports* s when some passage t of B, one to three adjacent
sentences read together, passes all three tests:

1. numbers and dates: every number, ordinal and date of s is also in t,
   compared by value as the grounding check of the abstractive mode compares
   them ("three" is 3, "2.5 million" is 2,500,000; weekdays, months, years;
   "no one" asks for a "one", which errs on the side of rejecting);
2. names: of the named entities spaCy found in s (people, organisations,
   places, groups, facilities, events, laws, products, works), at least half
   (``ENTITY_SHARE_MIN``) are found in t or in the two sentences before it (where
   the antecedent of t's "he" or "the minister" usually is): the last word of
   the name, lower-cased, without a possessive, is a word there, or shares its
   first five letters with one (Democrats / Democratic, Syria / Syrian);
3. content: at least 40% (``LEMMA_SHARE_MIN``) of the distinct content lemmas
   of s (lower-cased lemmas of non-stop-word words and numbers), and at least
   3 of them (``LEMMA_SHARED_MIN``; all, if s has fewer), are lemmas of t
   (the words of its names are left out here: test 2 looks for them); when
   s is several sentences (a quotation and its speaker), this holds for each
   of them: an article that carries only the first sentence of a quotation
   does not support all of it.

Citation *precision* is the share of citations to other articles that pass;
*recall* is, over the other articles of the event that pass for a sentence,
the share that the sentence cites. A sentence whose first citation is not its
own article counts as uncited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..lexicon import NAMED_LABELS
from ..errors import UsageError
from ..model import AnalyzedArticle, Cited
from ..settings import Settings
from ..summarize.grounding import Claim, Evidence, claims, evidence

#: Citation check thresholds (see the module docstring), set by reading its
#: verdicts by hand. On the fictional events' briefings every verdict agreed
#: with a reading of the articles. Of the Multi-News citations it rejects,
#: about half are true support it cannot see (an alias such as "Prodigy" for
#: "Johnson", a translated quotation, a speaker named two sentences earlier),
#: so the precision it reports is a lower bound.
LEMMA_SHARE_MIN = 0.4
LEMMA_SHARED_MIN = 3
ENTITY_SHARE_MIN = 0.5
#: A supporting passage is one to three adjacent sentences (a briefing item may
#: be a quotation that runs over several); names may sit up to two sentences
#: before it.
PASSAGE_SENTENCES = 3
CONTEXT_SENTENCES = 2


@dataclass(frozen=True, slots=True)
class CitationVerdict:
    """Whether ``article`` supports a summary sentence taken from ``source``."""

    sentence: str
    source: str
    article: str
    cited: bool
    supported: bool
    evidence: str  # the passage of ``article`` that matches best ("" when none)
    reason: str  # why it does not support the sentence ("" when it does)


@dataclass(frozen=True, slots=True)
class _Passage:
    text: str
    words: frozenset[str]
    evidence: Evidence  # its numbers and dates
    lemmas: frozenset[str]


def check_citations(items: Iterable[Cited], analyzed: Sequence[AnalyzedArticle]) -> list[CitationVerdict]:
    """One verdict per (summary sentence, article of the event other than its own).

    The test is the module docstring's: numbers, names and content lemmas of the
    sentence found in one to three adjacent sentences of the article.
    An item may span several sentences of its article (a quotation and its
    speaker); its lemmas are then those of all of them.
    """
    by_id = {a.id: a for a in analyzed}
    passages = {a.id: _passages(a) for a in analyzed}
    verdicts = []
    for item in items:
        source = by_id.get(item.article)
        inside = [s for s in source.sentences if item.start <= s.start and s.end <= item.end] if source else []
        names = _entity_keys(source, item.start, item.end) if source else set()
        named = _entity_words(source, item.start, item.end) if source else set()
        parts = [frozenset(s.content) - named or frozenset(s.content) for s in inside if s.content]
        parts = parts or [frozenset(_words(item.text))]
        values = [c for c in claims(item.text) if c.kind != "name"]
        for other in analyzed:
            if other.id == item.article:
                continue
            best, reason = "", "the article has no sentences"
            best_share = -1.0
            supported = False
            for passage in passages[other.id]:
                share = sum(len(part & passage.lemmas) / len(part) for part in parts) / len(parts)
                failure = _failure(values, names, parts, passage)
                if failure is None:
                    supported, best, reason = True, passage.text, ""
                    break
                if share > best_share:
                    best, reason, best_share = passage.text, failure, share
            verdicts.append(
                CitationVerdict(item.text, item.article, other.id, other.id in item.citations, supported, best, reason)
            )
    return verdicts


def _failure(
    values: Sequence[Claim], names: set[str], parts: Sequence[frozenset[str]], passage: _Passage
) -> str | None:
    missing = [c.text for c in values if not passage.evidence.supports(c)]
    if missing:
        return f"not in the passage: {', '.join(repr(m) for m in dict.fromkeys(missing))}"
    if names:
        found = sum(_name_found(name, passage.words) for name in names)
        if found / len(names) < ENTITY_SHARE_MIN:
            return f"only {found} of {len(names)} names in the passage"
    for k, lemmas in enumerate(parts):
        wanted, shared = len(lemmas), len(lemmas & passage.lemmas)
        if shared / wanted < LEMMA_SHARE_MIN or shared < min(LEMMA_SHARED_MIN, wanted):
            which = f"its sentence {k + 1} " if len(parts) > 1 else "it "
            return (
                f"{which}shares {shared} of {wanted} content lemmas "
                f"(at least {LEMMA_SHARE_MIN:.0%} and {LEMMA_SHARED_MIN} needed)"
            )
    return None


def _passages(article: AnalyzedArticle) -> list[_Passage]:
    """Every run of one to ``PASSAGE_SENTENCES`` adjacent sentences. Their
    ``words`` (for names) also take in the ``CONTEXT_SENTENCES`` sentences before
    them, where the antecedent of a "he" or "she said" usually is."""
    sentences = article.sentences
    texts = [s.text for s in sentences]
    words = [frozenset(_words(t)) for t in texts]
    lemmas = [frozenset(s.content) for s in sentences]
    passages = []
    for size in range(1, PASSAGE_SENTENCES + 1):
        for i in range(len(sentences) - size + 1):
            span = range(i, i + size)
            context = range(max(0, i - CONTEXT_SENTENCES), i + size)
            passages.append(
                _Passage(
                    " ".join(texts[k] for k in span),
                    frozenset().union(*(words[k] for k in context)),
                    evidence(texts[k] for k in span),
                    frozenset().union(*(lemmas[k] for k in span)),
                )
            )
    return passages


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", re.sub(r"(?<=\w)\.(?=\w)", "", text).lower())


def _entity_keys(article: AnalyzedArticle, start: int, end: int) -> set[str]:
    keys = set()
    for mention in article.mentions:
        if mention.label in NAMED_LABELS and start <= mention.start and mention.end <= end:
            words = _words(re.sub(r"['’]s$", "", mention.text.strip()))
            if words:
                keys.add(words[-1])
    return keys


def _entity_words(article: AnalyzedArticle, start: int, end: int) -> set[str]:
    """Every word of the names in ``start:end``, lower-cased: the names test
    looks for them, so the content test leaves them out ("Justice Paul Ferrant
    wrote" is who spoke, not what was said)."""
    return {
        word
        for mention in article.mentions
        if mention.label in NAMED_LABELS and start <= mention.start and mention.end <= end
        for word in _words(mention.text)
    }


def _name_found(key: str, words: frozenset[str]) -> bool:
    return key in words or (len(key) >= 5 and any(w[:5] == key[:5] for w in words if len(w) >= 5))


@dataclass(frozen=True, slots=True)
class CitationSummary:
    sentences: int
    uncited: int  # sentences whose first citation is not their own article
    cited: int  # citations to other articles
    cited_supported: int
    supported: int  # other articles that support a sentence (by the check)

    @property
    def precision(self) -> float:
        return self.cited_supported / self.cited if self.cited else 1.0

    @property
    def recall(self) -> float:
        return self.cited_supported / self.supported if self.supported else 1.0


def summarize_citations(items: Sequence[Cited], verdicts: Sequence[CitationVerdict]) -> CitationSummary:
    return CitationSummary(
        sentences=len(items),
        uncited=sum(not c.citations or c.citations[0] != c.article for c in items),
        cited=sum(v.cited for v in verdicts),
        cited_supported=sum(v.cited and v.supported for v in verdicts),
        supported=sum(v.supported for v in verdicts),
    )


def check_brief_citations(paths: Sequence[str], settings: Settings | None = None) -> tuple[list[Cited], list[CitationVerdict]]:
    """Brief ``paths`` as ``triangulate brief`` does and check the headline's and
    the briefing's citations: (cited sentences, verdicts)."""
    return check_brief_citations_by_length(paths, [settings or Settings()])[0]


def check_brief_citations_by_length(
    paths: Sequence[str], settings: Sequence[Settings]
) -> list[tuple[list[Cited], list[CitationVerdict]]]:
    """:func:`check_brief_citations` for each of ``settings``, which may differ
    only in the briefing's length: the inputs are read and analysed once, and
    the citations are checked against that same analysis."""
    from ..pipeline import analyze_inputs, brief_analysis

    if not settings:
        return []
    lengthless = {s.with_(summary_sentences=None, summary_words=None) for s in settings}
    if len(lengthless) > 1:
        raise UsageError(
            "check_brief_citations_by_length briefs one analysis several times, so its settings may differ "
            "only in summary_sentences or summary_words; check the others separately."
        )
    analysis = analyze_inputs(list(paths), settings[0])
    results = []
    for each in settings:
        briefing = brief_analysis(analysis, each)
        items = distinct_cited(([briefing.headline] if briefing.headline else []) + list(briefing.summary))
        results.append((items, check_citations(items, analysis.analyzed)))
    return results


def distinct_cited(items: Iterable[Cited]) -> list[Cited]:
    """Each sentence once (the headline may also be a briefing sentence)."""
    return list({(c.article, c.start, c.end): c for c in items}.values())
