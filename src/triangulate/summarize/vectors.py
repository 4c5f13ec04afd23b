"""Moved to :mod:`triangulate.vectors` (compare/ and summarize/ share it);
this name keeps old imports working."""

from ..vectors import terms_with_bigrams, tfidf

__all__ = ["terms_with_bigrams", "tfidf"]
