"""Quantities in an article and what they count, from its spaCy ``Doc``.

A :class:`Quantity` is a number as written ("2,500", "Eighteen", "1.2 million")
with its value, a qualifier ("at least 18", "more than 3,000", "about 2,500",
"six more bodies" is ``additional``), a kind and what it counts:

- ``count``: a counted noun ("three villages", "nine young men"); people
  counted in an event get a canonical event ("people killed", "people
  displaced", "people missing", "people arrested", "people injured") from the
  words around them ("lost their lives", "were forced from their homes",
  "listed as missing", "the toll rose to 21", "21 dead");
- ``money`` (with its currency as the unit), ``percent``, ``measure`` (metres,
  kilometres, cubic metres: the thing measured comes along, "64-metre dam"),
  ``duration`` ("60 days to report") and ``age`` ("Omar Belkadi, 52").

Years, dates, times, ordinals, "one" as a pronoun, relative spans ("five days
after") and parts of a whole ("eleven of the dead") are not quantities. A bare
number ("the 2,500 given by the government", "says nearly 4,000") or a generic
noun ("the real number is ...") takes what it counts from the sentence or the
paragraph it is in ("The displacement figures are just as far apart.").

Each quantity also carries what may explain a disagreement: the date its clause
gives (``date``), a change ("rose to", "from 18 to 21"), and who gives the
figure (``source``: "according to the hospital", "officials said").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from ..model import AnalyzedArticle, Article, Span
from ..model import Quantity  # noqa: F401  (re-exported: defined in model)
from .dates import date_mentions
from .figures import (
    GENERIC_NOUNS,
    REPORT_VERBS,
    change_of,
    copula_subject,
    window_of,
    date_of,
    holder_of,
    is_older,
    place_of,
    source_of,
)
from .numerals import FRACTIONS, QUALIFIER_WORDS, is_number_token, number_groups, parse_number, qualifier_before
from .tree import FIGURE_CONTEXT_CLIMB, SHORT_CLIMB

__all__ = ["REPORT_VERBS", "Quantity", "extract_quantities", "parse_number"]

CURRENCY_WORDS = {"dollar": "dollar", "euro": "euro", "pound": "pound", "dinar": "dinar", "riyal": "riyal",
                  "dirham": "dirham", "yen": "yen", "yuan": "yuan", "rupee": "rupee", "franc": "franc",
                  "peso": "peso", "shekel": "shekel", "lira": "lira", "ruble": "rouble", "rouble": "rouble",
                  "rand": "rand", "naira": "naira", "won": "won", "krona": "krona", "krone": "krone"}

CURRENCY_SYMBOLS = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee", "US$": "dollar"}

MEASURE_UNITS = {"metre": "metre", "meter": "metre", "kilometre": "kilometre", "kilometer": "kilometre",
                 "km": "kilometre", "mile": "mile", "foot": "foot", "feet": "foot", "ft": "foot",
                 "inch": "inch", "centimetre": "centimetre", "centimeter": "centimetre", "cm": "centimetre",
                 "millimetre": "millimetre", "millimeter": "millimetre", "mm": "millimetre",
                 "kilogram": "kilogram", "kg": "kilogram", "gram": "gram", "tonne": "tonne", "ton": "tonne",
                 "litre": "litre", "liter": "litre", "hectare": "hectare", "acre": "acre", "degree": "degree",
                 "megawatt": "megawatt", "kilowatt": "kilowatt", "barrel": "barrel", "gallon": "gallon",
                 "knot": "knot", "magnitude": "magnitude"}

TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})

RELATIVE_AFTER = frozenset({"ago", "after", "before", "later", "earlier", "since", "old"})

PERCENT_WORDS = frozenset({"%", "percent", "per cent", "pc", "percentage"})

#: Nouns that stand for people when counted in an event.
HUMAN_NOUNS = frozenset(
    """people person persons man men woman women child children resident civilian rioter protester
    protestor demonstrator villager youth individual victim citizen passenger worker student migrant
    refugee body corpse casualty fatality soldier teenager boy girl adult pilgrim miner tourist
    fisherman farmer judge justice member dissenter voter""".split()
)

#: Counted nouns that name one group of people in other words, by lemma (or
#: "modifier lemma" for a two-word name): "1,200 blue helmets" are 1,200
#: peacekeepers, "900 US troops" and "900 American soldiers" one force. Written
#: from the wordings of news copy, not fitted.
GROUP_SYNONYMS = {
    "troop": "soldier", "serviceman": "soldier", "servicemember": "soldier", "service member": "soldier",
    "blue helmet": "peacekeeper", "blue beret": "peacekeeper",
    "rescue worker": "rescuer", "rescue team": "rescuer", "emergency worker": "rescuer",
    "firefighter": "firefighter", "fireman": "firefighter",
    "kid": "child", "youngster": "child", "policeman": "police officer", "police officer": "police officer",
    "cop": "police officer", "demonstrator": "protester", "protestor": "protester",
    "quake": "earthquake",
}

#: Words that say whose a group is ("US troops", "American soldiers", "UN peacekeepers"):
#: one key per country or body, so two wordings of one force share it and two
#: forces ("US troops", "British troops") are told apart.
NATION_WORDS = {
    "us": "us", "u.s.": "us", "american": "us", "america": "us", "un": "un", "u.n.": "un",
    "uk": "uk", "u.k.": "uk", "british": "uk", "britain": "uk", "french": "france", "france": "france",
    "russian": "russia", "russia": "russia", "chinese": "china", "china": "china", "german": "germany",
    "turkish": "turkey", "israeli": "israel", "iranian": "iran", "ukrainian": "ukraine", "nato": "nato",
}

#: Nouns whose figure with a decimal point is a magnitude ("the 6.8 quake").
SEISMIC_NOUNS = frozenset({"earthquake", "quake", "tremor", "aftershock", "temblor"})

#: Canonical events: lemma sets (any one word, or all words of a tuple) -> event.
EVENTS: tuple[tuple[str, tuple[object, ...]], ...] = (
    ("killed", ("die", "kill", "dead", "death", "toll", "fatality", "perish", "drown", "body", "corpse",
                ("lose", "life"), ("claim", "life"))),
    ("missing", ("missing", "miss", "unaccounted")),
    ("injured", ("injure", "injured", "wound", "wounded", "hurt", "injury")),
    ("displaced", ("displace", "displaced", "displacement", "homeless", "flee", "uproot",
                   ("leave", "home"), ("force", "home"), ("lose", "home"), ("evacuate", "home"))),
    ("evacuated", ("evacuate", "evacuation")),
    ("arrested", ("arrest", "detain", "detention", "jail", "imprison")),
    ("rescued", ("rescue",)),
    ("voting against", ("dissent", "dissenter", "dissenting")),
)


def extract_quantities(
    article: Article | AnalyzedArticle, doc, assume_published: str | None = None
) -> tuple[Quantity, ...]:
    """Every quantity of the article with what it counts, in text order
    (``assume_published``: see :func:`triangulate.analyze.dates.date_mentions`)."""
    if isinstance(article, AnalyzedArticle):
        article = article.article
    text = article.text
    dates = date_mentions(article, doc, assume_published)
    skip = [(m.start, m.end) for m in dates]
    starts = [t.idx for t in doc]
    published = _iso(article.published or assume_published)
    found: list[Quantity] = list(_vote_splits(article, doc, dates, starts, published))
    skip += [(q.start, q.end) for q in found]
    for group in number_groups(doc, skip):
        quantity = _quantity(article, doc, group, dates, starts, published)
        if quantity is not None:
            found.append(quantity)
    found.sort(key=lambda q: q.start)
    return tuple(_inherit(text, found))


_NUM = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


_VOTE_SPLIT = re.compile(
    rf"\b(?:(?:ruled|voted|decided|split|divided|passed|approved|rejected|backed|upheld|adopted)\s+(?:it\s+)?"
    rf"(?:by\s+)?(?:a\s+vote\s+of\s+)?|by\s+(?:a\s+vote\s+of\s+)?)"
    rf"(?P<a>{_NUM})(?:\s+votes?)?\s*(?:-|–|to)\s*(?P<b>{_NUM})\b",
    re.I,
)


def _vote_splits(article: Article, doc, dates, starts, published):
    """ "ruled 5-4", "voted six to three", "by five votes to four": the votes for and against."""
    text = article.text
    for match in _VOTE_SPLIT.finditer(text):
        a, b = parse_number(match.group("a")), parse_number(match.group("b"))
        if a is None or b is None or a == b:
            continue
        anchor = doc[max(0, bisect.bisect_right(starts, match.start("a")) - 1)]
        sent = anchor.sent
        date = date_of(anchor, dates, starts, doc)
        period = date if date and published and is_older(date, published) else None
        for value, group, event in ((max(a, b), "a" if a >= b else "b", "voting in favour"),
                                    (min(a, b), "b" if a >= b else "a", "voting against")):
            lo, hi = match.span(group)
            yield Quantity(
                article=article.id, start=match.start("a"), end=match.end(), text=text[match.start("a"):match.end()],
                number=Span(lo, hi, text[lo:hi]), value=int(value), qualifier="exact", kind="count",
                what=f"people {event}", noun="people", counted="votes", event=event, unit=None,
                verb=None, context=(), about=None, holder=None, place=None,
                date=date, period=period, change=None, source=None,
                sentence=Span(sent.start_char, sent.end_char, sent.text), paragraph=text.count("\n\n", 0, lo),
            )


def _quantity(article: Article, doc, group, dates, starts, published) -> Quantity | None:
    text = article.text
    first, last = group[0], group[-1]
    value = parse_number(group.text)
    if value is None or _not_a_quantity(doc, group, value):
        return None
    before = text[max(0, first.idx - 30):first.idx]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    qualifier, written = _qualifier(doc, first, nxt, before)
    anchor = _anchor(group)
    noun = _counted_noun(anchor, group)
    part = nxt is not None and nxt.lower_ == "of" and _next_is(doc, nxt, "the", "those", "its", "their", "these")
    if part:  # "68 of the 150 seats", "eleven of the dead"
        noun = _of_object(anchor) or noun
    kind, unit, thing = "count", None, None
    symbol = doc[first.i - 1].text if first.i > 0 else ""
    if symbol in CURRENCY_SYMBOLS:
        kind, unit = "money", CURRENCY_SYMBOLS[symbol]
    elif nxt is not None and (nxt.lower_ in PERCENT_WORDS or (nxt.lower_ == "per" and _next_is(doc, nxt, "cent"))):
        kind, unit = "percent", "%"
        thing = _of_object(nxt) or copula_subject(anchor)
    elif noun is not None and noun.lemma_.casefold() in CURRENCY_WORDS:
        kind, unit = "money", CURRENCY_WORDS[noun.lemma_.casefold()]
        thing = _measured(noun)
    elif noun is not None and noun.lemma_.casefold() in MEASURE_UNITS:
        kind, unit = "measure", MEASURE_UNITS[noun.lemma_.casefold()]
        if any(c.lower_ in ("cubic", "square") for c in noun.children):
            unit = next(c.lower_ for c in noun.children if c.lower_ in ("cubic", "square")) + " " + unit
        thing = _measured(noun)
    elif noun is not None and noun.lemma_.casefold() in TIME_UNITS:
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if after is not None and after.lower_ in RELATIVE_AFTER:
            return None  # "five days after the dam gave way": a relative time, not an amount
        kind, unit = "duration", noun.lemma_.casefold()
        thing = _measured(noun)
    elif noun is not None and first.ent_type_ == "MONEY" and noun.pos_ == "NOUN":
        kind, unit = "money", noun.lemma_.casefold()  # a currency spaCy knows and this list does not
        thing = _measured(noun)
    if kind == "count" and noun is not None and (symbol.casefold() == "magnitude" or (
            not float(value).is_integer() and noun.lemma_.casefold() in SEISMIC_NOUNS)):
        kind, unit, thing = "measure", "magnitude", noun  # "a magnitude 6.8 earthquake", "the 6.8 quake"
    if noun is not None and noun.dep_ == "appos" and any(
        c.dep_ == "nummod" for c in noun.head.children
    ):
        return None  # "8 million florins, about 11 million talars": the same sum converted
    age_of = _age_of(anchor)
    if age_of is not None:
        kind, noun, thing = "age", None, age_of
    evidence, context = _evidence(anchor, noun, thing)
    event = _event(evidence) if kind == "count" else None
    noun_lemma = _group_lemma(noun) if noun is not None else ""
    counted_lemma = noun_lemma if kind == "count" else ""
    listed = kind == "count" and noun is not None and _coordinated(noun)
    if kind == "count" and event and not listed and (noun_lemma in HUMAN_NOUNS or noun_lemma in GENERIC_NOUNS or not noun_lemma
                                      or noun_lemma in ("dead", "missing", "injured")):
        noun_lemma = "people"
    elif kind == "count" and noun_lemma in GENERIC_NOUNS:
        noun_lemma = ""  # inherits below
    if kind == "count" and not noun_lemma and not event and value >= 1000 and value.is_integer() and 1800 <= value <= 2100:
        return None  # a bare year
    holder = holder_of(anchor) if kind in ("count", "percent") and not event else None
    if part and holder is None:
        return None  # part of a whole nobody is said to hold: "eleven of the dead"
    lo = first.idx - len(before) + written[1] if written else first.idx
    hi = last.idx + len(last)
    if noun is not None and noun.i > last.i and noun.i - last.i <= 4:
        hi = noun.idx + len(noun)
    if kind == "percent" and nxt is not None:
        hi = max(hi, nxt.idx + len(nxt))
    date = date_of(anchor, dates, starts, doc)
    historic = date is not None and published is not None and is_older(date, published)
    what = _what(kind, noun, noun_lemma, event, unit, thing, anchor)
    sent = anchor.sent
    return Quantity(
        article=article.id,
        start=lo,
        end=hi,
        text=text[lo:hi],
        number=Span(first.idx, last.idx + len(last), text[first.idx:last.idx + len(last)]),
        value=int(value) if float(value).is_integer() else value,
        qualifier=qualifier,
        kind=kind,
        what=what,
        noun=noun_lemma,
        counted=_counted_text(noun, text) if kind == "count" else "",
        event=event,
        unit=unit,
        verb=_verb_of(noun if noun is not None else anchor),
        context=tuple(sorted(context)),
        about=thing.text.casefold() if kind == "age" and thing is not None else (
            GROUP_SYNONYMS.get(thing.lemma_.casefold(), thing.lemma_.casefold()) if thing is not None else None),
        holder=holder,
        place=place_of(anchor, thing),
        date=date,
        period=date if historic else None,
        change=change_of(anchor, text),
        source=source_of(anchor, text),
        sentence=Span(sent.start_char, sent.end_char, sent.text),
        paragraph=text.count("\n\n", 0, lo),
        window=window_of(anchor, text) if kind == "count" else None,
        counted_lemma=counted_lemma,
    )


def _qualifier(doc, first, nxt, before: str):
    """("at least", the words as written) before a figure, or "additional"
    ("six more bodies", "another 40"), else "exact"."""
    written = qualifier_before(before)
    qualifier = written[0] if written else "exact"
    if nxt is not None and nxt.lower_ in ("more", "additional", "extra", "further", "other", "new"):
        qualifier = "additional"
    if first.i > 0 and doc[first.i - 1].lower_ in ("another", "additional", "extra", "further"):
        qualifier = "additional"
    return qualifier, written


def _group_lemma(noun) -> str:
    """The counted noun's lemma, one name per group (:data:`GROUP_SYNONYMS`):
    "troops" -> "soldier", "blue helmets" -> "peacekeeper"."""
    lemma = noun.lemma_.casefold()
    for child in noun.lefts:
        if child.i == noun.i - 1 and child.dep_ in ("amod", "compound"):
            pair = f"{child.lemma_.casefold()} {lemma}"
            if pair in GROUP_SYNONYMS:
                return GROUP_SYNONYMS[pair]
    return GROUP_SYNONYMS.get(lemma, lemma)


def _coordinated(noun) -> bool:
    """ "14 miners and two rescuers": a count listed beside a count of another
    group. Each is a group of its own, not "people" (they would be one figure
    for two groups)."""
    others = [c for c in noun.children if c.dep_ == "conj"]
    if noun.dep_ == "conj":
        others.append(noun.head)
    return any(
        o.pos_ in ("NOUN", "PROPN") and o.lemma_.casefold() != noun.lemma_.casefold()
        and any(c.dep_ == "nummod" or c.like_num for c in o.children)
        for o in others
    )


def _not_a_quantity(doc, group, value: float) -> bool:
    first, last = group[0], group[-1]
    low = first.lower_
    if low == "one" and not (first.dep_ == "nummod" and first.head.pos_ == "NOUN"):
        return True  # "one another", "one of the", "no one"
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    prev = doc[first.i - 1] if first.i > 0 else None
    if nxt is not None and (nxt.lower_ in ("a.m.", "p.m.", "am", "pm", "gmt", "utc", ":", "o'clock") or nxt.text.startswith(":")):
        return True  # a time
    if prev is not None and prev.text == ":" and first.idx == prev.idx + 1:
        return True
    if nxt is not None and nxt.text in ("-", "–") and last.i + 2 < len(doc) and is_number_token(doc[last.i + 2]):
        if doc[last.i + 2].idx == nxt.idx + 1:
            return True  # a score or a range written 3-2
    if prev is not None and prev.text in ("-", "–") and first.i > 1 and is_number_token(doc[first.i - 2]):
        if prev.idx + 1 == first.idx:
            return True
    if first.ent_type_ == "ORDINAL" or re.fullmatch(r"\d+(?:st|nd|rd|th)", first.text):
        return True
    if first.dep_ in ("compound", "nummod") and first.head.pos_ == "PROPN" and first.head.i == first.i - 1:
        if not (first.i > 1 and doc[first.i - 2].lower_ == "the"):
            return True  # "Route 66", "Boeing 737"; but "the PSF 59" is the PSF's figure
    if re.fullmatch(r"\d{6,}", first.text):
        return True  # an id or a phone number
    if value in (0,) and low not in ("zero",):
        return True
    if nxt is not None and (nxt.lower_ in ("short", "ahead", "behind", "shy") or (
            nxt.lower_ in ("more", "fewer", "less") and _next_is(doc, nxt, "than"))):
        return True  # "eight short of a majority", "five more than the official figure": a difference
    if low in ("hundred", "thousand", "million", "billion", "dozen"):
        return True  # "hundreds of", "thousands of": no figure
    if nxt is not None and nxt.text in ("-", "–") and last.i + 2 < len(doc) and doc[last.i + 2].lower_.rstrip("s") in FRACTIONS:
        return True  # "two-thirds"
    if nxt is not None and nxt.lower_.rstrip("s") in FRACTIONS | {"time"}:
        return True  # "three quarters", "three times a day"
    return False


def _anchor(group):
    """The token that attaches the number to the sentence ("million" in "210 million")."""
    anchor = group[-1]
    while anchor.dep_ in ("compound", "quantmod", "nummod") and is_number_token(anchor.head) and anchor.head.i != anchor.i:
        if anchor.head.i - anchor.i > 1 and any(t.lower_ in ("to", "and", "or") for t in anchor.doc[anchor.i:anchor.head.i]):
            return anchor  # "from 18 to 21": 18 is its own figure
        anchor = anchor.head
    return anchor


def _counted_noun(anchor, group):
    """The noun the number counts, or None for a bare number."""
    if anchor.dep_ == "quantmod" and is_number_token(anchor.head):
        anchor = anchor.head  # the first end of a range shares the second's noun
    head = anchor.head
    if head.pos_ == "PROPN" and head.i < anchor.i:
        return None  # "the PSF 59": the name holds the figure, it is not what is counted
    if head.pos_ == "ADJ" and head.lemma_.casefold() not in _STATE_ADJECTIVES:
        return None  # "eight short of a majority"
    if anchor.dep_ in ("nummod", "compound", "amod", "quantmod", "npadvmod") and head.pos_ in ("NOUN", "PROPN", "ADJ"):
        if head.lower_ in ("more", "other", "additional"):
            return head.head if head.head.pos_ in ("NOUN",) else None
        return head
    for child in anchor.children:  # "21 dead"
        if child.dep_ in ("amod", "acomp", "prep") and child.pos_ == "ADJ" and child.lemma_.casefold() in _STATE_ADJECTIVES:
            return child
    if anchor.dep_ == "conj" and is_number_token(anchor.head):  # "eight and ten people"
        return _counted_noun(anchor.head, group)
    return None


def _counted_text(noun, text: str) -> str:
    if noun is None:
        return ""
    lo = noun.i
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound") and child.lower_ not in QUALIFIER_WORDS:
            lo = min(lo, child.i)
    doc = noun.doc
    return text[doc[lo].idx:noun.idx + len(noun)]


def _next_is(doc, token, *words: str) -> bool:
    return token.i + 1 < len(doc) and doc[token.i + 1].lower_ in words


def _of_object(token):
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    head = token.head
    for child in head.children if head is not None else ():
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _measured(unit):
    """The thing a unit measures: "64-metre dam", "64 metres high" (the dam), "fund of 150 million dinars"."""
    head = unit.head
    if unit.dep_ in ("compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        return head
    if unit.dep_ == "npadvmod" and head.pos_ == "ADJ":
        if head.head.pos_ in ("NOUN", "PROPN") and head.head.i != head.i:
            return head.head
        if head.dep_ == "acomp" and head.head.lemma_ == "be":  # "the dam was 64 metres high": the dam
            subject = next((c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
            return subject or head
        return head
    if unit.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    for child in unit.children:
        if child.dep_ in ("relcl", "acl") and child.pos_ == "VERB":
            return child  # "60 days to report"
    return _of_object(unit)


_STATE_ADJECTIVES = frozenset({"dead", "missing", "injured", "wounded", "homeless", "displaced", "killed",
                               "arrested", "detained", "unaccounted", "hurt", "sick", "ill", "infected"})


def _age_of(anchor):
    """ "Omar Belkadi, 52," -> Omar Belkadi; "aged 52"; "a 52-year-old"."""
    if anchor.dep_ == "appos" and anchor.head.pos_ == "PROPN":
        return anchor.head
    if anchor.head.lower_ == "aged" or (anchor.i > 0 and anchor.doc[anchor.i - 1].lower_ == "aged"):
        node = anchor.head.head if anchor.head.lower_ == "aged" else anchor.head
        return node if node.pos_ in ("PROPN", "NOUN") else None
    return None


def _evidence(anchor, noun, thing) -> tuple[set[str], set[str]]:
    """Lemmas that say what happened to the counted things, and the grouping context."""
    evidence: set[str] = set()
    context: set[str] = set()
    focus = noun if noun is not None else anchor
    evidence.add(focus.lemma_.casefold())
    for child in focus.children:
        if child.dep_ in ("amod", "compound", "acl", "relcl", "advmod", "acomp", "npadvmod"):
            evidence.add(child.lemma_.casefold())
            context.add(child.lemma_.casefold())
            for grand in child.subtree:
                if grand.pos_ in ("ADJ", "VERB", "NOUN") and grand.i != child.i:
                    evidence.add(grand.lemma_.casefold())
        if child.dep_ == "prep":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    context.add(grand.lemma_.casefold())
    for child in anchor.children:  # "21 dead", "stood at 12"
        if child.pos_ in ("ADJ", "NOUN"):
            evidence.add(child.lemma_.casefold())
    node = focus
    for _ in range(SHORT_CLIMB):  # the verb of the clause, and its object ("lost their lives")
        if node.dep_ in ("pobj",) or node.dep_ == "prep":
            node = node.head
            continue
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        if node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos", "conj", "npadvmod"):
            node = node.head
            continue
        break
    if node.pos_ in ("VERB", "AUX"):
        evidence.add(node.lemma_.casefold())
        context.add(node.lemma_.casefold())
        for child in node.children:
            if child.dep_ in ("dobj", "acomp", "xcomp", "nsubj", "nsubjpass", "attr", "oprd") and child.i != focus.i:
                evidence.add(child.lemma_.casefold())
            if child.dep_ == "prep":
                evidence.update(g.lemma_.casefold() for g in child.children if g.dep_ == "pobj")
    if thing is not None:
        context.add(thing.lemma_.casefold())
        context.update(c.lemma_.casefold() for c in thing.children if c.dep_ in ("amod", "compound"))
    if node.pos_ in ("VERB", "AUX") and any(c.lower_ == "since" for c in node.children):
        context.add("since")  # a running total: "more than 30 aftershocks since Saturday"
    context -= {"be", "have", "say", "do", "get", "make", "-", "other"} | QUALIFIER_WORDS
    return evidence, context


def _verb_of(token) -> str | None:
    node = token
    for _ in range(FIGURE_CONTEXT_CLIMB):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            return node.lemma_.casefold()
        if node.head.i == node.i or node.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return None
        node = node.head
    return None


def _event(evidence: set[str]) -> str | None:
    for event, cues in EVENTS:
        for cue in cues:
            if isinstance(cue, tuple) and all(word in evidence for word in cue):
                return event
            if isinstance(cue, str) and cue in evidence:
                return event
    return None


def _what(kind, noun, noun_lemma, event, unit, thing, anchor) -> str:
    if kind == "age":
        if thing is None:
            return "age"
        first = min([thing.i] + [c.i for c in thing.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"])
        return f"age of {thing.doc[first:thing.i + 1].text}"
    thing_text = thing.lemma_.casefold() if thing is not None else ""
    if kind == "percent":
        return f"percent of {thing_text}" if thing_text else "percent"
    if kind in ("money", "measure"):
        plural = unit + ("s" if not unit.endswith(("s", "n", "yen", "won")) else "")
        return f"{thing_text} in {plural}" if thing_text else plural
    if kind == "duration":
        return f"{unit}s {thing_text}".strip()
    if event:  # "people killed"; a group of its own keeps its noun: "fighters killed"
        if noun_lemma == "people" or noun is None:
            return f"people {event}"
        return f"{noun.text.casefold()} {event}"
    return noun.text.casefold() if noun is not None else ""


def _iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


_TOPIC_WORDS = {
    "toll": "killed", "dead": "killed", "death": "killed", "deaths": "killed", "killed": "killed",
    "fatalities": "killed", "bodies": "killed", "displacement": "displaced", "displaced": "displaced",
    "homeless": "displaced", "missing": "missing", "injured": "injured", "wounded": "injured",
    "injuries": "injured", "arrests": "arrested", "arrested": "arrested", "detained": "arrested",
}


def _inherit(text: str, found: list[Quantity]) -> list[Quantity]:
    """Bare counts ("the 2,500 given by the government", "the PSF 59", "the police put
    the number at 4,000") take what they count from an earlier count of their
    sentence, else their event from a topic word earlier in the paragraph ("Start
    with the toll."); those left with nothing are dropped."""
    out: list[Quantity] = []
    for q in found:
        if q.kind != "count" or q.noun or q.event:
            out.append(q)
            continue
        earlier = [p for p in out if p.sentence.start == q.sentence.start and p.start < q.start and p.kind == "count"
                   and (p.noun or p.event)]
        if earlier:
            model = next((p for p in reversed(earlier) if p.event), earlier[-1])
            out.append(replace(
                q, what=model.what, noun=model.noun, counted=model.counted, event=model.event,
                context=model.context, about=model.about, place=q.place or model.place,
                holder=q.holder or next((p.holder for p in reversed(earlier) if p.holder), None),
            ))
            continue
        p_start = text.rfind("\n", 0, q.start) + 1
        window = text[p_start:q.number.start].casefold()
        topics = [(m.start(), _TOPIC_WORDS[m.group(0)])
                  for m in re.finditer(r"\b(?:" + "|".join(_TOPIC_WORDS) + r")\b", window)]
        if topics:
            event = max(topics)[1]
            out.append(replace(q, what=f"people {event}", noun="people", event=event))
        elif q.what:
            out.append(q)
    return out
