"""The shared word lists: each defined once, narrower lists drawn from the main ones."""

from __future__ import annotations

import ast
from pathlib import Path

import triangulate
from triangulate import lexicon

PACKAGE = Path(triangulate.__file__).parent


def test_lexicon_fold_takes_accents_and_case_off():
    assert lexicon.fold("Režnik") == "reznik"
    assert lexicon.fold("ÉLYSÉE") == "elysee"
    assert lexicon.fold("Ünal Doğan") == "unal dogan"
    assert lexicon.fold("plain") == "plain"


def test_lexicon_narrow_lists_are_drawn_from_the_main_ones():
    assert lexicon.REPORTING_VERBS <= lexicon.SPEECH_VERBS
    assert lexicon.TITLE_ABBREVIATIONS - {"st", "jr", "sr"} <= lexicon.TITLES
    assert lexicon.MALE_TITLES | lexicon.FEMALE_TITLES <= lexicon.TITLES
    assert set(lexicon.TITLE_ROLES) - {"pres", "atty", "supt"} <= lexicon.TITLES


def test_lexicon_months_have_numbers_and_abbreviations():
    assert lexicon.MONTH_NUMBERS["march"] == lexicon.MONTH_NUMBERS["mar"] == 3
    assert lexicon.MONTH_NUMBERS["sept"] == lexicon.MONTH_NUMBERS["sep"] == 9
    assert len(lexicon.MONTHS) == 12 and len(lexicon.WEEKDAYS) == 7


def test_lexicon_number_words_cover_counts_and_scales():
    assert {"nineteen", "ninety", "thousand", "dozen"} <= lexicon.NUMBER_WORDS
    assert lexicon.UNITS["twelve"] == 12 and lexicon.TENS["forty"] == 40 and lexicon.SCALES["billion"] == 10**9


def _assigned_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)}


def test_lexicon_lists_are_not_written_out_again_elsewhere():
    """A module may name a lexicon list (an alias), never spell one out again."""
    words = {
        "monday", "january", "nineteen", "spokesman", "bin", "whisper",
    }
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "lexicon.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value.split()) > 8:
                found = words & set(node.value.split())
                assert not found, f"{path.relative_to(PACKAGE)} spells out a word list with {found}: import it from lexicon"


def test_lexicon_title_subsets_leave_out_words_that_qualify_things():
    assert lexicon.PERSON_TITLES <= lexicon.NAME_TITLES <= lexicon.TITLES
    assert "first" in lexicon.TITLES and "first" not in lexicon.NAME_TITLES
    assert {"former", "head", "director"} & lexicon.PERSON_TITLES == set()
