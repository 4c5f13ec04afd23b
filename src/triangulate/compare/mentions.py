"""Name mentions of one article, ready for merging: the surface form with its
title ("Governor Karim al-Hashimi"), the name without titles, and surname-only
mentions resolved inside the article.

Pure functions of an :class:`AnalyzedArticle`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..analyze import trim_span
from ..model import AnalyzedArticle
from .names import (
    PersonName,
    is_title,
    looks_like_acronym,
    normalise_name,
    parse_person,
    same_person,
    split_titles,
    strip_dots,
    title_of,
    surname_match,
    titles_conflict,
)

#: spaCy labels that go into the entity list, in the order used to break ties.
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART")

#: Labels a surname-only mention may carry: spaCy often calls a bare surname an
#: organisation ("al-Rashidi told reporters" → ORG), seldom a place.
SURNAME_LABELS = frozenset({"PERSON", "ORG", "NORP"})

#: Titles up to this many words before a name are read ("Lt. Gen.", "Prime Minister").
MAX_TITLE_WORDS = 4

#: Title words that are ordinary adjectives or nouns when written in lower case.
ADJECTIVE_TITLES = frozenset(
    "major general chief deputy field staff prime vice speaker rep sen father lord lady mp mep cj attorney".split()
)

_WORD_BEFORE = re.compile(r"([A-Za-z]+\.?)[ \t]+$")
_TRAILING_JUNK = re.compile(r"(?:\s+(?:of|and|the|for|in|on|at|to)|[,;:]|(?<![A-Z])\.)$")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|outside|inside|across)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NameMention:
    """One mention of a name. ``start``/``end`` locate ``surface`` (titles
    included when written capitalised before the name) in the article text."""

    article: str
    start: int
    end: int
    surface: str  # as shown in the aliases
    core: str  # the name without titles, "the" or a possessive
    label: str  # spaCy's label
    titles: tuple[str, ...] = ()  # title words before or in the name, lower-cased
    sentence_start: bool = False
    after_place_preposition: bool = False  # "in Jordan": not a surname-only mention
    # derived from the above, once
    key: str = field(init=False, repr=False)  # normalise_name(core)
    person: PersonName = field(init=False, repr=False)  # core read as a person's name
    is_bare: bool = field(init=False, repr=False)  # a single name: a surname-only candidate
    is_full_person: bool = field(init=False, repr=False)  # given name(s) and surname of a person

    def __post_init__(self) -> None:
        person = parse_person(self.core, self.titles)
        bare = (
            self.label in SURNAME_LABELS
            and not (self.after_place_preposition and self.label != "PERSON")
            and _bare_name(self.core, person)
        )
        full = (self.label == "PERSON" or bool(self.titles)) and person.is_full and not looks_like_acronym(self.core)
        object.__setattr__(self, "key", normalise_name(self.core))
        object.__setattr__(self, "person", person)
        object.__setattr__(self, "is_bare", bare)
        object.__setattr__(self, "is_full_person", full)


def read_mentions(item: AnalyzedArticle, lowercase_words: frozenset[str] = frozenset()) -> list[NameMention]:
    """The article's name mentions in text order, noise removed.

    ``lowercase_words`` are words seen in lower case in the event's texts: a
    single capitalised word at the start of a sentence that is one of them
    ("Army units began...", "Citizens who wish...") is a common noun, not a name.
    """
    text = item.article.text
    starts = {s.start for s in item.sentences}
    mentions = []
    for m in item.mentions:
        if m.label not in ENTITY_TYPES:
            continue
        mention = _read(item.id, text, m.start, m.end, m.label, starts)
        if mention is None:
            continue
        word = mention.core
        if " " not in word and not mention.titles and mention.sentence_start and _common_noun(word, lowercase_words):
            continue
        mentions.append(mention)
    return mentions


def lowercase_vocabulary(texts: Sequence[str]) -> frozenset[str]:
    """Every lower-case word of the texts (for telling common nouns from names)."""
    return frozenset(w for text in texts for w in re.findall(r"\b[a-z][a-z'-]+\b", text))


def resolve_surnames(mentions: Sequence[NameMention]) -> dict[int, int]:
    """Surname-only mentions of one article resolved to a full name in it.

    Returns ``{index of a bare mention: index of the first mention of the
    person it names}``. A bare mention ("al-Rashidi", "Dr Saleh") resolves to
    the one person with that surname named in full earlier in the article; if
    several were, to the one whose titles it shares (a "Dr al-Hashimi" after
    Dr Leila al-Hashimi and Governor Karim al-Hashimi); if none was, to the one
    named later. Otherwise it stays unresolved: leaving apart is better than
    merging two people.
    """
    people: list[tuple[int, PersonName, set[str]]] = []  # (first mention, name, titles seen)
    first_of: dict[int, int] = {}  # full mention index -> person's first mention
    for i, m in enumerate(mentions):
        if m.is_full_person:
            name = m.person
            for first, known, titles in people:
                if same_person(name, known):
                    titles.update(name.titles)
                    first_of[i] = first
                    break
            else:
                people.append((i, name, set(name.titles)))
                first_of[i] = i
    resolved: dict[int, int] = {}
    for i, m in enumerate(mentions):
        if not m.is_bare or m.is_full_person:
            continue
        bare = m.person
        earlier = [p for p in people if p[0] < i and surname_match(bare, p[1])]
        later = [p for p in people if p[0] > i and surname_match(bare, p[1])]
        choice = _choose(bare, earlier) if earlier else _choose(bare, later)
        if choice is not None:
            resolved[i] = choice[0]
            choice[2].update(bare.titles)
    return resolved | {i: f for i, f in first_of.items() if i != f}


def _choose(bare: PersonName, candidates: list[tuple[int, PersonName, set[str]]]):
    titles = set(bare.titles)
    fitting = [c for c in candidates if not titles_conflict(titles, c[2])]
    if len(fitting) > 1 and titles:
        fitting = [c for c in fitting if titles & c[2]]
    return fitting[0] if len(fitting) == 1 else None


def _read(article: str, text: str, start: int, end: int, label: str, sentence_starts: set[int]) -> NameMention | None:
    start, end = trim_span(text, start, end)
    if text[start:end].lower().startswith("the ") and " " in text[start + 4 : end].strip() or (
        text[start:end].lower().startswith("the ") and text[start + 4 : start + 5].isupper()
    ):
        start += 4
    while True:  # spaCy spans can end in "of" or a full stop: "Movement of", "X."
        trailing = _TRAILING_JUNK.search(text, start, end)
        if not trailing or trailing.start() <= start:
            break
        end = trailing.start()
    cut = text.find(" (", start, end)
    if cut > start and ")" not in text[cut:end]:
        end = cut  # "American Academy of Pediatrics (AAP": an unclosed bracket
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    elif text[start:end].endswith(("s'", "s’")):
        end -= 1  # "Letitia James'"
    words = text[start:end].split()
    if not words or sum(c.isalpha() for c in text[start:end]) < 2:
        return None
    if len(words) == 1 and not any(c.isupper() for c in words[0]):
        return None  # "mosques": a common noun tagged as a name
    titles: list[str] = []
    if label == "PERSON" or is_title(words[0]) and strip_dots(words[0]) in ("mr", "mrs", "ms", "dr", "miss"):
        titles, rest = split_titles(words)
        core_words = rest
    else:
        core_words = words
    surface_start = start
    before, run_start, capitalised = text[:start], start, True
    for _ in range(MAX_TITLE_WORDS):
        match = _WORD_BEFORE.search(before)
        if not match or not is_title(match.group(1)):
            break
        if match.group(1).islower() and title_of(match.group(1)) in ADJECTIVE_TITLES:
            break  # "a major ...", "the chief ...": lower case, these are adjectives
        if run_start < start and title_of(match.group(1)) != strip_dots(match.group(1)):
            break  # a plural title is right before a name ("Justices Varga"), not in "Representatives Speaker"
        titles.insert(0, title_of(match.group(1)))
        capitalised = capitalised and match.group(1)[0].isupper()
        run_start = match.start(1)
        before = text[:run_start]
    if run_start < start and capitalised and not _compound_office(before):
        surface_start = run_start
    core = " ".join(core_words)
    opener = text[max(0, surface_start - 1) : surface_start]
    at_sentence_start = surface_start in sentence_starts or opener in ("\"", "“", "‘")
    return NameMention(
        article=article,
        start=surface_start,
        end=end,
        surface=" ".join(text[surface_start:end].split()),
        core=core,
        label=label,
        titles=tuple(titles),
        sentence_start=at_sentence_start,
        after_place_preposition=bool(_PLACE_PREPOSITION.search(text[max(0, surface_start - 12) : surface_start])),
    )


def _compound_office(before: str) -> bool:
    """"Water Resources Minister X": the title is part of a longer office, so
    the surface form starts at the name ("Minister X" was never written)."""
    match = _WORD_BEFORE.search(before)
    return bool(match and match.group(1)[0].isupper() and not is_title(match.group(1)) and not before.endswith("\n"))


def _bare_name(core: str, name: PersonName) -> bool:
    words = core.split()
    if not words or looks_like_acronym(core):
        return False
    return not name.given and bool(name.surname_key) and (core[:1].isupper() or core[:3].lower() in ("al-", "el-"))


def _common_noun(word: str, lowercase_words: frozenset[str]) -> bool:
    lower = word.lower()
    return lower in lowercase_words or lower.rstrip("s") in lowercase_words or lower + "s" in lowercase_words



