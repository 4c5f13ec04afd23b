"""RSS and Atom feeds: one article per entry, parsed with feedparser.

Feeds that declare XML entities or external references are refused first
(defusedxml): that is how XML parsers are attacked, and news feeds never need
it. Each entry becomes a :class:`RawDocument` with id ``<stem>-<N>`` and origin
``path#N`` (N counts entries from 1); its text is the longest full content,
else the summary; ``kind`` is ``"html"`` when that text carries markup.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree
import feedparser

from ..errors import UnsupportedInput
from ..model import RawDocument, Rejected
from .decode import charset_codec, repair_text
from .detect import looks_like_html
from .hints import date_hint
from .sources import Source

#: The encoding an XML declaration names (after an optional BOM).
_XML_ENCODING = re.compile(rb"""(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([^"'>]*)["']""")


def read_feed(data: bytes, source: Source) -> Iterator[RawDocument | Rejected]:
    """Every entry of the feed in ``data`` (the raw bytes: feedparser honours
    the feed's own encoding declaration)."""
    refuse_odd_encoding(data, source.origin)
    refuse_unsafe_xml(data, source.origin)
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True)
    except (LookupError, UnicodeError) as error:  # an encoding feedparser cannot use after all
        raise UnsupportedInput(source.origin, f"unreadable feed: {error}") from None
    if not parsed.entries:
        if parsed.get("bozo"):
            raise UnsupportedInput(source.origin, f"unreadable feed: {parsed.get('bozo_exception')}")
        raise UnsupportedInput(source.origin, "feed with no entries")
    channel = parsed.get("feed", {})
    feed_title = _clean(channel.get("title"))
    language = _clean(channel.get("language"))
    encoding = parsed.get("encoding")
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry(entry, number, source, feed_title, language, encoding)


def refuse_odd_encoding(data: bytes, origin: str) -> None:
    """Raise :class:`UnsupportedInput` for a feed whose XML declaration names an
    encoding that is no character set (``nope``, ``base64``, ``rot13``,
    ``punycode``): XML parsers fail on it, and no real feed is written in it."""
    match = _XML_ENCODING.match(data)
    label = match.group(1).decode("latin-1") if match else None
    if label is not None and charset_codec(label) is None:
        raise UnsupportedInput(
            origin,
            f"feed declares the encoding {label!r}, which is not a character set triangulate can read; "
            'correct the declaration (for example encoding="utf-8") or convert the file',
        )


def refuse_unsafe_xml(data: bytes, origin: str) -> None:
    """Raise :class:`UnsupportedInput` for XML that declares entities or
    external references. Malformed XML passes: feedparser's lenient parser
    reads it, without expanding anything."""
    try:
        defusedxml.ElementTree.fromstring(data)
    except defusedxml.DefusedXmlException:
        raise UnsupportedInput(
            origin,
            "feed refused: it declares XML entities or external references, which can be "
            "used to attack XML parsers; news feeds do not need them",
        ) from None
    except (ParseError, ValueError, LookupError, UnicodeError):  # malformed XML is feedparser's to judge
        return


def _entry(
    entry: Mapping[str, object],
    number: int,
    source: Source,
    feed_title: str | None,
    language: str | None,
    encoding: str | None,
) -> RawDocument | Rejected:
    item_id, origin = f"{source.stem}-{number}", f"{source.origin}#{number}"
    body, body_type = _body(entry)
    if not body.strip():
        return Rejected(
            "ingest", item_id, origin,
            "feed entry has no text, only a title or link (triangulate does not fetch web pages)",
        )
    kind = "html" if "html" in body_type and looks_like_html(body) else "text"
    content, repairs = repair_text(body, kind)
    entry_source = entry.get("source")
    outlet = _clean(entry_source.get("title")) if isinstance(entry_source, Mapping) else None
    link = _clean(entry.get("link"))
    return RawDocument(
        id=item_id,
        origin=origin,
        kind=kind,
        content=content,
        title=_clean(entry.get("title")),
        url=link if link and link.startswith(("http://", "https://")) else None,
        published=date_hint(_clean(entry.get("published")) or _clean(entry.get("updated"))),
        source=outlet or feed_title,
        language=language,
        encoding=encoding,
        repairs=repairs,
    )


def _body(entry: Mapping[str, object]) -> tuple[str, str]:
    """(text, MIME type) of the fullest text the entry carries."""
    contents = [c for c in entry.get("content") or () if isinstance(c, Mapping)]  # type: ignore[union-attr]
    best = max(contents, key=lambda c: len(c.get("value") or ""), default=None)
    if best is not None and (best.get("value") or "").strip():
        return best["value"], str(best.get("type") or "")
    summary = entry.get("summary_detail")
    if isinstance(summary, Mapping) and summary.get("value"):
        return str(summary["value"]), str(summary.get("type") or "")
    return str(entry.get("summary") or ""), "text/html"


def _clean(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None
