"""What may explain a figure: whose share it is, where, when, who gives it, and
whether it is a moving count.

- ``holder``: "put the DMV on 41.2 percent", "the Green Left Union with 8.3%",
  "the Front had 37.6 percent", "the DMV is projected to win 68 seats";
- ``place``: "the vote in Drava", "Drava, where turnout reached 68.2 percent";
- ``date``: a date whose clause the figure belongs to ("rose to 21 on Friday");
- ``source``: "according to the hospital", "officials said", "the government's
  estimate", "the 2,500 given by the government";
- ``change``: "rose to 21", "from 18 to 21", "stood at 12";
- ``window``: the span of time a count covers, as written ("in the past week",
  "since March 3", "so far this year").

Functions of spaCy tokens; :mod:`triangulate.analyze.numbers` calls them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from ..lexicon import SPEECH_VERBS
from .numerals import is_number_token
from .tree import CHANGE_CLIMB, FIGURE_CONTEXT_CLIMB, ROOT_PATH_CLIMB, SHORT_CLIMB, clause_verb

__all__ = ["GENERIC_NOUNS", "REPORT_VERBS", "change_of", "copula_subject", "date_of", "holder_of", "is_older",
           "place_of", "source_of", "window_of"]

#: Nouns that stand for "a number" and take what they count from the context.
GENERIC_NOUNS = frozenset({"number", "figure", "total", "tally", "count", "estimate", "toll", "sum"})

#: Verbs of giving a figure: their subject is a source, and they do not tell two
#: counts apart ("recorded 120 aftershocks", "more than 30 aftershocks have shaken").
REPORT_VERBS = SPEECH_VERBS | {"count", "put", "give", "estimate", "record", "register", "tally", "list", "cite",
                                "use", "publish", "release", "quote", "update"}

_CHANGE_VERBS = frozenset({"rise", "climb", "increase", "jump", "reach", "grow", "fall", "drop", "decrease",
                           "raise", "stand", "hit", "soar", "swell", "double", "update", "revise"})

_FIGURE_NOUNS = frozenset({"figure", "estimate", "count", "tally", "toll", "number", "total"})

#: A figure dated this many days before publication or more belongs to another
#: episode ("flash floods in 2009 killed nine people"), not to this event's count.
#: Three months: news events are counted over days or weeks; set by judgment.
_HISTORIC_DAYS = 90

#: Verbs whose subject holds the figure ("the DMV won 41.2 percent", "has 12 seats").
_HOLD_VERBS = frozenset({"win", "have", "get", "take", "receive", "secure", "gain", "hold", "lead", "poll", "score",
                         "finish", "capture", "keep", "lose", "own", "control", "be", "come", "end", "rank",
                         "claim", "put", "give", "project", "place", "award"})

#: Of those, the verbs whose object, not subject, holds the figure ("put the DMV on 41.2 percent").
_GIVE_VERBS = frozenset({"put", "give", "project", "place", "award"})

_PLACE_TYPES = ("GPE", "LOC", "FAC")

_LEVEL_VERBS = frozenset({"be", "reach", "stand", "rise", "fall", "hit", "climb", "drop", "remain", "stay"})


def _name_text(token) -> str:
    """A proper name headed by ``token``: compounds, "of" a place, no possessor."""
    doc = token.doc
    lo = token.i
    while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ in ("compound", "flat", "amod"):
        lo -= 1
    hi = token.i
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [g for g in child.children if g.dep_ == "pobj" and g.ent_type_ in _PLACE_TYPES]
            if objects:
                hi = max(hi, objects[0].i)
    return doc[lo:hi + 1].text


def _is_holder_name(token) -> bool:
    if token.pos_ != "PROPN" or token.ent_type_ in ("DATE", "TIME") + _PLACE_TYPES:
        return False
    after_the = token.i > 0 and token.doc[token.i - 1].lower_ == "the"
    return bool(token.ent_type_) or (token.text.isupper() and len(token.text) > 1) or after_the


def holder_of(anchor) -> str | None:
    """Whose share or count a figure is, from the words just before it ("the PSF on
    38.1%", "the Green Left Union with 8.3%", "and the Front 37.6 percent") or from
    the subject of a verb of holding that takes the figure ("the Front had 37.6
    percent", "the DMV is projected to win 68 seats", "was third with 8.6 percent")."""
    doc = anchor.doc
    for i in range(anchor.i - 1, max(-1, anchor.i - 4), -1):
        token = doc[i]
        if is_number_token(token) or token.text in (";", ":", ",") or token.pos_ in ("VERB", "AUX", "NOUN"):
            break
        if token.lower_ in ("where", "which", "who", "when", "while"):
            break
        if _is_holder_name(token):
            return _name_text(token)
    node = anchor.head if anchor.dep_ in ("nummod", "compound") and anchor.head.pos_ == "NOUN" else anchor
    if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in ("with", "on", "at"):
        node = node.head
    verb = node.head if node.dep_ in ("dobj", "attr", "oprd", "npadvmod", "prep", "dative") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.casefold() not in _HOLD_VERBS:
        return None
    if node.dep_ == "attr" and verb.lemma_ == "be":
        return None  # "Turnout was 61.4 percent": a level, not a share
    for child in verb.children:  # "put the DMV on 41.2 percent", "gives the DMV 64 seats"
        if (child.dep_ in ("dobj", "dative") and _is_holder_name(child) and child.i < node.i
                and verb.lemma_.casefold() in _GIVE_VERBS):
            return _name_text(child)
    if verb.lemma_.casefold() in _GIVE_VERBS:
        return None  # "Haven Aid puts the number at more than 3,000": a source, not a holder
    while verb is not None:
        for child in verb.lefts:
            if child.dep_ in ("nsubj", "nsubjpass") and _is_holder_name(child):
                return _name_text(child)
        verb = verb.head if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i else None
    return None


def place_of(anchor, thing) -> str | None:
    """A place that limits the figure: "the vote in Drava", "Drava, where turnout reached 68.2 percent"."""
    nodes = []
    node = anchor
    for _ in range(FIGURE_CONTEXT_CLIMB):
        nodes.append(node)
        if node.dep_ == "relcl" and node.head.ent_type_ in _PLACE_TYPES:
            return node.head.text
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            break
        node = node.head
    if thing is not None:
        nodes.append(thing)
    for node in nodes:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                for grand in child.children:
                    if grand.dep_ == "pobj" and grand.ent_type_ in _PLACE_TYPES:
                        return grand.text
    return None


def copula_subject(anchor):
    """ "Turnout was 61.4 percent", "turnout reached 68.2 percent", "Turnout, at 61.4 percent"."""
    node = anchor
    for _ in range(SHORT_CLIMB):
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("nsubj", "ROOT") and not node.ent_type_:
            return node
        if node.pos_ in ("VERB", "AUX"):
            if node.lemma_.casefold() not in _LEVEL_VERBS:
                return None
            for child in node.children:
                if (child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN") and not child.ent_type_
                        and child.lemma_.casefold() not in GENERIC_NOUNS):
                    return child
            return None
        if node.head.i == node.i:
            break
    return None


def date_of(anchor, dates, starts, doc) -> str | None:
    """A date whose clause is on the number's path to the root ("rose to 21 on Friday")."""
    chain = []
    node = anchor
    for _ in range(ROOT_PATH_CLIMB):
        if node.pos_ in ("VERB", "AUX"):
            chain.append(node.i)
        if node.head.i == node.i:
            break
        node = node.head
    best = None
    for mention in dates:
        if not (anchor.sent.start_char <= mention.start < anchor.sent.end_char):
            continue
        token = doc[max(0, bisect.bisect_right(starts, mention.start) - 1)]
        verb = clause_verb(token)
        # "since Wednesday evening, when the toll stood at 12": the date's noun governs the clause.
        if verb.i in chain or token.i in [t.i for t in anchor.ancestors]:
            rank = chain.index(verb.i) if verb.i in chain else 0
            if best is None or rank < best[0]:
                best = (rank, mention.date)
    return best[1] if best else None


def is_older(date: str, published: dt.date) -> bool:
    year = int(date[:4])
    if len(date) == 4:
        return year < published.year
    month = int(date[5:7])
    day = int(date[8:10]) if len(date) >= 10 else 28
    try:
        return (published - dt.date(year, month, day)).days > _HISTORIC_DAYS
    except ValueError:
        return False


def change_of(anchor, text: str) -> str | None:
    node = anchor
    for _ in range(CHANGE_CLIMB):
        if node.dep_ in ("pobj", "quantmod", "nummod", "prep", "dobj", "attr"):
            node = node.head
            if node.pos_ == "VERB" and node.lemma_.casefold() in _CHANGE_VERBS:
                lo = node.idx
                hi = anchor.idx + len(anchor)
                return text[min(lo, anchor.idx):max(hi, node.idx + len(node))]
        else:
            break
    window = text[max(0, anchor.idx - 40):anchor.idx + len(anchor)]
    match = re.search(r"\b(?:as of|up from|down from|from [\d,]+ to|rose to|risen to|climbed to|stood at)\b[^.;]*$", window, re.I)
    return match.group(0) if match else None


def source_of(anchor, text: str) -> str | None:
    """Who gives the figure: "the 2,500 given by the government", "the government's
    estimate", "X said", "X has counted", else "according to X" in the sentence.
    The finders are asked in that order; the first that has a say answers."""
    for finder in (_source_by_agent, _source_up_the_tree, _source_by_speech_before, _source_by_according_to):
        found = finder(anchor, text)
        if found is not _KEEP_LOOKING:
            return found
    return None


class _KeepLooking:
    """A source finder's answer when it has no say: the next one is asked."""


_KEEP_LOOKING = _KeepLooking()

#: Heads climbed from the figure when looking for its source: a clause is a few
#: levels deep, and the climb also stops at the root or a semicolon (set by judgment).
_SOURCE_CLIMB = 10


def _source_by_agent(anchor, text: str) -> str | None | _KeepLooking:
    """ "the 2,500 given by the government" """
    for child in anchor.children:
        if child.dep_ == "acl":
            for agent in child.children:
                if agent.dep_ == "agent":
                    return _first_object(agent, text)
    return _KEEP_LOOKING


def _source_up_the_tree(anchor, text: str) -> str | None | _KeepLooking:
    """The figure's heads, up to the clause's root: "the government's estimate",
    "The directorate's figure ... is 21 dead", "X said", "X has counted"."""
    doc = anchor.doc
    node = anchor
    for _ in range(_SOURCE_CLIMB):
        found = _source_at(node, text)
        if found is not _KEEP_LOOKING:
            return found
        head = node.head
        if head.i == node.i or any(t.text == ";" for t in doc[min(head.i, node.i):max(head.i, node.i)]):
            break
        node = head
    return _KEEP_LOOKING


def _source_at(node, text: str) -> str | None | _KeepLooking:
    if node.lemma_.casefold() in _FIGURE_NOUNS:
        for child in node.children:
            if child.dep_ == "poss":
                return _phrase(child, text)
    if node.pos_ in ("VERB", "AUX"):
        for child in node.children:  # "The directorate's figure ... is 21 dead"
            if child.dep_ == "nsubj" and child.lemma_.casefold() in _FIGURE_NOUNS:
                for owner in child.children:
                    if owner.dep_ == "poss":
                        return _phrase(owner, text)
    if node.pos_ == "VERB" and node.lemma_.casefold() in REPORT_VERBS:
        for child in node.children:
            if child.dep_ == "nsubj" and child.pos_ != "PRON" and child.lower_ not in ("who", "which", "that"):
                return _phrase(child, text)
            if child.dep_ == "agent":
                return _first_object(child, text)
    return _KEEP_LOOKING


def _source_by_speech_before(anchor, text: str) -> str | _KeepLooking:
    """ "The organisers said about 10,000 people took part;" (within the figure's
    part of the sentence, between semicolons)."""
    doc = anchor.doc
    segment_start = anchor.sent.start
    for i in range(anchor.i - 1, anchor.sent.start - 1, -1):
        if doc[i].text == ";":
            segment_start = i + 1
            break
    for token in reversed(doc[segment_start:anchor.i]):
        if token.pos_ == "VERB" and token.lemma_.casefold() in SPEECH_VERBS:
            for child in token.children:
                if child.dep_ == "nsubj" and child.pos_ != "PRON":
                    return _phrase(child, text)
    return _KEEP_LOOKING


def _source_by_according_to(anchor, text: str) -> str | None | _KeepLooking:
    """ "according to X" in the sentence, not across a semicolon."""
    doc = anchor.doc
    for token in anchor.sent:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            if any(t.text == ";" for t in doc[min(token.i, anchor.i):max(token.i, anchor.i)]):
                continue
            return _first_object(doc[token.i + 1], text)
    return _KEEP_LOOKING


def _first_object(prep, text: str) -> str | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            if child.lemma_.casefold() in _FIGURE_NOUNS | {"datum", "statistic"}:
                for sub in child.children:  # "the latest figures from the Civil Defence Directorate"
                    if sub.dep_ == "prep" and sub.lower_ in ("from", "of", "by"):
                        found = _first_object(sub, text)
                        if found:
                            return found
            return _phrase(child, text)
    return None


def _phrase(token, text: str) -> str:
    lo = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ in ("det", "compound", "amod", "poss")])
    hi = token.i
    for child in token.rights:
        if child.dep_ in ("appos",) and child.pos_ == "PROPN":
            hi = max(hi, child.right_edge.i)
    doc = token.doc
    return text[doc[lo].idx:doc[hi].idx + len(doc[hi])]


_SPAN_UNITS = r"(?:hours?|days?|nights?|weeks?|weekend|months?|years?|decades?)"
_AMOUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d{1,3})"
_WINDOW = re.compile(
    r"\b(?:(?:in|over|during|within|for)\s+the\s+(?:past|last|previous|first)\s+(?:" + _AMOUNT + r"\s+)?"
    + _SPAN_UNITS
    + r"|(?:in|over|within)\s+" + _AMOUNT + r"\s+" + _SPAN_UNITS
    + r"|(?:over|during)\s+the\s+weekend"
    + r"|(?:so\s+far\s+)?(?:this|last)\s+(?:week|weekend|month|year)"
    + r"|since\s+(?:(?!and\b|when\b|after\b|but\b|as\b|according\b|said\b)[\w'’-]+\s*){1,6}"
    + r"|so\s+far|to\s+date)\b",
    re.IGNORECASE,
)


def window_of(anchor, text: str) -> str | None:
    """The span of time the figure's clause covers, as written: "in the past
    week", "since the collapse on March 3", "this year", "so far". Only a
    phrase inside the clause of the figure's verb counts (the nearest one)."""
    verb = clause_verb(anchor)
    lo, hi = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    sent = anchor.sent
    found = [m for m in _WINDOW.finditer(text, sent.start_char, sent.end_char) if lo <= m.start() < hi]
    if not found:
        return None
    best = min(found, key=lambda m: abs(m.start() - anchor.idx))
    return " ".join(best.group(0).split()).rstrip(",")
