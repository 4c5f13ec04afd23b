"""The summary benchmark: data readers, the budget rule, every system in one
table, the JSONL of summaries, and the citation check."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from triangulate.cli import app
from triangulate.errors import UsageError
from triangulate.evaluate.summaries import (
    SYSTEMS,
    check_citations,
    evaluate_summaries,
    read_clusters,
    summarize_citations,
    within_budget,
)
from triangulate.model import Article, Cited

pytest.importorskip("rouge_score")
pytest.importorskip("sumy")


@pytest.fixture(scope="module")
def fixtures(root):
    return root / "tests" / "fixtures" / "evaluate"


@pytest.fixture(scope="module")
def multinews(fixtures, nlp):
    return evaluate_summaries(fixtures / "multinews.csv", "multinews", words=40, nlp=nlp)


# -- data -------------------------------------------------------------------------------


def test_summaries_multinews_reader_parses_the_documents_and_strips_the_dash(fixtures):
    clusters = read_clusters(fixtures / "multinews.csv", "multinews")
    assert [c.index for c in clusters] == [0, 1, 2]
    assert [len(c.articles) for c in clusters] == [3, 2, 2]
    assert clusters[0].articles[0].startswith("Share this article \n \n The Harlow Street Bridge")
    assert clusters[0].reference.startswith("The Harlow Street Bridge")


def test_summaries_allsides_reader_splits_articles_titles_and_reference(fixtures):
    clusters = read_clusters(fixtures / "allsides.source", "allsides", limit=1)
    assert len(clusters) == 1
    (story,) = clusters
    assert len(story.articles) == 3
    assert story.titles[0] == "Ferry workers strike in Port Selby, stranding island commuters"
    assert story.articles[0].startswith("Ferry crews in Port Selby walked off the job")
    assert story.reference.startswith("Ferry crews in Port Selby went on a 48-hour strike")
    assert "TITLE=>" not in story.reference


def test_summaries_reader_rejects_a_wrong_format_with_a_usage_error(fixtures):
    with pytest.raises(UsageError, match="choose one of"):
        read_clusters(fixtures / "multinews.csv", "duc")
    with pytest.raises(UsageError, match="'.source' file"):
        read_clusters(fixtures / "multinews.csv", "allsides")


# -- the budget rule ----------------------------------------------------------------------


def test_summaries_budget_cuts_the_sentence_that_crosses_it():
    taken = within_budget(["one two three", "four  five\nsix seven", "eight"], 5)
    assert taken == ("one two three", "four five")
    assert within_budget(["one two", "three"], 3) == ("one two", "three")
    assert within_budget(["one two"], 10) == ("one two",)


def test_summaries_every_system_gets_the_same_budget(multinews):
    assert {s.system for s in multinews.scores} == set(SYSTEMS)
    for score in multinews.scores:
        assert score.words <= 40
    # the baselines take sentences until the budget, so they fill it exactly
    assert all(s.words == 40 for s in multinews.scores if s.system in ("lexrank", "textrank", "lsa", "lead"))


def test_summaries_oracle_is_the_ceiling(multinews):
    rows = {r.system: r for r in multinews.rows()}
    for row in rows.values():
        assert rows["oracle"].rouge1 >= row.rouge1
        assert rows["oracle"].rouge2 >= row.rouge2


def test_summaries_subsets_aggregate_only_their_clusters(multinews):
    first = {r.system: r.rouge1 for r in multinews.rows([0])}
    mine = [s.rouge[0] for s in multinews.scores if s.index == 0]
    assert sorted(first.values()) == sorted(mine)


# -- the command ----------------------------------------------------------------------------


def test_summaries_command_prints_one_table_and_writes_the_jsonl(fixtures, tmp_path, nlp):
    out = tmp_path / "summaries.jsonl"
    result = CliRunner().invoke(
        app,
        ["evaluate", "summaries", str(fixtures / "multinews.csv"), "--format", "multinews", "--words", "40",
         "--save-summaries", str(out), "--quiet"],
    )
    assert result.exit_code == 0, result.output
    for system in SYSTEMS:
        assert f"| {system} |" in result.output
    assert "triangulate headline" in result.output and "Citations: precision" in result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 3 * len(SYSTEMS)
    assert {(line["index"], line["system"]) for line in lines} == {(i, s) for i in range(3) for s in SYSTEMS}
    assert all(set(line) == {"index", "system", "summary"} and line["summary"] for line in lines)
    assert all(len(line["summary"].split()) <= 40 for line in lines)


def test_summaries_command_reads_allsides_with_its_default_budget(fixtures):
    result = CliRunner().invoke(
        app, ["evaluate", "summaries", str(fixtures / "allsides.source"), "--format", "allsides", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert "2 clusters, 70-word budget" in result.output


def test_summaries_command_missing_file_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(
        app, ["evaluate", "summaries", str(tmp_path / "nothing.csv"), "--format", "multinews", "-q"]
    )
    assert result.exit_code == 2


# -- the headline -------------------------------------------------------------------------


def test_summaries_headline_is_one_sentence_of_at_most_40_words(multinews):
    assert len(multinews.headlines) == 3
    for item in multinews.headlines:
        assert 0 < len(item.headline.split()) <= 40
        assert item.headline.rstrip("\"”'").endswith((".", "!", "?"))


# -- citations that hold ------------------------------------------------------------------


def _event(nlp, texts: dict[str, str]):
    from triangulate.analyze import analyze_articles

    return list(analyze_articles([Article(id=k, origin=k, text=v) for k, v in texts.items()], nlp))


def _cite(analyzed, article: str, index: int, citations: tuple[str, ...]) -> Cited:
    sentence = next(a for a in analyzed if a.id == article).sentences[index]
    return Cited(sentence.text, citations, article, sentence.start, sentence.end)


EVENT = {
    "wire": "Mayor Tomas Reiner said on Monday that the Harlow Street Bridge in Varnholt would stay closed for three "
    "months. Repairs will cost about 4 million crowns.",
    "paper": "The Harlow Street Bridge will remain shut for three months, Mayor Tomas Reiner told reporters in "
    "Varnholt on Monday. The council has not said how much the work will cost.",
    "radio": "Reiner said the Harlow Street Bridge would be closed for five months. Shops nearby fear losing trade.",
    "blog": "Traffic in Varnholt was heavy on Monday morning. Buses took longer than usual.",
}


def test_summaries_citation_to_a_paraphrase_holds(nlp):
    analyzed = _event(nlp, EVENT)
    verdicts = check_citations([_cite(analyzed, "wire", 0, ("wire", "paper"))], analyzed)
    by_article = {v.article: v for v in verdicts}
    assert set(by_article) == {"paper", "radio", "blog"}  # every other article, never its own
    assert by_article["paper"].cited and by_article["paper"].supported
    assert "three months" in by_article["paper"].evidence


def test_summaries_citation_with_another_number_does_not_hold(nlp):
    analyzed = _event(nlp, EVENT)
    verdict = next(v for v in check_citations([_cite(analyzed, "wire", 0, ("wire", "radio"))], analyzed) if v.article == "radio")
    assert verdict.cited and not verdict.supported
    assert "'three'" in verdict.reason  # "three months" against "five months"


def test_summaries_citation_without_the_day_does_not_hold(nlp):
    analyzed = _event(nlp, {
        "a": "The council voted on Monday to close the Harlow Street Bridge for three months of repairs.",
        "b": "The council voted on Friday to close the Harlow Street Bridge for three months of repairs.",
    })
    verdict = check_citations([_cite(analyzed, "a", 0, ("a", "b"))], analyzed)[0]
    assert not verdict.supported
    assert "'Monday'" in verdict.reason


def test_summaries_citation_of_a_quotation_needs_each_of_its_sentences(nlp):
    analyzed = _event(nlp, {
        "a": '"Parliament, not this court, answers to the voters for the safety of their streets. The majority '
        'forgets that the victims of crime have rights too," Justice Paul Ferrant wrote.',
        "b": '"Parliament, not this court, answers to the voters for the safety of their streets," '
        "Justice Paul Ferrant wrote in his dissent.",
    })
    whole = analyzed[0]
    item = Cited(whole.article.text, ("a", "b"), "a", 0, len(whole.article.text))
    verdict = check_citations([item], analyzed)[0]
    assert len(whole.sentences) == 2 and not verdict.supported
    assert "sentence 2" in verdict.reason


def test_summaries_citation_to_an_article_about_something_else_does_not_hold(nlp):
    analyzed = _event(nlp, EVENT)
    verdict = next(v for v in check_citations([_cite(analyzed, "wire", 0, ("wire", "blog"))], analyzed) if v.article == "blog")
    assert not verdict.supported


def test_summaries_citation_names_may_sit_in_the_sentence_before(nlp):
    analyzed = _event(nlp, {
        "a": "Inspector Jon Aker said three paintings were stolen from the Orsel Museum.",
        "b": "Jon Aker leads the inquiry. He said three paintings were stolen from the Orsel Museum overnight.",
    })
    verdict = check_citations([_cite(analyzed, "a", 0, ("a", "b"))], analyzed)[0]
    assert verdict.supported


def test_summaries_citation_summary_counts_precision_recall_and_uncited(nlp):
    analyzed = _event(nlp, EVENT)
    items = [
        _cite(analyzed, "wire", 0, ("wire", "paper", "radio")),  # paper holds, radio does not
        _cite(analyzed, "blog", 0, ("paper",)),  # does not cite its own article first: uncited
    ]
    summary = summarize_citations(items, check_citations(items, analyzed))
    assert summary.uncited == 1
    assert summary.cited == 3 and summary.cited_supported == 1
    assert summary.precision == pytest.approx(1 / 3)
    assert summary.recall == 1.0


def test_summaries_example_briefing_citations_hold(example_briefing, nlp):
    from triangulate.analyze import analyze_articles

    analyzed = list(analyze_articles(example_briefing.articles, nlp))
    items = [example_briefing.headline, *example_briefing.summary]
    summary = summarize_citations(items, check_citations(items, analyzed))
    assert summary.uncited == 0
    assert summary.cited >= 3
    assert summary.precision >= 0.9
