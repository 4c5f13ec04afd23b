"""Shared passages and independence groups (wire copy, reprints, pasted
paragraphs): articles that share enough of their own text count as one source.

    words_of (text.py)  ->  LSH candidates + exact runs (independence.py, passages.py)
                        ->  IndependenceGrouper.groups_ / .passages_
"""

from .independence import IndependenceGrouper, group_articles

__all__ = ["IndependenceGrouper", "group_articles"]
