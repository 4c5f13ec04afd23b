"""Articles already in memory, for :func:`triangulate.brief_documents`: strings,
dicts shaped like a JSON export's records, RawDocument and Article values."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from ..errors import UsageError
from ..model import Article, RawDocument, Rejected
from .jsonl import read_record


def documents_from_objects(docs: Iterable[object]) -> Iterator[RawDocument | Article | Rejected]:
    """One value per item, in order. The N-th item (from 1) has origin
    ``<document N>`` and, when it carries no id, the id ``doc-N``.

    A string is one article's text (plain or HTML); a mapping is read like a
    JSON record; RawDocument and Article values pass through. An empty string
    or a record without text becomes a :class:`Rejected`; an item of any other
    type is a programming error and raises :class:`UsageError`.
    """
    if isinstance(docs, (str, bytes, Mapping)):
        raise UsageError(
            "brief_documents takes a list (or any iterable) of documents, got a single "
            f"{type(docs).__name__}; wrap it in a list: brief_documents([doc])."
        )
    for number, doc in enumerate(docs, start=1):
        default_id, origin = f"doc-{number}", f"<document {number}>"
        if isinstance(doc, (RawDocument, Article)):
            yield doc
        elif isinstance(doc, str):
            yield read_record({"text": doc}, default_id, origin)
        elif isinstance(doc, Mapping):
            yield read_record(doc, default_id, origin)
        else:
            raise UsageError(
                f"Document {number} is a {type(doc).__name__}; brief_documents reads strings, dicts "
                "(JSON-like records with a 'text' field), RawDocument and Article values. "
                "Decode bytes first, or pass file paths to triangulate.brief instead."
            )
