"""The layers the design promises: model.py is the one home of the types that
cross stages, and the reports render the model without calling any stage."""

from __future__ import annotations

import ast
from pathlib import Path

import triangulate

PACKAGE = Path(triangulate.__file__).parent


def _internal_imports(path: Path) -> set[str]:
    """Modules of the package that ``path`` imports, as dotted names from the package root."""
    module = path.relative_to(PACKAGE).with_suffix("").parts
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(module[: len(module) - node.level])
            target = ".".join(base + ([node.module] if node.module else []))
            found.add(target or "__init__")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("triangulate"):
            found.add(node.module.removeprefix("triangulate").lstrip(".") or "__init__")
    return found


def test_layering_model_imports_no_stage():
    assert _internal_imports(PACKAGE / "model.py") == set()


def test_layering_reports_depend_only_on_model():
    for path in sorted((PACKAGE / "report").glob("*.py")):
        # safetext: text-cleaning helpers that import nothing from the package
        allowed = {"model", "errors", "safetext", "__init__", "report",
                   *(f"report.{p.stem}" for p in (PACKAGE / "report").glob("*.py"))}
        assert _internal_imports(path) <= allowed, f"{path.name} imports {_internal_imports(path) - allowed}"


def test_layering_compare_does_not_import_summarize():
    for path in sorted((PACKAGE / "compare").glob("*.py")):
        assert not any(m.startswith("summarize") for m in _internal_imports(path)), path.name


def test_layering_commands_share_helpers_through_their_own_module():
    assert "cli" not in _internal_imports(PACKAGE / "cli_evaluate.py")
