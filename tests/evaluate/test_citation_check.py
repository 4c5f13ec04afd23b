"""The window citation check (evaluate/citation_check.py) on tiny invented texts:
each rule of its docstring lets a true citation through and stops one that lacks
what the rule asks for."""

from __future__ import annotations

import pytest

from triangulate.evaluate.citation_check import check_window, needs, split_sentences

pytest.importorskip("nltk")
pytest.importorskip("sumy")

ARTICLE = (
    "Officials in Varenna said on Wednesday that the storm had passed. "
    "At least eighteen people were killed when the Orsa Bridge collapsed on Tuesday night, "
    "the regional governor, Mr. Tomas Elling, told reporters. "
    "\"We will rebuild it within two years,\" Elling said. "
    "The bridge, opened in 1964, carried 2.5 million cars a year.\n"
    "Schools will not reopen this week."
)


def test_citation_check_split_sentences_keeps_abbreviations_and_breaks_lines():
    sentences = split_sentences("Mr. Elling met Sen. Ruiz in the U.S. capital. \"It held,\" he said. Next.\nA line")
    assert sentences == ["Mr. Elling met Sen. Ruiz in the U.S. capital.", "\"It held,\" he said.", "Next.", "A line"]


def test_citation_check_needs_reads_numbers_names_quotes_and_negation():
    need = needs("Three of the 1,200 guards told Gov. Ana Ruiz's staff \"we were not paid\" in 2.5 million words.")
    assert need.numbers == {3.0, 1200.0, 2_500_000.0}
    assert {"ana", "ruiz"} <= need.names and not {"gov", "three"} & need.names
    assert need.quoted == {"we", "were", "not", "paid"}
    assert need.negated


def test_citation_check_a_title_is_not_a_name():
    assert "mr" not in needs("Mr. Elling said the Orsa Bridge would reopen.").names
    verdict = check_window("Mr. Elling told reporters that at least 18 people were killed when the Orsa Bridge collapsed.",
                           ARTICLE)
    assert verdict.supported, verdict.missing


def test_citation_check_a_number_before_a_comma_or_full_stop_is_read():
    assert needs("The report is dated July 14, she said, and cost 2,500.").numbers == {14.0, 2500.0}
    assert needs("The report is dated July 14, she said.").quoted == frozenset()


def test_citation_check_the_word_one_asks_for_no_number():
    assert needs("One of the firefighters was hurt.").numbers == frozenset()


def test_citation_check_supports_a_paraphrase_with_number_words_across_two_sentences():
    verdict = check_window("The Orsa Bridge collapsed on Tuesday night, killing at least 18 people, Elling said.", ARTICLE)
    assert verdict.supported, verdict.missing
    assert "eighteen" in verdict.window


def test_citation_check_rejects_a_different_number():
    verdict = check_window("At least 19 people were killed when the Orsa Bridge collapsed on Tuesday night.", ARTICLE)
    assert not verdict.supported
    assert "numbers 19" in verdict.missing


def test_citation_check_rejects_a_name_the_article_never_gives():
    verdict = check_window("At least 18 people were killed when the Orsa Bridge collapsed, Mayor Petra Kolm said.",
                           ARTICLE)
    assert not verdict.supported
    assert "kolm" in verdict.missing and "petra" in verdict.missing


def test_citation_check_asks_for_every_quoted_word():
    assert check_window("\"We will rebuild it within two years,\" Elling said.", ARTICLE).supported
    verdict = check_window("\"We will rebuild it stronger within two years,\" Elling said.", ARTICLE)
    assert not verdict.supported
    assert "quoted words stronger" in verdict.missing


def test_citation_check_asks_for_the_negation():
    assert check_window("Schools will not reopen this week.", ARTICLE).supported
    verdict = check_window("Schools will reopen this week.", "Schools will not reopen this week.")
    assert verdict.supported  # the article says more than the sentence: not this rule's concern
    verdict = check_window("Schools will not reopen this week.", "Schools will reopen this week.")
    assert not verdict.supported and "negation" in verdict.missing


def test_citation_check_rejects_a_window_sharing_the_subject_but_not_the_point():
    verdict = check_window("The Orsa Bridge was closed for repairs and inspected by engineers in 1964.", ARTICLE)
    assert not verdict.supported
    assert "content stems" in verdict.missing


def test_citation_check_a_window_is_at_most_three_sentences():
    far = "Ruiz spoke first. Filler one here. Filler two here. Filler three here. Then 40 boats sank."
    assert not check_window("Ruiz said 40 boats sank.", far).supported
    near = "Ruiz spoke first. Then 40 boats sank."
    assert check_window("Ruiz said 40 boats sank.", near).supported


def test_citation_check_an_empty_article_supports_nothing():
    verdict = check_window("At least 18 people were killed.", "")
    assert not verdict.supported and verdict.missing == "the cited text has no sentences"
