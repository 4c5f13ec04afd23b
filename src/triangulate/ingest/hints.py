"""Metadata hints from containers (JSON fields, feed entries): which field
names count, and how a value becomes a hint string."""

from __future__ import annotations

import email.utils
from collections.abc import Mapping, Sequence

#: Fields holding an article's text, in order of preference.
BODY_FIELDS = ("text", "body", "content", "article", "maintext", "articleBody", "article_body", "html")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
PUBLISHED_FIELDS = ("published", "date", "published_at", "publishedAt", "pubDate", "datePublished", "date_publish")
SOURCE_FIELDS = ("source", "outlet", "publisher", "site_name", "source_domain")
LANGUAGE_FIELDS = ("language", "lang")
ID_FIELDS = ("id", "_id", "uuid")


def hint(record: Mapping[str, object], names: Sequence[str]) -> str | None:
    """The first of ``names`` whose value makes a non-empty hint."""
    for name in names:
        value = scalar_text(record.get(name))
        if value:
            return value
    return None


def scalar_text(value: object) -> str | None:
    """A hint string from a JSON value: strings stripped, numbers as written,
    ``{"name": ...}`` (a source object) by its name, ``{"$oid": ...}`` by its
    single value; anything else (lists, booleans, null) gives None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, Mapping):
        if "name" in value:
            return scalar_text(value["name"])
        if len(value) == 1:
            return scalar_text(next(iter(value.values())))
    return None


def date_hint(value: str | None) -> str | None:
    """RFC 822 dates (RSS ``pubDate``) become ISO 8601 with their UTC offset
    kept (``Thu, 05 Mar 2026 09:00:00 +0100`` -> ``2026-03-05T09:00:00+01:00``);
    anything else is passed on as written, for cleaning to interpret."""
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return value
    return parsed.isoformat()
