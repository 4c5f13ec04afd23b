"""Words of an article for shared-passage detection: normalised, with character
offsets into the cleaned text, a flag for words inside quotation marks, and
sentence units.

Pure functions of the text; nothing here knows about other articles.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..lexicon import fold

#: A word: letters/digits, with inner apostrophes kept ("government's", "don't").
WORD = re.compile(r"\w+(?:['’]\w+)*")

#: Sentence ends: ., ! or ? (optionally followed by closing quotes or brackets),
#: then space and something that can start a sentence; and paragraph breaks.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[A-Z0-9])|\n\s*\n")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")

DOUBLE_OPENERS = {"“": "”", "«": "»", "„": "“”", '"': '"”'}
SINGLE_OPENERS = "‘'"
SINGLE_CLOSERS = "’'"


@dataclass(frozen=True, slots=True)
class Words:
    """The words of one text, in order, as parallel tuples."""

    norm: tuple[str, ...]  # case-folded, accents removed
    starts: tuple[int, ...]  # character offsets into the text
    ends: tuple[int, ...]
    quoted: tuple[bool, ...]  # inside quotation marks
    sentences: tuple[tuple[int, int], ...]  # word index ranges [start, end)

    def __len__(self) -> int:
        return len(self.norm)


def normalise_word(word: str) -> str:
    return fold(word.replace("’", "'"))


def words_of(text: str) -> Words:
    """Split ``text`` into :class:`Words`."""
    matches = list(WORD.finditer(text))
    starts = tuple(m.start() for m in matches)
    regions = quote_regions(text)
    region_starts = [a for a, _ in regions]
    quoted = []
    for start in starts:
        k = bisect_right(region_starts, start) - 1
        quoted.append(k >= 0 and regions[k][0] <= start < regions[k][1])
    return Words(
        norm=tuple(normalise_word(m.group()) for m in matches),
        starts=starts,
        ends=tuple(m.end() for m in matches),
        quoted=tuple(quoted),
        sentences=_sentence_ranges(text, starts),
    )


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, in order, not overlapping.

    Double quotes (straight or curly, guillemets, „low“) and single curly or
    straight quotes used as quotation marks (an opening one after a space, a
    closing one not followed by a letter, so apostrophes in "don't" and
    "Tamzara's" do not count). A quote left open at the end of a paragraph ends
    there: news style reopens a quote that runs over several paragraphs.
    """
    regions: list[tuple[int, int]] = []
    breaks = {m.start() for m in PARAGRAPH_BREAK.finditer(text)}
    open_at: int | None = None
    closers = ""
    for i, ch in enumerate(text):
        if open_at is None:
            if ch in DOUBLE_OPENERS:
                open_at, closers = i, DOUBLE_OPENERS[ch]
            elif ch in SINGLE_OPENERS and _opens_single(text, i):
                open_at, closers = i, SINGLE_CLOSERS
        elif i in breaks:
            regions.append((open_at, i))
            open_at = None
        elif ch in closers and (closers != SINGLE_CLOSERS or _closes_single(text, i)):
            regions.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        regions.append((open_at, len(text)))
    return regions


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-\"“") and after.isalnum()


def _closes_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _sentence_ranges(text: str, starts: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """Word index ranges of the sentences (and paragraph pieces) of ``text``."""
    cuts = [m.end() for m in SENTENCE_END.finditer(text)]
    ranges: list[tuple[int, int]] = []
    first = 0
    for cut in cuts:
        last = bisect_right(starts, cut - 1, lo=first)
        if last > first:
            ranges.append((first, last))
            first = last
    if first < len(starts):
        ranges.append((first, len(starts)))
    return tuple(ranges)
