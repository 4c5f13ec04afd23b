"""Dates resolved against the publication date (triangulate.analyze.dates)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triangulate.analyze.dates import extract_dated_events, find_dates, resolve_weekday
from triangulate.model import Article

THURSDAY = "2026-03-12"


def _dates(text: str, published: str | None = THURSDAY) -> list[tuple[str, str]]:
    return [(m.text, m.date) for m in find_dates(text, published)]


def test_dates_weekday_is_the_most_recent_on_or_before_publication():
    thursday = dt.date(2026, 3, 12)
    assert resolve_weekday(3, thursday) == thursday  # "on Thursday" in Thursday's paper: that day
    assert resolve_weekday(1, thursday) == dt.date(2026, 3, 10)
    assert resolve_weekday(4, thursday) == dt.date(2026, 3, 6)  # never a Friday still to come
    assert resolve_weekday(5, thursday, future=True) == dt.date(2026, 3, 14)


def test_dates_weekday_expressions_and_the_basis_says_so():
    (mention,) = find_dates("The dam burst late on Tuesday night.", THURSDAY)
    assert (mention.text, mention.date) == ("late on Tuesday night", "2026-03-10")
    assert "news convention" in mention.basis
    assert _dates("Since Wednesday they have been reading out names.") == [("Wednesday", "2026-03-11")]


def test_dates_future_verb_looks_forward(nlp):
    text = "The commission is due to hold its first session on Saturday."
    article = Article(id="a", origin="a", text=text, published="2026-03-13")
    (event,) = extract_dated_events(article, nlp(text))
    assert event.date == "2026-03-14"
    assert "future" in event.expression.basis


def test_dates_month_without_year_is_the_most_recent_past_one():
    assert _dates("We documented the cracks in July.") == [("July", "2025-07")]
    assert _dates("Heavy rain has fallen since March 2.") == [("March 2", "2026-03-02")]
    assert _dates("The report is dated July 14.") == [("July 14", "2025-07-14")]
    assert _dates("She left the unit last November.") == [("last November", "2025-11")]
    assert _dates("Rain began in March.") == [("March", "2026-03")]


def test_dates_month_with_a_future_verb_is_the_next_one():
    assert _dates("The commission's answer is due in May.") == [("May", "2026-05")]
    assert _dates("Schools will stay closed until at least April 1.") == [("April 1", "2026-04-01")]


def test_dates_relative_periods():
    assert _dates("Spending was cut last year.") == [("last year", "2025")]
    assert _dates("Earlier this month, the authority said the reservoir was full.") == [
        ("Earlier this month", "2026-03")]
    assert _dates("He arrived yesterday and leaves tomorrow.") == [("yesterday", "2026-03-11"),
                                                                   ("tomorrow", "2026-03-13")]
    assert _dates("The law was passed in March last year.") == [("March last year", "2025-03")]
    assert _dates("The quake struck three days ago.") == [("three days ago", "2026-03-09")]


def test_dates_absolute_dates_and_years():
    assert _dates("Published on 12 March 2026 and updated on March 13, 2026.") == [
        ("12 March 2026", "2026-03-12"), ("March 13, 2026", "2026-03-13")]
    assert _dates("Friday, 13 March 2026") == [("Friday, 13 March 2026", "2026-03-13")]
    assert _dates("The dam was completed in 1987.") == [("1987", "1987")]
    assert _dates("An ISO date: 2026-03-12.") == [("2026-03-12", "2026-03-12")]


def test_dates_without_publication_date_only_absolute_dates_resolve():
    assert _dates("On Thursday, in July, and on 12 March 2026.", None) == [("12 March 2026", "2026-03-12")]


def test_dates_assumed_publication_date_is_said(nlp):
    text = "The court ruled on Wednesday."
    article = Article(id="a", origin="a", text=text, published=None)
    (event,) = extract_dated_events(article, nlp(text), assume_published="2026-10-15")
    assert event.date == "2026-10-14"
    assert "2026-10-15 was assumed" in event.expression.basis


def test_dates_may_the_verb_is_not_a_month():
    assert _dates("Officials may visit later. They met in May.") == [("May", "2025-05")]


def test_dates_events_give_the_clause_they_date(nlp):
    text = ("At least 18 people have died after the Kessra Dam burst on Tuesday night, "
            "civil defence officials said on Thursday.")
    article = Article(id="a", origin="a", text=text, published=THURSDAY)
    events = extract_dated_events(article, nlp(text))
    assert [(e.date, e.text) for e in events] == [
        ("2026-03-10", "after the Kessra Dam burst on Tuesday night"),
        ("2026-03-12", "civil defence officials said on Thursday."),
    ]
    assert events[0].lemmas == ("kessra", "dam", "burst")


@pytest.mark.parametrize("published", ["2026-03-12", "2026-03-15", "2026-01-02"])
def test_dates_weekdays_never_resolve_after_publication(published):
    base = dt.date.fromisoformat(published)
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        (mention,) = find_dates(f"It happened on {name}.", published)
        day = dt.date.fromisoformat(mention.date)
        assert base - dt.timedelta(days=6) <= day <= base


_SENTENCES = st.sampled_from([
    "The dam burst late on Tuesday night.",
    "Rain has fallen since March 2, officials said on Thursday.",
    "The commission is due to meet on Saturday.",
    "She wrote the report in July last year.",
    "The dam, completed in 1987, is 64 metres high.",
    "Earlier this month the reservoir was full.",
    "Schools will stay closed until at least April 1.",
])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_SENTENCES, min_size=1, max_size=5), st.sampled_from([" ", "\n\n"]))
def test_dates_every_extracted_span_is_the_text_at_its_offsets(nlp, sentences, glue):
    text = glue.join(sentences)
    article = Article(id="a", origin="a", text=text, published=THURSDAY)
    for event in extract_dated_events(article, nlp(text)):
        assert 0 <= event.start < event.end <= len(text)
        assert text[event.start:event.end] == event.text
        mention = event.expression
        assert text[mention.start:mention.end] == mention.text
        assert event.start <= mention.start and mention.end <= event.end
        assert len(event.date) in (4, 7, 10)
