"""Invariants over arbitrary input: ingest never raises for a bad input, and is
idempotent."""

from __future__ import annotations

import gzip
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triangulate.ingest import read_inputs
from triangulate.model import RawDocument, Rejected
from triangulate.settings import Settings

# Bytes that look like the start of each format, so the generated inputs reach
# the readers behind detection, not only the text fallback.
PREFIXES = [
    b"",
    b"\x1f\x8b",
    b"WARC/1.0\r\n",
    b'{"text": ',
    b"[",
    b'<?xml version="1.0"?><rss><channel><item><description>',
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>",
    b"<!doctype html><html><body><p>",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
]

inputs = st.one_of(
    st.binary(max_size=2000),
    st.builds(lambda p, b: p + b, st.sampled_from(PREFIXES), st.binary(max_size=500)),
    st.builds(lambda p, t: p + t.encode("utf-8", "surrogatepass"), st.sampled_from(PREFIXES), st.text(max_size=300)),
    st.builds(gzip.compress, st.binary(max_size=300)),
)


def ingest(data: bytes) -> list[RawDocument | Rejected]:
    return list(read_inputs(["-"], Settings(max_bytes=4096), stdin=io.BytesIO(data)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs)
def test_ingest_arbitrary_bytes_never_raise_and_yield_only_documents_or_rejections(data):
    items = ingest(data)
    assert items
    for item in items:
        assert isinstance(item, (RawDocument, Rejected))
        if isinstance(item, RawDocument):
            assert item.content.strip()
            assert "\r" not in item.content
            assert item.kind in ("text", "html")
        else:
            assert item.stage == "ingest" and item.reason


@settings(max_examples=100, deadline=None)
@given(inputs)
def test_ingest_is_idempotent(data):
    assert ingest(data) == ingest(data)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["a.txt", "b.txt", "sub/a.txt", "c.json"]), min_size=1, max_size=6))
def test_ingest_ids_are_unique_whatever_the_argument_list(tmp_path_factory, names):
    root = tmp_path_factory.mktemp("ids")
    for name in ("a.txt", "b.txt", "sub/a.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"Text of {name}.")
    (root / "c.json").write_text('[{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]')
    docs = [d for d in read_inputs([str(root / n) for n in names], Settings()) if isinstance(d, RawDocument)]
    assert len({d.id for d in docs}) == len(docs)
