"""Union-find (disjoint sets) over hashable, orderable items: the connected
components that grouping stages build (merged names, shared passages, clauses
of one date, counts of one thing, wordings of one action)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, Generic, Protocol, TypeVar


class _Key(Hashable, Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


T = TypeVar("T", bound=_Key)


class DisjointSets(Generic[T]):
    """Each set is named by its smallest member, so results do not depend on
    the order of the unions."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._parent: dict[T, T] = {item: item for item in items}

    def add(self, item: T) -> None:
        self._parent.setdefault(item, item)

    def find(self, item: T) -> T:
        parent = self._parent
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: T, b: T) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[T, list[T]]:
        """Root -> members, members in insertion order."""
        out: dict[T, list[T]] = {}
        for item in self._parent:
            out.setdefault(self.find(item), []).append(item)
        return out
