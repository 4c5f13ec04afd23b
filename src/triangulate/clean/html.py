"""Main text and metadata of an HTML page, with trafilatura (and htmldate).

:func:`extract_html` is a pure function of the page: it returns an
:class:`HtmlExtract` with the main text (one paragraph per block, blocks
separated by a blank line), the page metadata, and every visible line of the
page that was *not* kept as main text (``boilerplate``), so the "nothing lost"
contract holds: what trafilatura leaves out is listed, not dropped silently.

Choice of trafilatura options, measured with ``bench/aeb.py --variants`` on
the 181 pages of the Scrapinghub article-extraction benchmark (the benchmark's
metric; F1 / precision / recall; see ``bench/README.md``):

- ``include_comments=False`` (the benchmark's own call): 0.960 / 0.942 / 0.978;
  with comments (trafilatura's default) 0.953, reader comments are not the
  article (when visible they end up in ``boilerplate``);
- ``+ fast + favor_recall`` (chosen): 0.963 / 0.948 / 0.979; no page has lower
  recall than the benchmark call, and no page falls under 0.5 precision (two
  do with the benchmark call); the gain is within bootstrap noise, the speed-up
  (no fallback extractors) is not;
- ``favor_precision``: 0.964 / 0.958 / 0.971, but 13 pages lose recall and one
  loses its whole article; ``fast + favor_precision`` 0.946; ``fast`` alone
  0.962; ``favor_recall`` alone 0.959; ``include_tables=False`` 0.957 (loses
  recall); ``deduplicate`` (per-page cache) 0.951 (loses recall);
  ``with_metadata`` and ``url`` do not change the text.

``fast`` would also turn htmldate's extensive date search off; it is turned
back on through ``date_extraction_params``.

If trafilatura finds no main text, the whole visible text of ``<body>`` is
returned instead and ``method`` says ``"fallback-body"`` so the caller can
warn. A page with no visible text at all raises :class:`InputError`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final, Literal

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.xml import xmltotxt

from triangulate.errors import InputError

__all__ = ["HtmlExtract", "extract_html", "visible_lines", "visible_text"]

Method = Literal["trafilatura", "fallback-body"]

# trafilatura.bare_extraction options, chosen on the AEB set (module docstring).
TRAFILATURA_OPTIONS: Final = MappingProxyType(
    {
        "include_comments": False,
        "include_tables": True,
        "favor_precision": False,
        "favor_recall": True,
        "fast": True,
        "deduplicate": False,
    }
)

# At most this many boilerplate lines are listed per page. On the AEB pages the
# median is 102 lines and 19 of 181 pages reach the cap (long link lists); the
# cap keeps the per-article "removed" list readable.
BOILERPLATE_MAX_LINES: Final = 200

# A visible line of at least this many words counts as main text when it occurs
# anywhere inside the main text (trafilatura may merge or trim DOM blocks);
# shorter lines ("Share", "World") must match a whole line of the main text.
SUBSTRING_MIN_WORDS: Final = 4

# Marker put after each block of trafilatura's output tree. trafilatura's own
# text serialiser removes this very character (it is how it marks blank lines
# in its Markdown output), so every marked block ends with an empty line.
_PARAGRAPH_MARK: Final = "\u2424"
# Blocks of trafilatura's XML tree that are paragraphs of the main text.
_PARAGRAPH_TAGS: Final = ("p", "head", "list", "quote", "table", "code")
# Tags inside which blocks are flattened into one line by trafilatura.
_INLINE_CONTAINERS: Final = frozenset({"item", "cell"})

# Elements whose content a reader does not see as text.
_INVISIBLE_TAGS: Final = (
    "head", "script", "style", "noscript", "template", "svg", "canvas", "iframe",
    "object", "embed", "audio", "video", "select", "datalist",
)  # fmt: skip
# Elements that start a new line of visible text.
_BLOCK_TAGS: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption",
        "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav",
        "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_LANG_CODE = re.compile(r"^[a-z]{2,3}$")
_CONTENT_LANGUAGE = (
    '//meta[translate(@http-equiv, "CONTENTLAGU", "contentlagu")="content-language"]/@content'
)
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """What :func:`extract_html` found in one page."""

    text: str  # main text, paragraphs separated by "\n\n", no markup
    title: str | None
    published: str | None  # YYYY-MM-DD
    sitename: str | None  # outlet: og:site_name / publisher, else None
    url: str | None  # canonical URL if the page gives one, else the url passed in
    author: str | None
    language: str | None  # as the page declares it (html lang, og:locale), primary subtag
    boilerplate: tuple[str, ...]  # visible lines not kept as main text, deduplicated
    method: Method = "trafilatura"  # "fallback-body": text is the whole visible body


def extract_html(
    html: str,
    url: str | None = None,
    origin: str = "<html>",
    max_date: str | None = None,
) -> HtmlExtract:
    """Extract the main text and the metadata of one HTML page.

    ``url`` is where the page came from, if known (it helps metadata and is the
    fallback for ``HtmlExtract.url``). ``origin`` names the input in errors.
    ``max_date`` (YYYY-MM-DD) is the latest acceptable publication date, usually
    the run date read once at the edge; without it htmldate uses today.

    Raises :class:`~triangulate.errors.InputError` when the page has no visible
    text at all.
    """
    date_params = _date_params(max_date)
    page = _parse(html)
    sitename, language = _sitename(page), _declared_language(page)
    lines = _visible_lines(page)
    document = None
    if lines:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            date_extraction_params=date_params,
            **TRAFILATURA_OPTIONS,
        )
    text = _paragraph_text(document.body) if document is not None else ""
    if text:
        method: Method = "trafilatura"
        boilerplate = _boilerplate(lines, text)
    elif lines:
        method = "fallback-body"
        text = "\n\n".join(lines)
        boilerplate = ()
        document = trafilatura.extract_metadata(html, default_url=url, date_config=date_params)
    else:
        raise InputError(
            origin,
            "no text found in the HTML page (it is empty, or all its text is in "
            "scripts or hidden elements); check that the file is the saved page "
            "and not a redirect or a script-rendered shell",
        )
    return HtmlExtract(
        text=text,
        title=_clean(document.title),
        published=_clean(document.date),
        sitename=sitename,
        url=_clean(document.url) or url,
        author=_clean(document.author),
        language=language,
        boilerplate=boilerplate,
        method=method,
    )


def visible_text(html: str) -> str:
    """The whole visible text of the page body, one block per paragraph."""
    return "\n\n".join(visible_lines(html))


def visible_lines(html: str) -> tuple[str, ...]:
    """The lines of text a reader sees in the page body, in page order.

    Scripts, styles, ``<head>``, hidden elements and form option lists are left
    out; each block element (``p``, ``div``, ``li``, ``td``...) starts a line;
    whitespace inside a line is collapsed. Empty lines are dropped.
    """
    return _visible_lines(_parse(html))


def _visible_lines(page: lxml.html.HtmlElement | None) -> tuple[str, ...]:
    """:func:`visible_lines` of a parsed page (the tree is modified)."""
    if page is None:
        return ()
    lxml.etree.strip_elements(page, *_INVISIBLE_TAGS, with_tail=False)
    hidden = [el for el in page.iter() if isinstance(el.tag, str) and _is_hidden(el)]
    for el in hidden:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail, which is outside the element
    pieces: list[str] = []
    for event, el in lxml.etree.iterwalk(page, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        block = el.tag in _BLOCK_TAGS
        if event == "start":
            if block:
                pieces.append("\n")
            if el.text:
                pieces.append(el.text)
        else:
            if block:
                pieces.append("\n")
            if el.tail and el is not page:
                pieces.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return tuple(unicodedata.normalize("NFC", line) for line in lines if line)


def _paragraph_text(body: lxml.etree._Element | None) -> str:
    """trafilatura's plain text of its output tree, with a blank line between blocks.

    trafilatura's txt output puts one newline between paragraphs and also one
    for a ``<br>`` inside a paragraph, so the paragraph structure is lost. Here
    each block of the tree gets a marker that trafilatura's own serialiser turns
    into an empty line; the text is otherwise exactly trafilatura's.
    """
    if body is None:
        return ""
    body = deepcopy(body)
    for el in body.iter(*_PARAGRAPH_TAGS):
        if any(a.tag in _INLINE_CONTAINERS for a in el.iterancestors()):
            continue
        el.tail = f"{_PARAGRAPH_MARK}\n{el.tail or ''}"
    text = xmltotxt(body, False)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text).strip()
    return unicodedata.normalize("NFC", text)


def _boilerplate(lines: tuple[str, ...], text: str) -> tuple[str, ...]:
    """Visible lines of the page that are not part of the main text."""
    main_lines = {" ".join(line.split()) for line in text.split("\n") if line.strip()}
    flat = " ".join(text.split())
    kept: dict[str, None] = {}
    for line in lines:
        if line in kept or _in_main(line, main_lines, flat):
            continue
        kept[line] = None
        if len(kept) >= BOILERPLATE_MAX_LINES:
            break
    return tuple(kept)


def _in_main(line: str, main_lines: set[str], flat: str) -> bool:
    if line in main_lines or f"- {line}" in main_lines:  # list items get "- "
        return True
    if f"| {line} |" in flat:  # table cells
        return True
    return len(line.split()) >= SUBSTRING_MIN_WORDS and line in flat


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """Parse a page with lxml, whatever encoding declaration it carries."""
    if not html or html.isspace():
        return None
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def _is_hidden(el: lxml.html.HtmlElement) -> bool:
    if "hidden" in el.attrib:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _date_params(max_date: str | None) -> dict[str, Any]:
    """htmldate settings: trafilatura's defaults for its non-fast mode (``fast``
    would also turn htmldate's extensive search off), with the caller's max_date."""
    params: dict[str, Any] = {"original_date": True, "extensive_search": True}
    if max_date is not None:
        params["max_date"] = max_date
    return params


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _meta(page: lxml.html.HtmlElement, xpath: str) -> str | None:
    for value in page.xpath(xpath):
        value = _clean(str(value))
        if value:
            return value
    return None


def _sitename(page: lxml.html.HtmlElement | None) -> str | None:
    """The outlet's name: og:site_name, else the JSON-LD or meta publisher."""
    if page is None:
        return None
    name = _meta(page, '//meta[@property="og:site_name"]/@content')
    if name:
        return name
    name = _json_ld_publisher(page)
    if name:
        return name
    for xpath in ('//meta[@property="article:publisher"]/@content', '//meta[@name="publisher"]/@content'):
        name = _meta(page, xpath)
        if name and "://" not in name and not name.startswith("www."):
            return name
    return None


def _json_ld_publisher(page: lxml.html.HtmlElement) -> str | None:
    """``publisher.name`` from the page's JSON-LD blocks, the first one found."""
    for script in page.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            stack: list[Any] = [json.loads(script)]
        except ValueError:
            continue
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                publisher = item.get("publisher")
                if isinstance(publisher, list) and publisher:
                    publisher = publisher[0]
                if isinstance(publisher, dict):
                    publisher = publisher.get("name")
                if isinstance(publisher, str) and _clean(publisher):
                    return _clean(publisher)
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return None


def _declared_language(page: lxml.html.HtmlElement | None) -> str | None:
    """The language the page declares, as a lower-case primary subtag ("en")."""
    if page is None:
        return None
    candidates = [
        page.get("lang"),
        page.get("{http://www.w3.org/XML/1998/namespace}lang"),
        page.get("xml:lang"),
        _meta(page, _CONTENT_LANGUAGE),
        _meta(page, '//meta[@property="og:locale"]/@content'),
    ]
    for value in candidates:
        if value:
            code = re.split(r"[-_,; ]", value.strip().lower(), maxsplit=1)[0]
            if _LANG_CODE.match(code):
                return code
    return None
