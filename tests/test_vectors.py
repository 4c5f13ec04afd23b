import numpy as np
from hypothesis import given, settings, strategies as st

from triangulate.vectors import terms_with_bigrams, tfidf

WORDS = st.sampled_from("dam flood toll rise 18 21 minister deny report crack army troop".split())


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=0, max_size=12), min_size=1, max_size=12))
def test_vectors_match_scikit_learn(documents):
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not any(documents):
        return
    ours = tfidf(documents)
    reference = TfidfVectorizer(analyzer=terms_with_bigrams, sublinear_tf=True).fit_transform(documents)
    # Column order differs; cosine similarities between documents do not.
    assert np.allclose((ours @ ours.T).toarray(), (reference @ reference.T).toarray())


def test_vectors_rows_are_unit_length():
    matrix = tfidf([("dam", "break"), ("dam", "flood", "flood"), ()])
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A.ravel()
    assert np.allclose(norms, [1, 1, 0])


def test_vectors_old_import_path_still_works():
    from triangulate.summarize import vectors as old

    assert old.tfidf is tfidf and old.terms_with_bigrams is terms_with_bigrams
