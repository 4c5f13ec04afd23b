"""Ingest: paths and standard input in, :class:`~triangulate.model.RawDocument`
values (one per article) or :class:`~triangulate.model.Rejected` values out.

A bad input never raises: it becomes a ``Rejected`` with its path and a
reason, and the run goes on with the rest. The same inputs give the same
outputs, in the same order.

Modules, one concern each::

    sources   paths, folders, globs, "-" -> Source values (or "no such file")
    load      bytes at the edge, within the size limit; capped gunzip
    detect    format by content: magic bytes, then the decoded text
    decode    bytes -> text (BOM, UTF-8, declared charset, best guess); ftfy repairs
    dispatch  one input through the above to the right reader
    jsonl     JSON and JSONL records       feeds  RSS/Atom entries
    warc      WARC response records        hints  container metadata fields
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import BinaryIO, TypeVar

from ..model import Article, RawDocument, Rejected, content_id
from ..settings import Settings
from .dispatch import read_source, sanitised_rejection
from .sources import expand_sources

__all__ = ["read_inputs", "unique_ids"]


def read_inputs(
    paths: Sequence[str], settings: Settings, stdin: BinaryIO | None = None, *, sort: bool = False
) -> Iterator[RawDocument | Rejected]:
    """Read every input named by ``paths``: files, folders (walked, sorted,
    hidden entries skipped), glob patterns, and ``-`` for ``stdin`` (the
    process's standard input when not given).

    Article ids are file stems (``kessra-tribune.txt`` -> ``kessra-tribune``),
    record ids, or ``<stem>-<N>`` for the N-th record of a container; an id
    already used earlier in the run gets ``-2``, ``-3``, ... appended.

    Items come in argument order, streamed; with ``sort=True`` they are read
    first and sorted by origin (numbers in it compared as numbers, so
    ``a.jsonl:9`` comes before ``a.jsonl:10``), rejections first, so the same
    files named in any order give the same documents with the same ids.
    """
    if not sort:
        return unique_ids(_read_all(paths, settings, stdin))
    items = list(_read_all(paths, settings, stdin))
    items.sort(key=_order)
    return unique_ids(iter(items))


def _order(item: RawDocument | Rejected) -> tuple:
    if isinstance(item, Rejected):
        return (0, natural_key(item.origin), item.item_id, item.reason)
    return (1, natural_key(item.origin), item.id, content_id(item.content))


def natural_key(text: str) -> tuple:
    """``"a.jsonl:10"`` sorts after ``"a.jsonl:9"``: runs of digits compare as
    numbers (by length without leading zeros, then digit by digit)."""
    return tuple(
        (len(part.lstrip("0")), part.lstrip("0"), part) if index % 2 else part
        for index, part in enumerate(re.split(r"(\d+)", text))
    )


def _read_all(paths: Sequence[str], settings: Settings, stdin: BinaryIO | None) -> Iterator[RawDocument | Rejected]:
    for item in expand_sources(paths):
        if isinstance(item, Rejected):
            yield sanitised_rejection(item)
        else:
            yield from read_source(item, settings, stdin)


_Item = TypeVar("_Item", RawDocument | Rejected, RawDocument | Article | Rejected)


def unique_ids(items: Iterable[_Item]) -> Iterator[_Item]:
    """Documents (and ready articles) with ids made unique, deterministically: a
    later duplicate of ``x`` becomes ``x-2`` (or ``x-3``, ... if that is taken too)."""
    used: set[str] = set()
    for item in items:
        if isinstance(item, (RawDocument, Article)):
            new_id = item.id
            counter = 2
            while new_id in used:
                new_id = f"{item.id}-{counter}"
                counter += 1
            used.add(new_id)
            if new_id != item.id:
                item = replace(item, id=new_id)
        yield item
