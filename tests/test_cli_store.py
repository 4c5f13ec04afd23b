"""The stream commands end to end: ingest, events, brief --db --event, and
brief on inputs that hold several events."""

from __future__ import annotations

import json
import subprocess
import sys


def run_cli(*args: str, cwd=None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "triangulate", *args], capture_output=True, timeout=600,
                          cwd=cwd, env=env)


def test_cli_ingest_events_and_brief_a_stored_event(tmp_path, root):
    db = str(tmp_path / "news.db")
    examples = [str(root / "examples" / "kessra-dam"), str(root / "examples" / "tamzara-cup-final")]
    first = run_cli("ingest", *examples, "--db", db, "--quiet")
    assert first.returncode == 0, first.stderr.decode()
    assert first.stdout.decode().startswith("read 11, new 11, duplicates 0")
    again = run_cli("ingest", *examples, "--db", db, "--quiet")
    assert "new 0, duplicates 11" in again.stdout.decode()

    listed = run_cli("events", "--db", db, "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr.decode()
    events = [json.loads(line) for line in listed.stdout.decode().splitlines()]
    assert sorted(len(e["members"]) for e in events) == [4, 7]
    football = next(e for e in events if len(e["members"]) == 4)
    assert "tamzara-today-sport-0315" in football["members"]
    table = run_cli("events", "--db", db, "--search", "Haddad")
    assert football["id"] in table.stdout.decode()

    out = tmp_path / "cup.json"
    brief = run_cli("brief", "--db", db, "--event", football["id"], "--format", "json", "-o", str(out), "--quiet")
    assert brief.returncode == 0, brief.stderr.decode()
    data = json.loads(out.read_text())
    assert data["event"]["id"] == football["id"] and len(data["articles"]) == 4
    cached = run_cli("brief", "--db", db, "--event", football["id"], "--format", "json", "-o", str(out), "--quiet")
    assert "(cached)" in cached.stderr.decode() and json.loads(out.read_text()) == data


def test_cli_store_errors_are_messages_not_tracebacks(tmp_path):
    missing = run_cli("events", "--db", str(tmp_path / "none.db"))
    # a store that cannot be used is a fatal error (exit code 3): nothing is written
    assert missing.returncode == 3 and "No store at" in missing.stderr.decode()
    (tmp_path / "not.db").write_bytes(b"this is not a database, just some text " * 50)
    broken = run_cli("events", "--db", str(tmp_path / "not.db"))
    assert broken.returncode == 3 and "Traceback" not in broken.stderr.decode()
    assert "not a triangulate store" in broken.stderr.decode()
    unknown = run_cli("brief", "--db", str(tmp_path / "not.db"))
    assert unknown.returncode == 2
    assert run_cli("events", "--db", str(tmp_path / "none.db"), "--format", "xml").returncode == 2


def test_cli_ingest_uses_the_environment_store(tmp_path, root):
    import os
    from pathlib import Path

    import triangulate

    source = str(Path(triangulate.__file__).resolve().parents[1])  # the code under test, from any folder
    env = {**os.environ, "TRIANGULATE_DB": str(tmp_path / "env.db"),
           "PYTHONPATH": os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH", "")]))}
    result = run_cli("ingest", str(root / "examples" / "tamzara-cup-final"), "-q", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "env.db").exists() and not (tmp_path / "triangulate.db").exists()


def test_cli_brief_on_several_events_writes_one_per_event_or_the_largest(tmp_path, root):
    examples = [str(root / "examples" / "kessra-dam"), str(root / "examples" / "tamzara-cup-final")]
    refused = run_cli("brief", *examples, "--quiet")
    assert refused.returncode == 2 and "2 events" in refused.stderr.decode()
    folder = tmp_path / "briefings"
    each = run_cli("brief", *examples, "--format", "json", "-o", str(folder), "--quiet")
    assert each.returncode == 0, each.stderr.decode()
    sizes = sorted(len(json.loads(p.read_text())["articles"]) for p in folder.glob("*.json"))
    assert sizes == [4, 7]
    largest = run_cli("brief", *examples, "--largest", "--format", "json", "--quiet")
    assert largest.returncode == 0 and len(json.loads(largest.stdout)["articles"]) == 7
