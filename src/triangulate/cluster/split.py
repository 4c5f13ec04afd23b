"""The events of one batch of articles held in memory: what ``brief`` on a
folder uses to tell whether it was given one event or several."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from .features import features_of
from .online import OnlineClusterer

#: ``brief`` splits its inputs only where articles share little: a wrong split
#: changes a briefing that is right today, a wrong merge is what ``brief`` did
#: before it split at all. 0.15 is where the clusterer's cosine separates
#: same-story from different-story SemEval-2022 pairs best without dates
#: (F1 0.81, bench/clustering_pairs.py), against 0.3 for the store's stream.
SPLIT_THRESHOLD = 0.15


def split_events(
    articles: Sequence[Article], seed: int = 0, threshold: float = SPLIT_THRESHOLD
) -> list[tuple[Article, ...]]:
    """Articles grouped by event, largest event first (ties: earliest first).

    Articles are placed in publication order (undated ones last, by id), the
    order a stream would bring them in, so the result does not depend on the
    order of the inputs.
    """
    ordered = sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))
    clusterer = OnlineClusterer(seed=seed, threshold=threshold)
    for article in ordered:
        clusterer.partial_fit(article.id, features_of(article.title, article.text, article.published))
    by_id = {a.id: a for a in articles}
    events = [
        tuple(by_id[k] for k in sorted(state.members, key=[a.id for a in ordered].index))
        for state in clusterer.events_.values()
    ]
    return sorted(events, key=lambda members: -len(members))
