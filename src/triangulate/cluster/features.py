"""Cheap per-article features for event clustering: content terms of the title
and text, named-entity-like capitalised phrases, and the publication day.

Pure functions of (title, text, published); no spaCy: clustering must keep up
with a stream, and the full analysis runs only when a briefing is asked for.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS  # the list the analysis uses (Token.is_stop)

from .. import lexicon
from ..dedup.text import normalise_word

#: A word: letters (with inner apostrophes or hyphens) or digits.
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+")

#: A capitalised phrase: one or more capitalised words, allowing short
#: lower-case joiners inside ("Bank of England", "Port of Veldhaven").
CAPITALISED = re.compile(
    r"\b(?:[A-Z][\w’'-]*\.?)(?:\s+(?:(?:of|the|de|la|al|el|van|von|du|da|del|and)\s+)?[A-Z][\w’'-]*)*"
)

#: Title words are counted this many times: a headline names the event in few
#: words. Set with bench/clustering.py on the tuning half of the dev stream:
#: 1, 2 and 3 tried (with up to 300 terms per article), 3 best by 0.002-0.008
#: B-cubed F1, close to the noise.
TITLE_WEIGHT = 3

#: At most this many terms per article are kept (the most frequent): long
#: articles add tail words that only cost memory (300 scored no better).
MAX_TERMS = 120

#: Words of capitalised phrases that say nothing about the event on their own.
_GENERIC = frozenset(
    (*lexicon.WEEKDAYS, *lexicon.MONTHS)
) | frozenset("mr mrs ms dr said says the a an in on at for but and it he she they we i this that there when "
              "after before as if while".split())


@dataclass(frozen=True, slots=True)
class Features:
    """What the clusterer sees of an article."""

    terms: tuple[tuple[str, int], ...]  # content term -> count (title words weighted)
    entities: tuple[str, ...]  # normalised capitalised phrases, sorted
    day: int | None  # proleptic ordinal of the publication date, or None

    def to_json(self) -> dict:
        return {"t": dict(self.terms), "e": list(self.entities), "d": self.day}

    @classmethod
    def from_json(cls, data: dict) -> Features:
        return cls(tuple(data["t"].items()), tuple(data["e"]), data["d"])


def features_of(title: str | None, text: str, published: str | None) -> Features:
    """Features of one article; ``published`` is an ISO date or None."""
    counts = Counter(_terms(text))
    for term in _terms(title or ""):
        counts[term] += TITLE_WEIGHT
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    entities = sorted(set(_entities(title or "")) | set(_entities(text)))
    return Features(tuple(sorted(top)), tuple(entities), day_of(published))


def day_of(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def fold(text: str) -> str:
    """Case-folded, accents removed: what :func:`~triangulate.dedup.text.normalise_word`
    does to each word, done once for a whole text (ASCII text takes a fast path)."""
    return lexicon.fold(text.replace("’", "'"))


def folded_words(text: str) -> list[str]:
    """The words of ``text`` as dedup normalises them (for identities and MinHash)."""
    return _DEDUP_WORD.findall(fold(text))


_DEDUP_WORD = re.compile(r"\w+(?:'\w+)*")


def _terms(text: str) -> list[str]:
    out = []
    for match in WORD.finditer(fold(text)):
        word = match.group()
        if len(word) < 3 or word in STOP_WORDS or word.isdigit() and len(word) < 4:
            continue
        out.append(_stem(word))
    return out


def _stem(word: str) -> str:
    """A light plural/possessive fold: 'strikes' and 'strike', 'union's' and 'union'."""
    word = word.removesuffix("'s").removesuffix("’s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _entities(text: str) -> list[str]:
    found = []
    for match in CAPITALISED.finditer(text):
        words = [normalise_word(w).strip(".’'") for w in match.group().split()]
        while words and words[0] in _GENERIC:
            words.pop(0)
        while words and words[-1] in _GENERIC:
            words.pop()
        if not words or len(words) == 1 and len(words[0]) < 3:
            continue
        found.append(" ".join(_stem(w) if i == len(words) - 1 else w for i, w in enumerate(words)))
    return found
