"""Per-article analysis with spaCy: sentences (paragraph-aware), content lemmas,
named-entity mentions. ``analyze_doc`` is pure; ``analyze_articles`` batches the
spaCy pass, which is where the time goes.

Long articles are analysed in pieces of at most :data:`PIECE_CHARS` characters,
cut at paragraph breaks (sentences never span one), so time and memory grow
linearly with length (spaCy refuses texts over a million characters, and its
parser and the extractors cost more than linearly well before that). Each
piece's offsets are moved back into the whole article's text. Beyond
:data:`MAX_ANALYZED_CHARS` an article is not analysed: it stays in the run,
listed with its full text, and a warning says how much was analysed.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Iterator

from ..lexicon import REPORTING_VERBS
from ..model import AnalyzedArticle, Article, Mention, Sentence, Span
from .nlp import load_pipeline

__all__ = [
    "MAX_ANALYZED_CHARS", "PIECE_CHARS", "analysis_note", "analyze_articles", "analyze_doc", "load_pipeline", "pieces",
]

#: Characters analysed per article at most. The longest news features run to
#: about 20,000 words (120,000 characters); 200,000 leaves room for them and
#: stops a stray book, log or data dump (up to --max-bytes, 20 MB) from taking
#: the run's time: the analysis costs about 0.1 s per 1,000 characters.
MAX_ANALYZED_CHARS = 200_000

#: Characters per piece of a long article given to spaCy at once. Articles up
#: to this length (nearly all news) are analysed whole, exactly as before
#: pieces existed; a pronoun's speaker is looked for within its piece only.
PIECE_CHARS = 50_000

_PARAGRAPH_BREAK = re.compile(r"\n\n+")
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*\s+|\n")


QUOTE_OPENERS = "\"“«„"
QUOTE_CLOSERS = "\"”»"


def analyze_articles(articles: Iterable[Article], nlp, batch_size: int = 16) -> Iterator[AnalyzedArticle]:
    """Analyze articles in one batched spaCy pass, in input order.

    An article without a publication date has its relative dates ("on
    Thursday") resolved against the latest publication date of the others, and
    each such date says so. Long articles go through in pieces (see the module
    docstring); every offset in the result is into the whole ``article.text``.
    """
    items = list(articles)
    latest = max((a.published for a in items if a.published), default=None)
    work = [
        (number, start, dataclasses.replace(article, text=article.text[start:end]))
        for number, article in enumerate(items)
        for start, end in pieces(article.text, PIECE_CHARS, MAX_ANALYZED_CHARS)
    ]
    docs = nlp.pipe((piece.text for _, _, piece in work), batch_size=batch_size)
    done = zip(work, docs, strict=True)
    for number, group in itertools.groupby(done, key=lambda item: item[0][0]):
        parts = [(start, analyze_doc(piece, doc, assume_published=latest)) for (_, start, piece), doc in group]
        yield merge_pieces(items[number], parts)


def pieces(text: str, size: int = PIECE_CHARS, limit: int = MAX_ANALYZED_CHARS) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` analysed on their own: the first
    ``limit`` characters cut into runs of at most ``size``, at the last
    paragraph break before the size, else the last sentence end, else the last
    space, else anywhere. Short texts (and the empty text) are one piece."""
    end_of_text = min(len(text), limit)
    out: list[tuple[int, int]] = []
    start = 0
    while start < end_of_text:
        end = min(start + size, end_of_text)
        if end < end_of_text:
            end = _cut(text, start, end)
        out.append((start, end))
        start = end
    return out or [(0, 0)]


def _cut(text: str, start: int, end: int) -> int:
    """Where to end a piece that may not pass ``end``: after a paragraph break,
    a sentence end or a space in the second half of the piece, else at ``end``."""
    half = start + (end - start) // 2
    for pattern in (_PARAGRAPH_BREAK, _SENTENCE_END):
        ends = [match.end() for match in pattern.finditer(text, half, end)]
        if ends:
            return ends[-1]
    space = text.rfind(" ", half, end)
    return space + 1 if space > 0 else end


def merge_pieces(article: Article, parts: list[tuple[int, AnalyzedArticle]]) -> AnalyzedArticle:
    """One article's analysis from its pieces' (start offset, analysis):
    offsets moved into the whole text, sentence, paragraph and utterance
    numbers continued from the pieces before."""
    if len(parts) == 1 and parts[0][0] == 0:
        return dataclasses.replace(parts[0][1], article=article)
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    quotes: list = []
    quantities: list = []
    dated: list = []
    utterances = 0
    for start, part in parts:
        paragraphs = article.text.count("\n\n", 0, start)
        sentences += [
            dataclasses.replace(shifted(s, start), index=s.index + len(sentences), paragraph=s.paragraph + paragraphs)
            for s in part.sentences
        ]
        mentions += [shifted(m, start) for m in part.mentions]
        quotes += [dataclasses.replace(shifted(q, start), utterance=q.utterance + utterances) for q in part.quotes]
        utterances = max((q.utterance for q in quotes), default=-1) + 1
        quantities += [dataclasses.replace(shifted(q, start), paragraph=q.paragraph + paragraphs) for q in part.quantities]
        dated += [shifted(d, start) for d in part.dated]
    return AnalyzedArticle(
        article=article, sentences=tuple(sentences), mentions=tuple(mentions), quotes=tuple(quotes),
        quantities=tuple(quantities), dated=tuple(dated),
    )


def shifted(value, offset: int):  # type: ignore[no-untyped-def]
    """A copy of a frozen analysis value with every character offset (fields
    ``start`` and ``end``, in it and in the spans, terms and date mentions it
    holds) moved by ``offset``."""
    if isinstance(value, tuple):
        return tuple(shifted(item, offset) for item in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes = {}
    for field in dataclasses.fields(value):
        current = getattr(value, field.name)
        if field.name in ("start", "end") and isinstance(current, int):
            changes[field.name] = current + offset
        elif dataclasses.is_dataclass(current) or (
            isinstance(current, tuple) and current and dataclasses.is_dataclass(current[0])
        ):
            changes[field.name] = shifted(current, offset)
    return dataclasses.replace(value, **changes)


def analysis_note(article: Article, limit: int | None = None) -> str | None:
    """The warning for an article longer than what is analysed, else None."""
    limit = MAX_ANALYZED_CHARS if limit is None else limit
    if len(article.text) <= limit:
        return None
    return (
        f"only the first {limit:,} of its {len(article.text):,} characters were analysed "
        "(a longer text is more likely a book or a data dump than one news article); "
        "the whole text is kept in the report"
    )


def analyze_doc(article: Article, doc, assume_published: str | None = None) -> AnalyzedArticle:
    """Sentences, mentions, quotes, quantities and dates of one article from its spaCy ``Doc``."""
    from .dates import extract_dated_events
    from .numbers import extract_quantities
    from .quotes import extract_quotes

    text = article.text
    sentences: list[Sentence] = []
    for sent in doc.sents:
        start, end = trim_span(text, sent.start_char, sent.end_char)
        if start >= end:
            continue
        content = tuple(
            t.text if t.like_num else t.lemma_.lower()
            for t in sent
            if not (t.is_stop or t.is_punct or t.is_space) and (t.is_alpha or t.like_num)
        )
        sentence_text = text[start:end]
        sentences.append(
            Sentence(
                start=start,
                end=end,
                text=sentence_text,
                index=len(sentences),
                paragraph=text.count("\n\n", 0, start),
                content=content,
                is_quote_only=sentence_text[:1] in QUOTE_OPENERS and sentence_text[-1:] in QUOTE_CLOSERS,
                has_verb=any(t.pos_ in ("VERB", "AUX") for t in sent),
                **_main_clause(sent, text),
            )
        )
    mentions = tuple(
        Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents if e.text.strip()
    )
    return AnalyzedArticle(
        article=article,
        sentences=tuple(sentences),
        mentions=mentions,
        quotes=extract_quotes(article, doc, assume_published),
        quantities=extract_quantities(article, doc, assume_published),
        dated=extract_dated_events(article, doc, assume_published),
    )


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) moved inwards past white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end





DENIAL_VERBS = frozenset({"deny"})

#: Verbs whose complement carries the action: "began leaving", "will continue to stay".
ASPECT_VERBS = frozenset("begin start continue stop plan decide agree try want hope expect need vow promise".split())


def _main_clause(sent, text: str) -> dict:
    """Root verb lemma, subject phrase and negation of a sentence's main claim.

    When the root is a reporting verb with a clausal complement ("officials said
    the toll rose"), the complement is the claim.
    """
    root = sent.root
    denied = False
    if root.lemma_ in REPORTING_VERBS:
        clause = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), None)
        if clause is not None and clause.pos_ in ("VERB", "AUX"):
            denied = root.lemma_ in DENIAL_VERBS  # "denied that it received" = did not receive
            root = clause
    if root.pos_ not in ("VERB", "AUX"):
        return {"root": None, "subject": None, "negated": False, "actors": _actors(sent, text)}
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if root.lemma_ in ASPECT_VERBS:  # "units began leaving": the claim is "leave"
        action = next((c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if action is not None:
            root = action
    span = None
    if subject is not None:
        tokens = list(subject.subtree)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        span = Span(start, end, text[start:end])
    negated = denied != any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in root.children)
    return {"root": root.lemma_.lower(), "subject": span, "negated": negated, "actors": _actors(sent, text)}


def _actors(sent, text: str) -> tuple[Span, ...]:
    """Common-noun subjects of the sentence's verbs, with their determiners and
    adjectives but not what follows the head: the words chosen for an actor."""
    found = []
    for token in sent:
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "NOUN":
            left = [t for t in token.lefts if t.dep_ in ("det", "amod", "compound", "nummod", "poss")]
            start = min([t.idx for t in left] + [token.idx])
            end = token.idx + len(token.text)
            found.append(Span(start, end, text[start:end]))
    return tuple(found)
