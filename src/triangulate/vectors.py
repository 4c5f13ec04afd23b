"""TF-IDF sentence vectors, shared by compare/ and summarize/: the same weighting
as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` (smoothed idf,
l2-normalised rows).

Written out here because importing scikit-learn costs about one second per
process (measured: 1.18 s of a 4.8 s `brief` run on the example), more than the
whole computation for an event; ``tests/test_vectors.py`` checks the
result against scikit-learn.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse


def terms_with_bigrams(terms: Sequence[str]) -> list[str]:
    return list(terms) + [f"{a} {b}" for a, b in zip(terms, terms[1:])]


def tfidf(documents: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Rows: documents; columns: terms (unigrams and bigrams of the given tokens)."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    values: list[int] = []
    for row, tokens in enumerate(documents):
        counts: dict[int, int] = {}
        for term in terms_with_bigrams(tokens):
            column = vocabulary.setdefault(term, len(vocabulary))
            counts[column] = counts.get(column, 0) + 1
        rows.extend([row] * len(counts))
        cols.extend(counts)
        values.extend(counts.values())
    shape = (len(documents), max(1, len(vocabulary)))
    matrix = sparse.csr_matrix((np.asarray(values, dtype=np.float64), (rows, cols)), shape=shape)
    matrix.data = 1.0 + np.log(matrix.data)
    document_frequency = np.bincount(matrix.indices, minlength=shape[1])
    idf = np.log((1 + shape[0]) / (1 + document_frequency)) + 1.0
    matrix = matrix @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
