"""Independence groups: wire copy, reprints and pasted paragraphs make one group;
shared quotes and short overlaps do not."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from triangulate.dedup import IndependenceGrouper, group_articles
from triangulate.model import Article

WIRE = """ORAVIK - Floodwater from the Seldra River broke through a levee south of Oravik on Monday night, forcing about 3,000 people from their homes, regional officials said on Tuesday.

The breach opened a gap of roughly 40 metres in the earth embankment near the village of Tessel, and water spread across farmland and into the lower streets of the town within two hours.

Regional governor Ilse Marwen said emergency crews had rescued 112 people from rooftops and cars, and that no deaths had been confirmed. "We are still searching the flooded farms," she said.

The levee was built in 1962 and last reinforced in 2004. Engineers from the national water board had recommended raising it by a metre in a report published two years ago, but the work was never funded.

Schools in Oravik will stay closed until Friday, and the regional railway has suspended services between Oravik and Breda while the tracks are inspected.

More rain is forecast for Wednesday, and the water board said it was pumping water from the river into storage basins upstream to lower the level before the next storm arrives."""

REPRINT = """Floodwater from the Seldra River broke through a levee south of Oravik on Monday night, forcing about 3,000 people from their homes, regional officials said on Tuesday.

The breach opened a gap of roughly 40 metres in the earth embankment near the village of Tessel, and water spread across farmland and into the lower streets of the town within two hours.

Regional governor Ilse Marwen said emergency crews had rescued 112 people from rooftops and cars, and that no deaths had been confirmed. "We are still searching the flooded farms," she said.

Volunteers from the Breda football club filled sandbags at the stadium on Tuesday morning and drove them to the villages along the river.

Schools in Oravik will stay closed until Friday, and the regional railway has halted trains between Oravik and Breda while the tracks are inspected."""

INDEPENDENT = """Residents of Tessel spent Tuesday wading through knee-deep water to rescue what they could from their houses, a day after the Seldra burst its banks.

"I have lived here for 41 years and I have never seen the river like this," said Piet Alders, a retired baker, standing on the steps of the church. Most of his ground floor was under water.

The regional government has opened three shelters in Oravik. Officials put the number of people who left their homes at around 3,000, most of them from Tessel and the farms around it.

Critics say the disaster was foreseeable. A water board study two years ago warned that the embankment was too low, and opposition councillors have asked why nothing was done."""

QUOTE = (
    '"We will rebuild every home, every school and every road that the river took from us, and we will not '
    'stop until the last family is back under its own roof," the prime minister said on Tuesday.'
)

OTHER = """The prime minister flew over the flooded valley by helicopter on Tuesday and promised emergency money for farmers whose crops were destroyed.

Farm unions estimate that 9,000 hectares of wheat and sugar beet are under water, and that losses could pass 30 million crowns if the fields stay flooded for more than a week."""


def _article(id: str, text: str) -> Article:
    return Article(id=id, origin=id, text=text)


def test_independence_reprint_with_edits_is_one_group():
    grouper = IndependenceGrouper().fit([_article("wire", WIRE), _article("reprint", REPRINT), _article("local", INDEPENDENT)])
    assert grouper.groups_ == {"local": "local", "reprint": "reprint", "wire": "reprint"}
    assert grouper.pairs_ == (("reprint", "wire"),)


def test_independence_group_id_is_the_smallest_member_id():
    grouper = group_articles([_article("zeta-wire", WIRE), _article("alpha-reprint", REPRINT)])
    assert set(grouper.groups_.values()) == {"alpha-reprint"}


def test_independence_passages_point_into_the_cleaned_text():
    articles = {a.id: a for a in (_article("wire", WIRE), _article("reprint", REPRINT))}
    grouper = IndependenceGrouper().fit(articles.values())
    assert grouper.passages_
    for passage in grouper.passages_:
        assert passage.articles == ("reprint", "wire")
        for article_id, span in zip(passage.articles, passage.spans):
            assert articles[article_id].text[span.start : span.end] == span.text
        assert passage.words >= 15
    first = grouper.passages_[0]
    assert first.spans[0].text.startswith("Floodwater from the Seldra River")
    # "suspended services" became "halted trains": the last sentence is still one passage
    assert any("while the tracks are inspected" in p.spans[1].text for p in grouper.passages_)


def test_independence_quoted_text_alone_does_not_make_articles_dependent():
    a = _article("a", INDEPENDENT + "\n\n" + QUOTE)
    b = _article("b", OTHER + "\n\n" + QUOTE)
    grouper = IndependenceGrouper().fit([a, b])
    assert grouper.groups_ == {"a": "a", "b": "b"}
    assert grouper.passages_ == ()


def test_independence_one_shared_sentence_is_too_short():
    sentence = "Schools in Oravik will stay closed until Friday, the regional education office said."
    grouper = IndependenceGrouper().fit([_article("a", INDEPENDENT + "\n\n" + sentence), _article("b", OTHER + "\n\n" + sentence)])
    assert grouper.groups_ == {"a": "a", "b": "b"}


def test_independence_pasted_paragraphs_inside_a_longer_story_count():
    paragraphs = WIRE.split("\n\n")
    pasted = "\n\n".join([INDEPENDENT, paragraphs[3], OTHER, paragraphs[4]])
    grouper = IndependenceGrouper().fit([_article("wire", WIRE), _article("feature", pasted)])
    assert grouper.groups_["feature"] == grouper.groups_["wire"]


def test_independence_rejects_repeated_ids():
    with pytest.raises(ValueError, match="unique"):
        IndependenceGrouper().fit([_article("a", WIRE), _article("a", REPRINT)])


def test_independence_constructor_only_stores_parameters():
    grouper = IndependenceGrouper(min_shared_words=40, seed=7)
    assert grouper.min_shared_words == 40 and grouper.seed == 7
    assert not hasattr(grouper, "groups_")


def test_independence_empty_and_tiny_inputs():
    assert IndependenceGrouper().fit([]).groups_ == {}
    grouper = IndependenceGrouper().fit([_article("a", ""), _article("b", "Short.")])
    assert grouper.groups_ == {"a": "a", "b": "b"} and grouper.candidates_ == 0


def test_independence_candidates_are_not_all_pairs():
    rng = random.Random(3)
    vocabulary = [f"w{i}" for i in range(3000)]
    articles = [
        _article(f"n{i:03}", " ".join(" ".join(rng.choices(vocabulary, k=20)) + "." for _ in range(8)))
        for i in range(120)
    ]
    articles.append(_article("copy", articles[5].text))
    grouper = IndependenceGrouper(seed=1).fit(articles)
    assert grouper.candidates_ < 50  # of 7,260 pairs
    assert grouper.pairs_ == (("copy", "n005"),)


FEATURE = """Oravik has flooded before. In 1953 the Seldra rose so fast that the old market hall was swept away, and the town built the levee that failed this week a decade later.

Historians at the town museum say the lesson of 1953 was that a river remembers its old bed."""

ARTICLES = [
    _article("wire", WIRE),
    _article("reprint", REPRINT),
    _article("other", OTHER + "\n\n" + QUOTE),
    _article("quoted", INDEPENDENT + "\n\n" + QUOTE),
    _article("feature", "\n\n".join([FEATURE, WIRE.split("\n\n")[3], WIRE.split("\n\n")[5]])),
]


@hypothesis_settings(max_examples=25, deadline=None)
@given(st.permutations(ARTICLES), st.integers(min_value=0, max_value=2**16))
def test_independence_is_order_independent(articles, seed):
    reference = IndependenceGrouper(seed=seed).fit(ARTICLES)
    shuffled = IndependenceGrouper(seed=seed).fit(articles)
    assert shuffled.groups_ == reference.groups_
    assert shuffled.passages_ == reference.passages_
    assert reference.groups_["feature"] == reference.groups_["wire"] == reference.groups_["reprint"]
    assert reference.groups_["quoted"] == "quoted" and reference.groups_["other"] == "other"


def test_independence_example_wire_story_and_its_reprint(example_briefing):
    groups = example_briefing.groups
    assert groups["mpa-wire"] == groups["almar-herald"] == "almar-herald"
    others = [a.id for a in example_briefing.articles if a.id not in ("mpa-wire", "almar-herald")]
    assert all(groups[i] == i for i in others)
    texts = {a.id: a.text for a in example_briefing.articles}
    assert example_briefing.shared
    for passage in example_briefing.shared:
        assert set(passage.articles) == {"mpa-wire", "almar-herald"}
        for article_id, span in zip(passage.articles, passage.spans):
            assert texts[article_id][span.start : span.end] == span.text
