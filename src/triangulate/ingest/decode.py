"""Bytes to text, and text repairs.

:func:`decode_bytes` decides the encoding in a fixed order:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. NUL bytes or many control bytes: binary, not text (UTF-16 without a BOM is
   recognised by its pattern of NULs);
3. strict UTF-8;
4. a charset the document declares (HTTP header, ``<meta charset>``,
   ``http-equiv``, ``<?xml encoding?>`` in the first 2 KB) if it decodes cleanly;
5. charset_normalizer's best guess, preferring windows-1252 when it fits as well;
6. otherwise the input is rejected.

:func:`repair_text` then normalises newlines and repairs mojibake with ftfy,
keeping curly quotes and not applying NFKC-style rewrites (full-width forms
stay as they are, which matters for CJK text).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import ftfy
from charset_normalizer import from_bytes

from ..errors import InputError
from ..model import ContentKind

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Bytes examined to tell text from binary.
BINARY_SAMPLE_BYTES = 8192

#: Share of control bytes (other than tab, newlines, form feed, escape) above
#: which an input is binary. Text files have next to none; random binary data
#: has about 10%. Set by hand between the two.
BINARY_CONTROL_SHARE = 0.05

#: UTF-16 without a BOM: at least this share of the high bytes of the sample
#: are NUL (Latin-script text in UTF-16 has nearly all of them NUL).
UTF16_NUL_SHARE = 0.4

#: A declared charset is looked for in this many first bytes (as browsers do).
DECLARATION_BYTES = 2048

#: charset_normalizer ranks cp1257 or cp1250 first for short French or German
#: windows-1252 text; when windows-1252 decodes to text whose "chaos" score is
#: within this margin of the best guess, it wins. Set by hand on such samples.
CP1252_CHAOS_MARGIN = 0.1

_CONTROL_BYTES = frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B}
_DECLARED = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
#: Python codecs that decode bytes to text but are no document character set:
#: a declaration naming one (``encoding="punycode"``) is not honoured.
NOT_CHARSETS = frozenset(
    {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "charmap", "utf-7"}
)

# WHATWG: documents labelled Latin-1 or ASCII are decoded as windows-1252.
_WHATWG_ALIASES = {"latin_1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}

_REPAIR_NAMES = {
    "unescape_html": "HTML entities unescaped",
    "remove_terminal_escapes": "terminal escape codes removed",
    "fix_latin_ligatures": "ligatures expanded",
    "fix_surrogates": "surrogate pairs joined",
    "remove_control_chars": "control characters removed",
}
_MOJIBAKE_STEPS = frozenset(
    {"decode_inconsistent_utf8", "replace_lossy_sequences", "restore_byte_a0", "fix_c1_controls"}
)
_SILENT_STEPS = frozenset({"fix_line_breaks"})


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-16", "windows-1252", ...


def decode_bytes(data: bytes, origin: str, declared: str | None = None) -> Decoded:
    """Decode ``data`` or raise :class:`InputError` saying why it is not text.

    ``declared`` is a charset from outside the bytes (an HTTP header)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), codec, origin)
            except UnicodeDecodeError:
                name = _display_name(codec).upper()
                raise InputError(origin, f"cannot decode: starts with a {name} byte-order mark but is not valid {name}") from None
    sample = data[:BINARY_SAMPLE_BYTES]
    if b"\x00" in sample:
        codec = _utf16_without_bom(sample)
        decoded = _try_decode(data, codec) if codec else None
        if decoded is None:
            raise InputError(origin, "binary data, not text (it contains NUL bytes)")
        return _checked(decoded, codec, origin)
    if _control_share(sample) > BINARY_CONTROL_SHARE:
        raise InputError(origin, "binary data, not text (too many control characters)")
    try:
        return _checked(data.decode("utf-8"), "utf-8", origin)
    except UnicodeDecodeError:
        pass
    for label in (declared, declared_charset(data)):
        codec = _codec(label)
        decoded = _try_decode(data, codec) if codec else None
        if decoded is not None:
            return _checked(decoded, codec, origin)
    guessed = _guess(data)
    if guessed is None:
        raise InputError(origin, "not text (binary data?): no character encoding fits these bytes")
    return _checked(*guessed, origin)


def declared_charset(data: bytes) -> str | None:
    """The charset a page or feed declares in its first 2 KB, if any."""
    match = _DECLARED.search(data[:DECLARATION_BYTES])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def repair_text(text: str, kind: ContentKind) -> tuple[str, tuple[str, ...]]:
    """Normalise newlines to ``\\n`` and repair mojibake and other damage.

    Returns the repaired text and the repairs made, in plain words
    (``("mojibake fixed",)``). HTML keeps its entities: they are markup."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    unescape = kind == "text" and "<" not in text
    config = ftfy.TextFixerConfig(
        unescape_html=unescape,
        uncurl_quotes=False,
        fix_character_width=False,
        normalization="NFC",
        explain=True,
    )
    pieces: list[str] = []
    repairs: list[str] = []
    # Line by line, as ftfy.fix_text does, so one bad line cannot make ftfy
    # reinterpret a whole long document and costs stay linear.
    for line in _segments(text, config.max_decode_length):
        fixed, steps = ftfy.fix_and_explain(line, config)
        pieces.append(fixed)
        for action, name in steps or ():
            label = _repair_name(action, name)
            if label and label not in repairs:
                repairs.append(label)
    return "".join(pieces), tuple(repairs)


def _segments(text: str, longest: int) -> list[str]:
    """Lines with their ends, long lines cut into pieces ftfy will still fix."""
    pieces = []
    for line in text.splitlines(keepends=True):
        pieces.extend(line[start : start + longest] for start in range(0, len(line), longest))
    return pieces


def _repair_name(action: str, name: str) -> str | None:
    if action in ("encode", "decode", "transcode") or name in _MOJIBAKE_STEPS:
        return "mojibake fixed"
    if action == "normalize" or name in _SILENT_STEPS:
        return None
    return _REPAIR_NAMES.get(name, name.replace("_", " "))


def _checked(text: str, codec: str, origin: str) -> Decoded:
    sample = text[:BINARY_SAMPLE_BYTES]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\x0b\x0c\x1a\x1b")
    if "\x00" in sample or (sample and controls / len(sample) > BINARY_CONTROL_SHARE):
        raise InputError(origin, "binary data, not text (too many control characters)")
    return Decoded(text=text, encoding=_display_name(codec))


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return sum(1 for byte in sample if byte in _CONTROL_BYTES) / len(sample)


def _utf16_without_bom(sample: bytes) -> str | None:
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls >= UTF16_NUL_SHARE * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= UTF16_NUL_SHARE * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def charset_codec(label: str | None) -> str | None:
    """Python's codec name for a document character set label, or None when
    the label names no codec (``nope``), a codec that is no text encoding
    (``base64``, ``rot13``) or one no document is written in (``punycode``)."""
    if not label:
        return None
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError, TypeError):  # ValueError: a label with a NUL
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_CHARSETS:
        return None
    return info.name


def _codec(label: str | None) -> str | None:
    name = charset_codec(label)
    if name is None:
        return None
    if name.startswith(("utf-16", "utf-32")):  # a label that contradicts the bytes (no BOM)
        return None
    return _WHATWG_ALIASES.get(name, name)


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError):
        return None


def _guess(data: bytes) -> tuple[str, str] | None:
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + CP1252_CHAOS_MARGIN:
            decoded = _try_decode(data, "cp1252")
            if decoded is not None:
                return decoded, "cp1252"
    return str(best), best.encoding


def _display_name(codec: str) -> str:
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return codec
    if name == "utf-8-sig":
        return "utf-8"
    if re.fullmatch(r"cp125\d", name):
        return "windows-" + name[2:]
    return name
