"""Cleaning: a RawDocument becomes an Article with main text only, its metadata,
and the list of every line that was taken out and why.

``fit_boilerplate`` is the one corpus-level step (lines recurring across
articles); ``clean_document`` is pure per document.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import InputError
from ..model import Article, RawDocument, Rejected, RemovedLine
from ..safetext import is_web_url, plain_name
from ..settings import Settings
from .boilerplate import BoilerplateModel, LineVerdict, classify_lines, strip_site_suffix
from .language import MIN_CONFIDENCE, identify
from .metadata import (
    normalise_published,
    outlet_evidence,
    outlet_from_stem,
    outlet_from_url,
    parse_date,
    split_dateline,
)

__all__ = ["UNKNOWN_OUTLET_NOTE", "BoilerplateModel", "clean_document", "fit_boilerplate"]

#: The start of the warning an article carries when nothing in the input names
#: its outlet (no source field, site name, copyright or credit line, URL) and
#: the outlet shown is only its file name.
UNKNOWN_OUTLET_NOTE = "outlet unknown (no source field, site name, credit or URL): named after the file as"


def fit_boilerplate(documents: Iterable[RawDocument]) -> BoilerplateModel:
    """Learn the lines that recur across the plain-text documents of a corpus."""
    return BoilerplateModel().fit(d.content for d in documents if d.kind == "text")


def clean_document(
    raw: RawDocument, settings: Settings = Settings(), model: BoilerplateModel | None = None
) -> Article | Rejected:
    """Main text and metadata of one document, or the reason there is none."""
    title, published, source, url = raw.title, raw.published, raw.source, raw.url
    removed: list[RemovedLine] = []
    warnings = list(f"input repaired: {r}" for r in raw.repairs)
    body = raw.content
    if raw.kind == "html":
        from .html import extract_html

        try:
            page = extract_html(raw.content, raw.url, origin=raw.origin)
        except InputError as error:
            return Rejected("clean", raw.id, raw.origin, error.reason)
        body = page.text
        title = title or page.title
        published = published or page.published
        source = source or page.sitename
        url = url or page.url
        removed.extend(RemovedLine(line, "page furniture outside the article") for line in page.boilerplate)
        if page.method != "trafilatura":
            warnings.append("main text not found by trafilatura; the whole page text was used")

    verdicts = classify_lines(body, model, title_hint=title, extracted=raw.kind == "html")
    paragraphs = [v.unit.text for v in verdicts if v.kept]
    removed.extend(RemovedLine(v.unit.text, v.reason) for v in verdicts if not v.kept)
    title = title or _header_value(verdicts, "title")
    site_in_title = None
    if title:
        site_in_title = title[len(strip_site_suffix(title)):].strip(" |") or None
        title = strip_site_suffix(title)
    published = normalise_published(published) or _published_from_headers(verdicts)

    dateline = None
    if paragraphs:
        dateline, cut = split_dateline(paragraphs[0])
        if cut:
            removed.append(RemovedLine(paragraphs[0][:cut].strip(), "dateline (read as metadata)"))
            paragraphs[0] = paragraphs[0][cut:]

    text = "\n\n".join(paragraphs)
    if not text.strip():
        return Rejected(
            "clean", raw.id, raw.origin,
            f"no article text left after cleaning ({len(removed)} lines were boilerplate or headers)",
        )
    source, source_evidence = _outlet(raw, source, site_in_title, removed, url)
    if source_evidence.startswith("file name"):
        warnings.append(f"{UNKNOWN_OUTLET_NOTE} {source!r}")
    title, source, dateline = (plain_name(v) or None if v else None for v in (title, source, dateline))
    url = url if is_web_url(url) else None  # only web addresses become links
    language = raw.language
    if not language:
        code, probability = identify(text)
        language = code if code and probability >= MIN_CONFIDENCE else settings.language
    if language != settings.language:
        warnings.append(f"written in {language!r}, not {settings.language!r}: left out of the analysis")
    return Article(
        id=raw.id,
        origin=raw.origin,
        text=text,
        title=title,
        source=source,
        published=published,
        dateline=dateline,
        language=language,
        url=url,
        removed=tuple(removed),
        warnings=tuple(warnings),
        source_evidence=source_evidence,
    )


def _outlet(
    raw: RawDocument, given: str | None, site_in_title: str | None, removed: list[RemovedLine], url: str | None
) -> tuple[str, str]:
    """The outlet and where it was read, best evidence first: the input's own
    field (or the page's site name), a "| Outlet" title suffix, a line in which
    the outlet names itself, the web address, and last the file name."""
    if given:
        return given, "given by the input (a feed, JSON field or the page's site name)"
    if site_in_title:
        return site_in_title, f"title suffix: {site_in_title}"
    found = outlet_evidence([r.text for r in removed])
    if found:
        return found.name, found.describe()
    host = outlet_from_url(url)
    if host:
        return host, f"web address: {url}"
    return outlet_from_stem(raw.id), "file name (the text does not name its outlet)"


def _header_value(verdicts: list[LineVerdict], header: str) -> str | None:
    return next((v.unit.text for v in verdicts if v.header == header), None)


def _published_from_headers(verdicts: list[LineVerdict]) -> str | None:
    for verdict in verdicts:
        if verdict.header in ("published", "date"):
            found = parse_date(verdict.unit.text)
            if found:
                return found
    return None
