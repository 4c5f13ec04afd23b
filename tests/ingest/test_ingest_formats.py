"""Each input format becomes the right RawDocument values (or rejections)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from triangulate.ingest import read_inputs
from triangulate.model import RawDocument, Rejected
from triangulate.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def read(*paths: str | Path, settings: Settings | None = None) -> list[RawDocument | Rejected]:
    return list(read_inputs([str(p) for p in paths], settings or Settings()))


def only(items: list[RawDocument | Rejected]) -> RawDocument:
    assert len(items) == 1, items
    assert isinstance(items[0], RawDocument), items[0]
    return items[0]


def test_ingest_text_dump_keeps_everything_and_takes_file_stem_as_id():
    doc = only(read(FIXTURES / "kessra-tribune.txt"))
    assert doc.id == "kessra-tribune"
    assert doc.kind == "text"
    assert doc.encoding == "utf-8"
    assert doc.origin.endswith("kessra-tribune.txt")
    assert "ADVERTISEMENT" in doc.content  # boilerplate is for clean/ to take out, visibly
    assert doc.content.startswith("KESSRA TRIBUNE\n")
    assert "KESSRA —" in doc.content


def test_ingest_html_in_windows_1252_honours_meta_charset():
    doc = only(read(FIXTURES / "valley-herald.html"))
    assert doc.kind == "html"
    assert doc.encoding == "windows-1252"
    assert "café owners" in doc.content
    assert "\u201cserious but repairable\u201d" in doc.content  # curly quotes kept
    assert "\r" not in doc.content
    assert doc.repairs == ()


def test_ingest_html_without_doctype_is_recognised_by_its_tags(tmp_path):
    page = tmp_path / "fragment.txt"
    page.write_text("<div class='story'><p>The ferry adds runs.</p></div>", encoding="utf-8")
    assert only(read(page)).kind == "html"


def test_ingest_gzipped_html_page_is_decompressed_and_id_drops_both_suffixes(tmp_path):
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress((FIXTURES / "valley-herald.html").read_bytes()))
    doc = only(read(page))
    assert doc.id == "page"
    assert doc.kind == "html"
    assert "café owners" in doc.content


def test_ingest_json_object_reads_body_and_hints():
    doc = only(read(FIXTURES / "wire-copy.json"))
    assert doc.id == "ka-20310314-0912"
    assert doc.kind == "text"
    assert doc.title == "Kessra closes footbridge over the Ilm"
    assert doc.url == "https://wire.example/kessra-footbridge"
    assert doc.published == "2031-03-14T09:12:00+01:00"
    assert doc.source == "Kessra Agency"  # {"name": ...} counts
    assert doc.language == "en"
    assert doc.content.startswith("KESSRA, March 14 (KA)")


def test_ingest_json_object_without_id_takes_the_file_stem(tmp_path):
    path = tmp_path / "lone.json"
    path.write_text(json.dumps({"body": "The bridge is shut."}), encoding="utf-8")
    assert only(read(path)).id == "lone"


def test_ingest_jsonl_rejects_bad_lines_alone_and_reads_the_rest():
    items = read(FIXTURES / "exports.jsonl")
    assert [type(item).__name__ for item in items] == ["RawDocument", "Rejected", "Rejected", "RawDocument"]
    first, bad, no_body, html = items
    assert first.id == "north-post-1"
    assert first.source == "North Post" and first.published == "2031-03-14"
    assert bad.origin.endswith("exports.jsonl:2")
    assert bad.item_id == "exports-2"
    assert bad.reason.startswith("invalid JSON")
    assert no_body.origin.endswith("exports.jsonl:3")
    assert no_body.reason.startswith("no article text")
    assert html.id == "exports-4"
    assert html.kind == "html"
    assert html.source == "Ilm Valley Radio"
    assert html.published == "2031-03-13T18:00:00+01:00"  # RFC 822 made ISO, offset kept


def test_ingest_jsonl_rejects_non_objects_and_empty_bodies(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text('[1, 2]\n\n{"text": "   "}\n{"text": 42}\n{"content": ["First paragraph.", "Second."]}\n')
    items = read(path)
    reasons = [item.reason for item in items if isinstance(item, Rejected)]
    assert reasons == ["not a JSON object but a list", "empty article text in field 'text'", "field 'text' holds a number, not text"]
    doc = items[-1]
    assert isinstance(doc, RawDocument)
    assert doc.id == "odd-5"  # line numbers count blank lines too
    assert doc.content == "First paragraph.\n\nSecond."


def test_ingest_jsonl_without_jsonl_suffix_is_detected_by_content(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    assert [item.id for item in read(path)] == ["dump-1", "dump-2"]


def test_ingest_json_array_is_read_like_jsonl():
    first, second = read(FIXTURES / "roundup.json")
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.id == "roundup-1"
    assert first.origin.endswith("roundup.json#1")
    assert first.source == "kessra-daily.example"
    assert second.id == "65f1c0ffee"  # {"$oid": ...} from a Mongo export
    assert second.source == "Ilm Watch" and second.language == "en"


def test_ingest_json_container_object_is_read_as_its_list(tmp_path):
    path = tmp_path / "api.json"
    path.write_text(json.dumps({"status": "ok", "articles": [{"content": "A."}, {"content": "B."}]}))
    assert [item.content for item in read(path)] == ["A.", "B."]


def test_ingest_invalid_json_is_rejected_not_read_as_text(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"title": "Bridge", "text": "unfinished', encoding="utf-8")
    (item,) = read(path)
    assert isinstance(item, Rejected)
    assert item.reason.startswith("invalid JSON: ")


def test_ingest_text_starting_with_a_bracket_is_text_not_broken_json(tmp_path):
    path = tmp_path / "update.txt"
    path.write_text("[Updated 10:40] The footbridge will stay closed.", encoding="utf-8")
    assert only(read(path)).kind == "text"


def test_ingest_rss_feed_gives_one_document_per_entry():
    first, second, empty = read(FIXTURES / "feed-rss.xml")
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.id == "feed-rss-1" and first.origin.endswith("feed-rss.xml#1")
    assert first.kind == "html" and "<em>cracks</em>" in first.content
    assert first.title == "Footbridge over the Ilm closes"
    assert first.url == "https://tribune.example/2031/03/14/footbridge"
    assert first.published == "2031-03-14T08:40:00+01:00"
    assert first.source == "Kessra Tribune"
    assert first.language == "en"  # the feed says en-gb: the language part of the tag is kept
    assert second.kind == "text"
    assert isinstance(empty, Rejected) and "no text" in empty.reason


def test_ingest_atom_feed_reads_content_and_summary():
    first, second = read(FIXTURES / "feed-atom.xml")
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.kind == "html"
    assert "Mara Tesk" in first.content
    assert first.published == "2031-03-14T11:30:00+01:00"
    assert first.source == "Ilm Valley Radio"
    assert second.content == "The river ferry adds morning runs while the bridge is closed."
    assert second.kind == "text"


def test_ingest_feed_without_entries_is_rejected(tmp_path):
    path = tmp_path / "quiet.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    (item,) = read(path)
    assert isinstance(item, Rejected)
    assert item.reason == "feed with no entries"


def test_ingest_feed_declaring_entities_is_refused(tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        "<rss><channel><title>T</title><item><description>&b;</description></item></channel></rss>"
    )
    (item,) = read(path)
    assert isinstance(item, Rejected)
    assert item.reason.startswith("feed refused")


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip-per-record"])
def test_ingest_warc_reads_html_responses_only(tmp_path, compress):
    records = [
        warc_record("warcinfo", None, b"software: hand-written\r\n", content_type="application/warc-fields"),
        warc_response("https://tribune.example/bridge", b"<html><body><p>The footbridge closed.</p></body></html>"),
        warc_response("https://tribune.example/logo.png", b"\x89PNG\r\n\x1a\n", http_type="image/png"),
        warc_response("https://tribune.example/old", b"<html>moved</html>", status="301 Moved Permanently"),
        warc_response(
            "https://herald.example/cafe", "<html><body><p>Caf\u00e9 owners worry.</p></body></html>".encode("cp1252"),
            http_type="text/html; charset=windows-1252",
        ),
    ]
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(b"".join(gzip.compress(r) if compress else r for r in records))
    first, second = read(path)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.id, second.id) == ("crawl-1", "crawl-2")
    assert first.kind == "html"
    assert first.url == "https://tribune.example/bridge"
    assert first.published is None  # WARC-Date is the crawl date, not publication
    assert "The footbridge closed." in first.content
    assert "@" in first.origin and first.origin.startswith(str(path))
    assert second.encoding == "windows-1252"
    assert "Café owners" in second.content


def test_ingest_warc_archive_over_the_limit_is_streamed_by_record(tmp_path):
    records = [warc_response(f"https://a.example/{n}", b"<html><p>%d</p></html>" % n) for n in range(200)]
    path = tmp_path / "archive.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in records))
    assert path.stat().st_size > 20_000
    items = read(path, settings=Settings(max_bytes=1_000))
    assert len(items) == 200 and all(isinstance(item, RawDocument) for item in items)
    assert items[-1].url == "https://a.example/199"


def test_ingest_warc_on_stdin_is_read(tmp_path):
    data = gzip.compress(warc_response("https://a.example/s", b"<html><p>From a pipe.</p></html>"))
    (doc,) = read_inputs(["-"], Settings(), stdin=io.BytesIO(data))
    assert isinstance(doc, RawDocument)
    assert doc.id == "stdin-1" and doc.origin == "<stdin>@0"
    assert "From a pipe." in doc.content


def test_ingest_warc_record_over_the_limit_is_rejected_alone(tmp_path):
    path = tmp_path / "big.warc"
    path.write_bytes(
        warc_response("https://a.example/long", b"<html><p>" + b"x" * 500 + b"</p></html>")
        + warc_response("https://a.example/short", b"<html><p>short</p></html>")
    )
    big, small = read(path, settings=Settings(max_bytes=200))
    assert isinstance(big, Rejected) and "over the limit of 200 bytes" in big.reason
    assert isinstance(small, RawDocument) and small.url == "https://a.example/short"


def test_ingest_warc_without_html_is_unsupported(tmp_path):
    path = tmp_path / "images.warc"
    path.write_bytes(warc_response("https://a.example/x.png", b"\x89PNG", http_type="image/png"))
    (item,) = read(path)
    assert isinstance(item, Rejected)
    assert "without HTML responses" in item.reason


def test_ingest_corrupt_warc_is_rejected(tmp_path):
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a header block\r\n\r\n")
    (item,) = read(path)
    assert isinstance(item, Rejected)


# -- a WARC writer by hand: the format is short enough to spell out ----------


def warc_record(kind: str, uri: str | None, block: bytes, content_type: str) -> bytes:
    headers = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        "WARC-Date: 2031-03-14T10:00:00Z",
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{len(block):012d}>",
        f"Content-Type: {content_type}",
        f"Content-Length: {len(block)}",
    ]
    if uri:
        headers.insert(2, f"WARC-Target-URI: {uri}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def warc_response(uri: str, body: bytes, http_type: str = "text/html; charset=utf-8", status: str = "200 OK") -> bytes:
    http = f"HTTP/1.1 {status}\r\nContent-Type: {http_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    return warc_record("response", uri, http + body, "application/http; msgtype=response")
