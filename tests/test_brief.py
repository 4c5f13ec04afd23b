"""End to end: the bundled example through the library and the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import jsonschema
import pytest

from triangulate.model import Article
from triangulate.report import render
from triangulate.report.json import briefing_to_dict, schema

EXAMPLE_IDS = {
    "mpa-wire", "almar-herald", "kessra-tribune", "tamzara-today-0313",
    "atlas-world-report", "kessra-fm-0314", "tamzari-review",
}


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "triangulate", *args], input=stdin, capture_output=True, timeout=300
    )


def test_brief_reads_every_example_article(example_briefing):
    assert {a.id for a in example_briefing.articles} == EXAMPLE_IDS
    assert example_briefing.rejected == ()
    assert example_briefing.event.start == "2026-03-12" and example_briefing.event.end == "2026-03-15"


def test_brief_json_validates_against_the_schema(example_briefing):
    data = briefing_to_dict(example_briefing)
    jsonschema.validate(data, schema())
    assert list(data) == [
        "schema", "event", "headline", "summary", "articles", "entities", "quotes",
        "numbers", "facts", "conflicts", "timeline", "coverage", "rejected",
    ]


def test_brief_every_cited_sentence_traces_to_its_article(example_briefing):
    texts = {a.id: a.text for a in example_briefing.articles}
    cited = [example_briefing.headline, *example_briefing.summary]
    assert len(cited) >= 4
    for item in cited:
        assert texts[item.article][item.start : item.end] == item.text
        assert item.citations and item.citations[0] == item.article
        assert set(item.citations) <= set(texts)


def test_brief_headline_is_one_short_sentence(example_briefing):
    headline = example_briefing.headline.text
    assert len(headline.split()) <= 40
    assert headline.rstrip("\"”'").endswith((".", "!", "?"))
    assert "\n" not in headline


def test_brief_summary_has_no_boilerplate_or_datelines(example_briefing):
    for item in example_briefing.summary:
        assert not re.match(r"^[A-Z]{3,}[ ,A-Za-z]*(\(\w+\))?\s*[-–—:]", item.text), item.text
        for junk in ("Share", "Subscribe", "News ID", "Published:", "©"):
            assert junk not in item.text


def test_brief_summary_cites_other_articles_that_state_the_same_fact(example_briefing):
    # The wire story and its reprint carry the same sentences: each cites both.
    wire_pair = {"mpa-wire", "almar-herald"}
    from_wire = [c for c in example_briefing.summary if c.article in wire_pair]
    assert from_wire
    assert all(wire_pair <= set(c.citations) for c in from_wire)
    # and beyond copies: a sentence cites an independent outlet that says the same in its own words
    groups = example_briefing.groups
    assert any(len({groups[a] for a in c.citations}) >= 2 for c in example_briefing.summary)


def test_brief_datelines_leave_the_first_sentence(example_briefing):
    wire = next(a for a in example_briefing.articles if a.id == "mpa-wire")
    assert wire.dateline == "Kessra City, Wadi Kessra"
    assert wire.text.startswith("At least 18 people")
    assert wire.source == "Meridian Press Agency"


def test_brief_reads_metadata_from_html_and_jsonl(example_briefing):
    by_id = {a.id: a for a in example_briefing.articles}
    assert by_id["atlas-world-report"].source == "Atlas World Report"
    assert by_id["atlas-world-report"].published == "2026-03-14"
    assert by_id["kessra-fm-0314"].source == "Kessra FM"
    assert by_id["tamzara-today-0313"].published == "2026-03-13"


def test_brief_summary_length_follows_the_budget(example_dir, settings):
    from triangulate.pipeline import brief

    three = brief([str(example_dir)], settings.with_(summary_sentences=3))
    assert len(three.summary) == 3
    short = brief([str(example_dir)], settings.with_(summary_words=60))
    assert 0 < sum(len(c.text.split()) for c in short.summary) <= 60


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_brief_renders_every_format(example_briefing, fmt):
    report = render(example_briefing, fmt)
    assert example_briefing.headline.text.split()[0] in report


def test_brief_html_is_self_contained(example_briefing):
    page = render(example_briefing, "html")
    assert "<script" not in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
    assert "<style>" in page


def test_brief_html_escapes_article_text(tmp_path, settings):
    from triangulate.pipeline import brief

    (tmp_path / "a.txt").write_text(
        "Mayor <b>Lina</b> closes the bridge\n\n"
        "The mayor closed the bridge on Monday after engineers found cracks <script>alert(1)</script> in its pillars.\n"
    )
    page = render(brief([str(tmp_path)], settings), "html")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>Lina</b>" not in page


def test_cli_markdown_to_stdout_exit_zero(example_dir):
    result = run_cli("brief", str(example_dir), "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert out.startswith("# ")
    assert "## Briefing" in out and "## Sources" in out


def test_cli_rejected_inputs_are_listed_and_exit_one(example_dir, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    out = tmp_path / "briefing.json"
    result = run_cli("brief", str(example_dir), str(tmp_path / "empty.txt"), str(tmp_path / "image.png"),
                     "--format", "json", "-o", str(out), "--quiet")
    assert result.returncode == 1, result.stderr.decode()
    data = json.loads(out.read_text())
    rejected = {r["path"]: r["reason"] for r in data["rejected"]}
    assert str(tmp_path / "empty.txt") in rejected and "empty" in rejected[str(tmp_path / "empty.txt")]
    assert "binary" in rejected[str(tmp_path / "image.png")]
    assert len(data["articles"]) == len(EXAMPLE_IDS)
    assert "empty.txt" in result.stderr.decode()


def test_cli_usage_errors_exit_two(example_dir):
    assert run_cli("brief", str(example_dir), "--format", "pdf").returncode == 2
    assert run_cli("brief", str(example_dir), "--sentences", "3", "--words", "50").returncode == 2
    assert run_cli("brief").returncode == 2


def test_cli_reads_stdin():
    text = (
        "Port closes after storm\n\n"
        "The port of Veldhaven closed on Monday after a storm damaged two cranes, the harbour master said. "
        "Ships were sent to anchor outside the breakwater until the cranes can be inspected by engineers.\n"
    ).encode()
    result = run_cli("brief", "-", "--format", "json", "--quiet", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["articles"][0]["title"] == "Port closes after storm"


def test_cli_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("triangulate ")


def test_brief_non_english_article_is_listed_not_analysed(tmp_path, settings):
    from triangulate.pipeline import brief

    (tmp_path / "fr.txt").write_text(
        "Le barrage de Kessra a cédé mardi soir et l'eau a inondé trois villages en aval. "
        "Les autorités ont ordonné l'évacuation de milliers d'habitants et ouvert une enquête.\n"
    )
    (tmp_path / "en.txt").write_text(
        "The Kessra Dam gave way on Tuesday night and flooded three villages downstream, officials said. "
        "The authorities ordered thousands of residents to leave and opened an inquiry.\n"
    )
    result = brief([str(tmp_path)], settings)
    assert {a.id for a in result.articles} == {"fr", "en"}
    assert [r.item_id for r in result.rejected if r.stage == "language"] == ["fr"]
    assert all(c.article == "en" for c in result.summary)
    assert isinstance(result.articles[0], Article)


def test_brief_articles_not_analysed_count_for_no_source_group_or_coverage(tmp_path, settings):
    from triangulate.pipeline import brief

    (tmp_path / "la-gazette.txt").write_text(
        "Le pont de Varenne a été rouvert samedi après quatre ans de travaux, a annoncé la mairie. "
        "Les habitants du nord de la ville gagneront vingt minutes chaque matin.\n"
    )
    (tmp_path / "north-post.txt").write_text(
        "The Varenne bridge reopened on Saturday after four years of works, the town hall said. "
        "Residents of the northern suburbs will save twenty minutes each morning.\n"
    )
    (tmp_path / "river-times.txt").write_text(
        "Traffic crossed the new Varenne bridge on Saturday for the first time since 2022. "
        "The mayor said the delays were caused by floods and a dispute with the first builder.\n"
    )
    result = brief([str(tmp_path)], settings)
    assert {a.id: a.language for a in result.articles} == {"la-gazette": "fr", "north-post": "en", "river-times": "en"}
    assert result.event.articles == 3 and result.event.sources == 2
    assert "la-gazette" not in result.groups
    assert {row.source for row in result.coverage} == {"North Post", "River Times"}
    (rejected,) = [r for r in result.rejected if r.stage == "language"]
    assert rejected.item_id == "la-gazette" and "'fr'" in rejected.reason
    listed = {a["id"]: a for a in briefing_to_dict(result)["articles"]}
    assert listed["la-gazette"]["language"] == "fr" and listed["la-gazette"]["group"] == "la-gazette"


def test_brief_wire_reprint_is_one_independent_source(example_briefing):
    groups = example_briefing.groups
    assert groups["mpa-wire"] == groups["almar-herald"]
    assert len(set(groups.values())) == len(EXAMPLE_IDS) - 1 == example_briefing.event.sources
    data = briefing_to_dict(example_briefing)
    herald = next(a for a in data["articles"] if a["id"] == "almar-herald")
    assert herald["shared"] and herald["shared"][0]["article"] == "mpa-wire"
    text = next(a.text for a in example_briefing.articles if a.id == "almar-herald")
    span = herald["shared"][0]
    assert len(text[span["start"] : span["end"]].split()) >= 25


def test_brief_json_has_the_cross_source_comparison(example_briefing):
    data = briefing_to_dict(example_briefing)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    governor = next(q for q in data["quotes"] if q["text"].startswith("We will not rest"))
    assert governor["speaker"]["name"] == "Karim al-Hashimi" and governor["speaker"]["entity"]
    assert {v["article"] for v in governor["variants"]} >= {"mpa-wire", "tamzara-today-0313"}
    assert "rebuilt" in governor["note"]
    for quote in data["quotes"]:
        for v in quote["variants"]:
            assert texts[v["article"]][v["start"] : v["end"]] == v["text"]
    killed = [n for n in data["numbers"] if n["what"] == "people killed"]
    assert {n["value"] for n in killed} >= {18, 21, 23} and all(n["conflict"] for n in killed)
    number_conflicts = [c for c in data["conflicts"] if c["kind"] == "number"]
    toll = next(c for c in number_conflicts if c["about"] == "people killed")
    assert "time" in toll["note"]
    assert any(t["date"] == "2026-03-10" for t in data["timeline"])  # "on Tuesday night", resolved
    assert [t["date"] for t in data["timeline"]] == sorted(t["date"] for t in data["timeline"])


def test_cli_user_alias_table_merges_names(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Port strike ends\n\nThe Harbour Workers League ended its strike at the port of Veldhaven on Monday, "
        "the union said in a statement after talks with the port authority.\n"
    )
    (tmp_path / "b.txt").write_text(
        "Dockers return\n\nDockers of the HWL returned to work in Veldhaven on Monday after the strike ended, "
        "the port authority said, adding that ships would be unloaded overnight.\n"
    )
    table = tmp_path / "aliases.tsv"
    table.write_text("Harbour Workers League\tHWL\tDockers' League\n")
    out = tmp_path / "b.json"
    result = run_cli("brief", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--aliases", str(table),
                     "--format", "json", "-o", str(out), "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    entities = json.loads(out.read_text())["entities"]
    league = next(e for e in entities if e["name"] == "Harbour Workers League")
    assert "HWL" in league["aliases"] and set(league["articles"]) == {"a", "b"}
    bad = run_cli("brief", str(tmp_path / "a.txt"), "--aliases", str(tmp_path / "missing.tsv"), "--quiet")
    assert bad.returncode == 2 and "alias file" in bad.stderr.decode()
