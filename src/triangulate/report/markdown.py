"""The briefing as Markdown: readable as plain text, renders anywhere.

Every value from the articles is escaped twice over: Markdown syntax
(``*``, ``_``, ``[``, backticks) and HTML (``<``, ``>``, ``&``), since many
Markdown viewers render raw HTML, so a title such as ``<svg onload=...>``
would run there. Names and titles lose bidi controls and invisible
characters; ids and paths go in code spans whose fence no backtick in them can
close. The report makes no links to anything outside itself.
"""

from __future__ import annotations

import re

from ..model import Briefing, Cited
from ..safetext import plain_name, without_surrogates
from .view import ReportView, build_view


def render_markdown(briefing: Briefing) -> str:
    view = build_view(briefing)
    out: list[str] = []
    headline = briefing.headline
    out.append(f"# {_escape(headline.text) if headline else 'No briefing: no article could be read'}")
    out.append("")
    out.append(f"_{_escape(view.overview)}._" + (f" {_refs(view, headline)}" if headline else ""))
    if view.bullets:
        out += ["", "## Briefing", ""]
        out += [f"- {_escape(c.text)} {_refs(view, c)}" for _, c in view.bullets]
    out += _comparison(view)
    if view.sources:
        out += [
            "", "## Sources", "",
            "| # | Outlet | Title | Published | Dateline | Shares text with | Id |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in view.sources:
            a = row.article
            shares = ", ".join(f"[{n}] ({words} words)" for n, _, words in view.shares_with(a.id)) or "—"
            out.append(
                f"| {row.number} | {_cell(a.source, name=True)} | {_cell(a.title, name=True)} | {_cell(a.published)} "
                f"| {_cell(a.dateline, name=True)} | {shares} | {_code(a.id, cell=True)} |"
            )
    if view.main_entities:
        out += ["", "## People, organisations and places", ""]
        for entity in view.main_entities:
            refs = " ".join(f"[{view.numbers[a]}]" for a in entity.articles if a in view.numbers)
            aliases = [x for x in entity.aliases if x != entity.name]
            also = f" (also: {', '.join(_name(x) for x in aliases)})" if aliases else ""
            out.append(f"- **{_name(entity.name)}** · {_escape(entity.type.lower())}{also} {refs}")
    if briefing.rejected:
        out += ["", "## Inputs not used", ""]
        out += [f"- {_code(r.origin)} ({_escape(r.stage)}): {_escape(r.reason)}" for r in briefing.rejected]
    if briefing.event.warnings:
        out += ["", "## Warnings", ""]
        out += [f"- {_escape(w)}" for w in briefing.event.warnings]
    return "\n".join(out) + "\n"


def _comparison(view: ReportView) -> list[str]:
    """Where the sources disagree, what they agree on, what only one reports,
    and who left out what."""
    briefing = view.briefing
    out: list[str] = []
    if briefing.conflicts:
        out += ["", "## Where the sources disagree", ""]
        for conflict in briefing.conflicts:
            out.append(f"- **{_escape(conflict.about)}** ({_escape(conflict.kind)})")
            for position in conflict.positions:
                value = f" **{view.number(position.value)}**" if position.value is not None else ""
                out.append(f"  - {_cites(view, position.articles)}{value} {_escape(position.text)}")
            if conflict.note:
                out.append(f"  - _{_escape(conflict.note)}_")
    agreed = view.facts_with("agreed")
    if agreed:
        out += ["", "## What the sources agree on", ""]
        out += [f"- {_escape(f.text)} {_cites(view, f.articles)} ({len(f.groups)} sources)" for f in agreed]
    single = view.facts_with("single-source")
    if single:
        out += ["", "## Reported by one source only", ""]
        out += [f"- {_escape(f.text)} {_cites(view, f.articles)}" for f in single]
    if view.main_quotes:
        out += ["", "## Who said what", ""]
        for quote in view.main_quotes:
            out.append(f"- **{_name(quote.speaker)}**: “{_escape(quote.text)}” {_cites(view, quote.articles)}")
            wordings = {v.text for v in quote.variants} - {quote.text}
            for variant in quote.variants:
                if variant.text in wordings:
                    wordings.discard(variant.text)
                    out.append(f"  - {_cites(view, [variant.article])} “{_escape(variant.text)}”")
            if quote.note:
                out.append(f"  - _{_escape(quote.note)}_")
    if view.agreed_numbers:
        out += ["", "## Numbers the sources agree on", ""]
        out += [f"- {view.number(g.value)} {_escape(g.what)} {_cites(view, g.articles)}" for g in view.agreed_numbers]
    if view.main_timeline:
        out += ["", "## Timeline", ""]
        out += [f"- **{_escape(t.date)}** {_escape(t.text)} {_cites(view, t.articles)}" for t in view.main_timeline]
    if briefing.coverage and len(briefing.coverage) > 1:
        out += ["", "## Coverage", "", "| Outlet | Facts reported | Widely reported facts it left out |", "|---|---|---|"]
        for row in briefing.coverage:
            out.append(f"| {_cell(row.source, name=True)} | {len(row.reported)} | {len(row.missing)} |")
    if view.framing:
        out += ["", "## Words chosen for the same actors", ""]
        for about, items in view.framing:
            words = "; ".join(f"{_name(source)}: “{_escape(w.text)}”" for source, w in items)
            out.append(f"- _{_escape(about)}_: {words}")
    return out


def _cites(view: ReportView, articles) -> str:
    return "".join(f"[{n}]" for n, _ in view.cite(articles))


def _refs(view: ReportView, cited: Cited) -> str:
    return "".join(f"[{n}]" for n, _ in view.refs(cited))


#: Markdown syntax characters escaped with a backslash, and HTML's three.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_\[\]#~|])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _escape(text: str) -> str:
    """Keep article text from being read as Markdown syntax or as HTML."""
    text = without_surrogates(text)
    text = _MARKDOWN_SYNTAX.sub(r"\\\1", text)
    return re.sub(r"[&<>]", lambda m: _HTML[m.group(0)], text)


def _name(text: str) -> str:
    """A name or title: escaped, without bidi controls or invisible characters."""
    return _escape(plain_name(text))


def _cell(text: str | None, *, name: bool = False) -> str:
    """A table cell: escaped (``|`` included), on one line, "—" when empty."""
    if not text:
        return "—"
    return (_name(text) if name else _escape(text)).replace("\n", " ")


def _code(text: str, *, cell: bool = False) -> str:
    """An id or a path as a code span (HTML is not rendered inside one): the
    fence is one backtick longer than any run of backticks in the text."""
    text = plain_name(text).replace("\n", " ")
    if cell:
        text = text.replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.strip()) else ""
    return f"{fence}{pad}{text}{pad}{fence}"
