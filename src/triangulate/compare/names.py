"""Names: normalised keys, titles, person-name parts, acronyms, and the
similarity tests that decide when two spellings name the same thing.

Everything here is a pure function of strings. The thresholds are named
constants; each says how it was calibrated (the calibration pairs are in
``tests/compare/test_entities.py``; the end-to-end numbers in
``bench/entities.py``).

Two keys per token:

- :func:`spelling_key`: transliteration-tolerant. Accents, case, an Arabic
  article prefix ("al-", "el-", "ash-"...), doubled letters, British/American
  endings (-re/-er, -our/-or, c/s before e/i) and the vowel spellings that vary
  between romanisations (o/u, e/a, ei/ai/ay, ou/oo/u, ee/i, a final y/ie) do not
  count, nor does an h after z, s or t (Zhelevsky/Želevski, Tomaš/Tomas,
  Theodor/Teodor): Mohammed, Muhammad and Mohamed have one key, so do Deir
  and Dair, Rashidi and Rashidy, Zelensky and Zelenskyy, Defence and Defense.
- :func:`sound_key`: the spelling key with dh as d and a leading g as k (q is
  k already), for surnames of six letters or more only, where romanisations of
  one Arabic letter disagree (Gaddafi, Qaddafi, Kadhafi).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from ..lexicon import ARABIC_ARTICLES, FEMALE_TITLES, MALE_TITLES, PERSON_TITLES, SURNAME_PARTICLES, fold

#: Words that are titles, ranks or offices when written before a name
#: (compared lower-cased, without dots). Capitalised ones become part of the
#: surface form ("Governor Karim al-Hashimi"); all count as evidence of a person.
TITLE_WORDS = PERSON_TITLES

#: Lower-case words that belong to the surname that follows them.
PARTICLES = SURNAME_PARTICLES

#: Arabic article prefixes, written joined to the name with a hyphen or apostrophe.
ARTICLE_PREFIX = re.compile(rf"^(?:{'|'.join(ARABIC_ARTICLES)})[-‐‑’']", re.IGNORECASE)

#: Words skipped when an acronym is built from a name ("Ministry of Water Resources" → MWR).
ACRONYM_SKIP = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "&"})

#: Surnames of this many letters or more may differ by a small edit and still
#: match (when the given names match): Levenshtein similarity of the spelling
#: keys at least SURNAME_SIMILARITY. 0.875 is one edit in eight letters: it
#: accepts Abdelnour/Abdulnour (0.875) and rejects Khalil/Khalid (0.83, and
#: too short anyway) and Richardson/Richards (0.8). Calibrated on the pairs in
#: tests/compare/test_entities.py; no gold event needs more.
SURNAME_MIN_FUZZY_LETTERS = 8
SURNAME_SIMILARITY = 0.875

#: A token of an organisation or place name may differ by a small edit when the
#: other tokens are equal (Organisation/Organization, 0.92): at least
#: TOKEN_SIMILARITY and TOKEN_MIN_FUZZY_LETTERS letters. Short tokens must be
#: equal: Kessra Dam / Kessra Day are different things. Calibrated like above.
TOKEN_MIN_FUZZY_LETTERS = 6
TOKEN_SIMILARITY = 0.85

_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"ph", "f"),
        (r"(?<=[zst])h", ""),  # zh/z (Zhelevsky, Želevski), sh/s (Tomaš, Tomas), th/t (Theodor, Teodor)
        (r"ck", "k"),
        (r"c(?=[eiy])", "s"),  # defence/defense
        (r"c", "k"),
        (r"q", "k"),
        (r"ou|oo", "u"),
        (r"ee", "i"),
        (r"(?<=[aeiou])ff$", "v"),  # Russian -ov/-ev written -off/-eff: Ivanoff/Ivanov, Lebedeff/Lebedev
        (r"(?<=[aeiou])ff$", "v"),  # Russian -ov/-ev as -off/-eff: Ivanoff/Ivanov, Lebedeff/Lebedev
        (r"(.)\1+", r"\1"),  # doubled letters: Muhammad/Muhamad, Zelenskyy/Zelensky
        (r"([^aeiou])re$", r"\1er"),  # centre/center, metre/meter
        (r"our$", "or"),  # harbour/harbor
        (r"ie$", "i"),
        (r"ei|ey|ay", "ai"),
        (r"y$", "i"),
        (r"y(?=i)", ""),  # Zhelevskyi/Zhelevski
        (r"(?<=[^aeiou])y(?=[^aeiou])", "i"),  # Myroslav/Miroslav
        (r"o", "u"),
        (r"e", "a"),
    )
)

_SOUND_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^g(?!h)", "k"),  # Gaddafi/Qaddafi (q is already k)
    )
)

#: The Arabic letter written "dh" is also written "d" (Kadhafi/Kaddafi) and "z"
#: (Dhahabi/Zahabi): a sound key has one reading for each.
_DH_READINGS = ("d", "z")

#: Sound keys are compared only for surnames with at least this many letters:
#: in short names one letter is the whole difference (Ghaly/Kelly, Gale/Kale).
SOUND_MIN_LETTERS = 6


def normalise_name(name: str) -> str:
    """The exact-match key: case, accents, punctuation, a leading "the" and a
    possessive "'s" do not count."""
    text = fold(name)
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return " ".join(re.findall(r"\w+", text))


def spelling_key(token: str) -> str:
    """Transliteration-tolerant key of one name token (see the module docstring)."""
    text = ARTICLE_PREFIX.sub("", fold(token).strip())
    letters = re.sub(r"[^\w]|_", "", text)
    if not letters.isascii():
        return re.sub(r"(.)\1+", r"\1", letters)
    for pattern, replacement in _SPELLING_RULES:
        letters = pattern.sub(replacement, letters)
    return re.sub(r"(.)\1+", r"\1", letters)


def sound_key(token: str) -> str:
    """The spelling key with dh as d and a leading g as k."""
    return sound_keys(token)[0]


def sound_keys(token: str) -> tuple[str, ...]:
    """The spelling key with a leading g as k, once for each reading of dh
    (as d, as z): "Dhahabi" -> ("dahabi", "zahabi"); one key when there is no dh."""
    key = spelling_key(token)
    for pattern, replacement in _SOUND_RULES:
        key = pattern.sub(replacement, key)
    readings = [key.replace("dh", r) for r in _DH_READINGS] if "dh" in key else [key]
    return tuple(dict.fromkeys(re.sub(r"(.)\1+", r"\1", k) for k in readings))


def vowel_skeleton(key: str) -> str:
    """A spelling key with every run of vowels as one "a": the romanisations of
    Arabic and Persian vowels disagree beyond what the spelling key folds
    (Khaled/Khalid, Kassem/Qasim, Abdel/Abdul, Kader/Qadir all share one). Too
    loose on its own (Hamid/Hamad are two names): used only under the gates of
    :func:`loosely_same_person` and the entity merger."""
    return re.sub(r"[aeiou]+", "a", key)


def similarity(a: str, b: str) -> float:
    """Normalised Levenshtein similarity (rapidfuzz), 0..1."""
    return Levenshtein.normalized_similarity(a, b)


def strip_dots(word: str) -> str:
    return word.replace(".", "").casefold()


def is_title(word: str) -> bool:
    """A title word, singular or plural ("Justice", "Justices", "Lt.")."""
    bare = strip_dots(word)
    return bare in TITLE_WORDS or bare.endswith("s") and bare[:-1] in TITLE_WORDS


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name split into parts: ``given`` may be empty (a surname-only
    mention); ``surname`` holds the last name with its particles ("al-Rashidi",
    "bin Salman")."""

    titles: tuple[str, ...]  # lower-cased, without dots
    given: tuple[str, ...]
    surname: str
    # derived from the above, once
    surname_key: str = field(init=False, repr=False)
    surname_sound: str = field(init=False, repr=False)
    surname_sounds: frozenset[str] = field(init=False, repr=False)
    given_keys: tuple[str, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        words = [t for t in self.surname.split() if fold(t) not in ("al", "el")]
        sounds = [""]
        for t in words:
            sounds = [s + k for s in sounds for k in sound_keys(t)]
        object.__setattr__(self, "surname_key", "".join(spelling_key(t) for t in words))
        object.__setattr__(self, "surname_sound", sounds[0])
        object.__setattr__(self, "surname_sounds", frozenset(sounds))
        object.__setattr__(self, "given_keys", tuple(spelling_key(t) for t in self.given))

    @property
    def is_full(self) -> bool:
        return bool(self.given) and bool(self.surname_key)


def title_of(word: str) -> str:
    """The title a word stands for, singular, lower-cased, without dots."""
    bare = strip_dots(word)
    return bare if bare in TITLE_WORDS else bare[:-1]


def split_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """Leading title words and the rest; a title is never the last word."""
    titles: list[str] = []
    while len(words) > 1 and is_title(words[0]):
        titles.append(title_of(words[0]))
        words = words[1:]
    return titles, words


def parse_person(core: str, titles: tuple[str, ...] = ()) -> PersonName:
    """Split a name (titles already removed, or passed in ``titles``)."""
    words = core.split()
    more, words = split_titles(words)
    titles = tuple(titles) + tuple(more)
    if not words:
        return PersonName(titles, (), "")
    end = len(words) - 1
    start = end
    while start > 0 and fold(words[start - 1]) in PARTICLES:
        start -= 1
    return PersonName(titles, tuple(words[:start]), " ".join(words[start:]))


def titles_conflict(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """Gendered titles that cannot name the same person (Mr vs Ms)."""
    return bool(a & MALE_TITLES and b & FEMALE_TITLES or a & FEMALE_TITLES and b & MALE_TITLES)


def given_match(a: str, b: str) -> bool:
    """Two given-name tokens (already spelling keys) are the same name."""
    if a == b:
        return True
    if min(len(a), len(b)) >= SURNAME_MIN_FUZZY_LETTERS:
        return similarity(a, b) >= SURNAME_SIMILARITY
    return False


def surname_match(a: PersonName, b: PersonName) -> bool:
    if not a.surname_key or not b.surname_key:
        return False
    if a.surname_key == b.surname_key:
        return True
    if min(len(a.surname_key), len(b.surname_key)) >= SOUND_MIN_LETTERS and a.surname_sounds & b.surname_sounds:
        return True
    if min(len(a.surname_key), len(b.surname_key)) >= SURNAME_MIN_FUZZY_LETTERS:
        return similarity(a.surname_key, b.surname_key) >= SURNAME_SIMILARITY
    return False


def same_person(a: PersonName, b: PersonName) -> bool:
    """Two full names name the same person: surnames match, and the given
    names match token by token (a middle initial matches its name: John F. /
    John Fitzgerald), or one name drops the other's middle names (John Kennedy,
    John Fitzgerald Kennedy) or its first name (Hosni Mubarak, Muhammad Hosni
    Mubarak). Two different middle names never match (George W. Bush, George
    H. W. Bush). Gendered titles must not conflict."""
    if not (a.is_full and b.is_full) or not surname_match(a, b):
        return False
    if titles_conflict(set(a.titles), set(b.titles)):
        return False
    ga, gb = a.given_keys, b.given_keys
    if len(ga) != len(gb) and given_match("".join(ga), "".join(gb)):
        return True  # a compound given name written apart or joined: Abdul Rahman, Abdul-Rahman, Abdulrahman
    short, long = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    if len(short) == len(long):
        return all(given_match(x, y) or _initial(x, y) for x, y in zip(short, long)) and given_match(short[0], long[0])
    if len(short) > 1 and given_match(short[0], long[0]):
        return False  # both have middle names and they differ: George W. Bush, George H. W. Bush
    if given_match(short[0], long[0]):
        return True  # a dropped middle name: John Kennedy, John Fitzgerald Kennedy
    return len(short) == 1 and given_match(short[0], long[1])  # a dropped first name: Hosni Mubarak


def _initial(a: str, b: str) -> bool:
    """A middle initial ("F") stands for the full middle name ("Fitzgerald")."""
    return (len(a) == 1 or len(b) == 1) and a[:1] == b[:1]


def name_tokens(name: str) -> list[str]:
    """Content tokens of an organisation or place name, as spelling keys."""
    words = [w for w in re.findall(r"[\w’'-]+", name) if fold(w) not in ACRONYM_SKIP]
    return [k for k in (spelling_key(w) for w in words) if k]


def light_key(token: str) -> str:
    """Accents, case, punctuation and doubled letters off; vowels kept."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^\w]|_", "", fold(token)))


def same_thing(a: str, b: str) -> bool:
    """Two organisation or place names are spellings of one name: the same
    number of content tokens, all equal by spelling key except at most one that
    is long and close (TOKEN_SIMILARITY). A one-word name has nothing around it
    to confirm a spelling rule (Merck is not Mark): it must be equal up to
    accents, case, punctuation and doubled letters."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or len(ta) != len(tb):
        return False
    if len(ta) == 1:
        return light_key(a) == light_key(b)
    fuzzy = 0
    for x, y in zip(ta, tb):
        if x == y:
            continue
        if len(ta) > 1 and min(len(x), len(y)) >= TOKEN_MIN_FUZZY_LETTERS and similarity(x, y) >= TOKEN_SIMILARITY:
            fuzzy += 1
            continue
        return False
    return fuzzy <= 1


def same_words(a: str, b: str) -> bool:
    """The same content tokens in another order ("Veland Democratic Movement",
    "Democratic Movement of Veland"), at least two of them."""
    ta, tb = name_tokens(a), name_tokens(b)
    return len(ta) >= 2 and sorted(ta) == sorted(tb)


def acronym_of(name: str) -> str:
    """Initials of the content words ("National Water Authority" → "NWA")."""
    words = [w for w in re.findall(r"[\w’'-]+", name) if fold(w) not in ACRONYM_SKIP]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def looks_like_acronym(text: str) -> bool:
    """"NWA", "U.N.", "ISIL": 2-8 capitals, dots allowed, at most one lower-case letter."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and sum(c.islower() for c in letters) <= 1 and letters[0].isupper()


#: A given-name token is matched by its vowel skeleton only from this many
#: letters (its spelling key): Ali/Alaa are two names, Khaled/Khalid one.
#: Calibrated on the pairs in tests/compare/test_entities.py.
LOOSE_MIN_LETTERS = 5

#: Honorifics say nothing of a person's office: they never corroborate a loose match.
HONORIFIC_TITLES = MALE_TITLES | FEMALE_TITLES | {"mx", "dr"}


def _loose_token(a: str, b: str) -> bool:
    return (
        a[:1] == b[:1]
        and min(len(a), len(b)) >= LOOSE_MIN_LETTERS
        and vowel_skeleton(a) == vowel_skeleton(b)
    )


def _loose_surname(a: PersonName, b: PersonName) -> bool:
    if min(len(a.surname_key), len(b.surname_key)) < LOOSE_MIN_LETTERS:
        return False
    sa = {vowel_skeleton(k) for k in a.surname_sounds | {a.surname_key}}
    sb = {vowel_skeleton(k) for k in b.surname_sounds | {b.surname_key}}
    return bool(sa & sb)


def loosely_same_person(a: PersonName, b: PersonName) -> bool:
    """Two full names that :func:`same_person` keeps apart but whose
    romanisations differ only in vowels: "Khaled al-Nouri" / "Khalid al-Nuri",
    "Abdul Qadir al-Dhahabi" / "Abdel Kader al-Zahabi", "Yusuf Qasim" /
    "Youssef Kassem". The given names have as many tokens (or are compared
    joined) and each matches (a long token by its vowel skeleton, with the same
    first letter), the surname
    matches by spelling or sound or vowel skeleton, and at least one of the two
    parts matches without the skeleton. Gendered titles must not conflict.

    Not enough on its own (Hamid al-Saadi and Hamad al-Saadi can be two men):
    the entity merger also asks that the two spellings never meet in one
    article and that both are given the same office."""
    if not (a.is_full and b.is_full) or titles_conflict(set(a.titles), set(b.titles)):
        return False
    ga, gb = a.given_keys, b.given_keys
    if len(ga) != len(gb):  # Abdul Rahman / Abdelrahman: the compound compared whole
        ga, gb = ("".join(ga),), ("".join(gb),)
    given_strict = all(given_match(x, y) for x, y in zip(ga, gb))
    given_loose = all(given_match(x, y) or _loose_token(x, y) for x, y in zip(ga, gb))
    surname_strict = surname_match(a, b)
    if not given_loose or given_strict and surname_strict:
        return False  # no match, or a strict one (same_person's business)
    surname_ok = surname_strict or _loose_surname(a, b)
    return surname_ok and (given_strict or surname_strict)
