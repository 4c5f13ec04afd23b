"""Quantities and what they count (triangulate.analyze.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triangulate.analyze.numbers import extract_quantities, parse_number
from triangulate.model import Article


def _quantities(nlp, text: str, published: str = "2026-03-12"):
    article = Article(id="a", origin="a", text=text, published=published)
    return extract_quantities(article, nlp(text))


def _one(nlp, text: str, published: str = "2026-03-12"):
    found = _quantities(nlp, text, published)
    assert len(found) == 1, [(q.text, q.what) for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("written", "value"),
    [("2,500", 2500), ("Eighteen", 18), ("1.2 million", 1_200_000), ("210 million", 210_000_000),
     ("twenty-five", 25), ("two hundred", 200), ("64", 64), ("a dozen", 12), ("sixteen", 16)],
)
def test_numbers_parse_number(written, value):
    assert parse_number(written) == value


def test_numbers_parse_number_rejects_words_that_are_not_numbers():
    assert parse_number("several") is None
    assert parse_number("2,50,0") is None


def test_numbers_counted_noun_and_value(nlp):
    q = _one(nlp, "The army sent 2,500 troops to the valley.")
    # troops are counted as soldiers (one group whatever the word), shown as written
    assert (q.value, q.qualifier, q.kind, q.noun, q.what) == (2500, "exact", "count", "soldier", "troops")
    assert q.text == "2,500 troops"


def test_numbers_at_least_people_killed(nlp):
    q = _one(nlp, "At least 18 fighters were killed in the attack, officials said on Thursday.")
    assert (q.value, q.qualifier, q.event, q.what) == (18, "at least", "killed", "fighters killed")
    assert q.text == "At least 18 fighters"
    assert q.source == "officials"
    assert q.date == "2026-03-12"


def test_numbers_more_than_countries(nlp):
    q = _one(nlp, "Delegations from more than 80 countries attended the summit.")
    assert (q.value, q.qualifier, q.what) == (80, "more than", "countries")


def test_numbers_number_words(nlp):
    q = _one(nlp, "Eighteen people lost their lives when the dam gave way.")
    assert (q.value, q.what) == (18, "people killed")
    q = _one(nlp, "The flood reached the town and three villages downstream.")
    assert (q.value, q.what) == (3, "villages")


def test_numbers_the_toll_rose_to_a_bare_number(nlp):
    q = _one(nlp, "The toll rose to 21 on Friday, according to the Civil Defence Directorate.", "2026-03-14")
    assert (q.value, q.what, q.date) == (21, "people killed", "2026-03-13")
    assert q.change == "rose to 21"
    assert q.source == "the Civil Defence Directorate"


def test_numbers_people_displaced_from_the_verb(nlp):
    q = _one(nlp, "More than 3,000 people have been forced from their homes, aid groups say.")
    assert q.what == "people displaced"
    q = _one(nlp, "About 40 people are still missing.")
    assert (q.what, q.qualifier) == ("people missing", "about")


def test_numbers_years_dates_and_times_are_not_quantities(nlp):
    assert _quantities(nlp, "The dam, completed in 1987, burst on March 10 at 4:12 a.m.") == ()


def test_numbers_ordinals_and_pronoun_one_are_not_quantities(nlp):
    assert _quantities(nlp, "It was the second collapse; one of them said no one knew.") == ()


def test_numbers_money_percent_measure_and_age(nlp):
    found = _quantities(
        nlp,
        "The government released an emergency fund of 150 million dinars. The reservoir was at 96 percent of "
        'capacity. The 64-metre dam is old. "It broke," said Omar Belkadi, 52, a farmer.',
    )
    kinds = {q.kind: (q.value, q.what, q.unit) for q in found}
    assert kinds["money"] == (150_000_000, "fund in dinars", "dinar")
    assert kinds["percent"] == (96, "percent of capacity", "%")
    assert kinds["measure"] == (64, "dam in metres", "metre")
    assert kinds["age"][0] == 52 and kinds["age"][1] == "age of Omar Belkadi"


def test_numbers_bare_number_takes_what_it_counts_from_its_sentence(nlp):
    found = _quantities(nlp, "The municipality says nearly 4,000 people have left their homes, far more than the "
                             "2,500 given by the government.")
    assert [(q.value, q.what, q.qualifier) for q in found] == [
        (4000, "people displaced", "nearly"), (2500, "people displaced", "exact")]
    assert found[1].source == "the government"


def test_numbers_part_of_a_whole_needs_a_holder(nlp):
    assert _quantities(nlp, "Funeral prayers were held for eleven of the dead.") == ()
    share, total = _quantities(nlp, "The commission projects that the DMV will win 68 of the 150 seats.")
    assert (share.value, share.holder, share.what, share.text) == (68, "DMV", "seats", "68 of the 150 seats")
    assert (total.value, total.holder) == (150, None)


def test_numbers_vote_split(nlp):
    found = _quantities(nlp, "The Supreme Court ruled 5-4 on Wednesday.", "2026-10-15")
    assert [(q.value, q.event) for q in found] == [(5, "voting in favour"), (4, "voting against")]


def test_numbers_old_dates_mark_another_episode(nlp):
    q = _one(nlp, "Flash floods in 2009 killed nine people in the same valley.")
    assert (q.what, q.period) == ("people killed", "2009")


def test_numbers_increments_are_additional(nlp):
    q = _one(nlp, "Rescue teams had recovered six more bodies.")
    assert q.qualifier == "additional"


_SENTENCES = st.sampled_from([
    "At least 18 people have died, officials said on Thursday.",
    "About 2,500 people have been displaced.",
    "The 64-metre dam holds 210 million cubic metres of water.",
    "Police detained nine young men.",
    "The toll rose to 21 on Friday.",
    "Turnout was 61.4 percent, the highest since 2010.",
    "The DMV won 68 of the 150 seats; the PSF 59.",
    "Funeral prayers were held for eleven of the dead.",
])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_SENTENCES, min_size=1, max_size=5), st.sampled_from([" ", "\n\n"]))
def test_numbers_every_extracted_span_is_the_text_at_its_offsets(nlp, sentences, glue):
    text = glue.join(sentences)
    for q in _quantities(nlp, text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert text[q.number.start:q.number.end] == q.number.text
        assert q.start <= q.number.start and q.number.end <= q.end
        assert text[q.sentence.start:q.sentence.end] == q.sentence.text


def test_numbers_every_count_of_a_coordinated_phrase(nlp):
    found = _quantities(nlp, "At least 14 miners and two rescuers have died in the past week, the ministry said.")
    assert [(q.value, q.qualifier, q.what, q.window) for q in found] == [
        (14, "at least", "miners killed", "in the past week"),
        (2, "exact", "rescuers killed", "in the past week"),
    ]
    listed = _quantities(nlp, "The blast wounded 30 workers, two guards and a nurse.")
    assert [(q.value, q.what) for q in listed] == [(30, "workers injured"), (2, "guards injured")]


def test_numbers_one_group_name_whatever_the_word(nlp):
    nouns = [_one(nlp, text).noun for text in (
        "Some 1,200 blue helmets patrol the border.", "About 1,200 UN peacekeepers patrol the border.",
        "About 900 US troops remain at the base.", "Some 900 American soldiers remain at the base.")]
    assert nouns == ["peacekeeper", "peacekeeper", "soldier", "soldier"]


@pytest.mark.parametrize(("text", "window"), [
    ("Seventeen miners have died since the collapse on March 3.", "since the collapse on March 3"),
    ("Nine people were arrested over the weekend.", "over the weekend"),
    ("The clinic has treated 40 patients so far this year.", "so far this year"),
    ("Police arrested 12 people on Tuesday.", None),
])
def test_numbers_window_as_written(nlp, text, window):
    assert _one(nlp, text).window == window
