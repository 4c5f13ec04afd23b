"""Every reader, fed arbitrary input shaped like its format: documents or
listed rejections out (a whole-input failure is an InputError, which the
dispatcher lists), never another exception and never a hang."""

from __future__ import annotations

import gzip
import io
import json
import signal
from contextlib import contextmanager

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triangulate.errors import InputError
from triangulate.ingest import read_inputs
from triangulate.ingest.dispatch import read_bytes
from triangulate.ingest.feeds import read_feed
from triangulate.ingest.hints import BODY_FIELDS, ID_FIELDS, LANGUAGE_FIELDS, SOURCE_FIELDS, TITLE_FIELDS, URL_FIELDS
from triangulate.ingest.jsonl import read_json, read_json_lines_bytes
from triangulate.ingest.sources import Source
from triangulate.ingest.warc import read_warc
from triangulate.model import RawDocument, Rejected
from triangulate.settings import Settings

LIMIT = Settings(max_bytes=8192)
HANG_SECONDS = 30  # a guard against a hang, far above any input's real cost

FIELDS = BODY_FIELDS + TITLE_FIELDS + URL_FIELDS + SOURCE_FIELDS + LANGUAGE_FIELDS + ID_FIELDS + ("date", "published")
ENCODINGS = ["utf-8", "latin-1", "windows-1252", "nope", "base64", "rot13", "punycode", "utf-16", "utf-7", "", "x" * 300]

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
    st.sampled_from(["\ud800", "javascript:alert(1)", "en-GB", "\u202eevil", "<svg onload=alert(1)>"]),
)
json_values = st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), inner, max_size=4),
    max_leaves=12,
)
records = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=8)


@contextmanager
def no_hang():
    def hung(signum, frame):
        raise AssertionError(f"a reader ran for {HANG_SECONDS} s on one small input")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run(reader) -> list[RawDocument | Rejected]:
    """What the dispatcher would list: the reader's items, or its InputError as one rejection."""
    with no_hang():
        try:
            items = list(reader)
        except InputError as error:
            assert error.reason
            return [Rejected("ingest", "x", error.origin, error.reason)]
    for item in items:
        assert isinstance(item, (RawDocument, Rejected)), item
        if isinstance(item, Rejected):
            assert item.reason
    return items


def source(suffix: str = "") -> Source:
    return Source(origin=f"in{suffix}", path=None, stem="in", suffix=suffix)


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.lists(records | json_values, max_size=5), st.booleans())
def test_ingest_json_reader_takes_any_json(values, as_lines):
    text = "\n".join(json.dumps(v) for v in values) if as_lines else json.dumps(values)
    run(read_json(text, source(".jsonl" if as_lines else ".json"), "utf-8"))


@PROPERTY
@given(st.text(max_size=600), st.sampled_from(["", ".json", ".jsonl"]))
def test_ingest_json_reader_takes_any_text(text, suffix):
    run(read_json(text, source(suffix), "utf-8"))


@PROPERTY
@given(st.lists(st.binary(max_size=80) | records.map(lambda r: json.dumps(r).encode()), max_size=6))
def test_ingest_json_lines_reader_takes_any_bytes_per_line(lines):
    run(read_json_lines_bytes(b"\n".join(lines), source(".jsonl")))


feed_entries = st.lists(
    st.tuples(st.text(max_size=30), st.text(max_size=120), st.sampled_from(["", "html", "text"])), max_size=4
)


@PROPERTY
@given(st.sampled_from(ENCODINGS), st.sampled_from(["rss", "feed", "rdf:RDF"]), feed_entries, st.binary(max_size=60))
def test_ingest_feed_reader_takes_any_feed_shape(encoding, root, entries, tail):
    items = "".join(
        f"<item><title>{title}</title><description type='{kind}'>{body}</description></item>"
        for title, body, kind in entries
    )
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>' if encoding else ""
    data = f"{declaration}<{root}><channel><title>T</title>{items}</channel></{root}>".encode("utf-8", "surrogatepass")
    run(read_feed(data + tail, source(".xml")))


@PROPERTY
@given(st.binary(max_size=800))
def test_ingest_feed_reader_takes_any_bytes(data):
    run(read_feed(b"<?xml version='1.0'?><rss><channel><item><description>" + data, source(".xml")))


def warc_record(body: bytes, http_type: str, extra: str) -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {http_type}\r\n{extra}Content-Length: {len(body)}\r\n\r\n".encode()
    block = http + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/x\r\n"
        "WARC-Date: 2031-03-14T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


@PROPERTY
@given(
    st.lists(
        st.tuples(
            st.binary(max_size=300),
            st.sampled_from(["text/html", "text/html; charset=nope", "text/html; charset=base64", "image/png"]),
            st.sampled_from(["", "Content-Encoding: gzip\r\n", "Transfer-Encoding: chunked\r\n", "Content-Encoding: br\r\n"]),
        ),
        min_size=1, max_size=3,
    ),
    st.booleans(),
    st.floats(0, 1),
)
def test_ingest_warc_reader_takes_any_records_and_any_cut(records_, compress, keep):
    data = b"".join(gzip.compress(r) if compress else r for r in (warc_record(*spec) for spec in records_))
    data = data[: max(8, int(len(data) * keep))]
    run(read_warc(io.BytesIO(data), source(".warc"), LIMIT))


@PROPERTY
@given(st.binary(max_size=1500), st.sampled_from(["", ".txt", ".html", ".json", ".jsonl", ".xml"]))
def test_ingest_bytes_reader_takes_any_bytes(data, suffix):
    run(read_bytes(data, source(suffix), LIMIT))


@PROPERTY
@given(st.binary(max_size=1500))
def test_ingest_read_inputs_never_raises_on_any_stdin(data):
    with no_hang():
        items = list(read_inputs(["-"], LIMIT, stdin=io.BytesIO(data)))
    assert items and all(isinstance(i, (RawDocument, Rejected)) for i in items)
    for item in items:
        fields = (item.id, item.origin, item.content) if isinstance(item, RawDocument) else (item.origin, item.reason)
        for value in fields:
            value.encode("utf-8")  # every string can be written to a report
