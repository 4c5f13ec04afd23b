"""Numbers as written: "2,500", "Eighteen", "1.2 million", "twenty-five", and the
qualifier before them ("at least", "more than", "about", "nearly", "up to")."""

from __future__ import annotations

import re

from ..lexicon import NUMBER_WORDS, SCALES, TENS, UNITS

__all__ = ["FRACTIONS", "NUMBER_WORDS", "QUALIFIERS", "QUALIFIER_WORDS", "in_spans", "is_number_token",
           "number_groups", "parse_number", "qualifier_before"]

#: Values of a count's words: "a million" is one million, "2.5m" two and a half.
_UNITS = {**UNITS, "a": 1, "an": 1}
_TENS = TENS
_SCALES = {**SCALES, "dozen": 12, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}

#: Qualifiers written before a number, longest first, and their canonical form.
QUALIFIERS = (
    ("well over", "more than"), ("well above", "more than"), ("more than", "more than"),
    ("upwards of", "more than"), ("in excess of", "more than"), ("over", "more than"), ("above", "more than"),
    ("at least", "at least"), ("no fewer than", "at least"), ("no less than", "at least"),
    ("an estimated", "about"), ("approximately", "about"), ("roughly", "about"), ("around", "about"),
    ("about", "about"), ("some", "about"), ("estimated", "about"), ("almost", "nearly"),
    ("close to", "nearly"), ("just under", "nearly"), ("nearly", "nearly"), ("as many as", "up to"),
    ("up to", "up to"), ("at most", "at most"), ("no more than", "at most"), ("fewer than", "less than"),
    ("less than", "less than"), ("under", "less than"), ("below", "less than"),
)

_QUALIFIER_RE = re.compile(r"(?:^|\W)(" + "|".join(re.escape(q) for q, _ in QUALIFIERS) + r")\s*$", re.I)

_QUALIFIER_OF = dict(QUALIFIERS)

QUALIFIER_WORDS = frozenset(w for q, _ in QUALIFIERS for w in q.split()) | {"more", "fewer", "less", "than"}

FRACTIONS = frozenset({"half", "halve", "third", "quarter", "fifth", "sixth", "eighth", "tenth"})


def parse_number(words: str) -> float | None:
    """ "2,500" -> 2500; "1.2 million" -> 1200000; "Eighteen" -> 18; "twenty-five" -> 25."""
    tokens = re.findall(r"[\d][\d,]*(?:\.\d+)?|[A-Za-z]+", words.replace("-", " "))
    if not tokens:
        return None
    total, current, seen = 0.0, 0.0, False
    for token in tokens:
        low = token.casefold()
        if token[0].isdigit():
            if not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", token):
                return None
            current += float(token.replace(",", ""))
        elif low in _UNITS:
            current += _UNITS[low]
        elif low in _TENS:
            current += _TENS[low]
        elif low in _SCALES:
            scale = _SCALES[low]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
        elif low == "and":
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def is_number_token(token) -> bool:
    low = token.lower_
    if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", token.text):
        return True
    return low in NUMBER_WORDS


def number_groups(doc, skip: list[tuple[int, int]]):
    """Runs of number tokens ("210 million", "twenty - five"), outside dates."""
    groups = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not is_number_token(token) or in_spans(token.idx, skip):
            i += 1
            continue
        j = i
        while j + 1 < len(doc):
            nxt = doc[j + 1]
            if nxt.lower_ in _SCALES and nxt.lower_ not in ("m", "k") or (
                doc[j].lower_ in _TENS and nxt.text == "-" and j + 2 < len(doc) and doc[j + 2].lower_ in _UNITS
            ):
                j += 2 if nxt.text == "-" else 1
            else:
                break
        groups.append(doc[i : j + 1])
        i = j + 1
    return groups


def in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


def qualifier_before(text: str) -> tuple[str, int] | None:
    """The canonical qualifier that ``text`` ends with, and where it starts in ``text``."""
    match = _QUALIFIER_RE.search(text)
    if not match:
        return None
    return _QUALIFIER_OF[match.group(1).casefold()], match.start(1)
