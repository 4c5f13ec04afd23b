"""Characters that make text lie about itself, and what to do with them.

- **Lone surrogates** (``"\\ud800"``, which JSON's ``\\ud800`` escape produces)
  cannot be encoded as UTF-8: one in an id or a source name would stop the
  report from being written. They become U+FFFD, the replacement character.
- **Bidirectional overrides and isolates** (U+202A-U+202E, U+2066-U+2069)
  reorder what a reader sees ("Trojan Source"): a name or title holding one
  can display as something else. They are removed from names and titles.
- **Invisible characters** (zero-width space U+200B, word joiner U+2060, a
  stray byte-order mark U+FEFF, soft hyphen U+00AD) make two names that look
  the same differ. They are removed from names and titles. The zero-width
  (non-)joiners U+200C and U+200D stay: Persian, Indic scripts and emoji need
  them.

Pure functions; no imports from the rest of the package, so every layer
(ingest, clean, report) can use them.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")

#: Bidi embeddings, overrides and isolates, and marks that only steer them.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
#: Characters that take no room and join or split nothing a script needs.
INVISIBLES = "\u200b\u2060\ufeff\u00ad\u180e"

_HIDING = re.compile(f"[{BIDI_CONTROLS}{INVISIBLES}]")
_SPACES = re.compile(r"\s+")


def without_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def plain_name(text: str) -> str:
    """A name or title as it should be shown: no lone surrogates, no bidi
    controls or invisible characters, white space collapsed to single spaces."""
    return _SPACES.sub(" ", _HIDING.sub("", without_surrogates(text))).strip()


def has_hidden_characters(text: str) -> bool:
    return bool(_HIDING.search(text))


def is_web_url(url: str | None) -> bool:
    """True for an ``http://`` or ``https://`` address: the only links a report
    makes (``javascript:``, ``data:``, ``file:`` and the like are never links)."""
    if not url:
        return False
    head = url.strip()[:8].lower()
    return head.startswith(("http://", "https://")) and not _HIDING.search(url) and not any(
        ch.isspace() or ord(ch) < 0x20 for ch in url.strip()
    )
