"""Speakers' names in one article: titles, surnames, roles and their resolution.

A :class:`NameIndex` lists the proper names of an article (outside quotations)
with the titles written before them ("Governor", "Dr", "Water Resources
Minister") and the roles given in apposition ("Adel Haddou, the deputy mayor").
It turns a short or indirect mention into the name the article gave in full:

- a surname ("al-Rashidi", "Dr al-Hashimi") becomes the full name with that
  surname, preferring one whose written title agrees, then the last one before
  the mention, then the first one after it;
- a role ("the prime minister", "the governor", "the senator" for "Sen. X") becomes
  the person the article gave that title or role.

The spelling-tolerant keys (:func:`surname_key`, :func:`name_key`) are also what
:mod:`triangulate.compare.quotes` compares speakers across articles by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import (
    ARABIC_ARTICLES,
    FEMALE_TITLES,
    MALE_TITLES,
    MONTHS,
    TITLE_ROLES,
    TITLES,
    WEEKDAYS,
    fold,
)

__all__ = ["Name", "NameIndex", "name_key", "strip_title", "surname_key"]

#: Words of titles and honorifics that come before a name.
TITLE_WORDS = TITLES

#: Honorifics that say nothing about a person's role (used when matching titles).
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "sir", "dame", "hon", "honourable"})
FEMALE_HONORIFICS = FEMALE_TITLES
MALE_HONORIFICS = MALE_TITLES

#: Head words of organisation names: a title word in them is not a title.
ORG_WORDS = frozenset(
    """department ministry agency directorate office party committee council commission authority
    company corporation inc corp ltd university hospital police army navy court government
    administration service services bureau institute association union federation fund bank
    group network station channel board house senate congress parliament assembly campaign
    organisation organization foundation centre center mission board front movement league alliance
    coalition society""".split()
)

#: Particles that begin some surnames and are not part of the key ("al-Hashimi").
SURNAME_PARTICLES = (*(f"{a}-" for a in ARABIC_ARTICLES), "al ", "el ")

#: spaCy entity types that are never a speaker's name, and those of organisations and places.
NOT_NAME_TYPES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"})
ORG_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
CALENDAR_WORDS = frozenset((*WEEKDAYS, *MONTHS))


@dataclass(frozen=True, slots=True)
class Name:
    """A proper name as written, titles split off (offsets into the article text)."""

    start: int
    end: int
    text: str  # without titles
    titles: frozenset[str]  # lower-cased title words written before the name
    roles: frozenset[str]  # titles and role nouns in apposition ("the deputy mayor")
    label: str  # PERSON or ORG
    subject: bool


def strip_title(name: str) -> tuple[str, tuple[str, ...]]:
    """("Governor Karim al-Hashimi") -> ("Karim al-Hashimi", ("governor",))."""
    words = name.split()
    last_title = -1
    for i, word in enumerate(words[:-1]):
        if word.strip(".,").casefold() in TITLE_WORDS:
            last_title = i
    if words and words[-1].strip(".").casefold() in ORG_WORDS:
        return name, ()
    titles = tuple(w.strip(".,").casefold() for w in words[: last_title + 1])
    return " ".join(words[last_title + 1 :]), titles


def surname_key(name: str) -> str:
    """The last word of a name, folded, without "al-"/"el-": "el-Rashidy" -> "rashidy"."""
    words = fold(name).replace("’", "'").split()
    if not words:
        return ""
    last = words[-1]
    for particle in SURNAME_PARTICLES:
        if last.startswith(particle) and len(last) > len(particle) + 1:
            last = last[len(particle) :]
            break
    return re.sub(r"[^\w]", "", last)


def name_key(name: str) -> str:
    """A spelling-tolerant key: consonants of the folded name, doubled letters once.

    "Mohammed" / "Mohamed" / "Muhammad" -> "mhmd"; "Rashidi" / "Rashidy" -> "rsd";
    "Želevski" / "Zhelevsky" / "Zhelevskyi" -> "zlvsk"; "Ivanoff" / "Ivanov" -> "vnv";
    "al-Dhahabi" / "al-Zahabi" and "Qasim" / "Kassem" share one.
    """
    word = re.sub(r"[^a-z]", "", fold(name))
    word = re.sub(r"(?<=[aeiou])ff$", "v", word)  # Ivanoff/Ivanov
    for digraph, letter in (("zh", "z"), ("sh", "s"), ("ch", "c"), ("kh", "k"), ("gh", "g"), ("th", "t"),
                            ("dh", "z"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v")):
        word = word.replace(digraph, letter)
    skeleton = re.sub(r"[aeiouyj]", "", word) or word
    return re.sub(r"(.)\1+", r"\1", skeleton)


class NameIndex:
    """The names of one article, from its Doc; ``inside[i]`` marks tokens inside quotations."""

    def __init__(self, text: str, doc, inside: list[bool]) -> None:
        self.text = text
        self.doc = doc
        self.inside = inside
        self.names = self._collect()

    def _collect(self) -> list[Name]:
        names: list[Name] = []
        seen: set[tuple[int, int]] = set()
        for token in self.doc:
            if token.pos_ != "PROPN" or self.inside[token.i] or token.ent_type_ in NOT_NAME_TYPES:
                continue
            if token.lower_ in CALENDAR_WORDS:
                continue
            if token.dep_ in ("compound", "flat") and token.head.pos_ == "PROPN" and token.head.i > token.i:
                continue  # part of a longer name; its head will be seen
            name = self.name_from_token(token)
            if name and (name.start, name.end) not in seen:
                seen.add((name.start, name.end))
                names.append(name)
        names.sort(key=lambda n: n.start)
        # spaCy often calls an unfamiliar surname an ORG ("Toubal", "al-Rashidi"):
        # a one-word name that is the surname of a person named in full is a person.
        people = {surname_key(n.text) for n in names if n.label == "PERSON" and len(n.text.split()) > 1}
        return [
            Name(n.start, n.end, n.text, n.titles, n.roles, "PERSON", n.subject)
            if n.label != "PERSON" and len(n.text.split()) == 1 and surname_key(n.text) in people
            else n
            for n in names
        ]

    def name_from_token(self, token) -> Name | None:
        """The proper name headed by ``token``, titles split off, with role words."""
        lo, hi = token.i, token.i
        for child in token.lefts:
            if child.dep_ in ("compound", "flat", "nmod") and child.i == lo - 1 or (
                child.dep_ in ("compound", "flat") and child.pos_ in ("PROPN", "PUNCT")
            ):
                lo = min(lo, child.left_edge.i)
        for child in token.rights:
            if child.dep_ in ("flat", "compound") and child.i == hi + 1:
                hi = child.i
        # A title the parser left outside the compound ("Ms." tagged on its own).
        while lo > 0 and self.doc[lo - 1].text.strip(".").casefold() in TITLE_WORDS and not self.inside[lo - 1]:
            lo -= 1
        words = [t for t in self.doc[lo : hi + 1] if not self.inside[t.i]]
        if not words:
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        raw = self.text[start:end]
        if not any(c.isupper() for c in raw):
            return None
        if raw.split()[-1].strip(".").casefold() in ORG_WORDS or (
            token.ent_type_ in ORG_TYPES and not _looks_like_person(raw)
        ):
            clean = re.sub(r"^(?:the|The)\s+", "", raw)
            return Name(end - len(clean), end, clean, frozenset(), frozenset(), "ORG", _is_subject(token))
        name, titles = strip_title(raw)
        if not name:
            return None
        roles = set(titles) | {TITLE_ROLES[t] for t in titles if t in TITLE_ROLES} | self._role_words(token)
        person = bool(titles) or token.ent_type_ == "PERSON" or _looks_like_person(raw) or len(name.split()) > 1
        return Name(end - len(name), end, name, frozenset(titles), frozenset(roles),
                     "PERSON" if person else "ORG", _is_subject(token))

    def known(self, name: Name) -> Name:
        """The article-level reading of a name found at a cue (labels fixed by context)."""
        for other in self.names:
            if (other.start, other.end) == (name.start, name.end):
                return other
        return name

    def _role_words(self, token) -> set[str]:
        """Role nouns in apposition: "Adel Haddou, the deputy mayor", "its director, Dr X"."""
        words: set[str] = set()
        nouns = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if token.dep_ == "appos" and token.head.pos_ == "NOUN":
            nouns.append(token.head)
        for noun in nouns:
            words.add(noun.lemma_.casefold())
            words.update(c.lemma_.casefold() for c in noun.children if c.dep_ in ("compound", "amod"))
        # "the retired judge Rania Abdelnour": a common-noun compound before the name.
        words.update(
            c.lemma_.casefold() for c in token.lefts if c.dep_ in ("compound", "amod") and c.pos_ == "NOUN"
        )
        return words

    def resolve_short(self, short: Name, before: int) -> Name:
        """A surname-only or titled short name -> the article's full name for it.

        Among full names with the same surname, one whose written title agrees
        wins ("Dr al-Hashimi" is not "Governor Karim al-Hashimi"), then the last
        one before ``before``, then the first one after it.
        """
        if len(short.text.split()) > 1:
            return short
        key = surname_key(short.text)
        candidates = [n for n in self.names if n.label == "PERSON" and len(n.text.split()) > 1
                      and surname_key(n.text) == key]
        if not candidates:
            return short
        wanted = short.titles - HONORIFICS

        def score(n: Name) -> tuple[int, int, int]:
            titles = n.titles - HONORIFICS
            if wanted and wanted & n.roles:
                agree = 2
            elif not wanted or not titles:
                agree = 1
            else:
                agree = 0
            gender, other = _gender(short.titles), _gender(n.titles)
            if gender and other and gender != other:
                agree = -1
            earlier = 1 if n.start < before else 0
            return (agree, earlier, n.start if earlier else -n.start)

        best = max(candidates, key=score)
        return Name(short.start, short.end, best.text, short.titles | best.titles,
                     short.roles | best.roles, "PERSON", short.subject)

    def resolve_role(self, head, before: int) -> Name | None:
        """"the prime minister" -> the person the article gave that title or role."""
        singular = head.tag_ == "NN" or (head.tag_ == "NNP" and head.text.islower())  # "the prime minister"
        if not singular or not any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "his", "her", "their") or c.dep_ == "poss"
            for c in head.children
        ):
            return None
        role = TITLE_ROLES.get(head.lemma_.casefold(), head.lemma_.casefold())
        modifiers = {c.lemma_.casefold() for c in head.children if c.dep_ in ("compound", "amod")}
        best: tuple[tuple[int, int], Name] | None = None
        for name in self.names:
            if name.label != "PERSON" or name.start >= before or role not in name.roles:
                continue
            fit = (len(modifiers & name.roles) - len(modifiers - name.roles), name.start)
            if best is None or fit > best[0]:
                best = (fit, name)
        if best is None:
            return None
        return self.resolve_short(best[1], before)

    def last_subject_person(self, before: int, not_before: int) -> Name | None:
        return self.last_subject(before, not_before, "PERSON")

    def last_subject(self, before: int, not_before: int, label: str) -> Name | None:
        """The last name of this label that is a clause's subject, within the window."""
        for name in reversed(self.names):
            if name.start >= before:
                continue
            if name.start < not_before:
                return None
            if name.label == label and name.subject:
                return self.resolve_short(name, before) if label == "PERSON" else name
        return None


def _looks_like_person(raw: str) -> bool:
    first = raw.split()[0].strip(".").casefold()
    return first in TITLE_WORDS or bool(re.search(r"\b(?:al|el|bin|ibn|abu)-", raw))


def _gender(titles: frozenset[str]) -> str | None:
    if titles & FEMALE_HONORIFICS:
        return "f"
    if titles & MALE_HONORIFICS:
        return "m"
    return None


def _is_subject(token) -> bool:
    if token.dep_ in ("nsubj", "nsubjpass") or token.dep_ == "ROOT" and token.pos_ == "PROPN":
        return True
    return token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass")
