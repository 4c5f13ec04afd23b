"""Every third-party package the code imports is declared in pyproject.toml:
the runtime's in ``dependencies``, the evaluation's in the ``eval`` extra."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import triangulate

PACKAGE = Path(triangulate.__file__).parent


def _imported_modules(paths) -> set[str]:
    found = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"triangulate", "__future__"}


def _names(requirements) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def _distributions(modules) -> dict[str, set[str]]:
    known = packages_distributions()
    return {m: {d.lower().replace("_", "-") for d in known.get(m, [m])} for m in modules}


def test_dependencies_every_import_is_declared(root):
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    runtime = _names(project["dependencies"])
    evaluation = runtime | _names(project["optional-dependencies"]["eval"])
    files = sorted(PACKAGE.rglob("*.py"))
    core = [p for p in files if "evaluate" not in p.relative_to(PACKAGE).parts]
    for module, dists in _distributions(_imported_modules(core)).items():
        assert dists & runtime, f"{module} is imported by the runtime but not in dependencies"
    rest = [p for p in files if p not in core]
    for module, dists in _distributions(_imported_modules(rest)).items():
        assert dists & evaluation, f"{module} is imported by evaluate/ but not declared"


def test_dependencies_scikit_learn_is_not_a_runtime_dependency(root):
    """Only the evaluation's clustering baseline (scikit-learn's TfidfVectorizer,
    the reference the baseline is defined by) imports it, from the eval extra."""
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    assert "scikit-learn" not in _names(project["dependencies"])
    core = [p for p in PACKAGE.rglob("*.py") if "evaluate" not in p.relative_to(PACKAGE).parts]
    assert "sklearn" not in _imported_modules(core)
