"""One input, start to finish: bytes in (with the size limit), the right reader
chosen by content, documents or rejections out.

    open -> first bytes -> WARC? stream it record by record
                        -> size limit -> gzip? decompress (capped)
                        -> known binary? reject -> decode -> sniff
                        -> feed | JSON/JSONL | HTML | text

Whole-input failures are raised as :class:`~triangulate.errors.InputError`
inside the readers and become one :class:`Rejected` here; records that fail
inside a container (a JSONL line, a feed entry, a WARC record) are rejected on
their own and the others go on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..model import RawDocument, Rejected
from ..settings import Settings
from .decode import decode_bytes, repair_text
from .detect import binary_signature, is_gzip, is_warc, sniff_text
from ..safetext import without_surrogates
from .feeds import read_feed
from .hints import sanitised
from .jsonl import looks_like_jsonl_bytes, read_json, read_json_lines_bytes
from .load import HEAD_BYTES, PrefixedStream, gunzip, open_source, over_limit, read_up_to, regular_file_size
from .sources import Source
from .warc import read_warc


def read_source(source: Source, settings: Settings, stdin: BinaryIO | None = None) -> Iterator[RawDocument | Rejected]:
    """Every document in one input; never raises for a bad input."""
    try:
        for item in _read_source(source, settings, stdin):
            yield sanitised(item) if isinstance(item, RawDocument) else sanitised_rejection(item)
    except InputError as error:
        yield sanitised_rejection(Rejected(stage="ingest", item_id=source.stem, origin=error.origin, reason=error.reason))


def _json_lines_despite(error: InputError, data: bytes, source: Source) -> Iterator[RawDocument | Rejected]:
    """JSON Lines whose bytes as a whole are not text: each line judged on its
    own, so one NUL byte costs one record. Anything else (or JSON Lines with no
    good record) raises ``error``: one rejection for the file, not one per line."""
    if not looks_like_jsonl_bytes(data, source.suffix):
        raise error
    records = list(read_json_lines_bytes(data, source))
    if not any(isinstance(r, RawDocument) for r in records):
        raise error
    yield from records


def sanitised_rejection(item: Rejected) -> Rejected:
    """A rejection that can be printed and written as UTF-8 (a file name with
    undecodable bytes, an id with a lone surrogate)."""
    return Rejected(
        item.stage, without_surrogates(item.item_id), without_surrogates(item.origin), without_surrogates(item.reason)
    )


def _read_source(source: Source, settings: Settings, stdin: BinaryIO | None) -> Iterator[RawDocument | Rejected]:
    limit = settings.max_bytes
    with open_source(source, stdin) as stream:
        size = regular_file_size(stream)
        head = read_up_to(stream, HEAD_BYTES, source.origin)
        if not head:
            raise InputError(source.origin, "empty file")
        if is_warc(head):
            yield from read_warc(PrefixedStream(head, stream), source, settings)
            return
        if size is not None and size > limit:
            raise InputError(source.origin, over_limit(size, limit))
        data = head
        if len(data) <= limit:
            data += read_up_to(stream, limit + 1 - len(data), source.origin)
    if len(data) > limit:
        raise InputError(source.origin, over_limit(limit + 1, limit, at_least=True))
    yield from read_bytes(data, source, settings)


def read_bytes(data: bytes, source: Source, settings: Settings) -> Iterator[RawDocument | Rejected]:
    """Every document in ``data``, the whole of one input already in memory."""
    if not data:
        raise InputError(source.origin, "empty file")
    if is_gzip(data):
        data = gunzip(data, settings.max_bytes, source.origin)
        if not data:
            raise InputError(source.origin, "empty file (after decompressing)")
    signature = binary_signature(data)
    if signature is not None:
        what, fix = signature
        raise InputError(source.origin, f"binary data, not text (looks like {what})" + (f"; {fix}" if fix else ""))
    try:
        decoded = decode_bytes(data, source.origin)
    except InputError as error:
        yield from _json_lines_despite(error, data, source)
        return
    if not decoded.text.strip():
        raise InputError(source.origin, "only whitespace, no text")
    kind = sniff_text(decoded.text, source.suffix)
    if kind == "feed":
        yield from read_feed(data, source)
    elif kind == "json":
        yield from read_json(decoded.text, source, decoded.encoding)
    else:
        content, repairs = repair_text(decoded.text, kind)
        if not content.strip():
            raise InputError(source.origin, "only whitespace and control characters, no text")
        yield RawDocument(
            id=source.stem,
            origin=source.origin,
            kind=kind,
            content=content,
            encoding=decoded.encoding,
            repairs=repairs,
        )
