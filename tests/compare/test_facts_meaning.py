"""Facts aligned by meaning: paraphrases are one fact, different people and
different times stay apart, and opposite claims clash only about the same
place and moment. Invented cases."""

from __future__ import annotations

from triangulate.analyze import analyze_doc
from triangulate.compare.facts import align_facts
from triangulate.meaning import embed_articles
from triangulate.model import Article


def _event(nlp, encoder, texts: dict[str, str], published: str | None = None):
    articles = [Article(id=k, origin=k, text=v, source=k, published=published) for k, v in texts.items()]
    analyzed = [analyze_doc(a, nlp(a.text)) for a in articles]
    meaning = embed_articles(encoder, analyzed)
    return analyzed, meaning


def test_facts_paraphrases_in_other_words_are_one_agreed_fact(nlp, encoder):
    analyzed, meaning = _event(nlp, encoder, {
        "a": "The rescue operation in the flooded valley has ended, the civil defence agency said.",
        "b": "Rescuers have finished their operation in the flooded valley, according to the civil defence agency.",
        "c": "The civil defence agency announced the end of the rescue operation in the flooded valley.",
        "d": "Farmers in the south of the country are worried about the price of fertiliser this spring.",
    })
    groups = {k: k for k in "abcd"}
    facts, _ = align_facts(analyzed, groups, meaning)
    rescue = [f for f in facts if "rescue" in f.text.lower() or "rescuers" in f.text.lower()]
    assert len(rescue) == 1, [f.text for f in rescue]
    assert set(rescue[0].articles) == {"a", "b", "c"} and rescue[0].status == "agreed"
    assert next(f for f in facts if "fertiliser" in f.text).status == "single-source"


def test_facts_same_words_about_different_people_stay_two_facts(nlp, encoder):
    analyzed, meaning = _event(nlp, encoder, {
        "a": "Interior minister Hamid Karimi resigned on Monday after the report was published.",
        "b": "Finance minister Lena Ostrova resigned on Monday after the report was published.",
    })
    facts, _ = align_facts(analyzed, {"a": "a", "b": "b"}, meaning)
    assert len(facts) == 2 and all(f.status == "single-source" for f in facts)


def test_facts_opposite_claims_years_apart_are_not_a_conflict(nlp, encoder):
    analyzed, meaning = _event(nlp, encoder, {
        "a": "The rescue teams withdrew from the valley in 2019 after the first flood had passed.",
        "b": "The rescue teams will remain in the valley this month to support the residents.",
    }, published="2026-03-20")
    _, conflicts = align_facts(analyzed, {"a": "a", "b": "b"}, meaning)
    assert conflicts == ()


def test_facts_opposite_claims_in_the_same_week_are_a_conflict(nlp, encoder):
    analyzed, meaning = _event(nlp, encoder, {
        "a": "All the rescue teams have left the valley, the ministry said on Monday.",
        "b": "The rescue teams will remain in the valley to support the residents, the governor said.",
    }, published="2026-03-20")
    facts, conflicts = align_facts(analyzed, {"a": "a", "b": "b"}, meaning)
    assert len(conflicts) == 1 and {p.articles for p in conflicts[0].positions} == {("a",), ("b",)}
    assert all(f.status == "disputed" for f in facts)


def test_facts_opposite_claims_about_different_places_are_not_a_conflict(nlp, encoder):
    analyzed, meaning = _event(nlp, encoder, {
        "a": "The engineers have left Mosul after the inspection, the ministry said.",
        "b": "The engineers will remain in Basra until the repairs are finished, the ministry said.",
    }, published="2026-03-20")
    _, conflicts = align_facts(analyzed, {"a": "a", "b": "b"}, meaning)
    assert conflicts == ()


def test_facts_without_the_sentence_model_fall_back_to_shared_words_and_say_so(nlp):
    from triangulate.meaning import Unavailable
    from triangulate.pipeline import build_briefing

    articles = [
        Article(id=k, origin=k, text=v, source=k)
        for k, v in {
            "a": "The rescue operation in the flooded valley has ended, the civil defence agency said.",
            "b": "Rescuers have finished their operation in the flooded valley, according to the agency.",
        }.items()
    ]
    analyzed = [analyze_doc(a, nlp(a.text)) for a in articles]
    briefing = build_briefing(articles, analyzed, encoder=Unavailable("torch could not start"))
    assert briefing.event.alignment == "lexical"
    assert any("shared words only" in w and "torch could not start" in w for w in briefing.event.warnings)
