"""The briefing as Markdown: readable as plain text, renders anywhere."""

from __future__ import annotations

from ..model import Briefing, Cited
from .view import ReportView, build_view


def render_markdown(briefing: Briefing) -> str:
    view = build_view(briefing)
    out: list[str] = []
    headline = briefing.headline
    out.append(f"# {_escape(headline.text) if headline else 'No briefing: no article could be read'}")
    out.append("")
    out.append(f"_{view.overview}._" + (f" {_refs(view, headline)}" if headline else ""))
    if briefing.summary:
        out += ["", "## Briefing", ""]
        out += [f"- {_escape(c.text)} {_refs(view, c)}" for c in briefing.summary]
    if view.sources:
        out += ["", "## Sources", "", "| # | Outlet | Title | Published | Dateline | Id |", "|---|---|---|---|---|---|"]
        for row in view.sources:
            a = row.article
            out.append(
                f"| {row.number} | {_cell(a.source)} | {_cell(a.title)} | {a.published or '—'} "
                f"| {_cell(a.dateline)} | `{a.id}` |"
            )
    if view.main_entities:
        out += ["", "## People, organisations and places", ""]
        for entity in view.main_entities:
            refs = " ".join(f"[{view.numbers[a]}]" for a in entity.articles if a in view.numbers)
            aliases = [x for x in entity.aliases if x != entity.name]
            also = f" (also: {', '.join(_escape(x) for x in aliases)})" if aliases else ""
            out.append(f"- **{_escape(entity.name)}** · {entity.type.lower()}{also} {refs}")
    if briefing.rejected:
        out += ["", "## Inputs not used", ""]
        out += [f"- `{r.origin}` ({r.stage}): {_escape(r.reason)}" for r in briefing.rejected]
    return "\n".join(out) + "\n"


def _refs(view: ReportView, cited: Cited) -> str:
    return "".join(f"[{n}]" for n, _ in view.refs(cited))


def _escape(text: str) -> str:
    """Keep article text from being read as Markdown syntax."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("`", "\\`")


def _cell(text: str | None) -> str:
    return _escape(text).replace("|", "\\|").replace("\n", " ") if text else "—"
