"""The grounding check of the abstractive mode: may a rewritten sentence replace
the extractive one it came from?

A rewrite is *grounded* when every checkable claim in it is found in the
cleaned text of the articles its extractive sentence cites:

- **names**: runs of capitalised words ("Idris Qassar", "Civil Defence
  Directorate", "al-Rashidi"), or spaCy's named entities when an ``nlp`` object
  is given. A name must occur in the sources as a whole phrase (case and
  spacing aside, a possessive "'s" dropped); a leading title or role word may be
  dropped first ("Prime Minister Idris Qassar" passes when the sources say
  "Idris Qassar, the prime minister"), a mixed-up name ("Rania Qassar") does
  not. Capitalised function words ("The", "After", "However") are not names.
- **numbers**: digits ("18", "2,500", "2.5 million") and number words ("three",
  "twenty-five", "two thousand") compared by value, so "three" matches "3" and
  "2,500" matches "two thousand five hundred"; ordinals ("first", "3rd") by
  rank.
- **dates**: month names, weekdays, years and the relative words "today",
  "tonight", "yesterday" and "tomorrow".

The rule is deliberately conservative: when in doubt the extractive sentence
wins, because a fluent sentence with an invented fact is worse than a stiff
true one. A capitalised word that opens a sentence is checked like any other
(the heuristic cannot tell "Rescuers" from a surname), so a rewrite that opens
on a word the sources never use falls back. The check looks for each claim
anywhere in the cited articles, not in the same sentence: it catches invented
names, numbers and dates, not every misattribution.

Everything here is pure: strings in, values out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from itertools import takewhile
from typing import Literal

from ..lexicon import (
    ARABIC_ARTICLES,
    MONTH_NUMBERS,
    MONTHS,
    NAME_TITLES,
    NAMED_LABELS,
    ORDINAL_WORDS,
    SCALES,
    SURNAME_PARTICLES,
    TENS,
    UNITS,
    WEEKDAYS,
)
from ..model import Cited

ClaimKind = Literal["name", "number", "ordinal", "date"]


#: The value of each word a count may be written with ("a dozen" is 12).
COUNT_WORDS = {**UNITS, **TENS, "dozen": 12}
#: Abbreviated month names and the month they name ("sept" -> "september").
MONTH_ABBREVIATIONS = {short: MONTHS[n - 1] for short, n in MONTH_NUMBERS.items() if short not in MONTHS}
RELATIVE_DAYS = frozenset({"today", "tonight", "yesterday", "tomorrow"})

#: Years are 4-digit numbers in this range (outside it, "1500" is a count).
YEARS = range(1800, 2101)

#: Capitalised words that are not names: function words that open sentences.
NOT_NAMES = frozenset(
    """a an the this that these those it its he she they we you his her their our my your there here
    in on at by for with from to of into onto over under after before during since until as but and or nor
    so yet if when while where whereas although though because according meanwhile however also then
    some many most more much all both each every either neither no not nor what which who whom whose why
    how despite amid among amongst about around instead other another such earlier later now only even
    just still already following further furthermore moreover thus therefore again once""".split()
)

#: Lower-case particles that stay inside a name ("Bank of England", "Osama bin Laden").
PARTICLES = SURNAME_PARTICLES | {"of"}

#: Prefixes joined to a name by a hyphen or apostrophe: "al-Hashimi", "bin-Zayed", "O'Brien", "d'Estaing".
_NAME_PREFIX = re.compile(rf"^(?:{'|'.join((*ARABIC_ARTICLES, 'abu', 'bin', 'ibn', 'd', 'l', 'o'))})[-'’][A-Z]")
_TOKEN = re.compile(
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:(?P<suffix>st|nd|rd|th)(?!\w))?"
    r"|(?P<word>[^\W\d_](?:[\w'’-]*\w)?)"
)
_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class Claim:
    """Something checkable a sentence asserts: ``key`` is the normalised value
    (a case-folded phrase, a number, a rank or a date word), ``text`` the words
    as written."""

    kind: ClaimKind
    key: object
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the cited sources contain, normalised once for many checks."""

    text: str  # case-folded, spaces collapsed, apostrophes and hyphens unified
    numbers: frozenset[Decimal]
    ordinals: frozenset[int]
    dates: frozenset[str]

    def supports(self, claim: Claim) -> bool:
        if claim.kind == "number":
            return claim.key in self.numbers
        if claim.kind == "ordinal":
            return claim.key in self.ordinals
        if claim.kind == "date":
            return claim.key in self.dates or (str(claim.key).isdigit() and Decimal(str(claim.key)) in self.numbers)
        return any(_contains(self.text, form) for form in _name_forms(str(claim.key)))


def evidence(texts: Iterable[str]) -> Evidence:
    """The :class:`Evidence` of some source texts (the cited articles' cleaned text)."""
    joined = "\n\n".join(texts)
    numbers: set[Decimal] = set()
    ordinals: set[int] = set()
    dates: set[str] = set()
    for claim in _numbers_and_dates(joined, with_base_values=True):
        if claim.kind == "number":
            numbers.add(claim.key)  # type: ignore[arg-type]
        elif claim.kind == "ordinal":
            ordinals.add(claim.key)  # type: ignore[arg-type]
        else:
            dates.add(str(claim.key))
            if str(claim.key).isdigit():
                numbers.add(Decimal(str(claim.key)))
    return Evidence(_normalise(joined), frozenset(numbers), frozenset(ordinals), frozenset(dates))


def claims(sentence: str, nlp=None) -> tuple[Claim, ...]:
    """The names, then the numbers and dates, ``sentence`` asserts (each in order of appearance).

    Names come from the capitalisation heuristic, or from spaCy's entities when
    ``nlp`` (a loaded spaCy pipeline) is given; numbers and dates always come
    from the rules in the module docstring.
    """
    names = _entity_names(sentence, nlp) if nlp is not None else _heuristic_names(sentence)
    return (*names, *_numbers_and_dates(sentence, with_base_values=False))


def unsupported(sentence: str, sources: Evidence | Sequence[str], nlp=None) -> tuple[Claim, ...]:
    """The claims of ``sentence`` that its sources do not contain; empty when grounded."""
    found = sources if isinstance(sources, Evidence) else evidence(sources)
    result: list[Claim] = []
    for claim in claims(sentence, nlp):
        if not found.supports(claim) and claim not in result:
            result.append(claim)
    return tuple(result)


def check(rewrite: str, sources: Evidence | Sequence[str], *, max_words: int | None = None, nlp=None) -> tuple[str, ...]:
    """Why ``rewrite`` may not stand in for its extractive sentence: an empty
    tuple when it may. Besides grounding, a rewrite must be one line of text
    and, when ``max_words`` is given (the headline), at most that many words."""
    text = rewrite.strip()
    if not text:
        return ("is empty",)
    reasons = []
    if "\n" in text:
        reasons.append("spans several lines")
    if max_words is not None and len(text.split()) > max_words:
        reasons.append(f"has {len(text.split())} words, more than {max_words}")
    missing = unsupported(text, sources, nlp)
    for kind in ("name", "number", "ordinal", "date"):
        words = [c.text for c in missing if c.kind == kind]
        if words:
            label = {"name": "names", "number": "numbers", "ordinal": "ordinals", "date": "dates"}[kind]
            reasons.append(f"has {label} not in its cited sources: {', '.join(repr(w) for w in words)}")
    return tuple(reasons)


def ground(
    original: Cited,
    rewrite: str,
    texts: Mapping[str, str],
    *,
    max_words: int | None = None,
    nlp=None,
) -> tuple[Cited, tuple[str, ...]]:
    """(the sentence to use, why the rewrite was refused).

    When ``rewrite`` passes :func:`check` against the texts of the articles
    ``original`` cites, the result carries the rewrite as ``text`` and the
    extractive sentence as ``extract``; otherwise it is ``original`` itself.
    Citations and the span (which locates the extractive sentence) are kept
    either way. A rewrite identical to the extractive sentence is no rewrite.
    """
    text = _SPACE.sub(" ", rewrite.strip())
    if text == original.text:
        return original, ()
    sources = [texts[a] for a in original.citations if a in texts]
    reasons = check(text, sources, max_words=max_words, nlp=nlp)
    if reasons:
        return original, reasons
    return replace(original, text=text, extract=original.text), ()


# -- names ---------------------------------------------------------------------------------


def _heuristic_names(sentence: str) -> list[Claim]:
    """Maximal runs of capitalised words (joined by spaces or name particles)."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    pending: list[re.Match[str]] = []  # particles waiting for a capitalised word
    previous_end = None
    for match in _TOKEN.finditer(sentence):
        word = match.group("word")
        adjacent = previous_end is not None and sentence[previous_end : match.start()].isspace()
        previous_end = match.end()
        if word and _is_capitalised(word) and not _counts_or_dates(word, sentence, match.end()):
            if current and adjacent:
                current.extend(pending)
            elif current:
                runs.append(current)
                current = []
            pending = []
            current.append(match)
        elif word and current and adjacent and word in PARTICLES:
            pending.append(match)
            if len(pending) > 2:
                runs.append(current)
                current, pending = [], []
        else:
            if current:
                runs.append(current)
            current, pending = [], []
    if current:
        runs.append(current)

    names = []
    for run in runs:
        words = [m.group("word") for m in run]
        while words and (words[0].casefold() in NOT_NAMES or words[0] in PARTICLES):
            words.pop(0)
        while words and (words[-1].casefold() in NOT_NAMES or words[-1] in PARTICLES):
            words.pop()
        if words:
            names.append(_name_claim(" ".join(words)))
    return [n for n in names if n is not None]


def _entity_names(sentence: str, nlp) -> list[Claim]:
    names = []
    for ent in nlp(sentence).ents:
        if ent.label_ in NAMED_LABELS:  # entities checked as names when an ``nlp`` object is given
            text = re.sub(r"^(?:the|The)\s+", "", ent.text.strip())
            claim = _name_claim(text)
            if claim is not None:
                names.append(claim)
    return names


def _name_claim(text: str) -> Claim | None:
    text = _POSSESSIVE.sub("", text.strip())
    if sum(ch.isalpha() for ch in text) < 2:
        return None
    return Claim("name", _normalise(text), text)


def _counts_or_dates(word: str, text: str, end: int) -> bool:
    """A capitalised number word ("Three"), ordinal or date is checked as such, not as a name."""
    lower = word.lower()
    return (
        all(part in COUNT_WORDS or part in SCALES for part in lower.split("-"))
        or lower in ORDINAL_WORDS
        or _date_word(word, text, end) is not None
    )


def _is_capitalised(word: str) -> bool:
    letters = sum(ch.isalpha() for ch in word)
    return letters >= 2 and (word[0].isupper() or bool(_NAME_PREFIX.match(word)))


def _name_forms(key: str) -> Iterable[str]:
    """The phrase, then the phrase without leading titles or roles."""
    yield key
    words = key.split(" ")
    while len(words) > 1 and words[0].rstrip(".") in NAME_TITLES:
        words = words[1:]
        yield " ".join(words)


def _contains(haystack: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", haystack) is not None


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"[‐‑‒–—]", "-", text)
    return _SPACE.sub(" ", text).casefold()


# -- numbers and dates ---------------------------------------------------------------------


def _numbers_and_dates(text: str, *, with_base_values: bool) -> list[Claim]:
    """Numbers, ordinals and dates of ``text``. With ``with_base_values`` (the
    sources' side) a scaled number also counts unscaled: "150 million" yields
    150 000 000 and 150."""
    tokens = list(_TOKEN.finditer(text))
    result: list[Claim] = []
    i = 0
    while i < len(tokens):
        match = tokens[i]
        word = match.group("word")
        if match.group("number"):
            surface = match.group("number")
            if match.group("suffix"):
                result.append(Claim("ordinal", int(Decimal(surface.replace(",", ""))), match.group(0)))
                i += 1
                continue
            value = _decimal(surface)
            j = i + 1
            scale_words = []
            while j < len(tokens) and _adjacent(text, tokens[j - 1], tokens[j]) and (tokens[j].group("word") or "").lower() in SCALES:
                scale_words.append(tokens[j])
                j += 1
            if value is None:
                i = j
                continue
            scaled = value
            for scale in scale_words:
                scaled *= SCALES[scale.group("word").lower()]
            written = text[match.start() : (scale_words[-1] if scale_words else match).end()]
            if not scale_words and "," not in surface and "." not in surface and int(value) in YEARS:
                result.append(Claim("date", surface, written))
            else:
                result.append(Claim("number", scaled, written))
                if with_base_values and scale_words:
                    result.append(Claim("number", value, surface))
            i = j
            continue
        lower = (word or "").lower()
        j, value, stop = _number_words(text, tokens, i)
        if value is not None:
            result.append(Claim("number", Decimal(value), text[match.start() : stop]))
            i = j
            continue
        if lower in ORDINAL_WORDS:
            result.append(Claim("ordinal", ORDINAL_WORDS[lower], word))
        elif date := _date_word(word or "", text, match.end()):
            result.append(Claim("date", date, word))
        i += 1
    return result


def _number_words(text: str, tokens: Sequence[re.Match[str]], start: int) -> tuple[int, int | None, int]:
    """Read a run of number words from ``tokens[start]``: "three", "twenty-five",
    "two thousand five hundred", "one hundred and twenty", the "five" of
    "five-year-old". A word that cannot continue the number ("twenty-five
    five") ends the run. Returns (index after the run, value or None, end offset)."""
    reader = _NumberWords()
    j, stop = start, tokens[start].start()
    while j < len(tokens):
        token = tokens[j]
        if j > start and not _adjacent(text, tokens[j - 1], token):
            break
        parts = (token.group("word") or "").split("-")
        taken = list(takewhile(reader.add, (p.lower() for p in parts)))
        if taken:
            if taken[-1] != "and":
                stop = token.start() + len("-".join(parts[: len(taken)]))
            j += 1
        if len(taken) < len(parts):
            break
    value = reader.value
    return (j, value, stop) if value is not None else (start + 1, None, stop)


class _NumberWords:
    """Accumulates number words left to right; ``add`` says whether a word
    continues the number read so far."""

    __slots__ = ("total", "current", "seen", "pending_and")

    def __init__(self) -> None:
        self.total = self.current = 0
        self.seen = self.pending_and = False

    def add(self, word: str) -> bool:
        below_hundred = self.current % 100
        if word == "and":
            if not self.seen or self.pending_and:
                return False
            self.pending_and = True
            return True
        if word in UNITS or word == "dozen":
            value = COUNT_WORDS[word]
            fits = not self.seen or below_hundred == 0 or (below_hundred >= 20 and below_hundred % 10 == 0 and value < 10)
            if not fits or (word == "dozen" and self.seen):
                return False
            self.current += value
        elif word in TENS:
            if self.seen and below_hundred != 0:
                return False
            self.current += TENS[word]
        elif word == "hundred" and self.seen and 0 < self.current < 100 and not self.pending_and:
            self.current *= 100
        elif word in SCALES and word != "hundred" and self.seen and self.current and not self.pending_and:
            self.total += self.current * SCALES[word]
            self.current = 0
        else:
            return False
        self.seen = True
        self.pending_and = False
        return True

    @property
    def value(self) -> int | None:
        return self.total + self.current if self.seen else None


def _adjacent(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    return text[left.end() : right.start()].isspace()


def _date_word(word: str, text: str, end: int) -> str | None:
    """The normalised date a word names, or None. Month names and weekdays count
    only when capitalised ("may" is a verb, "march" a walk)."""
    lower = word.lower()
    if lower in RELATIVE_DAYS:
        return lower
    if not word[:1].isupper():
        return None
    if lower in MONTHS or lower in WEEKDAYS:
        return lower
    if lower in MONTH_ABBREVIATIONS and re.match(r"\.|\s+\d", text[end : end + 3]):
        return MONTH_ABBREVIATIONS[lower]
    return None


def _decimal(surface: str) -> Decimal | None:
    try:
        return Decimal(surface.replace(",", ""))
    except InvalidOperation:
        return None


__all__ = ["Claim", "Evidence", "check", "claims", "evidence", "ground", "unsupported"]
