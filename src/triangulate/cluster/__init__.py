"""Event clustering: articles -> events, online and time-aware.

    features.py  per article, pure: content terms, capitalised phrases, day
    online.py    OnlineClusterer: candidates from an inverted index within a
                 time window, join / new event / merge with redirects
    split.py     the events of one in-memory batch (``brief`` on a folder)
"""

from .features import Features, features_of
from .online import Assignment, OnlineClusterer

__all__ = ["Assignment", "Features", "OnlineClusterer", "features_of"]
