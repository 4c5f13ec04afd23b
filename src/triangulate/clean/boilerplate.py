"""Boilerplate removal for plain-text article dumps.

Two kinds of evidence:

* per line, :mod:`.lines` says whether a line looks like furniture on its own;
* across the corpus, :class:`BoilerplateModel` learns the lines that recur in
  several articles (a site's footer, its share prompt, its comment policy). A
  recurring line is only taken out when it does not read as an article sentence:
  wire copy repeats real sentences across outlets, and those stay.

:func:`classify_lines` gives a verdict for every line of the input, so nothing is
dropped silently and the gold-set benchmark can score each line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .lines import LineShape, boilerplate_reason, header_kind, looks_like_heading, measure

#: A line counts as a site's furniture when it recurs in at least this many
#: articles. Two is enough: real article sentences that recur (wire copy) are
#: protected by their sentence shape, see ``_repeated_reason``.
MIN_REPEATS = 2

#: Hard-wrapped dumps (lines broken at a fixed width) are re-joined when at least
#: this share of their lines are long and end mid-sentence.
HARD_WRAP_SHARE = 0.6


def normalise_line(text: str) -> str:
    """The form under which lines are compared across articles."""
    text = re.sub(r"\d+", "0", text.lower())
    return " ".join(re.findall(r"\w+", text))


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph of the dump: one line, or several joined hard-wrapped lines."""

    first: int  # index of its first line in the input
    last: int  # index of its last line (inclusive)
    text: str


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """What cleaning decided for one unit. ``reason`` is None for kept text."""

    unit: Unit
    reason: str | None
    header: str | None = None  # 'title', 'published', 'byline', 'site id', 'date'

    @property
    def kept(self) -> bool:
        return self.reason is None


class BoilerplateModel:
    """Lines that recur across the articles of a corpus.

    Follows scikit-learn's convention: parameters in ``__init__``, learned
    state in attributes ending in ``_`` after :meth:`fit`.
    """

    def __init__(self, min_repeats: int = MIN_REPEATS) -> None:
        self.min_repeats = min_repeats

    def fit(self, texts: Iterable[str]) -> "BoilerplateModel":
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update({normalise_line(u.text) for u in split_units(text)} - {""})
        self.repeated_ = frozenset(line for line, n in counts.items() if n >= self.min_repeats)
        return self

    def is_repeated(self, text: str) -> bool:
        return normalise_line(text) in getattr(self, "repeated_", frozenset())


def split_units(text: str) -> list[Unit]:
    """Paragraph units of a dump. Each non-blank line is a unit, except in a
    hard-wrapped dump, where the lines of one blank-separated block are joined."""
    lines = text.split("\n")
    content = [line.strip() for line in lines if line.strip()]
    wrapped = bool(content) and sum(
        1 for line in content if len(line) >= 50 and not line.endswith((".", '"', "”", "?", "!", ":"))
    ) >= HARD_WRAP_SHARE * len(content) and len(content) >= 4
    units: list[Unit] = []
    block: list[int] = []

    def flush() -> None:
        if block:
            joined = " ".join(lines[i].strip() for i in block)
            units.append(Unit(block[0], block[-1], joined))
            block.clear()

    for index, line in enumerate(lines):
        if not line.strip():
            flush()
        elif wrapped:
            block.append(index)
        else:
            units.append(Unit(index, index, line.strip()))
    flush()
    return units


def classify_lines(
    text: str,
    model: BoilerplateModel | None = None,
    title_hint: str | None = None,
    extracted: bool = False,
) -> list[LineVerdict]:
    """A verdict for every paragraph unit of ``text``, in order.

    ``extracted`` is for text an HTML extractor already chose as the main text:
    its short unpunctuated lines are the page's own subheadings, and the title
    comes from the page's metadata, so only lines that are furniture on their
    own (credits, prompts, ads, headers) are taken out.
    """
    units = split_units(text)
    shapes = [measure(u.text) for u in units]
    title_key = normalise_line(strip_site_suffix(title_hint)) if title_hint else None
    title_at = None if title_hint or extracted else _title_index(shapes, model)
    if title_at is not None:
        title_key = normalise_line(strip_site_suffix(units[title_at].text))
    verdicts: list[LineVerdict] = []
    in_list = False  # after a lead-in line ending with ":", short items are content
    in_teasers = False  # after a "Related" label, headline-like lines are links
    for index, (unit, shape) in enumerate(zip(units, shapes)):
        key = normalise_line(strip_site_suffix(unit.text))
        if index == title_at:
            verdicts.append(LineVerdict(unit, "title (read as metadata)", header="title"))
            continue
        if title_key and key == title_key:
            verdicts.append(LineVerdict(unit, "title repeated", header="title"))
            continue
        header = header_kind(shape)
        if header:
            verdicts.append(LineVerdict(unit, f"{header} header (read as metadata)", header=header))
            continue
        reason = boilerplate_reason(shape) or _repeated_reason(shape, model)
        if extracted and reason in SHAPE_ONLY_REASONS:
            reason = None
        if reason is None and not shape.sentence_like and not extracted:
            if in_teasers and shape.words >= 4:
                reason = "related-link teaser"
            elif in_list and shape.words <= 12:
                reason = None
            elif looks_like_heading(shape) or _headline_like(shape):
                reason = "heading or link teaser (no sentence)"
        if reason == "related-link teaser" or (reason and _is_teaser_label(shape)):
            in_teasers = True
        elif shape.sentence_like:
            in_teasers = False
        if reason is None:
            in_list = shape.text.endswith(":") or (in_list and not shape.sentence_like)
        verdicts.append(LineVerdict(unit, reason))
    return _comment_policy_blocks(verdicts, shapes)


#: A line that states a comment policy: comments with moderation, a policy or
#: guidelines, in the site's voice.
COMMENT_POLICY = re.compile(
    r"\bcomments?\b.{0,60}?\b(?:(?:pre-?)?moderat\w*|polic(?:y|ies)|guidelines|reviewed|rules)\b"
    r"|\b(?:(?:pre-?)?moderates?|reviews?)\s+(?:all\s+|every\s+)?(?:reader\s+)?comments?\b",
    re.IGNORECASE,
)

#: The vocabulary of the rest of such a block: what is tolerated, what gets
#: rejected, that comments are not edited. Each line of a block reads like prose
#: on its own; what gives it away is this vocabulary next to a policy line.
POLICY_WORDS = re.compile(
    r"\b(?:comments?|comment(?:er|ator)s?|moderat\w*|reject\w*|remov\w*|delet\w*|edit(?:s|ed|ing)?|"
    r"abusive|abuse|defamatory|libel\w*|off-topic|offensive|obscene|spam|hate\s+speech|personal\s+attacks?|"
    r"profanity|harass\w*|debate|discussion|criticism|disagreement|guidelines|post(?:s|ed|ing)?|"
    r"publish\w*|block\w*|ban(?:s|ned)?|tolerat\w*|welcome)\b",
    re.IGNORECASE,
)

#: A comment-policy block runs at most this many lines past its policy line,
#: each of at most POLICY_LINE_WORDS words (the blocks in the annotated dumps
#: have 2-6 lines of 5-30 words).
POLICY_BLOCK_LINES = 8
POLICY_LINE_WORDS = 45


def _comment_policy_blocks(verdicts: list[LineVerdict], shapes: list[LineShape]) -> list[LineVerdict]:
    """Lines next to a comment-policy line that continue it ("We welcome
    debate...", "Abusive comments will be rejected.", "Comments are not
    edited.") are boilerplate too, though each reads like a sentence."""
    out = list(verdicts)

    def policy_like(k: int, terms: int) -> bool:
        shape = shapes[k]
        if shape.words > POLICY_LINE_WORDS or shape.has_quote or out[k].header:
            return False
        return len({m.group(0).casefold() for m in POLICY_WORDS.finditer(shape.text)}) >= terms

    for index, shape in enumerate(shapes):
        if not COMMENT_POLICY.search(shape.text) or shape.words > POLICY_LINE_WORDS or shape.has_quote:
            continue
        block = [index]
        k = index + 1
        while k < len(shapes) and k - index <= POLICY_BLOCK_LINES and (policy_like(k, 1) or not out[k].kept):
            block.append(k)
            k += 1
        k = index - 1
        while k >= 0 and index - k <= 2 and policy_like(k, 2):  # a lead-in before it: "We welcome debate, ..."
            block.append(k)
            k -= 1
        for k in block:
            if out[k].kept:
                out[k] = LineVerdict(out[k].unit, "comment policy")
    return out


#: Reasons that rest on a line's shape alone; they do not apply to text an HTML
#: extractor already chose (measured on AEB: the heading rule cost 0.06 recall).
SHAPE_ONLY_REASONS = frozenset({"truncated teaser", "bracketed link teaser"})


def strip_site_suffix(title: str) -> str:
    """'Headline | Outlet' -> 'Headline'."""
    return re.sub(r"\s+\|\s+[^|]{2,60}$", "", title.strip())


def _headline_like(shape: LineShape) -> bool:
    """A headline-shaped line: several words, no sentence punctuation, no list marker."""
    return 6 <= shape.words <= 24 and not shape.text.startswith(("-", "•", "*", "·")) and not shape.text[:1].isdigit()


def _is_teaser_label(shape: LineShape) -> bool:
    return shape.words <= 4 and bool(re.match(r"^\W*(?:related|more|most|read|also|recommended|top|latest|trending|see)\b", shape.text, re.I))


#: Site names, taglines and section labels sit in the header block too; they
#: are shorter than headlines.
TITLE_MIN_WORDS = 5


def _title_index(shapes: list[LineShape], model: BoilerplateModel | None) -> int | None:
    """The title: the first title-like line of the header block (the lines
    before the first body sentence) with at least ``TITLE_MIN_WORDS`` words, or
    failing that its first title-like line."""
    candidates = []
    for index, shape in enumerate(shapes):
        if header_kind(shape) or boilerplate_reason(shape) or _repeated_reason(shape, model):
            continue
        if _could_be_title(shape):
            candidates.append(index)
        elif shape.sentence_like and shape.words >= 6:
            break
    return next((i for i in candidates if shapes[i].words >= TITLE_MIN_WORDS), candidates[0] if candidates else None)


def _could_be_title(shape: LineShape) -> bool:
    text = shape.text
    if not 2 <= shape.words <= 30 or text.endswith(":"):
        return False
    if header_kind(shape) or boilerplate_reason(shape):
        return False
    if shape.has_quote and shape.sentence_like:
        return False
    return not text.endswith(".") or shape.title_case >= 0.6


def _repeated_reason(shape: LineShape, model: BoilerplateModel | None) -> str | None:
    if model is None or not model.is_repeated(shape.text):
        return None
    # Wire copy and shared quotes repeat real sentences; a site's furniture is
    # short, unpunctuated, or speaks to the reader about the site.
    reads_as_sentence = shape.sentence_like and shape.words >= 5 and (
        not shape.reader_address or (shape.words >= 15 and shape.prompt_terms == 0)
    )
    return None if reads_as_sentence else "repeated across articles (site furniture)"
