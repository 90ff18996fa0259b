"""The shape of ``etl/``: three subpackages with a declared surface, and the imports allowed
between them (checked on the source, so a new module that breaks a rule fails here)."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from config import PROJECT_ROOT

SUBPACKAGES = ("reference", "partners", "demo")
# Code outside the tests; a subpackage's own tests may reach into its modules.
CODE = [
    p
    for folder in ("etl", "query", "geo", "ui", "pages", "benchmarks")
    for p in sorted((PROJECT_ROOT / folder).rglob("*.py"))
] + sorted(PROJECT_ROOT.glob("*.py"))


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """``(module, names)`` for every import in the file (``import a.b`` gives ``("a.b", [])``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def _package_of(path: Path) -> str | None:
    parts = path.relative_to(PROJECT_ROOT).parts
    return parts[1] if len(parts) > 2 and parts[0] == "etl" else None


def _imported_modules(path: Path) -> set[str]:
    """Modules a file imports, ``from etl import demo`` counted as ``etl.demo``."""
    modules = set()
    for module, names in _imports(path):
        modules.add(module)
        modules.update(f"{module}.{n}" for n in names)
    return modules


def test_every_subpackage_declares_its_surface() -> None:
    for name in SUBPACKAGES:
        package = importlib.import_module(f"etl.{name}")
        assert package.__all__, name
        assert all(hasattr(package, n) for n in package.__all__), name


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_other_code_imports_only_a_subpackage_surface(path: Path) -> None:
    own = _package_of(path)
    for module, names in _imports(path):
        parts = module.split(".")
        if parts[0] != "etl" or len(parts) < 2 or parts[1] not in SUBPACKAGES:
            continue
        if parts[1] == own:
            continue
        assert len(parts) == 2, f"{path.name} imports {module}: use etl.{parts[1]}'s surface"
        surface = importlib.import_module(module).__all__
        assert set(names) <= set(surface), f"{path.name}: {set(names) - set(surface)}"


def test_partner_loading_and_the_demo_do_not_import_each_other() -> None:
    for path in (PROJECT_ROOT / "etl" / "partners").rglob("*.py"):
        assert not any(m.startswith("etl.demo") for m in _imported_modules(path)), path.name
    for path in (PROJECT_ROOT / "etl" / "demo").rglob("*.py"):
        assert not any(m.startswith("etl.partners") for m in _imported_modules(path)), path.name


def test_the_status_report_and_the_build_do_not_import_each_other() -> None:
    status = PROJECT_ROOT / "etl" / "partners" / "status.py"
    assert not any(m.startswith("etl.build") for m in _imported_modules(status))
    build = PROJECT_ROOT / "etl" / "build.py"
    assert "etl.partners.status" not in _imported_modules(build)


def test_no_two_public_functions_share_a_name() -> None:
    names = Counter(
        node.name
        for path in (PROJECT_ROOT / "etl").rglob("*.py")
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    )
    assert [n for n, count in names.items() if count > 1] == []


def test_the_query_layer_loads_no_etl_module_but_the_schema() -> None:
    code = (
        "import sys, query, query.explore, query.published, query.export, query.links\n"
        "print(sorted(m for m in sys.modules if m.startswith('etl')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['etl', 'etl.schema']"
