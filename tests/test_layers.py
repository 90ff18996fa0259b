"""Layers one way: the import-linter contracts of pyproject.toml hold (``lint-imports``), the
single-file modules (which import-linter cannot read) import only from the layers below them,
and no module takes part in a circle of imports."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest

from config import PROJECT_ROOT

SETTINGS = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LINTER = SETTINGS["tool"]["importlinter"]
LAYERS_CONTRACT = next(c for c in LINTER["contracts"] if c["type"] == "layers")
#: The modules of the project that are single files at its root (import-linter reads packages).
SINGLE_FILES = tuple(
    sorted(p.stem for p in PROJECT_ROOT.glob("*.py") if not p.name.startswith(("_", "test")))
)


def layer_of() -> dict[str, int]:
    """Each top-level module's layer, 0 at the top (``(access)`` is optional)."""
    out = {}
    for i, layer in enumerate(LAYERS_CONTRACT["layers"]):
        for name in layer.replace(":", "|").split("|"):
            out[name.strip().strip("()")] = i
    return out


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, wherever the import statement is (a function included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def project_graph() -> grimp.ImportGraph:
    """The project's import graph: grimp's for the packages, with the single-file modules'
    imports added (each import names the deepest project module it reaches)."""
    graph = grimp.build_graph(*LINTER["root_packages"], include_external_packages=True,
                              cache_dir=None)  # fmt: skip
    for name in SINGLE_FILES:
        if name not in graph.modules:
            graph.add_module(name)
        for target in imports_of(PROJECT_ROOT / f"{name}.py"):
            parts = target.split(".")
            reached = next((".".join(parts[:n]) for n in range(len(parts), 0, -1)
                            if ".".join(parts[:n]) in graph.modules), None)  # fmt: skip
            if reached and reached.split(".")[0] in set(layer_of()) | set(SINGLE_FILES):
                graph.add_import(importer=name, imported=reached)
    return graph


def circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected sets of two or more project modules (Tarjan's algorithm)."""
    roots = set(LINTER["root_packages"]) | set(SINGLE_FILES)
    nodes = sorted(m for m in graph.modules if m.split(".")[0] in roots)
    edges = {m: sorted(x for x in graph.find_modules_directly_imported_by(m) if x in nodes)
             for m in nodes}  # fmt: skip
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(nodes)))
    for node in nodes:
        if node not in index:
            visit(node)
    return found


def test_the_contracts_hold() -> None:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run([str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
                          cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_every_module_of_the_project_is_in_a_layer() -> None:
    layers = layer_of()
    assert set(LINTER["root_packages"]) | set(SINGLE_FILES) <= set(layers), sorted(
        set(LINTER["root_packages"]) | set(SINGLE_FILES) - set(layers)
    )


@pytest.mark.parametrize("name", SINGLE_FILES)
def test_a_single_file_module_imports_only_from_below(name: str) -> None:
    layers = layer_of()
    mine = layers[name]
    above = sorted(
        target for target in imports_of(PROJECT_ROOT / f"{name}.py")
        if target.split(".")[0] in layers and target.split(".")[0] != name
        and layers[target.split(".")[0]] <= mine
    )  # fmt: skip
    assert above == [], f"{name} (layer {mine}) imports from its layer or above: {above}"


def test_no_circle_of_imports() -> None:
    graph = project_graph()
    for rule in LAYERS_CONTRACT.get("ignore_imports", []):  # each says who removes it
        importer, imported = (part.strip() for part in rule.split("->"))
        graph.remove_import(importer=importer, imported=imported)
    assert circles(graph) == []


def test_the_circle_finder_finds_a_circle() -> None:
    graph = grimp.ImportGraph()
    for importer, imported in (("query.a", "query.b"), ("query.b", "query.c"),
                               ("query.c", "query.a"), ("query.c", "query.d")):  # fmt: skip
        graph.add_import(importer=importer, imported=imported)
    assert circles(graph) == [["query.a", "query.b", "query.c"]]
