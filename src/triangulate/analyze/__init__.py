"""Per-article analysis with spaCy: sentences (paragraph-aware), content lemmas,
named-entity mentions. ``analyze_doc`` is pure; ``analyze_articles`` batches the
spaCy pass, which is where the time goes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import AnalyzedArticle, Article, Mention, Sentence, Span
from .nlp import load_pipeline

__all__ = ["analyze_articles", "analyze_doc", "load_pipeline"]

#: spaCy labels that name people, organisations and places (the entity list).
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})

QUOTE_OPENERS = "\"“«„"
QUOTE_CLOSERS = "\"”»"


def analyze_articles(articles: Iterable[Article], nlp, batch_size: int = 16) -> Iterator[AnalyzedArticle]:
    """Analyze articles in one batched spaCy pass, in input order.

    An article without a publication date has its relative dates ("on
    Thursday") resolved against the latest publication date of the others, and
    each such date says so.
    """
    items = list(articles)
    latest = max((a.published for a in items if a.published), default=None)
    docs = nlp.pipe((a.text for a in items), batch_size=batch_size)
    for article, doc in zip(items, docs):
        yield analyze_doc(article, doc, assume_published=latest)


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



#: Reporting verbs: in "X said the dam failed", the claim is the clause, not "say".
REPORTING_VERBS = frozenset(
    "say tell add state announce claim report write insist warn confirm deny explain note argue".split()
)


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
