"""Checking a briefing's citations at several lengths from one analysis."""

from __future__ import annotations

import pytest

from triangulate.errors import UsageError
from triangulate.evaluate.summaries import check_brief_citations, check_brief_citations_by_length
from triangulate.settings import Settings


def test_citations_by_length_match_one_brief_per_length(example_dir):
    paths = [str(example_dir / "mpa-wire.txt"), str(example_dir / "almar-herald.txt"), str(example_dir / "kessra-tribune.txt")]
    lengths = [Settings(), Settings(summary_sentences=2)]
    together = check_brief_citations_by_length(paths, lengths)
    assert together == [check_brief_citations(paths, settings) for settings in lengths]
    assert len(together[1][0]) < len(together[0][0])
    assert any(v.cited for v in together[0][1])


def test_citations_by_length_refuses_settings_that_differ_otherwise():
    with pytest.raises(UsageError, match="only in summary_sentences"):
        check_brief_citations_by_length(["unused"], [Settings(), Settings(seed=1)])
