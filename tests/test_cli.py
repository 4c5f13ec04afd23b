"""The command line's exit codes and printing, each through a real subprocess:
0 every input read, 1 some rejected (report written), 2 usage error, 3 fatal
(no report written, an existing one kept)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"

ARTICLE = (
    "Bridge closes after cracks are found\n\n"
    "The city of Veldhaven closed the old river bridge on Monday after engineers found cracks in two of its "
    "pillars, the mayor said. Buses were sent over the northern bridge until repairs are finished.\n"
)

# A stand-in for spaCy whose load() fails as a missing model does (OSError) or
# with an unexpected error, so the fatal paths run in a real process.
FAKE_SPACY = '''
import os


def load(name):
    if os.environ.get("FAKE_SPACY_MODE") == "bug":
        raise RuntimeError("something nobody expected")
    raise OSError(f"[E050] Can't find model {name!r}")
'''
FAKE_LANGUAGE = '''
class Language:
    @staticmethod
    def has_factory(name):
        return True
'''


def run_cli(*args: str, cwd: Path | None = None, extra_path: Path | None = None, env: dict | None = None,
            stdin: bytes | None = None) -> subprocess.CompletedProcess:
    paths = ([str(extra_path)] if extra_path else []) + [str(SRC)]
    full_env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "triangulate", *args], input=stdin, capture_output=True, timeout=600,
        cwd=cwd, env=full_env,
    )


def fake_spacy(tmp_path: Path) -> Path:
    shim = tmp_path / "shim"
    (shim / "spacy").mkdir(parents=True)
    (shim / "spacy" / "__init__.py").write_text(FAKE_SPACY)
    (shim / "spacy" / "language.py").write_text(FAKE_LANGUAGE)
    return shim


def test_cli_exit_zero_when_every_input_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = run_cli("brief", str(tmp_path / "a.txt"), "--quiet", "-f", "json")
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["articles"][0]["id"] == "a"


def test_cli_exit_one_when_some_inputs_are_rejected_and_the_report_is_written(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "report.json"
    result = run_cli("brief", str(tmp_path), "--quiet", "-f", "json", "-o", str(out))
    assert result.returncode == 1, result.stderr.decode()
    assert [r["reason"] for r in json.loads(out.read_text())["rejected"]] == ["empty file"]


def test_cli_exit_two_on_usage_errors(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert run_cli("brief", str(tmp_path), "--format", "pdf").returncode == 2
    assert run_cli("brief", "--no-such-option").returncode == 2


def test_cli_exit_three_when_the_model_is_missing_and_an_existing_report_is_kept(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "report.md"
    out.write_text("yesterday's report\n")
    result = run_cli("brief", str(tmp_path / "a.txt"), "--quiet", "-o", str(out), extra_path=fake_spacy(tmp_path))
    assert result.returncode == 3, result.stderr.decode()
    assert "Missing model" in result.stderr.decode()
    assert out.read_text() == "yesterday's report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "report.md", "shim"]  # no temporary left


def test_cli_exit_three_on_an_unexpected_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = run_cli("brief", str(tmp_path / "a.txt"), "--quiet", extra_path=fake_spacy(tmp_path),
                     env={"FAKE_SPACY_MODE": "bug"})
    assert result.returncode == 3
    stderr = result.stderr.decode()
    assert "Internal error" in stderr and "something nobody expected" in stderr
    assert result.stdout == b""


def test_cli_exit_three_when_the_output_cannot_be_written(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    missing_folder = run_cli("brief", str(tmp_path / "a.txt"), "--quiet", "-o", str(tmp_path / "no" / "r.md"))
    assert missing_folder.returncode == 3
    assert "Could not write the report" in missing_folder.stderr.decode()
    a_folder = run_cli("brief", str(tmp_path / "a.txt"), "--quiet", "-o", str(tmp_path))
    assert a_folder.returncode == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_cli_prints_paths_with_rich_markup_literally(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "x[").mkdir()
    (tmp_path / "x[/].txt").write_bytes(b"")  # the file "].txt" in the folder "x["
    (tmp_path / "report [draft].txt").write_bytes(b"")
    (tmp_path / "[bold red]loud.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    out = tmp_path / "out [final].md"
    result = run_cli("brief", str(tmp_path), "--quiet", "-o", str(out))
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "x[/].txt" in stderr
    assert "report [draft].txt" in stderr
    assert "[bold red]loud.txt" in stderr
    assert "out [final].md" in stderr


def test_cli_closed_standard_output_is_a_fatal_error_without_a_traceback(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    process = subprocess.Popen(
        [sys.executable, "-m", "triangulate", "brief", str(tmp_path / "a.txt"), "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    process.stdout.close()  # the reader is gone before the report is written
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=600) == 3
    assert "Standard output was closed" in stderr and "Traceback" not in stderr


def test_cli_lexical_says_how_facts_were_aligned(root):
    example = str(root / "examples" / "kessra-dam")
    lexical = run_cli("brief", example, "--lexical", "--quiet")
    assert lexical.returncode == 0, lexical.stderr.decode()
    assert "facts aligned by shared words" in lexical.stdout.decode()
    default = run_cli("brief", example, "--quiet")
    assert default.returncode == 0, default.stderr.decode()
    assert "facts aligned by meaning" in default.stdout.decode()
