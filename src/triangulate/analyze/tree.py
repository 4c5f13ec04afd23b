"""Walking spaCy's dependency tree: how far the analysis climbs from a token.

Each climb also ends at the sentence's root, so these are bounds that keep a
misparse from walking into a distant clause, not tuned values: the quality
gates (quotes and speakers, numbers, timeline) were set with them as they are.
"""

from __future__ import annotations

#: From a noun, a figure or a date up to the verb of its clause: a counted noun
#: sits a few prepositions deep ("the deaths of 18 people in the town of ...").
CLAUSE_VERB_CLIMB = 8

#: From a figure to what limits it (a place, the verb of its clause, a relative
#: clause's head): a figure's own phrase, then its clause.
FIGURE_CONTEXT_CLIMB = 6

#: Short climbs: from a date or a cue noun ("statement") to its verb, from a
#: figure to the subject of a copula ("Turnout was 61.4 percent"), from a cue to
#: the clause that holds its subject.
SHORT_CLIMB = 4

#: From inside a quotation, or from a date, up to the quotation's cue ("said"),
#: which may govern a long embedded clause.
QUOTE_CUE_CLIMB = 8

#: From a figure or a date along its whole path to the root: the verbs whose
#: clauses may date the figure ("rose to 21 on Friday"), the verb a date
#: belongs to.
ROOT_PATH_CLIMB = 12

#: From a dated verb to the auxiliaries that give its tense ("will be held",
#: "is due to open"): the verb and the two heads above it.
TENSE_CLIMB = 3

#: From a figure to a verb of change ("rose to 21", "from 18 to 21"): its
#: preposition, then the verb.
CHANGE_CLIMB = 3


def clause_verb(token, limit: int = CLAUSE_VERB_CLIMB):
    """The first verb (or auxiliary) at or above ``token``, at most ``limit``
    heads up; the root, or the last token reached, when there is none."""
    node = token
    for _ in range(limit):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    return node
