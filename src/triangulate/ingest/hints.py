"""Metadata hints from containers (JSON fields, feed entries): which field
names count, and how a value becomes a hint string."""

from __future__ import annotations

import dataclasses
import email.utils
import re
from collections.abc import Mapping, Sequence

from ..model import RawDocument
from ..safetext import has_hidden_characters, is_web_url, plain_name, without_surrogates

#: Fields holding an article's text, in order of preference.
BODY_FIELDS = ("text", "body", "content", "article", "maintext", "articleBody", "article_body", "html")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
PUBLISHED_FIELDS = ("published", "date", "published_at", "publishedAt", "pubDate", "datePublished", "date_publish")
SOURCE_FIELDS = ("source", "outlet", "publisher", "site_name", "source_domain")
LANGUAGE_FIELDS = ("language", "lang")
ID_FIELDS = ("id", "_id", "uuid")

#: A language tag (BCP 47 shape: ``en``, ``en-GB``, ``zh_Hant_TW``); only its
#: first part (the language) is kept, lower-cased.
LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")


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


def language_hint(record: Mapping[str, object], names: Sequence[str] = LANGUAGE_FIELDS) -> tuple[str | None, str | None]:
    """(language code, note): the first language field that holds a language
    tag, as its lower-cased language part; a field of the wrong type or shape
    (``5``, ``true``, ``"??"``) is ignored, with a note saying so, and the
    language is then detected from the text."""
    for name in names:
        value = record.get(name)
        if value is None or value == "":
            continue
        code = language_code(value)
        if code is None:
            shown = repr(value)[:40]
            return None, f"metadata field {name!r} ignored ({shown} is not a language code); language detected from the text"
        return code, None
    return None, None


def language_code(value: object) -> str | None:
    """``"en-GB"`` -> ``"en"``; None for anything that is not a language tag."""
    if not isinstance(value, str):
        return None
    match = LANGUAGE_TAG.fullmatch(value.strip())
    return match.group(1).lower() if match else None


def sanitised(doc: RawDocument) -> RawDocument:
    """A document whose every string can be written as UTF-8 (lone surrogates
    become U+FFFD), whose id, title and source show what they say (no bidi
    controls or invisible characters), whose URL is a web address and whose
    language is a language code. What changed is added to ``repairs``."""
    notes = list(doc.repairs)
    changes = _text_changes(doc, notes)
    if doc.url is not None:
        url = without_surrogates(doc.url)
        if not is_web_url(url):
            changes["url"] = None
            _note(notes, f"URL ignored: {url[:60]!r} is not an http(s) address")
        elif url != doc.url:
            changes["url"] = url
    if doc.language is not None:
        code = language_code(without_surrogates(doc.language))
        if code != doc.language:
            changes["language"] = code
        if code is None:
            _note(notes, f"language hint {without_surrogates(doc.language)[:40]!r} ignored (not a language code); "
                  "language detected from the text")
    if not changes and len(notes) == len(doc.repairs):
        return doc
    return dataclasses.replace(doc, **changes, repairs=tuple(notes))  # type: ignore[arg-type]


#: Fields shown as names (cleaned of hiding characters) and fields only made writable.
_NAME_FIELDS = ("id", "title", "source")
_TEXT_FIELDS = ("origin", "published", "encoding", "content")


def _text_changes(doc: RawDocument, notes: list[str]) -> dict[str, object]:
    changes: dict[str, object] = {}
    for field in _NAME_FIELDS:
        value = getattr(doc, field)
        if value is None:
            continue
        cleaned = plain_name(value)
        if has_hidden_characters(value):
            _note(notes, f"invisible or text-reordering characters removed from the {field}")
        if cleaned != value:
            changes[field] = cleaned or ("article" if field == "id" else None)
    for field in _TEXT_FIELDS:
        value = getattr(doc, field)
        if value is not None and without_surrogates(value) != value:
            changes[field] = without_surrogates(value)
            if field == "content":
                _note(notes, "unpaired surrogate code points replaced")
    return changes


def _note(notes: list[str], note: str) -> None:
    if note not in notes:
        notes.append(note)
