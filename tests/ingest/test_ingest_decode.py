"""Bytes to text: encodings, repairs, and what is not text at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from triangulate.errors import InputError
from triangulate.ingest import read_inputs
from triangulate.ingest.decode import decode_bytes, declared_charset, repair_text
from triangulate.model import RawDocument, Rejected
from triangulate.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def read_one(path: Path) -> RawDocument | Rejected:
    (item,) = read_inputs([str(path)], Settings())
    return item


def test_ingest_mojibake_is_repaired_and_recorded():
    doc = read_one(FIXTURES / "mojibake.txt")
    assert isinstance(doc, RawDocument)
    assert "The café on Harrow Street" in doc.content
    assert doc.repairs == ("mojibake fixed",)


def test_ingest_utf16_with_bom_is_decoded():
    doc = read_one(FIXTURES / "ilm-notes-utf16.txt")
    assert isinstance(doc, RawDocument)
    assert doc.encoding == "utf-16"
    assert doc.content == "River Ilm notes: the footbridge reopened on 28 April. \u201cA relief,\u201d said one caf\u00e9 owner.\n"


def test_ingest_utf16_without_bom_is_recognised():
    decoded = decode_bytes("Ferry runs added on the Ilm.".encode("utf-16-le"), "x")
    assert decoded.text == "Ferry runs added on the Ilm."
    assert decoded.encoding == "utf-16-le"


def test_ingest_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfBridge shut.")
    doc = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.content == "Bridge shut." and doc.encoding == "utf-8"


def test_ingest_legacy_text_without_declaration_is_guessed_as_windows_1252(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Le café est très calme, déjà fermé à la française.".encode("cp1252"))
    doc = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.encoding == "windows-1252"
    assert "très calme, déjà fermé" in doc.content


def test_ingest_newlines_are_normalised(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"one\r\ntwo\rthree\n")
    doc = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.content == "one\ntwo\nthree\n"


def test_ingest_repairs_keep_curly_quotes_and_full_width_forms():
    text = "\u201cQuoted\u201d, \u2018single\u2019, \uff11\uff12\u3001CJK\u3002"
    assert repair_text(text, "text") == (text, ())


def test_ingest_html_keeps_entities_and_text_has_them_unescaped():
    assert repair_text("<p>Tom &amp; Jerry</p>", "html")[0] == "<p>Tom &amp; Jerry</p>"
    assert repair_text("Tom &amp; Jerry", "text") == ("Tom & Jerry", ("HTML entities unescaped",))


def test_ingest_declared_charset_is_found_in_meta_and_xml_declaration():
    assert declared_charset(b'<html><head><meta charset="iso-8859-2">') == "iso-8859-2"
    assert declared_charset(b'<?xml version="1.0" encoding="windows-1251"?><rss>') == "windows-1251"
    assert declared_charset(b"<html><head><title>none</title>") is None


def test_ingest_declared_charset_that_does_not_fit_is_ignored():
    # valid UTF-8 wins over a wrong declaration
    decoded = decode_bytes('<meta charset="iso-8859-1"><p>Café</p>'.encode("utf-8"), "x")
    assert decoded.encoding == "utf-8" and "Café" in decoded.text


def test_ingest_empty_file_is_rejected(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    item = read_one(path)
    assert isinstance(item, Rejected) and item.reason == "empty file"
    assert item.item_id == "empty" and item.origin == str(path)


def test_ingest_whitespace_only_file_is_rejected(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\t\r\n  ")
    item = read_one(path)
    assert isinstance(item, Rejected) and "whitespace" in item.reason


@pytest.mark.parametrize(
    ("data", "looks_like"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00", "a ZIP archive"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    ],
)
def test_ingest_binary_files_are_rejected_with_what_they_look_like(tmp_path, data, looks_like):
    path = tmp_path / "picture.txt"
    path.write_bytes(data + bytes(range(256)))
    item = read_one(path)
    assert isinstance(item, Rejected)
    assert item.reason.startswith(f"binary data, not text (looks like {looks_like}")


def test_ingest_unknown_binary_is_rejected(tmp_path):
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)) * 4)
    item = read_one(path)
    assert isinstance(item, Rejected) and item.reason.startswith("binary data, not text")


def test_ingest_decode_errors_are_input_errors():
    with pytest.raises(InputError) as caught:
        decode_bytes(b"\x01\x02\x03\x04 text", "where.txt")
    assert caught.value.origin == "where.txt"
    assert "binary" in caught.value.reason
