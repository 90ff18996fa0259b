"""Print the circles of module imports among the atlas's packages, and who imports the router.

    PYTHONPATH=. .venv/bin/python scripts/import_cycles.py

grimp (installed with import-linter) reads packages only: the single-file modules (dashboard,
access, config, ...) appear as external nodes, so an import of ``dashboard`` from a package,
lazy or not, is seen (and dashboard imports ``pages`` and ``ui``, so any such import would be
a circle). Exit code 1 when a circle or an import of the router is found.
"""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

PACKAGES = ("pages", "ui", "briefing", "publish", "geo", "query", "analysis", "etl", "audit")


def strongly_connected(graph: Any) -> list[list[str]]:  # grimp's ImportGraph
    """The groups of two or more modules that import each other, round and round (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return groups


def main() -> int:
    """Print the circles and the router's importers; 1 if there are any."""
    try:
        import grimp
    except ImportError:
        print("grimp is missing: .venv/bin/pip install import-linter", file=sys.stderr)
        return 2
    packages = [p for p in PACKAGES if importlib.util.find_spec(p)]
    graph = grimp.build_graph(*packages, cache_dir=None, include_external_packages=True)
    groups = strongly_connected(graph)
    for group in groups:
        print(f"circle of {len(group)} modules: {', '.join(group)}")
    router = graph.find_modules_that_directly_import("dashboard") if "dashboard" in graph.modules \
        else set()  # fmt: skip
    print(f"modules importing the router (dashboard): {', '.join(sorted(router)) or 'none'}")
    print(f"circles among {', '.join(packages)}: {len(groups)}")
    return 1 if groups or router else 0


if __name__ == "__main__":
    sys.exit(main())
