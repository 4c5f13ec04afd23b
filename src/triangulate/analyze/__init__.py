"""Per-article analysis with spaCy: sentences (paragraph-aware), content lemmas,
named-entity mentions. ``analyze_doc`` is pure; ``analyze_articles`` batches the
spaCy pass, which is where the time goes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import AnalyzedArticle, Article, Mention, Sentence
from .nlp import load_pipeline

__all__ = ["analyze_articles", "analyze_doc", "load_pipeline"]

#: spaCy labels that name people, organisations and places (the entity list).
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})

QUOTE_OPENERS = "\"“«„"
QUOTE_CLOSERS = "\"”»"


def analyze_articles(articles: Iterable[Article], nlp, batch_size: int = 16) -> Iterator[AnalyzedArticle]:
    """Analyze articles in one batched spaCy pass, in input order."""
    items = list(articles)
    docs = nlp.pipe((a.text for a in items), batch_size=batch_size)
    for article, doc in zip(items, docs):
        yield analyze_doc(article, doc)


def analyze_doc(article: Article, doc) -> AnalyzedArticle:
    """Sentences and mentions of one article from its spaCy ``Doc``."""
    text = article.text
    sentences: list[Sentence] = []
    for sent in doc.sents:
        start, end = _trim(text, sent.start_char, sent.end_char)
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
            )
        )
    mentions = tuple(
        Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents if e.text.strip()
    )
    return AnalyzedArticle(article=article, sentences=tuple(sentences), mentions=mentions)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

