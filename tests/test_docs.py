"""Docs guarded by tests: the README's commands are the ones that run, and
every CLI command is documented."""

from __future__ import annotations

import re

import typer.main

from triangulate.cli import app


def _readme(root) -> str:
    return (root / "README.md").read_text()


def _code_blocks(text: str) -> list[str]:
    return re.findall(r"```(?:bash)?\n(.*?)```", text, flags=re.S)


def test_docs_readme_starts_with_the_two_commands(root):
    blocks = _code_blocks(_readme(root))
    assert blocks[0].strip() == "pip install -e . && triangulate brief examples/kessra-dam"
    assert blocks[1].strip().startswith("pip install -e '.[test]' && python -m pytest")


def test_docs_ci_runs_the_readme_commands(root):
    example, tests = (block.strip() for block in _code_blocks(_readme(root))[:2])
    ci = [line.strip() for line in (root / ".ci" / "run").read_text().splitlines()]
    assert tests in ci
    assert any(line.startswith(example) for line in ci)


def test_docs_ci_runs_the_code_gates_before_the_tests(root):
    ci = [line.strip() for line in (root / ".ci" / "run").read_text().splitlines()]
    tests = next(i for i, line in enumerate(ci) if "python -m pytest" in line)
    assert ci.index("ruff check src tests bench") < tests
    assert ci.index("mypy") < tests


def test_docs_every_cli_command_has_help_and_is_in_the_readme(root):
    readme = _readme(root)
    group = typer.main.get_command(app)
    found = []

    def walk(command, prefix):
        for name, sub in getattr(command, "commands", {}).items():
            path = f"{prefix} {name}"
            if getattr(sub, "commands", None):
                walk(sub, path)
            else:
                found.append((path, sub))

    walk(group, "triangulate")
    assert found
    for path, command in found:
        assert (command.help or "").strip(), f"{path} has no help text"
        assert path in readme, f"{path} is not in README.md"
        for param in command.params:
            if param.param_type_name == "option":
                assert (param.help or "").strip(), f"{path} {param.opts} has no help text"


def test_docs_readme_python_example_runs(root, capsys):
    block = re.search(r"## Use it from Python\n.*?```python\n(.*?)```", _readme(root), flags=re.S)
    assert block, "README.md has no 'Use it from Python' example"
    exec(compile(block.group(1), "README.md", "exec"), {})
    assert "Varna" in capsys.readouterr().out
