"""The held-out citation gate: citations of briefings on events the summarizer
was not tuned on (Multi-News validation rows 200+, BASIL triplets), read by
hand against the cited article (bench/gold/citations-handcheck-heldout.tsv).

The worksheet's checks need no data. The automatic checks re-read the articles
from ../shared/data (beside the project root) and skip when it is absent. When
the clean stage changes the articles' text, the rows' spans no longer match:
run `python bench/citations_heldout.py sample` and read the new rows.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def heldout():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import citations_heldout
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return citations_heldout


@pytest.fixture(scope="module")
def rows(heldout):
    return heldout.read_rows(heldout.TSV)


@pytest.fixture(scope="module")
def floors():
    return json.loads((ROOT / "bench" / "floors.json").read_text())["citations_heldout"]


def test_citations_heldout_gate_every_row_was_read_and_quotes_little(heldout, rows):
    assert len(rows) >= 50
    assert all(r["hand"] in heldout.HAND for r in rows), "rows without a hand verdict"
    assert all(r["evidence"] and len(r["evidence"].split()) <= 12 for r in rows)
    assert all(len(r["sentence_head"].split()) <= heldout.HEAD_WORDS for r in rows)
    assert len({heldout._key(r) for r in rows}) == len(rows)


def test_citations_heldout_gate_hand_precision_stays_above_the_floor(rows, floors):
    supported = sum(r["hand"] == "supported" for r in rows)
    assert supported / len(rows) >= floors["hand_precision"]


def test_citations_heldout_gate_automatic_checks_agree_with_the_hand(heldout, rows, floors):
    if not (DATA / heldout.MULTINEWS).is_file() or not (DATA / heldout.BASIL).is_dir():
        pytest.skip(f"{DATA} is absent: the held-out articles are read from ../shared/data")
    pytest.importorskip("nltk")
    pytest.importorskip("sumy")
    result = heldout.summary(heldout.auto_verdicts(DATA, rows))
    assert result["rows"] == len(rows)
    for name in ("summaries", "window"):
        assert result[name]["agreement_strict"] >= floors[f"{name}_agreement"], name
