"""The grounding check of the abstractive mode: names, numbers and dates of a
rewritten sentence must be in the articles it cites."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from triangulate.model import Cited
from triangulate.summarize.grounding import check, claims, evidence, ground, unsupported

SOURCE = (
    "At least 18 people have died after the Kessra Dam burst on Tuesday night, civil defence officials "
    "said on Thursday. Idris Qassar, the prime minister, said a commission led by retired judge Rania "
    "Abdelnour would report within 60 days. The government released 150 million dinars and 2,500 tents. "
    "Water Resources Minister Mohammed al-Rashidi's office was closed. The dam was completed in 1987 "
    "and three villages were flooded. It was the first breach since March 2019."
)


def numbers(text: str) -> list[Decimal]:
    return [c.key for c in claims(text) if c.kind == "number"]


def names(text: str, nlp=None) -> list[str]:
    return [c.text for c in claims(text, nlp) if c.kind == "name"]


def missing(sentence: str, source: str = SOURCE, nlp=None) -> list[str]:
    return [c.text for c in unsupported(sentence, [source], nlp)]


# -- numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("three villages", 3), ("3 villages", 3), ("2,500 tents", 2500), ("2500 tents", 2500),
        ("two thousand five hundred tents", 2500), ("twenty-five dead", 25), ("one hundred and twenty", 120),
        ("2.5 million", 2_500_000), ("150 million dinars", 150_000_000), ("a five-year-old girl", 5),
        ("a 64-metre dam", 64), ("a dozen homes", 12),
    ],
)
def test_grounding_numbers_are_normalised(text, value):
    assert numbers(text) == [Decimal(value)]


def test_grounding_adjacent_number_words_that_cannot_combine_stay_apart():
    assert numbers("twenty-five five-year-olds") == [25, 5]
    assert numbers("between seven and eight") == [7, 8]


def test_grounding_number_in_words_matches_digits_in_the_source():
    assert missing("Eighteen people died and 3 villages were flooded.") == []
    assert missing("Two thousand five hundred tents were sent.") == []
    assert missing("The government released 150,000,000 dinars.") == []


def test_grounding_invented_number_is_unsupported():
    assert missing("At least 19 people have died, officials said.") == ["19"]
    assert missing("Four villages were flooded.") == ["Four"]
    assert missing("The government released 2.5 million dinars.") == ["2.5 million"]


def test_grounding_ordinals_are_checked_by_rank():
    assert missing("It was the 1st breach since 2019.") == []
    assert missing("It was the second breach.") == ["second"]


# -- dates ------------------------------------------------------------------------------


def test_grounding_dates_must_be_in_the_sources():
    assert missing("Officials spoke on Thursday about the breach in March 2019.") == []
    assert missing("Officials spoke on Friday.") == ["Friday"]
    assert missing("The dam burst yesterday.") == ["yesterday"]
    assert missing("The dam was completed in 1988.") == ["1988"]
    assert missing("The first breach since Mar. 2019.") == []


def test_grounding_may_and_march_are_months_only_when_capitalised():
    assert [c for c in claims("Officials may march to the dam.") if c.kind == "date"] == []
    assert [c.key for c in claims("In May the dam burst.") if c.kind == "date"] == ["may"]


# -- names ------------------------------------------------------------------------------


def test_grounding_names_are_runs_of_capitalised_words():
    assert names("However, Prime Minister Idris Qassar met Mohammed al-Rashidi and the Bank of Kessra.") == [
        "Prime Minister Idris Qassar", "Mohammed al-Rashidi", "Bank of Kessra",
    ]
    assert names("The dam burst. After that, In the night it rained.") == []


def test_grounding_names_found_despite_case_titles_and_possessives():
    assert missing("Prime Minister Idris Qassar said the Civil Defence officials were right.") == []
    assert missing("Judge Rania Abdelnour will lead the inquiry into the Kessra Dam's failure.") == []
    assert missing("Mohammed al-Rashidi’s office was closed.") == []


def test_grounding_invented_or_mixed_up_names_are_unsupported():
    assert missing("Interior Minister Samir Haddad visited the Kessra Dam.") == ["Interior Minister Samir Haddad"]
    assert missing("Rania Qassar will lead the inquiry.") == ["Rania Qassar"]


def test_grounding_names_from_spacy_entities_when_nlp_is_given(nlp):
    assert missing("Idris Qassar said the Kessra Dam failed.", nlp=nlp) == []
    assert "Samir Haddad" in missing("Samir Haddad said the Kessra Dam failed.", nlp=nlp)
    assert missing("The dam burst on Friday.", nlp=nlp) == ["Friday"]


# -- the rule ---------------------------------------------------------------------------


def test_grounding_check_gives_every_reason():
    reasons = check("Samir Haddad said 19 people died on Friday.", [SOURCE])
    assert reasons == (
        "has names not in its cited sources: 'Samir Haddad'",
        "has numbers not in its cited sources: '19'",
        "has dates not in its cited sources: 'Friday'",
    )


def test_grounding_check_limits_headline_words_and_lines():
    sentence = "At least 18 people have died, officials said."
    assert check(sentence, [SOURCE], max_words=8) == ()
    assert check(sentence, [SOURCE], max_words=7) == ("has 8 words, more than 7",)
    assert check("At least 18 people\nhave died.", [SOURCE]) == ("spans several lines",)
    assert check("  ", [SOURCE]) == ("is empty",)


def test_grounding_uses_only_the_cited_articles():
    original = Cited("Three villages were flooded.", ("a",), "a", 0, 28)
    texts = {"a": "Three villages were flooded.", "b": "Four villages were flooded."}
    kept, reasons = ground(original, "Four villages were under water.", texts)
    assert kept == original and "'Four'" in reasons[0]
    cited_both = Cited("Three villages were flooded.", ("a", "b"), "a", 0, 28)
    rewritten, reasons = ground(cited_both, "Four villages were under water.", texts)
    assert reasons == () and rewritten.text == "Four villages were under water."


def test_grounding_ground_keeps_citations_and_span_either_way():
    original = Cited("At least 18 people have died.", ("a", "b"), "a", 0, 29)
    texts = {"a": SOURCE, "b": SOURCE}
    rewritten, reasons = ground(original, " At least 18   people are dead. ", texts)
    assert reasons == ()
    assert rewritten.text == "At least 18 people are dead." and rewritten.extract == original.text
    assert (rewritten.citations, rewritten.article, rewritten.start, rewritten.end) == (("a", "b"), "a", 0, 29)
    kept, reasons = ground(original, "At least 81 people are dead.", texts)
    assert kept == original and reasons
    same, reasons = ground(original, original.text, texts)
    assert same == original and same.extract is None and reasons == ()


def test_grounding_every_example_sentence_is_grounded_in_its_own_article(example_briefing):
    """The extractive sentences themselves always pass: the check finds in a
    text every claim of each of its sentences."""
    for article in example_briefing.articles:
        found = evidence([article.text])
        for sentence in re.split(r"(?<=[.!?])\s+", article.text):
            assert unsupported(sentence, found) == (), sentence


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def in_words(n: int) -> str:
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + (f"-{ONES[n % 10]}" if n % 10 else "")
    if n < 1000:
        return f"{ONES[n // 100]} hundred" + (f" and {in_words(n % 100)}" if n % 100 else "")
    for scale, name in ((1_000_000, "million"), (1000, "thousand")):
        if n >= scale:
            return f"{in_words(n // scale)} {name}" + (f" {in_words(n % scale)}" if n % scale else "")
    raise AssertionError(n)


@hypothesis_settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999))
def test_grounding_number_words_and_digits_normalise_alike(n):
    assert numbers(f"They counted {in_words(n)} sheep.") == [Decimal(n)]
    assert numbers(f"They counted {n:,} sheep.") == [Decimal(n)]
