"""The extractive briefing: budgets, citations, quotation units, the headline."""

from __future__ import annotations

import pytest

from triangulate.analyze import analyze_articles
from triangulate.model import Article
from triangulate.settings import Settings
from triangulate.summarize import summarize


def _analyze(nlp, texts: dict[str, str]):
    return list(analyze_articles([Article(id=k, origin=k, text=v) for k, v in texts.items()], nlp))


def _brief(nlp, texts: dict[str, str], **settings):
    analyzed = _analyze(nlp, texts)
    return analyzed, *summarize(analyzed, {a.id: a.id for a in analyzed}, Settings(**settings))


FERRY = {
    "wire": (
        "Ferry crews in Port Selby went on strike on Tuesday, halting all sailings to the Marrow Islands.\n\n"
        "The union says its crews earn less than workers on the mainland routes.\n\n"
        "About 3,000 people use the ferries every day, the operator said.\n\n"
        '"We have asked for fairness for two years. Nobody listened," union leader Petra Odde said.\n\n'
        "The operator called the strike unlawful and said it would go to court."
    ),
    "daily": (
        "Thousands of island residents could not reach work on Tuesday after ferry crews in Port Selby went on strike.\n\n"
        "The crews want the same pay as workers on the mainland routes.\n\n"
        "The ferries carry about 3,000 people every day.\n\n"
        "The strike is planned to last 48 hours."
    ),
}


def test_extractive_every_sentence_cites_its_own_article_first(nlp):
    analyzed, headline, summary = _brief(nlp, FERRY, summary_sentences=4)
    texts = {a.id: a.article.text for a in analyzed}
    for item in (headline, *summary):
        assert item.citations[0] == item.article
        assert len(set(item.citations)) == len(item.citations)
        assert texts[item.article][item.start : item.end] == item.text


def test_extractive_word_budget_is_respected(nlp):
    for words in (12, 30, 60):
        _, _, summary = _brief(nlp, FERRY, summary_words=words)
        assert sum(len(c.text.split()) for c in summary) <= words


def test_extractive_sentence_budget_is_respected(nlp):
    _, _, summary = _brief(nlp, FERRY, summary_sentences=2)
    assert len(summary) == 2


def test_extractive_briefing_is_in_reading_order(nlp):
    analyzed, _, summary = _brief(nlp, FERRY, summary_sentences=5)
    share = {}
    for article in analyzed:
        for s in article.sentences:
            share[(article.id, s.start)] = s.index / max(1, len(article.sentences) - 1)
    keys = [share[(c.article, c.start)] for c in summary]
    assert keys == sorted(keys)


def test_extractive_quotation_over_two_sentences_is_one_unit(nlp):
    analyzed, _, summary = _brief(nlp, FERRY, summary_sentences=6)
    texts = {a.id: a.article.text for a in analyzed}
    quoted = [c for c in summary if c.text.startswith('"We have asked')]
    assert quoted, [c.text for c in summary]
    assert quoted[0].text.endswith("union leader Petra Odde said.")
    assert texts["wire"][quoted[0].start : quoted[0].end] == quoted[0].text
    assert not any(c.text == '"We have asked for fairness for two years.' for c in summary)


def test_extractive_support_needs_the_same_numbers(nlp):
    analyzed = _analyze(nlp, {
        "a": "Rescue teams recovered six more bodies from the mud in Deir Nakhla on Wednesday.",
        "b": "Rescue teams recovered three more bodies from the mud in Deir Nakhla on Wednesday.",
        "c": "Rescue teams recovered 6 more bodies from the mud in Deir Nakhla on Wednesday.",
    })
    _, summary = summarize(analyzed, {a.id: a.id for a in analyzed}, Settings(summary_sentences=3))
    first = next(c for c in summary if c.article == "a")
    assert first.citations == ("a", "c")  # "6" is "six"; "three" is another fact


FERRANT = (
    '"Parliament, not this court, answers to the voters for the safety of their streets. The majority '
    'forgets that the victims of crime have rights too," Justice Paul Ferrant wrote.'
)

#: Article "b" lacks one part of what "a" states; "c" states all of it in other words.
PARTLY_SUPPORTED = {
    "the day": {
        "a": "The council voted on Monday to close the Harlow Street Bridge for three months of repairs.",
        "b": "The council voted on Friday to close the Harlow Street Bridge for three months of repairs.",
        "c": "On Monday the council voted to close the Harlow Street Bridge for three months of repairs.",
    },
    "the speaker": {
        "a": "Mayor Marit Oskarsen said many residents of the Old Harbour had received no warning before the wave.",
        "b": "Residents told reporters that many people in the Old Harbour had received no warning before the wave.",
        "c": "Many residents of the Old Harbour had received no warning before the wave, Oskarsen said on Monday.",
    },
    "the same quotation, worded differently": {
        "a": '"One way or the other, we have to do it," the governor told reporters at the harbour on Monday.',
        "b": '"We are going to do it one way or the other," the governor told reporters at the harbour on Monday.',
        "c": 'The governor told reporters at the harbour on Monday: "One way or the other, we have to do it."',
    },
    "the second sentence of a quotation": {
        "a": FERRANT,
        "b": '"Parliament, not this court, answers to the voters for the safety of their streets," '
        "Justice Paul Ferrant wrote in his dissent.",
        "c": FERRANT.replace("Justice Paul Ferrant wrote", "wrote Justice Paul Ferrant, for the minority"),
    },
}


@pytest.mark.parametrize("texts", PARTLY_SUPPORTED.values(), ids=PARTLY_SUPPORTED.keys())
def test_extractive_support_needs_all_of_the_sentence(nlp, texts):
    analyzed = _analyze(nlp, texts)
    _, summary = summarize(analyzed, {a.id: a.id for a in analyzed}, Settings(summary_sentences=3))
    assert next(c for c in summary if c.article == "a").citations == ("a", "c")


def test_extractive_headline_has_at_most_40_words_when_every_lede_is_longer(nlp):
    long_lede = (
        "The regional council of Aldenmoor, after a long and often bitter debate that lasted well into the night "
        "and drew hundreds of residents to the town hall, voted on Thursday to ban the use of garden hoses for the "
        "rest of the summer because the reservoirs are nearly empty."
    )
    assert len(long_lede.split()) > 40
    _, headline, _ = _brief(nlp, {
        "a": long_lede + "\n\nReservoir levels have fallen to 38 percent, the water board said on Thursday.",
        "b": long_lede + "\n\nFarmers are exempt from the ban on garden hoses, the council said.",
    })
    assert headline is not None
    assert len(headline.text.split()) <= 40


def test_extractive_headline_is_a_lede_that_names_the_place(nlp):
    analyzed, headline, _ = _brief(nlp, FERRY)
    ledes = {a.id: a.sentences[0].start for a in analyzed}
    assert headline.start == ledes[headline.article]
    assert "Port Selby" in headline.text


def test_extractive_no_sentences_no_briefing(nlp):
    analyzed = _analyze(nlp, {"a": "Advertisement"})
    headline, summary = summarize(analyzed, {"a": "a"}, Settings())
    assert headline is None and summary == ()


def test_extractive_sentence_too_thin_to_recognise_cites_its_own_article_only(nlp):
    """Two shared content words ("make", "fun") are too few to tell one statement
    from another ("I made up" / "she made"): only the own article is cited."""
    analyzed = _analyze(nlp, {
        "a": "Was it just something that I made up for fun?",
        "b": "Was it something she made for fun?",
    })
    _, summary = summarize(analyzed, {a.id: a.id for a in analyzed}, Settings(summary_sentences=2))
    assert all(c.citations == (c.article,) for c in summary)


def test_extractive_support_thresholds_come_from_settings(nlp):
    analyzed = _analyze(nlp, PARTLY_SUPPORTED["the day"])
    groups = {a.id: a.id for a in analyzed}
    _, default = summarize(analyzed, groups, Settings(summary_sentences=3))
    _, strict = summarize(analyzed, groups, Settings(summary_sentences=3, support_min=1.0))
    assert next(c for c in default if c.article == "a").citations == ("a", "c")
    assert next(c for c in strict if c.article == "a").citations == ("a",)  # "c" is close, not identical


@pytest.mark.parametrize("name", ["support_min", "support_cover", "fact_min", "meaning_min"])
@pytest.mark.parametrize("value", [0.0, -0.2, 1.5])
def test_extractive_settings_threshold_outside_zero_one_is_a_usage_error(name, value):
    from triangulate.errors import UsageError

    with pytest.raises(UsageError, match=name.replace("_", " ")):
        Settings(**{name: value})
