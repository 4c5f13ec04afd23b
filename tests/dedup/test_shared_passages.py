"""Words, quotation marks and exact shared runs."""

from __future__ import annotations

from hypothesis import given, strategies as st

from triangulate.dedup.passages import common_runs, join_runs, shared_runs
from triangulate.dedup.text import quote_regions, words_of


def test_text_words_carry_offsets_and_normalised_forms():
    text = "The Café’s owner said: “Nothing is left.” Then she left."
    words = words_of(text)
    assert words.norm[:3] == ("the", "cafe's", "owner")
    for norm, start, end in zip(words.norm, words.starts, words.ends):
        assert text[start:end].casefold().replace("é", "e").replace("’", "'") == norm


def test_text_quotes_are_marked_and_apostrophes_are_not():
    text = "Tamzara’s minister said \"we will not rest\" and ‘they knew’, but don't quote me."
    words = words_of(text)
    quoted = {w for w, q in zip(words.norm, words.quoted) if q}
    assert quoted == {"we", "will", "not", "rest", "they", "knew"}


def test_text_open_quote_ends_with_its_paragraph():
    text = "\"First paragraph of a long quote\n\nThe reporter's own words follow."
    regions = quote_regions(text)
    assert regions == [(0, text.index("\n\n"))]
    assert not any(words_of(text).quoted[-5:])


def test_text_sentences_cover_every_word_once():
    text = "One two three. Four five six!\n\nSeven eight nine? Ten eleven"
    words = words_of(text)
    covered = [i for start, end in words.sentences for i in range(start, end)]
    assert covered == list(range(len(words)))
    assert len(words.sentences) == 4


@given(st.text(alphabet=st.sampled_from(list("ab \"“”‘’'.\n")), max_size=80))
def test_text_quote_regions_are_ordered_and_inside_the_text(text):
    regions = quote_regions(text)
    last = 0
    for start, end in regions:
        assert last <= start < end <= len(text)
        last = end


def test_passages_runs_survive_reordered_paragraphs():
    a = words_of("alpha beta gamma delta epsilon zeta eta theta. one two three four five six seven eight.")
    b = words_of("one two three four five six seven eight. alpha beta gamma delta epsilon zeta eta theta.")
    runs = common_runs(a, b, seed_words=4)
    assert [(r.a_start, r.a_end, r.b_start, r.b_end) for r in runs] == [(0, 8, 8, 16), (8, 16, 0, 8)]


def test_passages_small_edits_are_joined():
    a = words_of("the levee was built in 1962 and last reinforced in 2004 by the army engineers")
    b = words_of("the levee was built in 1962 and last strengthened in 2004 by the army engineers")
    joined = join_runs(common_runs(a, b, seed_words=4), max_gap=3)
    assert len(joined) == 1 and joined[0].matched == len(a) - 1


def test_passages_quoted_words_do_not_count():
    text = 'He said "we will rebuild every home and every road and every school in the valley" today.'
    runs = shared_runs(words_of(text), words_of(text), seed_words=4, max_gap=3, min_words=1)
    assert runs[0].matched == len(words_of(text)) and runs[0].unquoted == 3  # he, said, today
