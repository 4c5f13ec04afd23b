"""Scoring aligned facts against a gold event file (``tests/fixtures/gold``).

Each gold fact (a paraphrase written by the annotator, with its status) is
matched to the system fact whose statements share the most content words with
it (at least ``MATCH_MIN`` of the gold fact's content words); status accuracy is
the share of gold facts whose matched fact has the gold status. Unmatched gold
facts count as wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..compare.facts import Fact

MATCH_MIN = 0.4

STOP = frozenset(
    "the a an of and to in on at by for with from as is was were be been has had have that this which "
    "it its his her their they he she after before since than more most also who what when where".split()
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 2}


def match(gold_text: str, facts: Sequence[Fact]) -> Fact | None:
    target = _words(gold_text)
    if not target:
        return None

    def overlap(fact: Fact) -> float:
        return max(len(target & _words(s.text)) / len(target) for s in fact.statements)

    best = max(facts, key=overlap, default=None)
    return best if best is not None and overlap(best) >= MATCH_MIN else None


def status_accuracy(gold_facts: Sequence[dict], facts: Sequence[Fact]) -> tuple[float, list[str]]:
    """(accuracy, one line per miss)."""
    right, misses = 0, []
    for gold in gold_facts:
        found = match(gold["text"], facts)
        if found is not None and found.status == gold["status"]:
            right += 1
        else:
            got = found.status if found else "no match"
            misses.append(f"{gold['status']} -> {got}: {gold['text'][:90]}")
    return (right / len(gold_facts) if gold_facts else 1.0), misses
