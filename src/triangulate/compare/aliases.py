"""The alias table: names that are one entity although no spelling rule can
tell ("ISIL" and "Daesh", "Kiev" and "Kyiv").

A table is a TSV file, one entity per line: the canonical name, then its
aliases, separated by tabs; ``#`` starts a comment line. The default table
ships with the package (``aliases.tsv``); :func:`load_aliases` adds a user's
file on top of it, and a user line replaces every default line that shares a
name with it.

Short all-capital aliases (up to :data:`CASED_MAX_LETTERS` letters, dots
ignored: "IS", "UN", "U.S.") match only in capitals, so the word "is" or "us"
never matches; other names match whatever their case, accents or punctuation.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import UsageError
from .names import normalise_name

#: All-capital aliases up to this length are matched case-sensitively.
CASED_MAX_LETTERS = 5

DEFAULT_TABLE = "aliases.tsv"


def alias_key(name: str) -> str:
    """The lookup key of a name in an alias table."""
    letters = name.replace(".", "").strip()
    if letters.isalpha() and letters.isupper() and len(letters) <= CASED_MAX_LETTERS:
        return "=" + letters
    return normalise_name(name)


@dataclass(frozen=True, slots=True)
class AliasTable:
    """Rows of names that are one entity; ``rows[i][0]`` is the canonical name."""

    rows: tuple[tuple[str, ...], ...] = ()

    def row_of(self, name: str) -> int | None:
        """The row that lists ``name``, or None. Later rows win a shared key."""
        key = alias_key(name)
        found = None
        for i, row in enumerate(self.rows):
            if any(alias_key(n) == key for n in row):
                found = i
        return found

    def index(self) -> dict[str, int]:
        """Key -> row, for looking up many names at once."""
        keys: dict[str, int] = {}
        for i, row in enumerate(self.rows):
            for name in row:
                keys[alias_key(name)] = i
        return keys

    def canonical(self, row: int) -> str:
        return self.rows[row][0]

    def extended(self, other: AliasTable) -> AliasTable:
        """This table with ``other``'s rows on top: a row of ``other`` replaces
        every row here that shares a name with it."""
        theirs = {alias_key(n) for row in other.rows for n in row}
        kept = tuple(row for row in self.rows if not any(alias_key(n) in theirs for n in row))
        return AliasTable(kept + other.rows)


def parse_aliases(text: str, origin: str = "<aliases>") -> AliasTable:
    """Parse TSV text into an :class:`AliasTable`."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        names = tuple(n.strip() for n in line.split("\t") if n.strip())
        if len(names) < 2:
            raise UsageError(
                f"{origin}, line {number}: an alias line needs a name and at least one alias separated by "
                f"tabs, got {line.strip()[:60]!r}. Separate the names with tab characters (not spaces)."
            )
        rows.append(names)
    return AliasTable(tuple(rows))


def default_aliases() -> AliasTable:
    """The table shipped with triangulate."""
    text = resources.files(__package__).joinpath(DEFAULT_TABLE).read_text(encoding="utf-8")
    return parse_aliases(text, DEFAULT_TABLE)


def load_aliases(path: str | Path | None = None, *, defaults: bool = True) -> AliasTable:
    """The default table (unless ``defaults`` is false) extended with the user's
    TSV file at ``path`` (if given)."""
    table = default_aliases() if defaults else AliasTable()
    if path is None:
        return table
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(
            f"Cannot read the alias file {str(path)!r}: {error}. Give the path of a UTF-8 TSV file "
            "(one entity per line: name, then aliases, separated by tabs)."
        ) from error
    return table.extended(parse_aliases(text, str(path)))
