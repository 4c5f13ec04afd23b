"""Which inputs are read, in which order, under which ids."""

from __future__ import annotations

import io
import os

from triangulate.ingest import read_inputs, unique_ids
from triangulate.model import RawDocument, Rejected
from triangulate.settings import Settings


def write(path, text="An article about the footbridge.\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def ids(items):
    return [item.id if isinstance(item, RawDocument) else ("rejected", item.item_id) for item in items]


def test_ingest_folder_walk_is_recursive_sorted_and_skips_hidden(tmp_path):
    write(tmp_path / "b.txt")
    write(tmp_path / "a.txt")
    write(tmp_path / "sub" / "c.txt")
    write(tmp_path / ".DS_Store", "junk")
    write(tmp_path / ".git" / "HEAD", "ref: refs/heads/main")
    write(tmp_path / "sub" / ".hidden.txt")
    items = list(read_inputs([str(tmp_path)], Settings()))
    assert ids(items) == ["a", "b", "c"]
    assert items[2].origin == os.path.join(str(tmp_path), "sub", "c.txt")


def test_ingest_glob_patterns_expand_sorted(tmp_path, monkeypatch):
    write(tmp_path / "examples" / "one.txt")
    write(tmp_path / "examples" / "two.txt")
    write(tmp_path / "examples" / "skip.md")
    write(tmp_path / "examples" / "deep" / "three.txt")
    monkeypatch.chdir(tmp_path)
    assert ids(read_inputs(["examples/*.txt"], Settings())) == ["one", "two"]
    assert ids(read_inputs(["examples/**/*.txt"], Settings())) == ["three", "one", "two"]
    assert sorted(ids(read_inputs(["**"], Settings()))) == ["one", "skip", "three", "two"]


def test_ingest_missing_path_is_rejected_and_the_rest_goes_on(tmp_path):
    present = write(tmp_path / "here.txt")
    items = list(read_inputs([str(tmp_path / "gone.txt"), str(tmp_path / "*.nothing"), str(present)], Settings()))
    first, second, third = items
    assert isinstance(first, Rejected) and first.reason == "no such file or folder"
    assert first.stage == "ingest" and first.item_id == "gone"
    assert isinstance(second, Rejected) and second.reason.startswith("no such file or folder")
    assert isinstance(third, RawDocument) and third.id == "here"


def test_ingest_duplicate_stems_get_numbered_ids(tmp_path):
    write(tmp_path / "x" / "report.txt")
    write(tmp_path / "y" / "report.html", "<html><body><p>Page</p></body></html>")
    write(tmp_path / "z" / "report.txt")
    assert ids(read_inputs([str(tmp_path)], Settings())) == ["report", "report-2", "report-3"]


def test_ingest_unique_ids_skips_ids_already_taken():
    docs = [RawDocument(id=i, origin="o", kind="text", content="c") for i in ("a", "a-2", "a", "a")]
    assert [d.id for d in unique_ids(docs)] == ["a", "a-2", "a-3", "a-4"]


def test_ingest_same_file_named_twice_is_read_once(tmp_path):
    path = write(tmp_path / "once.txt")
    assert ids(read_inputs([str(path), str(tmp_path), str(path)], Settings())) == ["once"]


def test_ingest_stdin_is_read_for_dash():
    items = list(read_inputs(["-"], Settings(), stdin=io.BytesIO(b"Ferry runs added.\n")))
    (doc,) = items
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.origin, doc.content) == ("stdin", "<stdin>", "Ferry runs added.\n")


def test_ingest_stdin_jsonl_uses_record_ids_and_line_origins():
    data = b'{"id": "a1", "text": "One."}\n{"text": "Two."}\n'
    first, second = read_inputs(["-"], Settings(), stdin=io.BytesIO(data))
    assert first.id == "a1" and second.id == "stdin-2"
    assert second.origin == "<stdin>:2"


def test_ingest_order_and_output_are_deterministic(tmp_path):
    for name in ("c.txt", "a.json", "b.txt"):
        write(tmp_path / name, '{"text": "J"}' if name.endswith(".json") else "Text.")
    first = list(read_inputs([str(tmp_path)], Settings()))
    second = list(read_inputs([str(tmp_path)], Settings()))
    assert first == second
    assert ids(first) == ["a", "b", "c"]
