"""Frozen values that flow between the stages.

Every stage takes one of these and returns a new one (or a :class:`Rejected`);
nothing is mutated in place. Positions are character offsets into
:attr:`Article.text`, the cleaned text, so every derived claim can be traced back
to the words it came from.

    RawDocument --clean--> Article --analyze--> AnalyzedArticle
                                            \\--> Briefing (summarize + report)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # defined beside their extractors
    from .analyze.dates import DatedEvent
    from .analyze.numbers import Quantity
    from .analyze.quotes import Quote
    from .compare.numbers import NumberGroup
    from .compare.quotes import AlignedQuote
    from .compare.timeline import TimelineEntry

ContentKind = Literal["text", "html"]


def content_id(*parts: str, length: int = 12) -> str:
    """A short, stable id from content (sha1 over the parts, hex)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input article as a reader found it, decoded to text but not cleaned.

    ``origin`` says where it came from (a path, ``path:line`` for JSONL, or
    ``<stdin>``). The optional fields are hints from the container (JSON fields,
    feed entries); cleaning prefers them to what it guesses from the text.
    """

    id: str
    origin: str
    kind: ContentKind
    content: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    language: str | None = None
    encoding: str | None = None
    repairs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input, or an item, that a stage could not use, and why.

    Rejections are values, not log lines: they travel to the output, so a user
    sees every input that did not make it into the briefing.
    """

    stage: str
    item_id: str
    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line taken out of an article's text during cleaning, with the reason."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: main text only, with metadata and what was removed."""

    id: str
    origin: str
    text: str
    title: str | None = None
    source: str | None = None
    published: str | None = None  # ISO 8601 date, YYYY-MM-DD
    dateline: str | None = None
    language: str | None = None
    url: str | None = None
    removed: tuple[RemovedLine, ...] = ()
    warnings: tuple[str, ...] = ()
    source_evidence: str | None = None  # where ``source`` was read: "copyright line: © 2026 ...", "file name"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's cleaned text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention found in an article."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, ...


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article with the lemmas that represent its content."""

    start: int
    end: int
    text: str
    index: int  # position of the sentence in its article, from 0
    paragraph: int  # position of its paragraph in the article, from 0
    content: tuple[str, ...] = ()  # lower-cased content lemmas (no stop words)
    is_quote_only: bool = False  # the whole sentence is a quotation, unattributed
    has_verb: bool = True
    root: str | None = None  # lemma of the main verb
    subject: Span | None = None  # the main verb's subject phrase (offsets in the article)
    negated: bool = False  # the main verb is negated ("did not", "never")
    actors: tuple[Span, ...] = ()  # common-noun subjects of any verb ("a mob", "angry residents")


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """An article with what one spaCy pass finds in it: sentences, named
    mentions, direct quotes with speakers, counted quantities, resolved dates."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    quotes: tuple["Quote", ...] = ()
    quantities: tuple["Quantity", ...] = ()
    dated: tuple["DatedEvent", ...] = ()

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity, with every surface form seen and where."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class SharedPassage:
    """A passage two articles share nearly word for word (wire copy, a reprint,
    pasted paragraphs): ``spans[i]`` locates it in article ``articles[i]``.

    ``words`` counts the shared words outside quotation marks, the evidence that
    one text was copied from the other (or both from a third).
    """

    articles: tuple[str, str]
    spans: tuple[Span, Span]
    words: int


@dataclass(frozen=True, slots=True)
class Cited:
    """A sentence of the briefing and the articles that support it.

    ``article``/``start``/``end`` locate the sentence it was taken from; every
    id in ``citations`` names an article that states the same thing. When the
    abstractive mode rewrote ``text``, ``extract`` holds the extractive sentence
    (the one the span locates); otherwise it is None.
    """

    text: str
    citations: tuple[str, ...]
    article: str
    start: int
    end: int
    extract: str | None = None


@dataclass(frozen=True, slots=True)
class EventInfo:
    id: str
    articles: int
    sources: int
    start: str | None
    end: str | None
    warnings: tuple[str, ...] = ()  # e.g. the abstractive mode fell back to the extractive briefing


@dataclass(frozen=True, slots=True)
class Statement:
    """One article's wording of a fact: ``text == article.text[start:end]``."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Fact:
    """A statement as several articles make it, in their own words."""

    text: str  # the wording of the representative statement
    statements: tuple[Statement, ...]  # one per article, the representative first
    articles: tuple[str, ...]
    groups: tuple[str, ...]  # independence groups that state it
    status: str  # agreed | single-source | disputed


@dataclass(frozen=True, slots=True)
class Position:
    """One side of a conflict: what these articles say, in these words."""

    articles: tuple[str, ...]
    text: str
    value: float | None = None
    statements: tuple[Statement, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str  # number | claim | quote
    about: str
    positions: tuple[Position, ...]
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Wording:
    """The words one outlet used for an actor that other outlets named differently."""

    about: str  # what the actor did, in the words the statements share
    article: str
    text: str


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """One outlet's line of the coverage matrix."""

    source: str
    articles: tuple[str, ...]
    reported: tuple[int, ...]  # indices of the facts it reported
    missing: tuple[int, ...]  # facts two or more other sources reported and it did not
    wordings: tuple[Wording, ...] = ()


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything the reports render, for one event."""

    event: EventInfo
    headline: Cited | None
    summary: tuple[Cited, ...]
    articles: tuple[Article, ...]
    groups: dict[str, str] = field(default_factory=dict)  # article id -> group id
    entities: tuple[Entity, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    shared: tuple[SharedPassage, ...] = ()  # passages behind the independence groups
    facts: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    coverage: tuple[CoverageRow, ...] = ()
    quotes: tuple["AlignedQuote", ...] = ()
    numbers: tuple["NumberGroup", ...] = ()
    timeline: tuple["TimelineEntry", ...] = ()
