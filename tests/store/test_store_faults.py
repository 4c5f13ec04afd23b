"""Faults: a kill -9 in the middle of a batch, and bad inputs among good ones."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import textwrap

from triangulate.settings import Settings
from triangulate.store import Store
from triangulate.store.ingest import ingest

from .test_store import BRIDGE, snapshot

KILLER = textwrap.dedent(
    """
    import os, signal, sys
    import triangulate.store.ingest as m
    from triangulate.settings import Settings
    from triangulate.store import Store

    calls = [0]
    clean = m.clean_document

    def clean_then_die(*args, **kwargs):
        calls[0] += 1
        if calls[0] == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)  # kill -9, in the middle of a batch
        return clean(*args, **kwargs)

    m.clean_document = clean_then_die
    with Store(sys.argv[1]) as store:
        m.ingest(sys.argv[2].split(","), store, Settings(), batch_size=5)
    """
)


def test_store_kill_mid_batch_then_rerun_gives_the_same_store(tmp_path, root):
    inputs = [str(root / "examples" / "kessra-dam"), str(root / "examples" / "tamzara-cup-final"),
              str(root / "tests" / "fixtures" / "events")]
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    script = tmp_path / "killer.py"
    script.write_text(KILLER)
    result = subprocess.run([sys.executable, str(script), str(killed), ",".join(inputs), "13"],
                            capture_output=True, timeout=300)
    assert result.returncode == -9, result.stderr.decode()
    partial = snapshot(killed)
    assert 0 < len(partial["articles"]) < 24 and len(partial["articles"]) % 5 == 0  # whole batches only
    for path in (killed, clean):
        with Store(path) as store:
            ingest(inputs, store, Settings(), batch_size=5)
    assert snapshot(killed) == snapshot(clean)
    assert len(snapshot(clean)["articles"]) > len(partial["articles"])


def _warc_record(uri: str, html: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(html)
    block = http + html
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2026-03-14T10:00:00Z\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>Feed</title><item><title>&lol3;</title><description>&lol3;</description></item>
</channel></rss>
"""


def test_store_bad_inputs_are_listed_and_the_rest_ingested(tmp_path):
    html = ("<html><head><title>Ferry service starts</title></head><body><article><h1>Ferry service starts</h1>"
            "<p>A ferry began carrying commuters across the Lissa in Varnholm on Tuesday while the closed footbridge "
            "is repaired, the city council said. The crossing takes four minutes and runs every quarter of an hour "
            "at rush hour, and the council said tickets would be free until the bridge reopens.</p></article>"
            "</body></html>").encode()
    (tmp_path / "crawl.warc").write_bytes(
        _warc_record("https://varnholm.example/ferry", html)
        + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>cut"
    )
    (tmp_path / "bridge.txt.gz").write_bytes(gzip.compress(BRIDGE.encode())[:-30])  # truncated gzip
    (tmp_path / "bomb.xml").write_text(BOMB)
    good = {"id": "council-0315", "title": "Divers inspect bridge piers", "published": "2026-03-15",
            "text": "Divers inspected the piers of the closed Varnholm footbridge on Wednesday and found the "
                    "foundations sound, council engineer Hanna Ruud said, adding that repairs could start in May."}
    (tmp_path / "export.jsonl").write_text(json.dumps(good) + "\n{not json\n[1, 2]\n")
    (tmp_path / "bridge.txt").write_text(BRIDGE)
    with Store(tmp_path / "t.db") as store:
        summary = ingest([str(tmp_path / n) for n in ("crawl.warc", "bridge.txt.gz", "bomb.xml", "export.jsonl",
                                                       "bridge.txt")], store, Settings())
        stored = {row[0] for row in store.execute("SELECT id FROM articles")}
        listed = {row[0] for row in store.execute("SELECT origin FROM rejections")}
    origins = {r.origin for r in summary.rejected}
    assert {"council-0315", "bridge"} <= stored and len(stored) == 3  # and the good WARC record
    assert str(tmp_path / "bridge.txt.gz") in origins
    assert str(tmp_path / "bomb.xml") in origins
    assert any(o.startswith(str(tmp_path / "crawl.warc")) for o in origins)
    assert {o for o in origins if o.startswith(str(tmp_path / "export.jsonl"))} == {
        f"{tmp_path / 'export.jsonl'}:2", f"{tmp_path / 'export.jsonl'}:3"}
    assert origins <= listed
