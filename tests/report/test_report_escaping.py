"""Hostile article text and metadata in every report format: no raw HTML in
Markdown, no links but web ones, no text-reordering characters in names."""

from __future__ import annotations

import json
import re

import pytest

from triangulate.model import Article, Briefing, EventInfo, Rejected
from triangulate.report import render
from triangulate.report.markdown import _code, _escape

SVG = "<svg onload=alert(1)>"


@pytest.fixture(scope="module")
def hostile_briefing(tmp_path_factory):
    from triangulate.pipeline import brief
    from triangulate.settings import Settings

    folder = tmp_path_factory.mktemp("hostile")
    records = [
        {
            "id": "t1", "title": f"Bridge {SVG} closes", "source": "Trib\u202eenuT", "url": "javascript:alert(1)",
            "text": (
                f"Mayor Lina Marsh closed the Ilm bridge on Monday after engineers found cracks {SVG} in its pillars. "
                f'"We will not take risks <img src=x onerror=alert(2)>," Marsh said on Monday.\n\n'
                "Engineers found 14 cracks in the pillars of the Ilm bridge, the city council said on Tuesday."
            ),
        },
        {
            "id": "h2", "title": "Ilm bridge shut", "source": "Herald", "url": "data:text/html,<b>x</b>",
            "text": (
                "The Ilm bridge was closed on Monday by Mayor Lina Marsh after engineers found cracks in its pillars. "
                '"We will not take risks," Marsh told reporters.\n\n'
                "The city council said repairs to the Ilm bridge would cost 3 million dinars."
            ),
        },
    ]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    return brief([str(folder)], Settings())


def test_report_markdown_escapes_html_in_every_field(hostile_briefing):
    page = render(hostile_briefing, "md")
    assert "<svg" not in page and "<img" not in page
    assert "&lt;svg onload=alert(1)&gt;" in page
    assert "\u202e" not in page
    assert "javascript:" not in page and "data:" not in page


def test_report_html_escapes_and_makes_no_outside_links(hostile_briefing):
    page = render(hostile_briefing, "html")
    assert "<svg" not in page and "<img" not in page
    assert "\u202e" not in page
    assert not re.search(r"""(?:href|src)=(?!["']?#)""", page)  # no link leaves the page
    assert "· javascript:" not in page and "· data:" not in page  # and no address is shown but web ones


def test_report_json_keeps_only_web_urls(hostile_briefing):
    data = json.loads(render(hostile_briefing, "json"))
    assert [a["url"] for a in data["articles"]] == [None, None]
    assert all("\u202e" not in a["source"] for a in data["articles"])
    assert all("\u202e" not in e["name"] for e in data["entities"])


def test_report_markdown_code_spans_cannot_be_closed_by_the_text():
    assert _code("plain") == "`plain`"
    assert _code("a`b") == "``a`b``"
    assert _code("`x`") == "`` `x` ``"
    assert _escape("<b>*x*</b> & [y](z)") == "&lt;b&gt;\\*x\\*&lt;/b&gt; &amp; \\[y\\](z)"


def test_report_markdown_lists_rejections_and_warnings_literally():
    briefing = Briefing(
        event=EventInfo(id="e", articles=0, sources=0, start=None, end=None, warnings=(f"article x: {SVG}",)),
        headline=None, summary=(), articles=(),
        rejected=(Rejected("ingest", "x", f"dir/`{SVG}`.txt", f"reason {SVG}"),),
    )
    page = render(briefing, "md")
    outside_code = re.sub(r"(`+).*?\1", "", page)
    assert "<svg" not in outside_code
    assert "## Warnings" in page and "## Inputs not used" in page
    assert "``dir/`<svg onload=alert(1)>`.txt``" in page  # inside a code span HTML is shown, not run


def test_report_json_drops_a_javascript_url_given_by_a_library_caller():
    article = Article(id="a", origin="a", text="Text.", url="javascript:alert(1)")
    briefing = Briefing(event=EventInfo(id="e", articles=1, sources=1, start=None, end=None),
                        headline=None, summary=(), articles=(article,))
    assert json.loads(render(briefing, "json"))["articles"][0]["url"] is None
