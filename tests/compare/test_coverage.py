"""The words outlets chose for the same actors: grouped by what the actors
did, labelled in plain words, and only for people. Invented cases."""

from __future__ import annotations

from triangulate.analyze import analyze_doc
from triangulate.compare.coverage import coverage
from triangulate.model import Article


def _rows(nlp, texts: dict[str, str]):
    articles = [Article(id=k, origin=k, text=v, source=k) for k, v in texts.items()]
    analyzed = [analyze_doc(a, nlp(a.text)) for a in articles]
    return coverage(articles, analyzed, ())


def test_coverage_framing_is_labelled_by_what_the_actors_did(nlp):
    rows = _rows(nlp, {
        "a": "On Thursday angry residents blocked the minister's convoy on the main road into town.",
        "b": "On Thursday a mob blocked the minister's convoy on the main road into town.",
    })
    wordings = {w.text: w.about for row in rows for w in row.wordings}
    assert set(wordings) == {"angry residents", "a mob"}
    # at most LABEL_WORDS (8) words of what they did
    assert set(wordings.values()) == {"those who blocked the minister's convoy on the main road"}


def test_coverage_things_are_not_a_framing_difference(nlp):
    rows = _rows(nlp, {
        "a": "By the afternoon organisers had left for the flooded city with food and blankets.",
        "b": "By the afternoon helicopters had left for the flooded city with food and blankets.",
    })
    assert not any(row.wordings for row in rows)
