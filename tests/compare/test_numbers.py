"""Numbers across articles: agreement and conflicts (triangulate.compare.numbers)."""

from __future__ import annotations

from dataclasses import replace

from triangulate.analyze.numbers import extract_quantities
from triangulate.compare.numbers import compare_numbers, holders_agree, interval
from triangulate.model import Article


def _quantities(nlp, *texts: tuple[str, str, str]):
    found = []
    for article_id, published, text in texts:
        article = Article(id=article_id, origin=article_id, text=text, published=published)
        found.extend(extract_quantities(article, nlp(text)))
    return found


def _group(groups, what):
    (group,) = [g for g in groups if g.what == what]
    return group


def test_numbers_same_value_is_agreement(nlp):
    quantities = _quantities(
        nlp,
        ("a", "2026-03-12", "The flood hit three villages downstream."),
        ("b", "2026-03-13", "Rescuers reached the three villages below the dam."),
    )
    group = _group(compare_numbers(quantities), "villages")
    assert (group.value, group.articles, group.conflict, group.note) == (3, ("a", "b"), False, None)


def test_numbers_different_counts_of_one_event_conflict_with_a_note(nlp):
    quantities = _quantities(
        nlp,
        ("wire", "2026-03-12", "At least 18 people have died, civil defence officials said on Thursday."),
        ("radio", "2026-03-14", "The toll rose to 21 on Friday, according to the Civil Defence Directorate."),
        ("paper", "2026-03-13", "According to the hospital director, 23 people were killed in the flood."),
    )
    group = _group(compare_numbers(quantities), "people killed")
    assert group.conflict
    assert [p.value for p in group.positions] == [18, 21, 23]
    assert "different time windows (dates in the text): 18 on 2026-03-12, 21 on 2026-03-13" in group.note
    assert "a moving count (rose to 21)" in group.note
    assert "bounds and estimates: at least 18" in group.note
    assert "different sources" in group.note and "the hospital director: 23" in group.note


def test_numbers_independence_groups_do_not_conflict_with_themselves(nlp):
    quantities = _quantities(
        nlp,
        ("wire", "2026-03-12", "About 2,500 people have been displaced."),
        ("reprint", "2026-03-12", "About 3,000 people have been displaced."),
    )
    assert _group(compare_numbers(quantities), "people displaced").conflict
    groups = {"wire": "g1", "reprint": "g1"}
    assert not _group(compare_numbers(quantities, groups=groups), "people displaced").conflict


def test_numbers_things_done_by_different_verbs_stay_apart(nlp):
    quantities = _quantities(
        nlp,
        ("a", "2026-03-13", "More than 1,200 soldiers and six helicopters had been deployed to the valley."),
        ("b", "2026-03-14", "Neighbouring Barakh sent two military helicopters on Friday."),
    )
    helicopters = [g for g in compare_numbers(quantities) if g.what.startswith("helicopters")]
    assert len(helicopters) == 2 and not any(g.conflict for g in helicopters)


def test_numbers_shares_are_grouped_by_holder(nlp):
    quantities = _quantities(
        nlp,
        ("a", "2026-09-21", "The commission put the DMV on 41.2 percent and the PSF on 36.9 percent."),
        ("b", "2026-09-24", "The Democratic Movement of Veland won with 39.8% and the People's Sovereignty Front "
                            "finished with 38.1%."),
    )
    conflicts = {tuple(sorted(p.value for p in g.positions)) for g in compare_numbers(quantities) if g.conflict}
    assert conflicts == {(39.8, 41.2), (36.9, 38.1)}


def test_numbers_two_sources_in_one_article_conflict(nlp):
    text = "The organisers said about 10,000 people took part; the police put the number at 4,000."
    group = _group(compare_numbers(_quantities(nlp, ("a", "2026-09-22", text))), "people")
    assert group.conflict
    assert "The organisers: about 10,000; the police: 4,000" in group.note


def test_numbers_a_count_from_another_episode_is_its_own_group(nlp):
    quantities = _quantities(
        nlp,
        ("a", "2026-03-12", "At least 18 people have died. Flash floods in 2009 killed nine people."),
        ("b", "2026-03-12", "Eighteen people lost their lives."),
    )
    whats = {g.what: g.conflict for g in compare_numbers(quantities)}
    assert whats == {"people killed": False, "people killed (2009)": False}


def test_numbers_intervals_from_qualifiers(nlp):
    (q,) = _quantities(nlp, ("a", "2026-03-12", "At least 18 people died."))
    assert interval(q) == (18, float("inf"))
    assert interval(replace(q, qualifier="about")) == (16.2, 19.8)
    assert interval(replace(q, qualifier="up to")) == (0, 18)


def test_numbers_holders_agree_on_nested_initials():
    assert holders_agree("DMV", "Democratic Movement of Veland")
    assert holders_agree("Sovereignty Front", "PSF")
    assert holders_agree(None, None)
    assert not holders_agree("DMV", "PSF")
    assert not holders_agree("DMV", None)


def test_numbers_same_quantity_in_other_words_is_one_group(nlp):
    quantities = _quantities(
        nlp,
        ("a", "2026-03-12", "About 1,200 UN peacekeepers are deployed in the south. About 900 US troops remain."),
        ("b", "2026-03-12", "The mission has 1,200 peacekeepers in the south. Some 900 American soldiers remain."),
        ("c", "2026-03-13", "Some 1,200 blue helmets patrol the south. The Pentagon said 900 troops would stay."),
    )
    groups = compare_numbers(quantities)
    assert [(g.value, g.articles, g.conflict) for g in groups] == [(1200, ("a", "b", "c"), False),
                                                                    (900, ("a", "b", "c"), False)]


def test_numbers_forces_of_two_countries_stay_apart(nlp):
    quantities = _quantities(
        nlp,
        ("a", "2026-03-12", "About 900 US troops remain at the base."),
        ("b", "2026-03-12", "About 300 British troops remain at the base."),
    )
    assert len(compare_numbers(quantities)) == 2


def test_numbers_listed_group_compared_across_time_windows(nlp):
    quantities = _quantities(
        nlp,
        ("a", "2026-03-20", "At least 14 miners and two rescuers have died in the past week, officials said."),
        ("b", "2026-03-20", "Seventeen miners have died since the collapse on March 3, the union said."),
    )
    groups = compare_numbers(quantities)
    miners = _group(groups, "miners killed")
    assert [p.value for p in miners.positions] == [14, 17] and miners.conflict
    assert "different time windows (as written): at least 14 in the past week; 17 since the collapse on March 3" \
        in miners.note
    assert [p.value for p in _group(groups, "rescuers killed").positions] == [2]


def test_numbers_magnitude_in_other_words_is_one_group(nlp):
    quantities = _quantities(
        nlp,
        ("a", "2026-05-11", "A magnitude 6.8 earthquake struck the coast on Sunday."),
        ("b", "2026-05-11", "The 6.8 quake was followed by a magnitude 5.2 aftershock."),
        ("c", "2026-05-12", "It measured magnitude 6.8, the institute said."),
    )
    sixes = [g for g in compare_numbers(quantities) if 6.8 in [p.value for p in g.positions]]
    assert len(sixes) == 1 and sixes[0].articles == ("a", "b", "c") and not sixes[0].conflict
    assert [p.value for p in sixes[0].positions] == [6.8]


def test_numbers_height_stated_with_a_copula_is_the_subjects(nlp):
    quantities = _quantities(
        nlp,
        ("a", "2026-03-12", "The 64-metre dam gave way on Tuesday."),
        ("b", "2026-03-13", "The dam was 64 metres high."),
    )
    (group,) = compare_numbers(quantities)
    assert group.articles == ("a", "b")
