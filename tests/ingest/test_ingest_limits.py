"""Size limits, compression traps and unreadable inputs."""

from __future__ import annotations

import gzip
import io
import os

import pytest

from triangulate.ingest import read_inputs
from triangulate.model import RawDocument, Rejected
from triangulate.settings import Settings


def read_one(path, settings=None, stdin=None):
    (item,) = read_inputs([str(path)], settings or Settings(), stdin=stdin)
    return item


def test_ingest_oversize_file_is_rejected_with_the_fix(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("word " * 100, encoding="utf-8")
    item = read_one(path, Settings(max_bytes=100))
    assert isinstance(item, Rejected)
    assert item.reason == "500 bytes, over the limit of 100 bytes; raise it with --max-bytes"


def test_ingest_oversize_file_is_not_read_whole(tmp_path):
    path = tmp_path / "sparse.txt"
    with open(path, "wb") as handle:  # 2 GB that occupy no disk: reading it would be slow
        handle.truncate(2 * 1024**3)
    item = read_one(path, Settings(max_bytes=1000))
    assert isinstance(item, Rejected)
    assert item.reason.startswith(f"{2 * 1024**3} bytes, over the limit of 1000 bytes")


def test_ingest_file_at_the_limit_is_read(tmp_path):
    path = tmp_path / "exact.txt"
    path.write_bytes(b"x" * 100)
    assert isinstance(read_one(path, Settings(max_bytes=100)), RawDocument)


def test_ingest_stdin_over_the_limit_is_rejected():
    item = read_one("-", Settings(max_bytes=10), stdin=io.BytesIO(b"a" * 11))
    assert isinstance(item, Rejected)
    assert item.reason == "at least 11 bytes, over the limit of 10 bytes; raise it with --max-bytes"


def test_ingest_gzip_bomb_is_rejected(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"A" * 1_000_000))
    assert path.stat().st_size < 5_000
    item = read_one(path, Settings(max_bytes=10_000))
    assert isinstance(item, Rejected)
    assert item.reason.startswith("decompressed size over the limit of 10000 bytes")


def test_ingest_truncated_gzip_is_rejected(tmp_path):
    path = tmp_path / "cut.html.gz"
    whole = gzip.compress(b"<html><body><p>The footbridge closed on Thursday.</p></body></html>" * 20)
    path.write_bytes(whole[: len(whole) // 2])
    item = read_one(path)
    assert isinstance(item, Rejected)
    assert item.reason == "truncated or corrupt gzip"
    assert item.item_id == "cut"


def test_ingest_multi_member_gzip_is_read_whole(tmp_path):
    path = tmp_path / "parts.txt.gz"
    path.write_bytes(gzip.compress(b"First part. ") + gzip.compress(b"Second part."))
    item = read_one(path)
    assert isinstance(item, RawDocument) and item.content == "First part. Second part."


def test_ingest_broken_link_is_rejected_with_the_os_message(tmp_path):
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    item = read_one(link)
    assert isinstance(item, Rejected)
    assert item.reason == "No such file or directory"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything")
def test_ingest_unreadable_file_is_rejected_with_the_os_message(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)
    item = read_one(path)
    assert isinstance(item, Rejected) and item.reason == "Permission denied"


def test_ingest_permission_error_becomes_a_rejection_with_the_os_message(tmp_path, monkeypatch):
    from triangulate.ingest import load

    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(load, "open_descriptor", refuse)
    path = tmp_path / "locked.txt"
    path.write_text("text")
    item = read_one(path)
    assert isinstance(item, Rejected)
    assert (item.reason, item.item_id, item.origin) == ("Permission denied", "locked", str(path))
