"""Inputs built to break the readers: each becomes a listed rejection (or a
repaired document), never a crash, a hang or a half-read article."""

from __future__ import annotations

import gzip
import json
import os
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest

from triangulate.ingest import read_inputs
from triangulate.model import RawDocument, Rejected
from triangulate.settings import Settings

PROSE = (
    "The café on Ilm Street reopened on Monday after two years of repairs, the owner said, "
    "and the first customers queued before dawn to see the restored tiles."
)


def read(*paths: str | Path) -> list[RawDocument | Rejected]:
    return list(read_inputs([str(p) for p in paths], Settings()))


@contextmanager
def no_hang(seconds: int = 20):
    """Fail instead of blocking forever (the bug this guards against is a hang)."""
    def hung(signum, frame):
        raise AssertionError(f"reading blocked for {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("encoding", ["nope", "base64", "rot13", "punycode", "hex", "utf-7", "unicode_escape"])
def test_ingest_feed_with_an_odd_encoding_declaration_is_one_rejection(tmp_path, encoding):
    feed = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel><title>T</title>'
        f"<item><title>Café reopens</title><description>{PROSE}</description></item></channel></rss>"
    )
    path = tmp_path / "feed.xml"
    path.write_bytes(feed.encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text(PROSE)
    bad, fine = read(path, good)
    assert isinstance(bad, Rejected) and bad.origin == str(path)
    assert repr(encoding) in bad.reason and "not a character set" in bad.reason
    assert isinstance(fine, RawDocument)


def warc_response(uri: str, body: bytes) -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    block = http + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2031-03-14T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{len(block):012d}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


PAGE = ("<html><body><article><p>" + PROSE * 20 + "</p></article></body></html>").encode()


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_ingest_warc_cut_mid_payload_lists_the_truncated_record(tmp_path, compress):
    whole = warc_response("https://a.example/whole", b"<html><body><p>" + PROSE.encode() + b"</p></body></html>")
    cut = warc_response("https://a.example/cut", PAGE)
    if compress:
        whole, cut = gzip.compress(whole), gzip.compress(cut)
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(whole + cut[: len(cut) * 2 // 3])
    first, second = read(path)
    assert isinstance(first, RawDocument) and first.url == "https://a.example/whole"
    assert isinstance(second, Rejected)
    assert second.reason.startswith("truncated WARC record")


def test_ingest_lone_surrogates_in_json_metadata_are_replaced(tmp_path):
    record = {"id": "a\ud800", "source": "Tribune \udfff", "url": "https://a.example/\ud83d", "language": "e\udc00n",
              "title": "Caf\ud800e", "text": PROSE + " \ud800"}
    path = tmp_path / "lone.json"
    path.write_text(json.dumps(record), encoding="utf-8")  # json.dumps writes them as \\ud800 escapes
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    for value in (doc.id, doc.source, doc.title, doc.content, doc.origin):
        value.encode("utf-8")  # no lone surrogate left: this would raise
    assert doc.id == "a\ufffd" and doc.source == "Tribune \ufffd"
    assert doc.url == "https://a.example/\ufffd"
    assert doc.language is None and any("language" in r for r in doc.repairs)


@pytest.mark.parametrize("inside_folder", [False, True], ids=["named", "in-a-folder"])
def test_ingest_fifo_is_listed_not_read(tmp_path, inside_folder):
    (tmp_path / "a.txt").write_text(PROSE)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with no_hang():
        items = read(tmp_path) if inside_folder else read(tmp_path / "a.txt", fifo)
    docs = [i for i in items if isinstance(i, RawDocument)]
    (rejected,) = [i for i in items if isinstance(i, Rejected)]
    assert [d.id for d in docs] == ["a"]
    assert rejected.origin == str(fifo) and "named pipe (FIFO), not a regular file" in rejected.reason


def test_ingest_character_device_is_listed_not_read():
    with no_hang():
        (item,) = read("/dev/zero")
    assert isinstance(item, Rejected) and "character device" in item.reason


def test_ingest_nul_byte_in_one_jsonl_line_rejects_that_line_only(tmp_path):
    lines = [
        json.dumps({"id": "one", "text": PROSE}).encode(),
        b'{"id": "two", "text": "broken \x00 record"}',
        json.dumps({"id": "three", "text": PROSE}).encode(),
    ]
    for name in ("export.jsonl", "export.json"):
        path = tmp_path / name
        path.write_bytes(b"\n".join(lines) + b"\n")
        one, two, three = read(path)
        assert isinstance(one, RawDocument) and isinstance(three, RawDocument)
        assert isinstance(two, Rejected) and two.origin == f"{path}:2" and "NUL" in two.reason


def test_ingest_binary_file_named_jsonl_is_one_rejection(tmp_path):
    path = tmp_path / "junk.jsonl"
    path.write_bytes(b"\x00\x01\x02\n" * 50)
    (item,) = read(path)
    assert isinstance(item, Rejected) and "binary" in item.reason


@pytest.mark.parametrize("value", [5, True, "??", ["en"], {"code": 5}])
def test_ingest_wrong_typed_language_is_ignored_with_a_note(tmp_path, value):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": PROSE, "language": value}))
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    assert doc.language is None
    assert any("'language' ignored" in r for r in doc.repairs)


def test_ingest_language_tag_keeps_its_language_part(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": PROSE, "lang": "en-GB"}))
    (doc,) = read(path)
    assert doc.language == "en" and doc.repairs == ()


def test_ingest_javascript_and_data_urls_are_dropped(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": PROSE, "url": "javascript:alert(1)"}) + "\n"
        + json.dumps({"text": PROSE, "url": "data:text/html,<svg onload=alert(1)>"}) + "\n"
        + json.dumps({"text": PROSE, "url": "https://tribune.example/cafe"}) + "\n"
    )
    first, second, third = read(path)
    assert first.url is None and second.url is None
    assert third.url == "https://tribune.example/cafe"


def test_ingest_bidi_and_zero_width_characters_leave_titles_and_sources(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": PROSE, "title": "Caf\u202ee\u200b reopens", "source": "Trib\u2066une\ufeff"}))
    (doc,) = read(path)
    assert doc.title == "Cafe reopens" and doc.source == "Tribune"
    assert any("invisible" in r for r in doc.repairs)
