"""Facts, claim conflicts and coverage on the example and on hand-built cases."""

from __future__ import annotations

import json

import pytest

from triangulate.analyze import analyze_doc
from triangulate.compare.facts import align_facts, mark_disputed
from triangulate.evaluate.facts import status_accuracy
from triangulate.model import Article


def _analyzed(nlp, texts: dict[str, str], sources: dict[str, str] | None = None):
    articles = [Article(id=k, origin=k, text=v, source=(sources or {}).get(k, k)) for k, v in texts.items()]
    return articles, [analyze_doc(a, nlp(a.text)) for a in articles]


def test_facts_same_statement_in_other_words_is_one_agreed_fact(nlp):
    _, analyzed = _analyzed(nlp, {
        "a": "The city council approved the new harbour budget on Monday after a long debate.",
        "b": "After a long debate on Monday, the new harbour budget was approved by the city council.",
        "c": "Fishermen said the storm had damaged dozens of boats in the old port.",
    })
    facts, conflicts = align_facts(analyzed, {"a": "a", "b": "b", "c": "c"})
    budget = next(f for f in facts if "budget" in f.text)
    assert set(budget.articles) == {"a", "b"} and budget.status == "agreed"
    assert next(f for f in facts if "storm" in f.text).status == "single-source"
    assert conflicts == ()


def test_facts_alignment_threshold_is_a_parameter(nlp):
    _, analyzed = _analyzed(nlp, {
        "a": "The city council approved the new harbour budget on Monday after a long debate.",
        "b": "After a long debate on Monday, the new harbour budget was approved by the city council.",
    })
    groups = {"a": "a", "b": "b"}
    default, _ = align_facts(analyzed, groups)
    strict, _ = align_facts(analyzed, groups, fact_min=1.0)
    assert len(default) == 1 and len(strict) == 2  # the paraphrase is one fact only at the calibrated bar


def test_facts_copies_in_one_independence_group_are_a_single_source(nlp):
    text = "The city council approved the new harbour budget on Monday after a long debate."
    _, analyzed = _analyzed(nlp, {"wire": text, "reprint": text})
    facts, _ = align_facts(analyzed, {"wire": "wire", "reprint": "wire"})
    assert facts[0].groups == ("wire",) and facts[0].status == "single-source"


def test_facts_opposite_outcomes_for_the_same_actor_are_a_claim_conflict(nlp):
    _, analyzed = _analyzed(nlp, {
        "a": "The troops will remain in the valley until every family has been rehoused, the general said.",
        "b": "Army units began withdrawing from the valley on Saturday morning, residents said.",
    })
    facts, conflicts = align_facts(analyzed, {"a": "a", "b": "b"})
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.kind == "claim" and "remain" in conflict.about and "withdraw" in conflict.about
    assert {p.articles for p in conflict.positions} == {("a",), ("b",)}
    assert all(f.status == "disputed" for f in facts)


def test_facts_denial_of_the_same_claim_is_a_conflict(nlp):
    _, analyzed = _analyzed(nlp, {
        "a": "The ministry received the engineers' report about the cracks in July.",
        "b": "The ministry never received any report about cracks in the dam, the minister said.",
    })
    _, conflicts = align_facts(analyzed, {"a": "a", "b": "b"})
    assert len(conflicts) == 1 and "or not" in conflicts[0].about


def test_facts_mark_disputed_when_its_sources_give_different_numbers(nlp):
    _, analyzed = _analyzed(nlp, {
        "a": "At least 18 people died in the flood, officials said on Thursday.",
        "b": "At least 23 people died in the flood, officials said on Thursday.",
    })
    facts, _ = align_facts(analyzed, {"a": "a", "b": "b"})
    assert len(facts) == 1 and set(facts[0].articles) == {"a", "b"}

    def where(article, value):
        s = next(s for s in facts[0].statements if s.article == article)
        at = s.text.index(value)
        return ((article, s.start + at, s.start + at + len(value)),)

    marked = mark_disputed(facts, [(where("a", "18"), where("b", "23"))])
    assert marked[0].status == "disputed"
    unmarked = mark_disputed(facts, [(where("a", "18"), (("c", 0, 2),))])
    assert unmarked[0].status == "agreed"


def test_facts_statements_trace_to_article_text(example_briefing):
    texts = {a.id: a.text for a in example_briefing.articles}
    assert example_briefing.facts
    for fact in example_briefing.facts:
        assert fact.statements[0].text == fact.text
        for s in fact.statements:
            assert texts[s.article][s.start : s.end] == s.text
    for conflict in example_briefing.conflicts:
        for position in conflict.positions:
            for s in position.statements:
                assert texts[s.article][s.start : s.end] == s.text


def test_facts_example_troop_dispute_is_found(example_briefing):
    about = [c.about for c in example_briefing.conflicts if c.kind == "claim"]
    assert any("remain" in a and "withdraw" in a for a in about), about


def test_coverage_has_one_row_per_outlet_with_blind_spots(example_briefing):
    rows = example_briefing.coverage
    assert len(rows) == len({a.source for a in example_briefing.articles})
    facts = example_briefing.facts
    for row in rows:
        for n in row.missing:
            assert not set(row.articles) & set(facts[n].articles)
            assert len(facts[n].groups) >= 2
        for n in row.reported:
            assert set(row.articles) & set(facts[n].articles)


def test_coverage_shows_the_words_outlets_chose_for_the_crowd(example_briefing):
    words = {w.text.lower() for row in example_briefing.coverage for w in row.wordings}
    assert {"a mob", "protesters", "angry residents"} <= words


@pytest.mark.parametrize("event", ["kessra-dam", "harbour-quake", "veland-election", "court-ruling"])
def test_quality_gate_fact_status(event, root, settings):
    """Fact-status accuracy on the project's gold events stays above its floor."""
    from triangulate.pipeline import brief

    folder = root / "examples" / event if event == "kessra-dam" else root / "tests" / "fixtures" / "events" / event
    gold = json.loads((root / "tests" / "fixtures" / "gold" / f"{event}.json").read_text())
    floor = json.loads((root / "bench" / "floors.json").read_text())["facts"]["status_accuracy"]
    accuracy, misses = status_accuracy(gold["facts"], brief([str(folder)], settings).facts)
    assert accuracy >= floor, misses
