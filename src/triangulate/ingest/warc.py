"""WARC archives (Common Crawl News), read record by record with fastwarc.

Every ``response`` record with status 2xx and an HTML content type becomes a
``kind="html"`` :class:`RawDocument`: id ``<stem>-<N>`` (N counts those
records from 1), origin ``path@OFFSET`` (the record's byte offset, as in a
Common Crawl index), ``url`` from ``WARC-Target-URI``. ``WARC-Date`` is when
the page was crawled, not published, so ``published`` stays None.

The size limit applies to each record, not to the archive: archives are
streamed, never held in memory. Other records (requests, metadata, images,
redirects) are not articles and are passed over. A record the archive ends
inside (a download cut short) is listed as truncated, never passed off as an
article with part of its text.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from ..errors import InputError, UnsupportedInput
from ..model import RawDocument, Rejected
from ..settings import Settings
from .decode import decode_bytes, repair_text
from .load import gunzip, over_limit
from .sources import Source

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# Exceptions that must pass through the guard around fastwarc, which is
# otherwise wide: fastwarc reports some malformed input as a Rust panic,
# a BaseException.
_NEVER_CAUGHT = (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError)


def read_warc(stream: BinaryIO, source: Source, settings: Settings) -> Iterator[RawDocument | Rejected]:
    """Every HTML response in the archive on ``stream``."""
    records = iter(ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True))
    number = 0
    while True:
        try:
            record = next(records, None)
            if record is None:
                break
            result = _response(record, number + 1, source, settings)
        except _NEVER_CAUGHT:
            raise
        except BaseException as error:  # noqa: BLE001 - see _NEVER_CAUGHT
            raise InputError(source.origin, f"corrupt WARC archive: {error}") from None
        if result is not None:
            number += 1
            yield result
    if number == 0:
        raise UnsupportedInput(
            source.origin,
            "WARC archive without HTML responses (triangulate reads response records of type text/html)",
        )


def _response(record: WarcRecord, number: int, source: Source, settings: Settings) -> RawDocument | Rejected | None:
    item_id, origin = f"{source.stem}-{number}", f"{source.origin}@{record.stream_pos}"
    http = record.http_headers
    if http is None:
        return Rejected("ingest", item_id, origin, "truncated WARC record: no HTTP headers")
    status = http.status_code or 0
    content_type = (record.http_content_type or "").lower()
    if not 200 <= status < 300 or content_type not in HTML_TYPES:
        return None
    limit = settings.max_bytes
    if record.content_length > limit:
        return Rejected("ingest", item_id, origin, over_limit(record.content_length, limit))
    body = record.reader.read(limit + 1)
    if len(body) < record.content_length:  # the archive ends inside this record
        return Rejected(
            "ingest", item_id, origin,
            f"truncated WARC record: the archive ends after {len(body)} of its {record.content_length} payload "
            "bytes, so the page is incomplete and not used; download the archive again",
        )
    try:
        payload = _decoded_payload(body, http, limit, origin)
        if not payload.strip():
            return Rejected("ingest", item_id, origin, "empty response body")
        decoded = decode_bytes(payload, origin, declared=record.http_charset)
    except InputError as error:
        return Rejected("ingest", item_id, origin, error.reason)
    content, repairs = repair_text(decoded.text, "html")
    return RawDocument(
        id=item_id,
        origin=origin,
        kind="html",
        content=content,
        url=record.headers.get("WARC-Target-URI") or None,
        encoding=decoded.encoding,
        repairs=repairs,
    )


def _decoded_payload(body: bytes, http, limit: int, origin: str) -> bytes:  # type: ignore[no-untyped-def]
    """Undo chunked transfer encoding and gzip/deflate content encoding, which
    some crawlers store as received (Common Crawl stores them decoded)."""
    if len(body) > limit:
        raise InputError(origin, over_limit(len(body), limit, at_least=True))
    if "chunked" in (http.get("Transfer-Encoding") or "").lower():
        body = dechunk(body, origin)
    encoding = (http.get("Content-Encoding") or "").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return gunzip(body, limit, origin)
    if encoding == "deflate":
        try:
            inflater = zlib.decompressobj()
            inflated = inflater.decompress(body, limit + 1)
        except zlib.error:
            raise InputError(origin, "corrupt deflate-compressed response body") from None
        if len(inflated) > limit:
            raise InputError(origin, f"decompressed size over the limit of {limit} bytes; raise it with --max-bytes")
        return inflated
    if encoding not in ("", "identity"):
        raise InputError(origin, f"response body compressed with {encoding!r}, which triangulate cannot unpack")
    return body


def dechunk(body: bytes, origin: str) -> bytes:
    """The payload of an HTTP/1.1 chunked body."""
    out = bytearray()
    position = 0
    while True:
        line_end = body.find(b"\r\n", position)
        if line_end < 0:
            raise InputError(origin, "corrupt chunked response body")
        try:
            size = int(body[position:line_end].split(b";")[0].strip(), 16)
        except ValueError:
            raise InputError(origin, "corrupt chunked response body") from None
        start = line_end + 2
        if size < 0 or start + size > len(body):
            raise InputError(origin, "corrupt chunked response body")
        if size == 0:
            return bytes(out)
        out += body[start : start + size]
        position = start + size + 2
