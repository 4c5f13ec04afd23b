"""Scoring the cited briefing against human summaries, beside classic extractive
systems run on the same clusters in the same run.

Data (read with :func:`read_clusters`):

* ``multinews``: the Multi-News CSV (``documents`` is a Python-literal list of
  article strings, ``summary`` the editor's summary, its leading "– " removed);
* ``allsides``: a NeuS ``*.source`` file (three articles per line, separated by
  " [SEP] ", each ``TITLE=> … ARTICLE=> …``) with its ``*.target`` beside it
  (the AllSides neutral roundup, whose ``ARTICLE=>`` part is the reference).

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

ROUGE-1/2/L are F1 from ``rouge-score`` with the Porter stemmer, times 100.
The headline is scored apart, against the reference's first sentence (spaCy's
split), beside the Lead baseline's first sentence: a proxy, as no reference
has a one-line summary.

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

import ast
import csv
import json
import re
import statistics
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..analyze import NAMED_LABELS, analyze_doc
from ..clean import clean_document, fit_boilerplate
from ..errors import UsageError
from ..model import AnalyzedArticle, Article, Cited, RawDocument, Rejected, Sentence
from ..pipeline import NoProgress, Progress
from ..settings import Settings
from ..summarize.grounding import Claim, Evidence, claims, evidence

FORMATS = ("multinews", "allsides")

#: Default word budgets: Multi-News references average ~230 words (the
#: literature uses 260); AllSides roundups of the validation split average 67.
DEFAULT_WORDS = {"multinews": 260, "allsides": 70}

SYSTEMS = ("triangulate", "lexrank", "textrank", "lsa", "lead", "oracle")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")

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

WORD = re.compile(r"\w+(?:['’.-]\w+)*")


# --- data -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cluster:
    """One event of a benchmark file: its articles and the human summary."""

    index: int  # 0-based row in the data file
    articles: tuple[str, ...]
    reference: str
    titles: tuple[str | None, ...] = ()


def read_clusters(path: Path, fmt: str, limit: int | None = None) -> list[Cluster]:
    """The first ``limit`` clusters of a Multi-News CSV or a NeuS ``.source`` file."""
    if fmt not in FORMATS:
        raise UsageError(f"Unknown data format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path} is not a file. Give the {fmt} data file (see --help).")
    return _read_multinews(path, limit) if fmt == "multinews" else _read_allsides(path, limit)


def _read_multinews(path: Path, limit: int | None) -> list[Cluster]:
    csv.field_size_limit(10**9)
    clusters = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"documents", "summary"} <= set(reader.fieldnames):
            raise UsageError(f"{path} has no 'documents' and 'summary' columns: is it a Multi-News CSV?")
        for index, row in enumerate(reader):
            if limit is not None and index >= limit:
                break
            try:
                documents = ast.literal_eval(row["documents"])
            except (ValueError, SyntaxError) as error:
                raise UsageError(f"{path}, row {index}: 'documents' is not a Python list literal ({error}).")
            reference = row["summary"].strip()
            reference = reference[1:].lstrip() if reference.startswith("–") else reference
            clusters.append(Cluster(index, tuple(str(d) for d in documents), reference))
    return clusters


def _read_allsides(path: Path, limit: int | None) -> list[Cluster]:
    target = path.with_suffix(".target")
    if path.suffix != ".source" or not target.is_file():
        raise UsageError(f"{path}: give a NeuS '.source' file with its '.target' file beside it.")
    sources = path.read_text(encoding="utf-8").splitlines()
    targets = target.read_text(encoding="utf-8").splitlines()
    if len(sources) != len(targets):
        raise UsageError(f"{path} has {len(sources)} lines but {target} has {len(targets)}; they must pair up.")
    clusters = []
    for index, (source, reference) in enumerate(zip(sources, targets)):
        if limit is not None and index >= limit:
            break
        parts = [_title_and_body(p) for p in source.split(" [SEP] ") if p.strip()]
        clusters.append(
            Cluster(index, tuple(b for _, b in parts), _title_and_body(reference)[1], tuple(t for t, _ in parts))
        )
    return clusters


def _title_and_body(text: str) -> tuple[str | None, str]:
    title, marker, body = text.partition("ARTICLE=>")
    if not marker:
        return None, text.strip()
    return title.replace("TITLE=>", "").strip() or None, body.strip()


@dataclass(frozen=True, slots=True)
class Prepared:
    """A cluster after triangulate's clean stage and spaCy analysis."""

    cluster: Cluster
    analyzed: tuple[AnalyzedArticle, ...]
    rejected: int = 0  # articles with no text left after cleaning


def prepare_clusters(
    clusters: Sequence[Cluster], settings: Settings, nlp, stage_seconds: dict[str, float] | None = None,
    n_process: int = 1,
) -> list[Prepared]:
    """Clean every article (boilerplate lines learnt over the whole file) and analyse it."""
    seconds = stage_seconds if stage_seconds is not None else {}
    started = time.perf_counter()
    raws = [
        [
            RawDocument(
                id=f"{c.index}-{k}", origin=f"cluster {c.index}, article {k}", kind="text", content=text,
                title=c.titles[k] if k < len(c.titles) else None, language=settings.language,
            )
            for k, text in enumerate(c.articles)
        ]
        for c in clusters
    ]
    model = fit_boilerplate(r for group in raws for r in group)
    cleaned = [[clean_document(r, settings, model) for r in group] for group in raws]
    seconds["clean"] = time.perf_counter() - started

    started = time.perf_counter()
    articles = [a for group in cleaned for a in group if isinstance(a, Article)]
    docs = nlp.pipe((a.text for a in articles), batch_size=32, n_process=n_process)
    analyzed = {a.id: analyze_doc(a, doc) for a, doc in zip(articles, docs)}
    seconds["analyze"] = time.perf_counter() - started
    return [
        Prepared(
            cluster,
            tuple(analyzed[a.id] for a in group if isinstance(a, Article)),
            sum(isinstance(a, Rejected) for a in group),
        )
        for cluster, group in zip(clusters, cleaned)
    ]


# --- systems ----------------------------------------------------------------


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


class _RougeTokens:
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


def oracle_system(tokens: _RougeTokens) -> Callable[[Prepared, int], Output]:
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


# --- citations --------------------------------------------------------------


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


# --- the run ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClusterScore:
    """One system's summary of one cluster and its scores."""

    index: int
    system: str
    summary: str
    words: int
    seconds: float
    rouge: tuple[float, float, float]  # ROUGE-1, ROUGE-2, ROUGE-L F1 x 100


@dataclass(frozen=True, slots=True)
class HeadlineScore:
    """triangulate's headline and the Lead baseline's first sentence against the
    reference's first sentence."""

    index: int
    reference: str
    headline: str
    lead: str
    headline_rouge: tuple[float, float, float]
    lead_rouge: tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class ClusterCitations:
    index: int
    items: tuple[Cited, ...]  # triangulate's headline and summary sentences
    verdicts: tuple[CitationVerdict, ...]


@dataclass(frozen=True, slots=True)
class SystemRow:
    system: str
    rouge1: float
    rouge2: float
    rougeL: float
    words: float
    seconds: float


@dataclass(frozen=True)
class SummaryEvaluation:
    """Every number of one run; ``rows``, ``headline_rows`` and ``citation_summary``
    aggregate them over all clusters or a subset (by data-file row)."""

    data: str
    fmt: str
    words: int
    systems: tuple[str, ...]
    articles: int
    rejected: int
    scores: tuple[ClusterScore, ...]
    headlines: tuple[HeadlineScore, ...]
    citations: tuple[ClusterCitations, ...]
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def indices(self) -> list[int]:
        return sorted({s.index for s in self.scores})

    def rows(self, indices: Iterable[int] | None = None) -> list[SystemRow]:
        chosen = set(self.indices if indices is None else indices)
        rows = []
        for system in self.systems:
            mine = [s for s in self.scores if s.system == system and s.index in chosen]
            if mine:
                rows.append(
                    SystemRow(
                        system,
                        *(statistics.fmean(s.rouge[k] for s in mine) for k in range(3)),
                        words=statistics.fmean(s.words for s in mine),
                        seconds=statistics.fmean(s.seconds for s in mine),
                    )
                )
        return rows

    def headline_rows(self, indices: Iterable[int] | None = None) -> dict[str, tuple[float, float, float, float]]:
        """{"headline" | "lead": (ROUGE-1, ROUGE-2, ROUGE-L, mean words)}."""
        chosen = set(self.indices if indices is None else indices)
        mine = [h for h in self.headlines if h.index in chosen]
        if not mine:
            return {}
        result = {}
        for name, rouge, text in (("headline", "headline_rouge", "headline"), ("lead", "lead_rouge", "lead")):
            result[name] = (
                *(statistics.fmean(getattr(h, rouge)[k] for h in mine) for k in range(3)),
                statistics.fmean(len(getattr(h, text).split()) for h in mine),
            )
        return result

    def citation_summary(self, indices: Iterable[int] | None = None) -> CitationSummary:
        chosen = set(self.indices if indices is None else indices)
        mine = [c for c in self.citations if c.index in chosen]
        items = [i for c in mine for i in c.items]
        return summarize_citations(items, [v for c in mine for v in c.verdicts])

    def to_dict(self, indices: Iterable[int] | None = None) -> dict:
        chosen = self.indices if indices is None else sorted(indices)
        citations = self.citation_summary(chosen)
        return {
            "data": self.data,
            "format": self.fmt,
            "words": self.words,
            "clusters": len(chosen),
            "systems": {r.system: {k: v for k, v in _fields(r).items() if k != "system"} for r in self.rows(chosen)},
            "headline": {
                k: dict(zip(("rouge1", "rouge2", "rougeL", "words"), v)) for k, v in self.headline_rows(chosen).items()
            },
            "citations": {**_fields(citations), "precision": citations.precision, "recall": citations.recall},
            "articles": self.articles,
            "rejected_articles": self.rejected,
            "stage_seconds": self.stage_seconds,
        }


def _fields(obj) -> dict:
    return {name: getattr(obj, name) for name in obj.__slots__}


def evaluate_summaries(
    data: Path,
    fmt: str,
    *,
    limit: int | None = None,
    words: int | None = None,
    systems: Sequence[str] = SYSTEMS,
    settings: Settings | None = None,
    nlp=None,
    progress: Progress | None = None,
) -> SummaryEvaluation:
    """Read ``data``, prepare its clusters once and score every system on them."""
    from ..analyze import load_pipeline

    settings = settings or Settings()
    progress = progress or NoProgress()
    unknown = sorted(set(systems) - set(SYSTEMS))
    if unknown:
        raise UsageError(f"Unknown system(s) {', '.join(unknown)}; choose from: {', '.join(SYSTEMS)}.")
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    progress.stage("Reading clusters")
    clusters = read_clusters(Path(data), fmt, limit)
    seconds["read"] = time.perf_counter() - started
    progress.stage("Loading the language model")
    nlp = nlp or load_pipeline(settings.spacy_model)
    progress.stage("Cleaning and analysing articles")
    articles = sum(len(c.articles) for c in clusters)
    prepared = prepare_clusters(clusters, settings, nlp, seconds, n_process=2 if articles >= 200 else 1)
    return score_systems(
        prepared, words or DEFAULT_WORDS[fmt], systems, settings, nlp,
        data=str(data), fmt=fmt, stage_seconds=seconds, progress=progress,
    )


def score_systems(
    prepared: Sequence[Prepared],
    words: int,
    systems: Sequence[str],
    settings: Settings,
    nlp,
    *,
    data: str = "",
    fmt: str = "",
    stage_seconds: dict[str, float] | None = None,
    progress: Progress | None = None,
) -> SummaryEvaluation:
    """Run and score ``systems`` on already prepared clusters (the tuning loop's entry)."""
    from rouge_score import rouge_scorer

    progress = progress or NoProgress()
    seconds = dict(stage_seconds or {})
    tokens = _RougeTokens()
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), tokenizer=tokens)
    runners = {
        "triangulate": triangulate_system(settings),
        "lexrank": sumy_system("lexrank") if "lexrank" in systems else None,
        "textrank": sumy_system("textrank") if "textrank" in systems else None,
        "lsa": sumy_system("lsa") if "lsa" in systems else None,
        "lead": lead_system,
        "oracle": oracle_system(tokens),
    }
    started = time.perf_counter()
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p not in ("ner", "lemmatizer")]):
        firsts = [_first_sentence(doc) for doc in nlp.pipe(p.cluster.reference for p in prepared)]
    seconds["references"] = time.perf_counter() - started

    progress.stage("Summarising and scoring", total=len(prepared))
    scores, headlines, citations = [], [], []
    for item, first in zip(prepared, firsts):
        reference = item.cluster.reference
        lead_first = ""
        for system in systems:
            started = time.perf_counter()
            output = runners[system](item, words)
            elapsed = time.perf_counter() - started
            summary = " ".join(within_budget(output.sentences, words))
            scores.append(
                ClusterScore(item.cluster.index, system, summary, len(summary.split()), elapsed, _rouge(scorer, reference, summary))
            )
            if system == "lead":
                lead_first = output.sentences[0] if output.sentences else ""
            if system == "triangulate":
                cited = tuple(_distinct(((output.headline,) if output.headline else ()) + output.cited))
                citations.append(ClusterCitations(item.cluster.index, cited, tuple(check_citations(cited, item.analyzed))))
                headline = output.headline.text if output.headline else ""
        if "triangulate" in systems and "lead" in systems:
            headlines.append(
                HeadlineScore(
                    item.cluster.index, first, headline, lead_first,
                    _rouge(scorer, first, headline), _rouge(scorer, first, lead_first),
                )
            )
        progress.advance()
    return SummaryEvaluation(
        data=data, fmt=fmt, words=words, systems=tuple(systems),
        articles=sum(len(p.analyzed) for p in prepared), rejected=sum(p.rejected for p in prepared),
        scores=tuple(scores), headlines=tuple(headlines), citations=tuple(citations), stage_seconds=seconds,
    )


def _first_sentence(doc) -> str:
    return next((s.text.strip() for s in doc.sents if s.text.strip()), "")


def _rouge(scorer, reference: str, summary: str) -> tuple[float, float, float]:
    result = scorer.score(reference, summary)
    return tuple(100 * result[k].fmeasure for k in ROUGE_TYPES)  # type: ignore[return-value]


# --- output -------------------------------------------------------------------


def format_table(evaluation: SummaryEvaluation, indices: Iterable[int] | None = None, title: str = "") -> str:
    """The results as a Markdown table, then the headline proxy and the citations."""
    chosen = evaluation.indices if indices is None else sorted(indices)
    lines = [title] if title else []
    lines += [
        f"{len(chosen)} clusters, {evaluation.words}-word budget",
        "",
        "| system | ROUGE-1 | ROUGE-2 | ROUGE-L | words | s/cluster |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in evaluation.rows(chosen):
        lines.append(
            f"| {row.system} | {row.rouge1:.2f} | {row.rouge2:.2f} | {row.rougeL:.2f} | {row.words:.0f} | {row.seconds:.3f} |"
        )
    heads = evaluation.headline_rows(chosen)
    if heads:
        lines += ["", "Headline vs the reference's first sentence:", "", "| | ROUGE-1 | ROUGE-2 | ROUGE-L | words |", "|---|---:|---:|---:|---:|"]
        for name, label in (("headline", "triangulate headline"), ("lead", "Lead first sentence")):
            r1, r2, rl, n = heads[name]
            lines.append(f"| {label} | {r1:.2f} | {r2:.2f} | {rl:.2f} | {n:.1f} |")
    if evaluation.citations:
        c = evaluation.citation_summary(chosen)
        lines += [
            "",
            f"Citations: precision {c.precision:.3f} ({c.cited_supported}/{c.cited}), "
            f"recall {c.recall:.3f} ({c.cited_supported}/{c.supported}), "
            f"{c.sentences} sentences, {c.uncited} uncited",
        ]
    return "\n".join(lines)


def write_summaries(evaluation: SummaryEvaluation, path: Path) -> int:
    """JSONL, one line per cluster per system: {"index", "system", "summary"}."""
    with Path(path).open("w", encoding="utf-8") as handle:
        for score in evaluation.scores:
            handle.write(json.dumps({"index": score.index, "system": score.system, "summary": score.summary}) + "\n")
    return len(evaluation.scores)


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
        items = _distinct(([briefing.headline] if briefing.headline else []) + list(briefing.summary))
        results.append((items, check_citations(items, analysis.analyzed)))
    return results


def _distinct(items: Iterable[Cited]) -> list[Cited]:
    """Each sentence once (the headline may also be a briefing sentence)."""
    return list({(c.article, c.start, c.end): c for c in items}.values())
