"""The word lists and text helpers every stage shares, each defined once.

Titles, surname particles, number words, months and weekdays, speech verbs, the
spaCy labels of names, and accent folding used to be written out in each module
that needed them, and the copies drifted apart (three surname-particle lists, all
different). Every module imports them from here; a module that needs a narrower
list uses a named subset defined below from the main list, with the reason.

Maintained libraries, checked before keeping each hand-written table:

- **Titles and particles: nameparser 2.6** (``nameparser.config``), measured against
  ours: its title set has 812 entries, 80 of our 105 among them, for parsing a name
  given alone. It also holds occupations that in running news text are the
  sentence's subject, not a title ("police", "officer", "lawyer", "editor",
  "doctor", "coach", "teacher": stripping them would drop words a citation or a
  rewrite must keep), and lacks 25 of the newsroom forms we strip before a name
  ("Sen", "MP", "MEP", "spokesman", "spokeswoman", "emir", "chairman",
  "superintendent", "former", "acting", "retired"). Its particle list (111 entries:
  "mac", "st", "santa", "op", and Hebrew and Arabic script forms) is for splitting
  a full name into parts; our 22 surname particles are all in it but "abd", "ben"
  and "el", and "St" or "Mac" must stay inside our surname keys. Kept ours, the
  union of the three lists we had; no dependency.
- **Number words: text2num 3.1** (``alpha2digit``, a compiled extension) and
  numerizer 0.2 rewrite whole sentences into digits. Tried on our cases, text2num
  reads "two thousand five hundred" (2500) and "twenty-five", but turns "2.5
  million" into "2.5 1000000" and leaves "a dozen" and "1.2bn" alone, and we need
  the word set to test single spaCy tokens anyway (``analyze/numerals.py`` parses
  the values, with "bn", "m", "k" and "dozen"). Forty English words are clearer
  than a dependency that still needs them; kept ours.
- **Folding: anyascii 0.3 / unidecode 1.4** transliterate every script to ASCII.
  ``fold`` only takes accents off (NFKD without combining marks), which is what
  name matching needs: "Režnik" is "reznik". A transliterator also makes
  "Łukasz" "lukasz" and "Øster" "oster" (NFKD leaves those letters), but it
  rewrites Cyrillic, Greek and Arabic names into Latin letters as well, changing
  the name keys and the near-duplicate shingles of non-Latin text. Not worth a
  dependency for three letters; the standard library does it.
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "ARABIC_ARTICLES", "FEMALE_TITLES", "MALE_TITLES", "MONTHS", "MONTH_NUMBERS", "NAMED_LABELS",
    "NAME_TITLES", "NUMBER_WORDS", "ORDINAL_WORDS", "PERSON_TITLES", "REPORTING_VERBS", "SCALES", "SPEECH_VERBS", "SURNAME_PARTICLES",
    "TENS", "TITLES", "TITLE_ABBREVIATIONS", "TITLE_ROLES", "UNITS", "WEEKDAYS", "fold",
]


def fold(text: str) -> str:
    """Case folded, accents off: "Režnik" -> "reznik". Letters with no accent to
    take off stay ("Łukasz" -> "łukasz"). ASCII text takes a fast path."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# --------------------------------------------------------------------------- names

#: spaCy entity labels of names (people, organisations, places and named things).
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})

#: Titles, ranks, offices and honorifics written before a name (lower case, no
#: dots): "Gov. Karim al-Hashimi", "former President X", "spokeswoman Y".
TITLES = frozenset(
    """
    mr mrs ms miss mx madam dr prof professor sir dame lord lady hon honourable
    sheikh sheik shaikh imam mullah rev reverend father sister pope cardinal bishop archbishop rabbi ayatollah
    gen general lt lieutenant maj major col colonel capt captain cmdr commander brig brigadier
    sgt sergeant cpl corporal adm admiral marshal
    president vice prime minister secretary governor gov mayor deputy senator sen rep representative
    congressman congresswoman judge justice chief cj attorney chairman chairwoman chair ambassador
    king queen prince princess emir sultan speaker chancellor premier commissioner inspector
    superintendent detective det councillor councilor mp mep sheriff leader director head
    spokesman spokeswoman spokesperson retired former acting assistant first
    """.split()
)

#: The titles that may be stripped from a name (the grounding check of a rewrite):
#: all but "first", which before most names is an ordinal ("the first Tamzara Cup
#: final") and is kept for speakers only ("First Minister Aileen Ross").
NAME_TITLES = TITLES - {"first"}

#: The titles that are evidence of a person (entity types and name matching in
#: ``compare/names.py``): without the words that also qualify things that are
#: not people ("the former Soviet Union", "acting committee", "head office",
#: "Director of Public Prosecutions", "Leader of the House").
PERSON_TITLES = NAME_TITLES - {"former", "acting", "retired", "assistant", "head", "leader", "director"}

#: Abbreviated titles and the role word a later mention uses ("Gov. Pence" ...
#: "the governor").
TITLE_ROLES = {"gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
               "gen": "general", "lt": "lieutenant", "col": "colonel", "sgt": "sergeant", "capt": "captain",
               "adm": "admiral", "atty": "attorney", "supt": "superintendent", "det": "detective",
               "cmdr": "commander", "maj": "major", "cj": "justice", "congressman": "representative",
               "congresswoman": "representative", "premier": "minister", "chancellor": "chancellor"}

#: The short written forms of titles ("Mr", "Gov", "Sgt"), with "St" and the
#: suffixes "Jr" and "Sr": a narrower list for the citation window check
#: (``evaluate/citation_check.py``), which asks the cited passage for every
#: capitalised word of a sentence except these. A full title word ("President",
#: "Judge") may be what the sentence says, so only the abbreviations, which never
#: stand alone, are set aside.
TITLE_ABBREVIATIONS = TITLES & frozenset("mr mrs ms miss dr prof sen rep gov gen lt col sgt capt rev".split()) | {
    "st", "jr", "sr"}

#: Titles that say a person is a man or a woman: "Mr X" is not "Ms X".
MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "emir", "sultan", "father"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess"})

#: Lower-case words that belong to the surname after them ("Osama bin Laden",
#: "Ludwig van Beethoven", "Abu Bakr", "João dos Santos").
SURNAME_PARTICLES = frozenset(
    "al el bin ibn ben bint abu abd van von de da di du del della der den la le dos das".split()
)

#: Arabic article prefixes, joined to the name by a hyphen or an apostrophe
#: ("al-Hashimi", "ash-Shami", "ul-Haq").
ARABIC_ARTICLES = ("al", "el", "ul", "il", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an")

# --------------------------------------------------------------------------- numbers

#: Number words and their values.
UNITS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {word: 10 * value for value, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
#: Every word that is (part of) a number written out, "dozen" included.
NUMBER_WORDS = frozenset({*UNITS, *TENS, *SCALES, "dozen"})
ORDINAL_WORDS = {
    word: rank
    for rank, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1
    )
}

# --------------------------------------------------------------------------- dates

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
#: Month names and their abbreviations ("sept" too), with the month's number.
MONTH_NUMBERS = {
    **{name: n for n, name in enumerate(MONTHS, 1)},
    **{name[:3]: n for n, name in enumerate(MONTHS, 1)},
    "sept": 9,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# --------------------------------------------------------------------------- speech

#: Lemmas of verbs that introduce reported speech.
SPEECH_VERBS = frozenset(
    """say tell add write post tweet state declare announce insist explain warn note claim ask
    reply respond answer argue continue recall shout chant scream yell cry whisper mutter plead
    urge repeat acknowledge admit concede stress emphasise emphasize suggest complain remark
    conclude predict vow promise pledge testify confirm deny assert allege contend maintain
    observe comment joke sob lament boast charge accuse blast slam criticise criticize retort
    counter describe caution quip exclaim demand order proclaim reiterate agree disagree
    report mention inform reveal thunder fume snap muse sigh beg call dub label brand term dismiss
    refer deride mock condemn denounce decry lambaste praise hail welcome attack""".split()
)

#: The speech verbs whose clausal complement is the claim itself ("officials said
#: the toll rose": the fact is "the toll rose"). Narrower on purpose: after
#: "praise", "urge" or "ask" the complement is not something the speaker states.
REPORTING_VERBS = frozenset(
    "say tell add state announce claim report write insist warn confirm deny explain note argue".split()
)
