"""Reports: JSON (the versioned contract), Markdown and self-contained HTML."""

from __future__ import annotations

from ..errors import UsageError
from ..model import Briefing

FORMATS = ("md", "json", "html")


def render(briefing: Briefing, fmt: str) -> str:
    if fmt == "json":
        from .json import dumps

        return dumps(briefing)
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(briefing)
    if fmt == "html":
        from .html import render_html

        return render_html(briefing)
    raise UsageError(f"Unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}.")
