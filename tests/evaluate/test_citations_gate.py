"""The citation gate: every citation the example events' briefings make to
another article has been read by hand (bench/gold/citations-handcheck.tsv), and
at least the floor in bench/floors.json (key "citations") of them state all of
the sentence ("partial" counts as not supported).

When a change to the summarizer changes which articles are cited, this fails
until the new citations are read: `python bench/citations_handcheck.py sample`,
fill in the new rows of the worksheet, then `python bench/citations_handcheck.py
score`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def handcheck():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import citations_handcheck
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return citations_handcheck


@pytest.fixture(scope="module")
def worksheet(handcheck):
    rows = handcheck.read_rows(handcheck.TSV)
    return rows, handcheck.current_citations()


def test_citations_gate_every_citation_was_read_by_hand(handcheck, worksheet):
    rows, found = worksheet
    read = {handcheck._key(r) for r in rows}
    stale = [r["sentence"][:80] for r in rows if handcheck._key(r) not in found]
    unread = [key[2][:80] for key in found if key not in read]
    assert not stale, f"rows no longer cited: {stale}"
    assert len(rows) == min(handcheck.SIZE, len(found))
    if len(found) <= handcheck.SIZE:
        assert not unread, f"citations nobody has read: {unread}"
    assert all(r["hand"] in handcheck.HAND and r["evidence"] for r in rows)


def test_citations_gate_hand_precision_stays_above_the_floor(worksheet):
    rows, _ = worksheet
    floor = json.loads((ROOT / "bench" / "floors.json").read_text())["citations"]["hand_precision"]
    supported = sum(r["hand"] == "supported" for r in rows)
    assert supported / len(rows) >= floor
    assert not [r["sentence"] for r in rows if r["hand"] == "not supported"]
