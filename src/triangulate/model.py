"""Frozen values that flow between the stages.

Every stage takes one of these and returns a new one (or a :class:`Rejected`);
nothing is mutated in place. Every type that crosses from one stage to another
lives here, so stages depend on this module and not on each other; the modules
that make them re-export them under their old names. Positions are character offsets into
:attr:`Article.text`, the cleaned text, so every derived claim can be traced back
to the words it came from.

    RawDocument --clean--> Article --analyze--> AnalyzedArticle
                                            \\--> Briefing (summarize + report)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

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


# --------------------------------------------------------------------------- analysis results


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and the date it resolves to (``text == article.text[start:end]``)."""

    start: int
    end: int
    text: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    basis: str  # how the date was resolved


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """A clause of an article and the date it gives (``text == article.text[start:end]``)."""

    article: str
    date: str
    start: int
    end: int
    text: str
    expression: DateMention
    lemmas: tuple[str, ...] = ()  # content lemmas of the clause


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in an article and what it counts. ``text == article.text[start:end]``
    covers the qualifier, the number and its unit or noun ("At least 18 people");
    ``number`` is the numeral alone."""

    article: str
    start: int
    end: int
    text: str
    number: Span
    value: float
    qualifier: str  # exact | at least | more than | about | nearly | up to | at most | less than | additional
    kind: str  # count | money | percent | measure | duration | age
    what: str  # "people killed", "villages", "dam in metres", "fund in dinars"
    noun: str  # the counted noun's lemma ("people" for people counted in an event)
    counted: str  # the counted noun as written, with its modifiers ("young men"), or ""
    event: str | None  # killed | missing | injured | displaced | evacuated | arrested | rescued
    unit: str | None  # currency, measure or time unit, "%"
    verb: str | None  # lemma of the verb of the figure's clause ("die", "deploy", "be")
    context: tuple[str, ...]  # lemmas around the noun: modifiers, its verb, what it measures
    about: str | None  # lemma of the thing measured or shared out ("dam", "vote", "turnout")
    holder: str | None  # whose share or count it is, a name as written ("the DMV", "Green Left Union")
    place: str | None  # a place the figure is limited to ("in Drava")
    date: str | None  # the date the figure's clause gives, if any
    period: str | None  # that date when it is long before publication: another episode ("in 2009")
    change: str | None  # "rose to 21", "from 18 to 21": the figure is a moving count
    source: str | None  # who gives the figure, as written
    sentence: Span  # the sentence, for display and notes
    paragraph: int = 0  # index of the paragraph in the article
    window: str | None = None  # the span of time counted, as written ("in the past week", "since March 3")
    counted_lemma: str = ""  # the counted noun's lemma before people were folded into "people" ("miner")


@dataclass(frozen=True, slots=True)
class Term:
    """A content word of a quote: lemma and its place in the article text."""

    start: int
    end: int
    lemma: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation. ``text == article.text[start:end]`` (no quotation marks).

    ``speaker`` is the resolved name (the full name when the article gave it),
    or the description as written when no name fits, or ``None``;
    ``speaker_span`` is where the attribution names the speaker ("he",
    "al-Rashidi"), ``speaker_label`` is ``"PERSON"``, ``"ORG"`` or ``None`` (a
    description). ``cue`` is the lemma of the cue verb and ``attribution`` says how
    the speaker was found: ``"parse"`` (the cue governs the quote), ``"after"`` or
    ``"before"`` (nearest cue in the sentence), ``"continuation"`` (the previous
    quote's speaker), or ``"none"``.
    """

    article: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_span: Span | None
    speaker_label: str | None
    cue: str | None
    cue_span: Span | None
    attribution: str
    utterance: int
    date: str | None = None  # when it was said, if the attribution says ("he wrote on Thursday")
    #: When the attribution gives no date: the date the article most often gives
    #: its statements ("officials said on Thursday"), a guess to be used as one.
    assumed_date: str | None = None
    terms: tuple[Term, ...] = ()


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """An article with what one spaCy pass finds in it: sentences, named
    mentions, direct quotes with speakers, counted quantities, resolved dates."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dated: tuple[DatedEvent, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True, slots=True)
class Analysis:
    """One run's articles before the briefing: every article cleaned, those in
    the pipeline's language analysed, and every input or article not used."""

    articles: tuple[Article, ...]
    analyzed: tuple[AnalyzedArticle, ...]
    rejected: tuple[Rejected, ...] = ()


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
    alignment: str = "lexical"  # how facts were aligned: "meaning (<model>)" or "lexical"


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


# --------------------------------------------------------------------------- comparison results


@dataclass(frozen=True, slots=True)
class NumberPosition:
    """One value given for a :class:`NumberGroup`, by which articles, in what words
    (``compare.numbers.Position``)."""

    value: float
    qualifier: str
    articles: tuple[str, ...]
    text: str  # the wording of the first mention
    mentions: tuple[Quantity, ...]


@dataclass(frozen=True, slots=True)
class NumberGroup:
    """Mentions of one counted thing across articles."""

    what: str
    kind: str
    unit: str | None
    value: float  # the value most articles give
    articles: tuple[str, ...]
    positions: tuple[NumberPosition, ...]  # one per distinct value, most articles first
    conflict: bool
    note: str | None

    @property
    def mentions(self) -> tuple[Quantity, ...]:
        return tuple(m for p in self.positions for m in p.mentions)


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """One article's wording of a quote (``text == article.text[start:end]``)."""

    article: str
    text: str
    start: int
    end: int
    speaker: str | None  # the name as that article gives it


@dataclass(frozen=True, slots=True)
class AlignedQuote:
    """One utterance and every article's wording of it."""

    speaker: str | None
    speaker_label: str | None
    text: str  # the wording most articles use (the first given among equals)
    articles: tuple[str, ...]
    variants: tuple[QuoteVariant, ...]
    note: str | None
    date: str | None = None  # when it was said, if an article says
    #: The id of the briefing's entity whose name or alias is the speaker's
    #: name; resolved when the briefing is built (None until then, or no match).
    speaker_entity: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """Dated events that several articles give, merged: one line of the timeline."""

    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    text: str
    articles: tuple[str, ...]
    events: tuple[DatedEvent, ...]  # every article's clause, with offsets


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
    quotes: tuple[AlignedQuote, ...] = ()
    numbers: tuple[NumberGroup, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
