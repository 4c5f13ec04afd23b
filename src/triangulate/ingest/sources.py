"""Expand what the user typed (files, folders, glob patterns, ``-``) into a
deterministic list of inputs.

Folders are walked recursively in sorted order, skipping hidden files and
folders (``.git``, ``.DS_Store``) and operating-system litter. Glob patterns
(``examples/*.txt``, ``**``) are expanded sorted. The same file reached twice
(named directly and through a folder or pattern) is read once, at its first
position. A path that does not exist and matches nothing becomes a
:class:`~triangulate.model.Rejected` value.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..model import Rejected

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
STDIN_STEM = "stdin"

#: Suffixes that mark a compressed copy: ``page.html.gz`` has the stem ``page``
#: and the inner suffix ``.html``.
COMPRESSION_SUFFIXES = (".gz", ".gzip")

#: Files and folders a folder walk never reads, besides hidden ones (``.*``).
SKIPPED_NAMES = frozenset({"__MACOSX", "Thumbs.db", "desktop.ini"})


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file, or standard input when ``path`` is None."""

    origin: str  # the path as the user wrote it (or as found in a folder), or "<stdin>"
    path: str | None
    stem: str  # the default article id: file name without suffixes
    suffix: str  # lower-cased suffix under any compression suffix: ".html" for page.html.gz


def file_stem_and_suffix(name: str) -> tuple[str, str]:
    """``kessra-tribune.txt`` -> (``kessra-tribune``, ``.txt``);
    ``page.html.gz`` -> (``page``, ``.html``); ``README`` -> (``README``, ``""``)."""
    base = os.path.basename(name.rstrip("/\\")) or name
    for compressed in COMPRESSION_SUFFIXES:
        if base.lower().endswith(compressed) and len(base) > len(compressed):
            base = base[: -len(compressed)]
            break
    stem, dot, ext = base.rpartition(".")
    if not dot or not stem:  # no suffix, or a dot-file such as ".env"
        return base, ""
    return stem, "." + ext.lower()


def stdin_source() -> Source:
    return Source(origin=STDIN_ORIGIN, path=None, stem=STDIN_STEM, suffix="")


def file_source(path: str) -> Source:
    stem, suffix = file_stem_and_suffix(path)
    return Source(origin=path, path=path, stem=stem, suffix=suffix)


def expand_sources(paths: Sequence[str]) -> Iterator[Source | Rejected]:
    """Every input named by ``paths``, in argument order, each read once."""
    seen: set[str] = set()
    for arg in paths:
        for item in _expand_one(arg):
            if isinstance(item, Rejected):
                yield item
                continue
            key = STDIN_ORIGIN if item.path is None else os.path.realpath(item.path)
            if key not in seen:
                seen.add(key)
                yield item


def _expand_one(arg: str) -> Iterator[Source | Rejected]:
    if arg == STDIN:
        yield stdin_source()
    elif os.path.isdir(arg):
        yield from walk_folder(arg)
    elif os.path.lexists(arg):  # a file, a special file, or a broken link (reading says why)
        yield file_source(arg)
    elif glob.has_magic(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            yield _missing(arg, "no such file or folder (nothing matches this pattern)")
        for match in matches:
            if os.path.isdir(match):
                yield from walk_folder(match)
            else:
                yield file_source(match)
    else:
        yield _missing(arg, "no such file or folder")


def walk_folder(folder: str) -> Iterator[Source | Rejected]:
    """Files under ``folder``, recursively, sorted, without hidden ones; a
    sub-folder that cannot be listed is a rejection, not a silent gap."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from (_unlistable(error) for error in errors)
        errors.clear()
        dirs[:] = sorted(d for d in dirs if not _skipped(d))
        for name in sorted(files):
            if not _skipped(name):
                yield file_source(os.path.normpath(os.path.join(root, name)))
    yield from (_unlistable(error) for error in errors)


def _unlistable(error: OSError) -> Rejected:
    where = str(error.filename) if error.filename is not None else "?"
    return _missing(where, f"cannot list this folder: {error.strerror or error}")


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_NAMES


def _missing(arg: str, reason: str) -> Rejected:
    stem, _ = file_stem_and_suffix(arg)
    return Rejected(stage="ingest", item_id=stem, origin=arg, reason=reason)
