"""Direct quotations and who said them, from one article's spaCy ``Doc``.

Quotation marks are paired per paragraph (straight ``"``, curly ``“ ”``, ``„``,
guillemets ``« »``, and curly single quotes ``‘ ’`` outside double ones); a
quote may span several sentences. Each quoted stretch is one :class:`Quote`; a
quote split by its attribution (``"X," he said, "Y."``) gives two quotes with
the same ``utterance`` number and speaker.

The speaker comes from the cue that governs the quote in the dependency parse
(``..., said X``; ``X said: ...``; ``X told reporters``; ``X wrote on social
media``; ``said in a statement``; "X's opinion contains one line: ..."), else from
the cue nearest the quote in its sentence (a short attribution after it; a
colon, comma or "that" before it), else "according to X", else the quote
continues the previous quote of its paragraph. The subject of the cue is turned
into a name as the article gave it (:mod:`triangulate.analyze.speakers`):

- a title and name ("Governor Karim al-Hashimi") becomes the name;
- a surname ("al-Rashidi", "Dr al-Hashimi") becomes the last full name with that
  surname before the quote, preferring one whose title agrees;
- "he added" / "she added" is the last named speaker of the article; another
  "he"/"she"/"his"/"her" is the last person named as the subject of a clause or
  the last person quoted, whichever came later (this paragraph or the one
  before); "it" is the last organisation named as a subject;
- "the statement continued" is the last named speaker;
- a role ("the prime minister", "the governor") is the person the article gave
  that title or role to ("Prime Minister Idris Qassar"; "Adel Haddou, the deputy
  mayor"); other descriptions ("one of the engineer's former colleagues") are
  kept as written, with ``speaker_label`` ``None``.

Each quote also gets the date its attribution gives ("she wrote on Friday") and
the content lemmas the cross-article comparison reads. Everything is a pure
function of ``(article, doc)``: the same ``Doc`` that
:func:`triangulate.analyze.analyze_doc` reads.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..lexicon import SPEECH_VERBS
from ..model import AnalyzedArticle, Article, Span
from ..model import Quote, Term  # noqa: F401  (re-exported: defined in model)
from .dates import date_mentions
from .speakers import NameIndex
from .tree import QUOTE_CUE_CLIMB, SHORT_CLIMB, clause_verb

__all__ = ["SPEECH_VERBS", "Quote", "Term", "extract_quotes", "find_quote_spans"]


#: Nouns that carry someone's words ("campaigned on a promise to "clean out the palace"").
SPEECH_NOUNS = frozenset(
    """promise pledge vow slogan statement claim words warning call demand message remarks remark
    comment tweet post appeal motto accusation opinion judgment ruling line letter verdict""".split()
)

#: Cue verbs that continue the previous speaker ("he added").
CONTINUATION_VERBS = frozenset({"add", "continue", "go"})

PRONOUNS = frozenset({"he", "she"})

#: Opening marks and the marks that close them; scraped text mixes straight and
#: curly marks ("He's not a Republican,” Fox said), so each closes the other.
DOUBLE_OPENERS = {"“": "”\"", "„": "“”", "«": "»", '"': '"”'}


@dataclass(frozen=True, slots=True)
class _Marks:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (== paragraph end when left open)
    start: int  # quote text
    end: int


# --------------------------------------------------------------------------- marks


def find_quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every quoted stretch's text, without marks or a trailing comma."""
    return tuple((m.start, m.end) for m in _find_marks(text))


def _find_marks(text: str) -> list[_Marks]:
    found: list[_Marks] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for index, (p_start, p_end) in enumerate(paragraphs):
        next_start = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        found.extend(_marks_in_paragraph(text, p_start, p_end, next_start))
    return found


def _marks_in_paragraph(text: str, p_start: int, p_end: int, next_start: int | None) -> list[_Marks]:
    marks: list[_Marks] = []
    i = p_start
    while i < p_end:
        ch = text[i]
        closers = None
        if ch in DOUBLE_OPENERS and not (ch == '"' and i > p_start and text[i - 1].isdigit()):
            closers = DOUBLE_OPENERS[ch]
        elif ch == "‘" and (i == p_start or not text[i - 1].isalnum()):
            closers = "’"
        if closers is None:
            i += 1
            continue
        close = _find_closer(text, i + 1, p_end, closers, single=ch == "‘")
        if close is None:
            if next_start is not None and text[next_start : next_start + 1] == ch and ch != "‘":
                close = p_end  # a quote that runs on into the next paragraph
            else:
                i += 1
                continue
        start, end = _trim_inner(text, i + 1, close)
        if start < end:
            marks.append(_Marks(i, close, start, end))
        i = close + 1
    return marks


def _find_closer(text: str, i: int, end: int, closers: str, single: bool) -> int | None:
    while i < end:
        ch = text[i]
        if ch in closers:
            if not single:
                return i
            after = text[i + 1 : i + 2]
            if not after or not after.isalnum():
                return i
        elif not single and ch in "“«" and '"' not in closers:
            return None  # a new quote opens before this one closed: a stray mark
        i += 1
    # Mixed marks: “text" (a straight closer after a curly opener).
    return None


def _trim_inner(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


# --------------------------------------------------------------------------- extraction


def extract_quotes(
    article: Article | AnalyzedArticle, doc, assume_published: str | None = None
) -> tuple[Quote, ...]:
    """Every direct quotation of ``article`` with its speaker, in text order.

    ``assume_published`` stands in for a missing publication date when dates
    in attributions are resolved (see :func:`triangulate.analyze.dates.date_mentions`).
    """
    if isinstance(article, AnalyzedArticle):
        article = article.article
    text = article.text
    marks = _find_marks(text)
    if not marks:
        return ()
    ctx = _Context(text, doc, marks)
    quotes: list[Quote] = []
    last_named: tuple[str, str, int] | None = None  # (speaker, label, offset) of the last named quote
    for index, mark in enumerate(marks):
        quote = _attribute(ctx, article.id, index, mark, quotes, last_named)
        quotes.append(quote)
        if quote.speaker and quote.speaker_label:
            last_named = (quote.speaker, quote.speaker_label, quote.start)
    mentions = date_mentions(article, doc, assume_published)
    usual = _usual_statement_date(ctx, mentions)
    return tuple(
        replace(q, date=date, assumed_date=None if date else usual, terms=ctx.terms(q.start, q.end))
        for q, date in zip(quotes, _cue_dates(ctx, quotes, mentions))
    )


def _usual_statement_date(ctx: "_Context", mentions) -> str | None:
    """The day-precise date most often attached to a speech verb in the article."""
    counts: dict[str, int] = {}
    for mention in mentions:
        if len(mention.date) != 10:
            continue
        token = ctx.doc[ctx.token_at(mention.start)]
        if ctx.inside[token.i]:
            continue
        node = clause_verb(token, SHORT_CLIMB)
        if _is_cue(node):
            counts[mention.date] = counts.get(mention.date, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda d: (counts[d], d))


def _cue_dates(ctx: "_Context", quotes: list[Quote], mentions) -> list[str | None]:
    """The date attached to each quote's cue verb ("said on Friday"), if any."""
    doc = ctx.doc
    out: list[str | None] = []
    for quote in quotes:
        if quote.cue_span is None or quote.cue == "according to":
            out.append(None)
            continue
        cue = doc[ctx.token_at(quote.cue_span.start)]
        best: tuple[int, str] | None = None
        for mention in mentions:
            token = doc[ctx.token_at(mention.start)]
            if ctx.inside[token.i] or token.sent.start != cue.sent.start:
                continue
            node, steps = token, 0
            while node.i != cue.i and node.head.i != node.i and steps < QUOTE_CUE_CLIMB:
                node, steps = node.head, steps + 1
            if node.i == cue.i and (best is None or steps < best[0]):
                best = (steps, mention.date)
        out.append(best[1] if best else None)
    return out


class _Context:
    """Lookups over one article's text and Doc (built once per article)."""

    def __init__(self, text: str, doc, marks: list[_Marks]) -> None:
        self.text = text
        self.doc = doc
        self.marks = marks
        self.starts = [t.idx for t in doc]
        self.inside = [False] * len(doc)
        for mark in marks:
            for i in range(self.token_at(mark.open), len(doc)):
                if doc[i].idx > mark.close:
                    break
                self.inside[i] = True
        self.names = NameIndex(text, doc, self.inside)

    def token_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def tokens_between(self, start: int, end: int) -> range:
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return range(first, last)

    def paragraph_of(self, offset: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return start, len(self.text) if end < 0 else end

    def previous_paragraph_start(self, offset: int) -> int:
        """Start of the paragraph before the one holding ``offset`` (or of that one)."""
        p_start = self.paragraph_of(offset)[0]
        before = self.text[:p_start].rstrip()
        return self.paragraph_of(len(before) - 1)[0] if before else p_start

    def terms(self, start: int, end: int) -> tuple[Term, ...]:
        out = []
        for i in self.tokens_between(start, end):
            t = self.doc[i]
            if t.is_stop or t.is_punct or t.is_space or not (t.is_alpha or t.like_num):
                continue
            out.append(Term(t.idx, t.idx + len(t), t.text if t.like_num else t.lemma_.lower()))
        return tuple(out)

# --------------------------------------------------------------------------- attribution


@dataclass(frozen=True, slots=True)
class _Found:
    cue: object  # spaCy token
    how: str


def _attribute(ctx: _Context, article_id: str, index: int, mark: _Marks, previous: list[Quote],
               last_named: tuple[str, str, int] | None) -> Quote:
    """The quote at ``mark`` with its speaker (dates and terms are added later)."""
    base = dict(article=article_id, start=mark.start, end=mark.end, text=ctx.text[mark.start:mark.end])
    for find in (_cue_by_parse, _cue_by_window, _according_to):
        found = find(ctx, index, mark)
        if found is None:
            continue
        speaker = _speaker_of(ctx, found.cue, mark, last_named)
        if speaker is not None:
            name, label, span = speaker
            cue = found.cue
            utterance = len(previous)
            prev = previous[-1] if previous else None
            if prev and prev.cue_span and cue.lemma_ != "accord" and prev.cue_span.start == cue.idx:
                utterance = prev.utterance
            cue_span = Span(cue.idx, cue.idx + len(cue), cue.text)
            lemma = "according to" if cue.lemma_ == "accord" else cue.lemma_.casefold()
            return Quote(**base, speaker=name, speaker_span=span, speaker_label=label, cue=lemma,
                         cue_span=cue_span, attribution=found.how, utterance=utterance)
    prev = _previous_in_paragraph(ctx, index, mark, previous)
    if prev is not None:
        return Quote(**base, speaker=prev.speaker, speaker_span=prev.speaker_span,
                     speaker_label=prev.speaker_label, cue=prev.cue, cue_span=prev.cue_span,
                     attribution="continuation", utterance=prev.utterance)
    return Quote(**base, speaker=None, speaker_span=None, speaker_label=None, cue=None, cue_span=None,
                 attribution="none", utterance=len(previous))


def _is_cue(token) -> bool:
    return token.lemma_.casefold() in SPEECH_VERBS and token.pos_ in ("VERB", "AUX") or (
        token.lower_ in ("says", "said", "adds", "added", "told", "wrote", "writes")
    )


def _is_speech_noun(token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.casefold() in SPEECH_NOUNS


def _misparsed_noun(token) -> bool:
    """ "the fraud claims": a plural noun the parser took for a verb with a subject."""
    doc = token.doc
    return (token.tag_ == "VBZ" and token.i >= 2 and doc[token.i - 2].lower_ in ("the", "these", "those", "its", "their")
            and doc[token.i - 1].pos_ in ("NOUN", "PROPN", "ADJ"))


def _cue_by_parse(ctx: _Context, index: int, mark: _Marks) -> _Found | None:
    """The first speech verb up the tree from the quote's words."""
    doc = ctx.doc
    inner = ctx.tokens_between(mark.start, mark.end)
    best = None
    for i in inner:
        head = doc[i].head
        if head.i in inner:
            continue
        node, steps = head, 0
        while steps < QUOTE_CUE_CLIMB:
            if ctx.inside[node.i] and node.i not in inner:
                break
            if node.i not in inner and (_is_cue(node) or _is_speech_noun(node)) and not _misparsed_noun(node) \
                    and not _across_semicolon(ctx, mark, node):
                distance = min(abs(node.i - inner.start), abs(node.i - inner.stop))
                if best is None or distance < best[0]:
                    best = (distance, node)
                break
            if node.head.i == node.i:
                break
            node, steps = node.head, steps + 1
    return _Found(best[1], "parse") if best else None


def _across_semicolon(ctx: _Context, mark: _Marks, cue) -> bool:
    """A cue in another clause of a list ("...; the municipality says ...") is not this quote's."""
    lo, hi = (mark.close + 1, cue.idx) if cue.idx > mark.close else (cue.idx, mark.open)
    return any(ctx.text[i] == ";" for i in range(lo, hi) if not ctx.inside[ctx.token_at(i)])


#: How far past a closing mark an attribution may start ("..." said the deputy mayor of Bir Halim).
_AFTER_TOKENS = 12


def _cue_by_window(ctx: _Context, index: int, mark: _Marks) -> _Found | None:
    """The nearest speech verb after the quote, up to the end of its clause, or
    before it in its sentence when a colon, a comma or "that" leads into it."""
    doc, text = ctx.doc, ctx.text
    p_start, p_end = ctx.paragraph_of(mark.start)
    next_open = ctx.marks[index + 1].open if index + 1 < len(ctx.marks) else len(text)
    prev_close = ctx.marks[index - 1].close if index > 0 else -1
    inner_tail = text[mark.start:mark.end].rstrip()[-1:]
    ends_sentence = inner_tail in ".!?…" and not text[mark.close + 1:].lstrip()[:1].islower()
    seen = 0
    for i in ctx.tokens_between(mark.close + 1, min(next_open, p_end)):
        token = doc[i]
        if ctx.inside[i] or token.is_space:
            continue
        seen += 1
        if token.text in (";", ".", "!", "?") or seen > _AFTER_TOKENS:
            break
        if _is_cue(token):
            # After a full stop inside the marks, only a short attribution counts
            # (""Stop lying!" Mr. Fox wrote."), not the verb of a new sentence.
            if ends_sentence and (seen > 5 or _subject_of(token) is None):
                break
            return _Found(token, "after")
    before_text = text[max(p_start, prev_close + 1):mark.open].rstrip()
    if before_text[-1:] in (":", ",") or re.search(r"\b(?:that|as saying)$", before_text):
        last_char = max(p_start, len(text[:mark.open].rstrip()) - 1)  # the sentence the colon ends
        sent_start = doc[ctx.token_at(last_char)].sent.start_char
        lo = max(p_start, prev_close + 1, min(sent_start, mark.open))
        tokens = [i for i in reversed(ctx.tokens_between(lo, mark.open)) if not ctx.inside[i]]
        for i in tokens:
            if doc[i].text == ";":
                break
            if _is_cue(doc[i]):
                return _Found(doc[i], "before")
        if before_text.endswith(":"):  # "X put it bluntly: "...", "X was quick to retort: "...""
            for i in tokens:
                if doc[i].text == ";":
                    break
                if doc[i].pos_ in ("VERB", "AUX") and _subject_of(doc[i]) is not None:
                    return _Found(doc[i], "before")
    return None


def _according_to(ctx: _Context, index: int, mark: _Marks) -> _Found | None:
    doc = ctx.doc
    p_start, p_end = ctx.paragraph_of(mark.start)
    sent = doc[ctx.token_at(mark.start)].sent
    for i in ctx.tokens_between(max(p_start, sent.start_char), min(p_end, sent.end_char + 1)):
        t = doc[i]
        if t.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to" and not ctx.inside[i]:
            return _Found(t, "after" if t.idx > mark.end else "before")
    return None


def _subject_of(cue):
    """The subject of the cue verb, climbing conj/xcomp/advcl links ("thanked ... and said");
    for a speech noun, its possessor or the subject of the verb it depends on."""
    node = cue
    if _is_speech_noun(cue):
        for child in cue.children:
            if child.dep_ == "poss":
                return child
        if cue.dep_ in ("nsubj", "nsubjpass"):  # "her ruling said", "the statement reads"
            return None
        node = cue
        for _ in range(SHORT_CLIMB):
            if node.pos_ in ("VERB", "AUX"):
                break
            node = node.head
        cue = node
    for _ in range(SHORT_CLIMB):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:  # the nearest: a quote's own subject may hang from the cue too
            return min(subjects, key=lambda c: abs(c.i - node.i))
        if node.dep_ in ("conj", "xcomp", "advcl", "pcomp") and node.head.i != node.i:
            node = node.head
            continue
        break
    # "said X" misparsed: a proper noun right after the verb, or the verb taken for
    # a modifier of the name (""...," added Lauten").
    for child in cue.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "dep") and child.pos_ == "PROPN":
            return child
    if cue.dep_ in ("amod", "compound") and cue.head.pos_ == "PROPN" and cue.head.i > cue.i:
        return cue.head
    return None


def _speaker_of(ctx: _Context, cue, mark: _Marks, last_named):
    """(speaker, label, span) for the cue, or None when it has no subject."""
    if cue.lemma_ == "accord":
        to = cue.doc[cue.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        subject = objects[0] if objects else None
    else:
        subject = _subject_of(cue)
    if subject is None or (ctx.inside[subject.i] and subject.idx >= mark.open and subject.idx <= mark.close):
        return None
    # "Chief Justice Achterberg's opinion contains one line ...": the author of the words.
    while _is_speech_noun(subject) and any(c.dep_ == "poss" for c in subject.children):
        subject = next(c for c in subject.children if c.dep_ == "poss")
    # "a former football club owner who campaigned on a promise to ...": the relative
    # pronoun stands for the noun the clause describes.
    if subject.lower_ in ("who", "which", "that") and subject.head.dep_ == "relcl":
        subject = subject.head.head
        if subject.dep_ == "appos" and subject.head.pos_ == "PROPN":
            subject = subject.head
    # A role noun with a name in apposition: "its chair, the retired judge Rania Abdelnour".
    if subject.pos_ == "NOUN":
        for child in subject.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                subject = child
                break
    span_of = lambda a, b: Span(a, b, ctx.text[a:b])  # noqa: E731
    if _is_speech_noun(subject) and last_named:  # "the statement continued": the last speaker's
        return (last_named[0], last_named[1], span_of(subject.idx, subject.idx + len(subject)))
    if subject.pos_ == "PRON":
        span = span_of(subject.idx, subject.idx + len(subject))
        word = {"his": "he", "him": "he", "her": "she", "its": "it"}.get(subject.lower_, subject.lower_)
        if word == "it":  # "It criticised ...": the last organisation named as a subject
            org = ctx.names.last_subject(subject.idx, ctx.previous_paragraph_start(subject.idx), "ORG")
            return (org.text, "ORG", span) if org is not None else (subject.text, None, span)
        if word not in PRONOUNS:
            return (subject.text, None, span)
        if cue.lemma_ in CONTINUATION_VERBS and last_named:
            return (last_named[0], last_named[1], span)
        # The more recent of: the last person named as a subject, the last person quoted
        # (this paragraph and the one before).
        window = ctx.previous_paragraph_start(subject.idx)
        person = ctx.names.last_subject_person(subject.idx, window)
        if last_named and last_named[1] == "PERSON" and last_named[2] >= window:
            if person is None or person.start < last_named[2]:
                return (last_named[0], last_named[1], span)
        if person is not None:
            return (person.text, "PERSON", span)
        if last_named:
            return (last_named[0], last_named[1], span)
        return (subject.text, None, span)
    if subject.pos_ == "PROPN":
        name = ctx.names.name_from_token(subject)
        if name is not None:
            full = ctx.names.resolve_short(ctx.names.known(name), subject.idx)
            return (full.text, full.label, span_of(name.start, name.end))
    role = ctx.names.resolve_role(subject, subject.idx)
    lo, hi = _noun_phrase(subject)
    span = span_of(lo, hi)
    if role is not None:
        return (role.text, "PERSON", span)
    return (span.text, None, span)


def _noun_phrase(token) -> tuple[int, int]:
    """Offsets of a description: determiners, modifiers and an "of" phrase, no clauses."""
    lo, hi = token.i, token.i
    for child in token.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "predet"):
            lo = min(lo, child.left_edge.i)
    for child in token.rights:
        if child.dep_ == "case":
            hi = max(hi, child.i)
        elif child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                hi = max(hi, token.doc[_noun_phrase_end(objects[0])].i)
    doc = token.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _noun_phrase_end(token) -> int:
    hi = token.i
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                hi = max(hi, _noun_phrase_end(objects[0]))
    return hi


def _previous_in_paragraph(ctx: _Context, index: int, mark: _Marks, previous: list[Quote]) -> Quote | None:
    """The quote this one continues: the last quote of the paragraph, or of the
    previous paragraph when this one is a quote left open across a paragraph break."""
    if not previous:
        return None
    prev = previous[-1]
    p_start, _ = ctx.paragraph_of(mark.start)
    prev_mark = ctx.marks[index - 1]
    if prev.speaker is None:
        return None
    if prev_mark.close >= p_start:
        return prev
    runs_on = prev_mark.close == ctx.paragraph_of(prev_mark.start)[1]
    return prev if runs_on and p_start == mark.open else None
