"""Exact verification: the passages two articles share, word for word.

A candidate pair from the LSH index is checked here. Shared passages are the
maximal common runs of normalised words (found from seed runs of
``seed_words`` words, in any order, so a reprint that moves a paragraph still
matches), with runs joined across small edits (a changed number, "metre" →
"meter") when they follow each other in both articles. Each passage counts the
words that are outside quotation marks in *both* articles: a quote that two
outlets carry is not evidence that one copied the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import Words


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of words shared by two texts: ``a[a_start:a_end] ~ b[b_start:b_end]``."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matched: int  # words equal in both (the stretch may hold small edits)
    unquoted: int  # matched words outside quotation marks in both texts


def common_runs(a: Words, b: Words, seed_words: int) -> list[Run]:
    """Maximal runs of at least ``seed_words`` equal words, ordered by ``a_start``."""
    if len(a) < seed_words or len(b) < seed_words:
        return []
    index: dict[tuple[str, ...], list[int]] = {}
    for j in range(len(b) - seed_words + 1):
        index.setdefault(b.norm[j : j + seed_words], []).append(j)
    runs: list[Run] = []
    covered_b: set[tuple[int, int]] = set()  # (a_start - b_start, b position) already in a run
    i = floor = 0  # runs do not overlap in ``a``: none extends back before ``floor``
    while i <= len(a) - seed_words:
        best: tuple[int, int, int] | None = None  # (length, a_start, b_start)
        for j in index.get(a.norm[i : i + seed_words], ()):
            if (i - j, j) in covered_b:
                continue
            s_a, s_b = i, j
            while s_a > floor and s_b > 0 and a.norm[s_a - 1] == b.norm[s_b - 1]:
                s_a, s_b = s_a - 1, s_b - 1
            e_a, e_b = i + seed_words, j + seed_words
            while e_a < len(a) and e_b < len(b) and a.norm[e_a] == b.norm[e_b]:
                e_a, e_b = e_a + 1, e_b + 1
            candidate = (e_a - s_a, s_a, s_b)
            if best is None or candidate[0] > best[0] or candidate[0] == best[0] and candidate[2] < best[2]:
                best = candidate
        if best is None:
            i += 1
            continue
        length, s_a, s_b = best
        covered_b.update((s_a - s_b, s_b + k) for k in range(length))
        unquoted = sum(1 for k in range(length) if not a.quoted[s_a + k] and not b.quoted[s_b + k])
        runs.append(Run(s_a, s_a + length, s_b, s_b + length, length, unquoted))
        i = floor = s_a + length
    return runs


def join_runs(runs: list[Run], max_gap: int) -> list[Run]:
    """Join runs that follow each other in both texts with at most ``max_gap``
    differing words between them (small edits inside a copied passage)."""
    joined: list[Run] = []
    for run in runs:
        if joined:
            last = joined[-1]
            gap_a, gap_b = run.a_start - last.a_end, run.b_start - last.b_end
            if 0 <= gap_a <= max_gap and 0 <= gap_b <= max_gap:
                joined[-1] = Run(
                    last.a_start, run.a_end, last.b_start, run.b_end,
                    last.matched + run.matched, last.unquoted + run.unquoted,
                )
                continue
        joined.append(run)
    return joined


def shared_runs(a: Words, b: Words, *, seed_words: int, max_gap: int, min_words: int) -> list[Run]:
    """Passages ``a`` and ``b`` share with at least ``min_words`` unquoted words."""
    runs = join_runs(common_runs(a, b, seed_words), max_gap)
    return [r for r in runs if r.unquoted >= min_words]
