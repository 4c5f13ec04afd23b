"""Reading bytes at the edge, never more than the size limit allows.

A file's size is checked with ``fstat`` before its body is read, so an enormous
file costs one small read (its first bytes, to recognise a WARC archive, which
is read record by record instead). Standard input is read up to the limit plus
one byte. gzip data is decompressed with the same cap on its decompressed size.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from .sources import Source

#: Bytes read first from every input: enough to recognise any format.
HEAD_BYTES = 64 * 1024

LIMIT_FIX = "raise it with --max-bytes"


@contextlib.contextmanager
def open_source(source: Source, stdin: BinaryIO | None) -> Iterator[BinaryIO]:
    """The input's byte stream; an OS error becomes an :class:`InputError`."""
    if source.path is None:
        yield stdin if stdin is not None else sys.stdin.buffer
        return
    with open_regular_file(source.path, source.origin) as stream:
        yield stream


#: What a path that is not a regular file is, by its ``stat`` mode test.
SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def open_descriptor(path: str) -> int:
    """A read-only descriptor, opened without blocking (a FIFO with no writer
    would otherwise block the open itself) and never as a controlling terminal."""
    return os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


@contextlib.contextmanager
def open_regular_file(path: str, origin: str) -> Iterator[BinaryIO]:
    """``path`` opened for reading if it is a regular file (a link to one is
    followed); anything else raises :class:`InputError` without being read.

    The file is opened without blocking, so opening a FIFO cannot hang, and
    the type is checked on the open descriptor, so it cannot change between
    the check and the read."""
    try:
        descriptor = open_descriptor(path)
    except OSError as error:
        raise InputError(origin, os_reason(error)) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            what = next((name for test, name in SPECIAL_FILES if test(mode)), "not a regular file")
            raise InputError(
                origin, f"{what}, not a regular file: triangulate reads only files (pipe data in with '-')"
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        stream = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with stream:
        yield stream


def regular_file_size(stream: BinaryIO) -> int | None:
    """The size of a regular file, or None for pipes, terminals and streams."""
    try:
        info = os.fstat(stream.fileno())
    except (OSError, AttributeError, io.UnsupportedOperation, ValueError):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def read_up_to(stream: BinaryIO, limit: int, origin: str) -> bytes:
    """At most ``limit`` bytes, fewer only at the end of the stream."""
    chunks: list[bytes] = []
    wanted = limit
    try:
        while wanted > 0:
            chunk = stream.read(wanted)
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
    except OSError as error:
        raise InputError(origin, os_reason(error)) from None
    return b"".join(chunks)


def over_limit(size: int, limit: int, *, at_least: bool = False) -> str:
    said = f"at least {size}" if at_least else str(size)
    return f"{said} bytes, over the limit of {limit} bytes; {LIMIT_FIX}"


def gunzip(data: bytes, limit: int, origin: str) -> bytes:
    """Decompress gzip data (one or more members), refusing more than ``limit``
    bytes of output: a small file that inflates hugely is rejected, not read."""
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(rest, limit + 1 - len(out))
        except zlib.error:
            raise InputError(origin, "truncated or corrupt gzip") from None
        if len(out) > limit:
            raise InputError(origin, f"decompressed size over the limit of {limit} bytes; {LIMIT_FIX}")
        if not inflater.eof:
            raise InputError(origin, "truncated or corrupt gzip")
        rest = inflater.unused_data
        if not rest.strip(b"\x00"):  # nothing, or the zero padding some tools add
            break
        if rest[:2] != b"\x1f\x8b":
            raise InputError(origin, "truncated or corrupt gzip (unexpected data after the end)")
    return bytes(out)


def os_reason(error: OSError) -> str:
    """The operating system's own words: "Permission denied", ..."""
    return error.strerror or str(error)


class PrefixedStream(io.RawIOBase):
    """A stream that replays bytes already read, then reads on from ``rest``:
    lets a WARC reader start at byte 0 of standard input after sniffing."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._rest = rest
        self._position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        size = len(buffer)
        if self._head:
            chunk, self._head = self._head[:size], self._head[size:]
        else:
            chunk = self._rest.read(size)
        buffer[: len(chunk)] = chunk
        self._position += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self._position
