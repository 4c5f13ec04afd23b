"""What is in these bytes? Format detection by content; the file suffix only
breaks ties.

Two steps: :func:`binary_signature` and :func:`is_gzip`/:func:`is_warc` look at
the first bytes; :func:`sniff_text` looks at the decoded text and says which
reader takes it: ``"feed"``, ``"html"``, ``"json"`` or ``"text"``. (JSON versus
JSONL is settled by the JSON reader, which has to parse anyway.)
"""

from __future__ import annotations

import re
import zlib
from typing import Literal

TextFormat = Literal["feed", "html", "json", "text"]

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/1."

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonlines"})
JSON_SUFFIXES = JSONL_SUFFIXES | {".json"}

#: How far into the text the sniffers look. A page's first tags, a feed's root
#: element and a JSON value's first character all sit well inside this.
SNIFF_CHARS = 4096

#: Magic bytes of formats people drop into a folder of articles by mistake:
#: (prefix, what it looks like, how to fix it or "").
SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image", ""),
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"GIF87a", "a GIF image", ""),
    (b"GIF89a", "a GIF image", ""),
    (b"%PDF-", "a PDF document", "extract its text first, for example with pdftotext"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx, .odt or .epub file)", "unpack it or export the text first"),
    (b"PK\x05\x06", "an empty ZIP archive", ""),
    (GZIP_MAGIC, "gzip data inside gzip data", "unpack it with gunzip first"),
    (b"\xfd7zXZ\x00", "xz-compressed data", "unpack it with unxz first"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data", "unpack it with unzstd first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive", "unpack it first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc, .xls)", "export the text first"),
    (b"SQLite format 3\x00", "an SQLite database", ""),
    (b"\x7fELF", "a program (ELF executable)", ""),
    (b"OggS", "an Ogg audio or video file", ""),
    (b"fLaC", "a FLAC audio file", ""),
)

_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_RIFF = re.compile(rb"RIFF....(WEBP|WAVE|AVI )", re.DOTALL)
_MP4 = re.compile(rb"....ftyp", re.DOTALL)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}

# A feed or page starts with its root element, maybe after an XML declaration,
# processing instructions, comments and a doctype.
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*", re.DOTALL | re.IGNORECASE)
_ROOT = re.compile(r"<([A-Za-z][\w:.-]*)")
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"<(head|body|p|div|article|section|span|h[1-6]|br|a|meta|title|script|style|table|ul|ol|li|img|nav|header|footer|main)[\s>/]",
    re.IGNORECASE,
)
#: Distinct HTML tag names near the start that make a file without a doctype
#: HTML. Two keeps a text dump that mentions one "<p>" as text.
HTML_MIN_DISTINCT_TAGS = 2

# A JSON document starts with an object holding a key, or an array holding a
# value; "[Updated 10:40] The bridge..." is text, not broken JSON.
_JSON_START = re.compile(r"\s*(?:\{\s*(?:\"|\}|$)|\[\s*(?:[\[\]{\"\d-]|true|false|null|$))")


def is_gzip(data: bytes) -> bool:
    return data[:2] == GZIP_MAGIC


def is_warc(head: bytes) -> bool:
    """True for a WARC archive, plain or gzip-compressed per record."""
    if is_gzip(head):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(WARC_MAGIC))
        except zlib.error:
            return False
    return head.startswith(WARC_MAGIC)


def binary_signature(data: bytes) -> tuple[str, str] | None:
    """(what the bytes look like, how to fix it) for a known binary format."""
    for magic, what, fix in SIGNATURES:
        if data.startswith(magic):
            return what, fix
    if _BZIP2.match(data):
        return "bzip2-compressed data", "unpack it with bunzip2 first"
    riff = _RIFF.match(data)
    if riff:
        return _RIFF_KINDS[riff.group(1)], ""
    if _MP4.match(data):
        return "an MP4 or QuickTime video", ""
    return None


def sniff_text(text: str, suffix: str = "") -> TextFormat:
    """Which reader takes this decoded text. ``suffix`` (``.html``) breaks ties."""
    head = text[:SNIFF_CHARS]
    stripped = head.lstrip()
    if stripped.startswith("<"):
        prolog = _PROLOG.match(head)
        root = _ROOT.match(head, prolog.end() if prolog else 0)
        if root and root.group(1).lower() in _FEED_ROOTS:
            return "feed"
    if _JSON_START.match(head) or (stripped[:1] in ("{", "[") and suffix in JSON_SUFFIXES):
        return "json"
    if _HTML_START.search(head[:1024]):
        return "html"
    tags = {m.group(1).lower() for m in _HTML_TAG.finditer(head)}
    if len(tags) >= HTML_MIN_DISTINCT_TAGS or (tags and suffix in HTML_SUFFIXES):
        return "html"
    return "text"


def looks_like_html(text: str) -> bool:
    """For a field or feed entry that may hold HTML: does it hold any tags?"""
    head = text[:SNIFF_CHARS]
    return bool(_HTML_START.search(head) or _HTML_TAG.search(head))
