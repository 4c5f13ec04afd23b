"""The held-out scorer's pure functions on a tiny invented event: locating
anchors, the scorer's own sentence split, and every score on a hand-made
system output whose right answers are counted by hand below."""

from __future__ import annotations

import json

import pytest

from triangulate.evaluate.truth import (
    SystemFact,
    SystemNumber,
    SystemView,
    check_anchors,
    locate,
    read_truth,
    renamed,
    score_event,
    sentence_spans,
    total,
)

TEXTS = {
    "a": 'The rescue operation has ended. Officials said 40 engineers remain at the dam. '
         'Chief Adler said: "We are done here."',
    "b": 'Rescuers have finished their operation. About 40 engineers stay at the dam site. '
         'The teams will stay in the valley. Adler said: "We are done here and going home."',
    "c": "Mayor Lund said the operation is over. All teams have left the valley.\nPhoto: Valley Post",
}

GOLD = {
    "event": "tiny",
    "articles": {
        "a": {"path": "x/a", "outlet": "Kessra Wire", "outlet_evidence": None},
        "b": {"path": "x/b", "outlet": None, "outlet_evidence": None},
        "c": {"path": "x/c", "outlet": "Valley Post", "outlet_evidence": "Photo: Valley Post"},
    },
    "wire_groups": [],
    "facts": [
        {"id": "f1", "text": "The operation is over.", "status": "agreed",
         "anchors": {"a": "The rescue operation has ended", "b": "Rescuers have finished their operation",
                     "c": "the operation is over"}},
        {"id": "f2", "text": "Forty engineers stay at the dam.", "status": "agreed",
         "anchors": {"a": "40 engineers remain at the dam", "b": "About 40 engineers stay"}},
        {"id": "f3", "text": "Every team has gone.", "status": "single-source",
         "anchors": {"c": "All teams have left the valley"}},
    ],
    "quotes": [{"speaker": "Adler", "variants": [
        {"article": "a", "anchor": "We are done here", "adds": None},
        {"article": "b", "anchor": "We are done here and going home", "adds": "and going home"}]}],
    "numbers": [{"what": "engineers at the dam", "conflict": False, "why": "same",
                 "values": [{"article": "a", "value": 40, "anchor": "40 engineers remain at the dam"},
                            {"article": "b", "value": 40, "anchor": "About 40 engineers stay"}]}],
    "claim_conflicts": [
        {"about": "teams", "conflict": True, "why": "stay or left",
         "positions": [{"article": "b", "anchor": "The teams will stay in the valley"},
                       {"article": "c", "anchor": "All teams have left the valley"}]},
        {"about": "engineers and teams", "conflict": False, "why": "a dam is not the valley",
         "positions": [{"article": "a", "anchor": "40 engineers remain at the dam"},
                       {"article": "c", "anchor": "All teams have left the valley"}]},
    ],
}


def span(article: str, words: str) -> tuple[str, int, int]:
    start = TEXTS[article].index(words)
    return article, start, start + len(words)


@pytest.fixture()
def gold(tmp_path):
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    return read_truth(path)


def system() -> SystemView:
    a1, b1 = span("a", "The rescue operation has ended."), span("b", "Rescuers have finished their operation.")
    a2, c2 = span("a", "Officials said 40 engineers remain at the dam."), span("c", "All teams have left the valley.")
    b3 = span("b", "The teams will stay in the valley.")
    return SystemView(
        texts=TEXTS,
        facts=(SystemFact("agreed", (a1, b1)), SystemFact("agreed", (a2, c2)), SystemFact("single-source", (b3,))),
        quotes=((span("a", "We are done here"), span("b", "We are done here and going home")),),
        numbers=(SystemNumber(True, (("a", 40.0, a2[1] + 15, a2[1] + 27), ("b", 40.0, b1[2] + 7, b1[2] + 19))),),
        claims=(((b3,), (c2,)), ((a2,), (c2,))),
        outlets={"a": None, "b": None, "c": "The Valley Post"},
        briefing=(a1, b1, b3),
    )


def test_truth_locate_folds_quotes_whitespace_and_case():
    text = "He said  “We’re\nnot leaving” today."
    start, end = locate(text, "\"we're not LEAVING\"")
    assert text[start:end] == "“We’re\nnot leaving”"


def test_truth_locate_fuzzy_and_missing():
    text = "The governor vetoed the bill on Wednesday afternoon."
    start, end = locate(text, "governor vetoed a bill on Wednesday")
    assert "vetoed" in text[start:end]
    assert locate(text, "the senators elected a new speaker") is None


def test_truth_sentence_spans_keep_abbreviations():
    text = "Mr. Jackson met U.S. District Judge Wilkins. He said: \"Guilty.\" Then he left.\nNext line"
    sentences = [text[s:e] for s, e in sentence_spans(text)]
    assert sentences == ["Mr. Jackson met U.S. District Judge Wilkins.", 'He said: "Guilty."', "Then he left.",
                         "Next line"]


def test_truth_fact_groups_pairwise_counts(gold):
    scores = score_event(gold, system())
    # Unit pairs across articles: a1-b1 found; a1-c1, b1-c1 and a2-b2 missed;
    # a2-c2 merged by the system but different gold facts.
    assert (scores.fact_tp, scores.fact_fp, scores.fact_fn) == (1, 1, 3)
    summary = scores.summary()
    assert summary["fact_group_precision"] == pytest.approx(0.5)
    assert summary["fact_group_recall"] == pytest.approx(0.25)


def test_truth_status_from_the_fact_holding_most_anchors(gold):
    scores = score_event(gold, system())
    # f1 -> agreed (right); f2 -> its one located statement is in an agreed fact (right);
    # f3 -> that same agreed fact, gold single-source (wrong).
    assert (scores.status_right, scores.facts) == (2, 3)
    assert any("f3" in e for e in scores.errors)


def test_truth_claim_conflicts_found_and_traps(gold):
    scores = score_event(gold, system())
    assert (scores.claim_found, scores.claim_gold) == (1, 1)
    assert (scores.claim_system_right, scores.claim_system) == (1, 2)
    assert (scores.claim_traps_hit, scores.claim_traps) == (1, 1)


def test_truth_numbers_quotes_and_outlets(gold):
    scores = score_event(gold, system())
    assert (scores.number_found, scores.number_mentions) == (2, 2)
    assert (scores.number_tp, scores.number_fp, scores.number_fn) == (1, 0, 0)
    assert (scores.number_system_conflicts, scores.number_system_conflicts_right) == (1, 0)
    assert (scores.quote_tp, scores.quote_fp, scores.quote_fn) == (1, 0, 0)
    assert (scores.outlet_evidence_right, scores.outlet_evidence) == (1, 1)
    assert (scores.outlet_known_right, scores.outlet_known) == (1, 2)


def test_truth_total_sums_events(gold):
    one = score_event(gold, system())
    both = total([one, score_event(gold, system())])
    assert both.fact_tp == 2 * one.fact_tp and both.facts == 2 * one.facts
    assert both.summary()["fact_status_accuracy"] == pytest.approx(one.summary()["fact_status_accuracy"])


def test_truth_check_anchors_reports_missing_and_long_locators(gold):
    assert check_anchors(gold, TEXTS) == []
    texts = dict(TEXTS, c="Nothing here.")
    problems = check_anchors(gold, texts, max_words=4)
    assert any("found 0x" in p for p in problems)
    assert any("6 words" in p for p in problems)


def test_truth_reads_the_older_gold_format(tmp_path):
    old = {"event": "old", "articles": {"a": {"source": "Kessra Wire"}},
           "facts": [{"text": "The operation is over.", "status": "agreed", "articles": ["a", "b"]}],
           "quotes": [{"speaker": "Adler", "variants": [{"article": "a", "text": "We are done here"}]}],
           "numbers": []}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    gold = read_truth(path)
    assert not gold.anchored
    assert gold.facts[0].articles == ("a", "b")
    assert gold.quotes[0][0].locator == "We are done here"
    assert gold.articles[0].outlet == "Kessra Wire"


def test_truth_renamed_maps_system_ids_to_gold_keys(gold):
    keys = {"a": "article-1", "b": "article-2", "c": "article-3"}
    neutral = renamed(system(), keys)
    assert set(neutral.texts) == {"article-1", "article-2", "article-3"}
    back = renamed(neutral, {v: k for k, v in keys.items()})
    assert score_event(gold, back).summary() == score_event(gold, system()).summary()


def test_truth_briefing_repeats_count_pairs_of_one_gold_group(gold):
    scores = score_event(gold, system())
    # a1 and b1 both state f1; b3 states no gold fact.
    assert (scores.briefing_repeats, scores.briefing_sentences) == (1, 3)
