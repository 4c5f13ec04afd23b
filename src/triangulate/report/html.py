"""The briefing as one self-contained HTML file: no external assets, every
piece of article text escaped by Jinja2's autoescaping."""

from __future__ import annotations

import functools

from ..model import Briefing
from ..safetext import is_web_url, plain_name
from .view import build_view


@functools.lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(
        loader=PackageLoader("triangulate.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Names and titles without bidi controls or invisible characters; only
    # http(s) addresses are shown as addresses (and nothing links outside).
    environment.filters["name"] = plain_name
    environment.filters["web_url"] = is_web_url
    return environment


def render_html(briefing: Briefing) -> str:
    view = build_view(briefing)
    return _environment().get_template("briefing.html.j2").render(
        view=view, briefing=briefing, segments=_segments(briefing)
    )


def _segments(briefing: Briefing) -> dict[str, list[tuple[str, str | None]]]:
    """Each article's text cut into (text, anchor) pieces; anchored pieces are the
    sentences the briefing quotes, so a citation can jump to its exact words."""
    marks: dict[str, list[tuple[int, int, str]]] = {}
    cited = [(0, briefing.headline)] if briefing.headline else []
    cited += list(enumerate(briefing.summary, start=1))
    for number, item in cited:  # anchors match the template: s0 headline, s1.. summary
        marks.setdefault(item.article, []).append((item.start, item.end, f"s{number}"))
    result = {}
    for article in briefing.articles:
        pieces: list[tuple[str, str | None]] = []
        at = 0
        for start, end, anchor in sorted(marks.get(article.id, [])):
            if start < at:
                continue
            pieces.append((article.text[at:start], None))
            pieces.append((article.text[start:end], anchor))
            at = end
        pieces.append((article.text[at:], None))
        result[article.id] = pieces
    return result
