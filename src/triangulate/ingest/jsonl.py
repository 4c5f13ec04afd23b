"""JSON and JSONL exports: one article per object.

- JSONL (``.jsonl``/``.ndjson``, or several lines that are each a JSON object):
  one record per line; a bad line is rejected on its own (origin ``path:LINE``)
  and the other lines go on. Default id ``<stem>-<LINE>``.
- A JSON array of objects is read the same way (origin ``path#N``, id
  ``<stem>-<N>``, N from 1), and so is an object whose only job is to hold such
  a list (``{"articles": [...]}``, as news APIs return).
- A lone JSON object is one article with the file's id.

The article text is the first non-empty field of :data:`~.hints.BODY_FIELDS`;
the record's ``id``/``_id``/``uuid`` is its id when present.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping

from ..errors import InputError
from ..model import RawDocument, Rejected
from . import hints
from .decode import decode_bytes, repair_text
from .detect import JSONL_SUFFIXES, looks_like_html
from .sources import Source

#: Keys under which exports and news APIs put their list of articles.
CONTAINER_FIELDS = ("articles", "items", "records", "documents", "docs", "data", "results", "entries")

#: Lines inspected to decide that a file that is not one JSON value is JSONL.
JSONL_PROBE_LINES = 5


def read_json(text: str, source: Source, encoding: str) -> Iterator[RawDocument | Rejected]:
    """Every record of a JSON or JSONL document. Raises :class:`InputError` when
    the document as a whole is unusable (invalid JSON, no records)."""
    if source.suffix in JSONL_SUFFIXES:
        yield from _read_lines(text, source, encoding)
        return
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as error:
        if _looks_like_jsonl(text):
            yield from _read_lines(text, source, encoding)
            return
        raise InputError(source.origin, f"invalid JSON: {_json_error(error)}") from None
    if isinstance(value, Mapping) and _body(value)[0] is None:
        listed = next((value[k] for k in CONTAINER_FIELDS if isinstance(value.get(k), list)), None)
        if listed is not None:
            value = listed
    if isinstance(value, list):
        if not value:
            raise InputError(source.origin, "empty JSON list: no records to read")
        for number, item in enumerate(value, start=1):
            yield _record(item, f"{source.stem}-{number}", f"{source.origin}#{number}", encoding)
        return
    yield _record(value, source.stem, source.origin, encoding)


def _read_lines(text: str, source: Source, encoding: str) -> Iterator[RawDocument | Rejected]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _line(line, number, source, encoding)


def looks_like_jsonl_bytes(data: bytes, suffix: str) -> bool:
    """Bytes that are JSON Lines, judged before decoding: a JSONL suffix, or
    several lines, the first of which and most of the probed ones open an object."""
    if suffix in JSONL_SUFFIXES:
        return True
    lines = [line.lstrip() for line in data.split(b"\n", JSONL_PROBE_LINES * 4)[: JSONL_PROBE_LINES * 4]]
    lines = [line for line in lines if line.strip()][:JSONL_PROBE_LINES]
    return len(lines) >= 2 and lines[0].startswith(b"{") and sum(line.startswith(b"{") for line in lines) * 2 > len(lines)


def read_json_lines_bytes(data: bytes, source: Source) -> Iterator[RawDocument | Rejected]:
    """JSON Lines whose bytes as a whole are not text (a NUL byte, control
    bytes, a stray encoding in one line): each line is decoded and judged on
    its own, so one bad record does not cost the file's good ones."""
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        origin = f"{source.origin}:{number}"
        try:
            decoded = decode_bytes(raw, origin)
        except InputError as error:
            yield Rejected("ingest", f"{source.stem}-{number}", origin, error.reason)
            continue
        yield _line(decoded.text, number, source, decoded.encoding)


def _line(line: str, number: int, source: Source, encoding: str) -> RawDocument | Rejected:
    default_id, origin = f"{source.stem}-{number}", f"{source.origin}:{number}"
    try:
        value = json.loads(line)
    except (ValueError, RecursionError) as error:
        return Rejected("ingest", default_id, origin, f"invalid JSON: {_json_error(error, line=False)}")
    return _record(value, default_id, origin, encoding)


def _record(value: object, default_id: str, origin: str, encoding: str) -> RawDocument | Rejected:
    if not isinstance(value, Mapping):
        return Rejected("ingest", default_id, origin, f"not a JSON object but {_json_type(value)}")
    item_id = hints.hint(value, hints.ID_FIELDS) or default_id
    field, body = _body(value)
    if field is None:
        return Rejected("ingest", item_id, origin, f"no article text: none of the fields {', '.join(hints.BODY_FIELDS)}")
    if body is None:
        return Rejected("ingest", item_id, origin, f"field {field!r} holds {_json_type(value[field])}, not text")
    if not body.strip():
        return Rejected("ingest", item_id, origin, f"empty article text in field {field!r}")
    kind = "html" if field == "html" or looks_like_html(body) else "text"
    content, repairs = repair_text(body, kind)
    title = hints.hint(value, hints.TITLE_FIELDS)
    language, note = hints.language_hint(value)
    return RawDocument(
        id=item_id,
        origin=origin,
        kind=kind,
        content=content,
        title=repair_text(title, "text")[0].strip() if title else None,
        url=hints.hint(value, hints.URL_FIELDS),
        published=hints.date_hint(hints.hint(value, hints.PUBLISHED_FIELDS)),
        source=hints.hint(value, hints.SOURCE_FIELDS),
        language=language,
        encoding=encoding,
        repairs=repairs + ((note,) if note else ()),
    )


def _body(record: Mapping[str, object]) -> tuple[str | None, str | None]:
    """(field, text) for the first body field with text in it; else (the first
    empty body field, ""); else (the first body field holding no text, None);
    else (None, None). A list of strings counts as paragraphs."""
    empty = wrong = None
    for name in hints.BODY_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if isinstance(value, list) and all(isinstance(part, str) for part in value):
            value = "\n\n".join(part.strip() for part in value if part.strip())
        if isinstance(value, str):
            if value.strip():
                return name, value
            empty = empty or name
        else:
            wrong = wrong or name
    if empty:
        return empty, ""
    return wrong, None


def _looks_like_jsonl(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return False
    for line in lines[:JSONL_PROBE_LINES]:
        try:
            if isinstance(json.loads(line), dict):
                return True
        except (ValueError, RecursionError):
            continue
    return False


def _json_error(error: BaseException, *, line: bool = True) -> str:
    if isinstance(error, json.JSONDecodeError):
        where = f"line {error.lineno}, column {error.colno}" if line else f"column {error.colno}"
        return f"{error.msg} ({where})"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error)


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return "null"


def read_record(value: object, default_id: str, origin: str) -> RawDocument | Rejected:
    """One article from a JSON-like value already in memory (a dict shaped like
    a record of a JSON export), read as a record of a file would be."""
    return _record(value, default_id, origin, "utf-8")
