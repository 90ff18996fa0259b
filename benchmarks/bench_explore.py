"""Benchmark: one filter change on the Explore page with 1,000,000 demo incidents, against a
naive page that aggregates raw rows and sends the raw layer on every rerun, in the same run.

Run: .venv/bin/python -m benchmarks.bench_explore [--incidents N] [--db PATH] [--changes K]

Without ``--db`` it builds a database with N synthetic incidents in a temporary folder first.
Each page runs in streamlit's AppTest (the server side of a rerun, without a browser): the time
is the wall time of ``AppTest.run()`` after one widget change, an upper bound of the script's
own time (AppTest polls for the end of the run). The bytes are the map's arguments as sent to
the browser component (``json_args``). Each change asks for a view not seen before, so no
result comes from the cache: on the Explore page another choice of incidents or population,
then another twelve-month window; on the naive page one population or one type.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

import config
from etl import build
from vocabulary import INCIDENT_TYPES, POPULATIONS

#: The naive page's changes: one population or one type (multiselects).
NAIVE_CHANGES = [("w_pop", [p]) for p in POPULATIONS] + [("w_type", [t]) for t in INCIDENT_TYPES]


def _atlas_changes(at: AppTest) -> list[tuple[str, int]]:
    """The Explore page's changes at national commune level: each other choice of incidents and
    population the commune grid offers, then each earlier twelve-month window (selectboxes, by
    index): every one a view not seen before."""
    changes = []
    for key in ("w_type", "w_pop", "w_period"):
        box = at.selectbox(key=key)
        changes += [(key, i) for i in range(len(box.options)) if i != box.index]
    return changes


def _build(incidents: int, folder: Path) -> Path:
    os.environ["ATLAS_DEMO_INCIDENTS"] = str(incidents)  # read by the build when it runs
    started = time.perf_counter()
    result = build.build(
        db_path=folder / "atlas.duckdb", report_dir=folder / "reports", demo_dir=folder / "demo"
    )
    took = time.perf_counter() - started
    print(f"built a database with {incidents:,} synthetic incidents in {took:.0f} s")
    return result.db_path


def _map_bytes(at: AppTest) -> int:
    maps = [
        el for el in at.get("component_instance")
        if el.proto.component_name == "streamlit_folium.st_folium"
    ]  # fmt: skip
    return len(maps[0].proto.json_args.encode("utf-8"))


def _choose(at: AppTest, naive: bool, key: str, value: object) -> None:
    """Set a widget: the naive page's multiselect to a list, the atlas's selectbox by index."""
    if naive:
        at.multiselect(key=key).set_value(value)
    else:
        at.selectbox(key=key).select_index(value)


def _measure(script: Path, changes: int) -> dict:
    at = AppTest.from_file(str(script), default_timeout=600)
    started = time.perf_counter()
    at.run()
    first = time.perf_counter() - started
    if at.exception:
        raise SystemExit(f"{script.name} failed: {at.exception[0].message}")
    started = time.perf_counter()
    at.run()  # nothing changed: what every rerun costs beyond the filter's own work
    same = time.perf_counter() - started
    times = []
    naive = bool(at.multiselect)
    todo = NAIVE_CHANGES if naive else _atlas_changes(at)
    for key, value in todo[:changes]:
        before = [] if naive else at.selectbox(key=key).index
        _choose(at, naive, key, value)
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
        _choose(at, naive, key, before)
        at.run()  # back to the default view (cached for the atlas; the naive page recomputes)
    return {"first": first, "same": same, "median": statistics.median(times),
            "max": max(times), "bytes": _map_bytes(at)}  # fmt: skip


def main() -> None:
    """Build (or open) the database, measure both pages, print them side by side."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="an atlas database to use instead of building")
    parser.add_argument("--changes", type=int, default=6)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or _build(args.incidents, Path(tmp))
        os.environ["ATLAS_DB_PATH"] = str(db)
        os.environ["ATLAS_TILES"] = "off"
        root = config.PROJECT_ROOT
        atlas = _measure(root / "dashboard.py", args.changes)
        naive = _measure(root / "benchmarks" / "naive_explore.py", args.changes)
    print(f"\n{'one filter change (national view)':<44}{'atlas':>12}{'naive':>12}")
    for label, key, scale, unit in (
        ("first run (s)", "first", 1, ".2f"),
        ("rerun with nothing changed (ms)", "same", 1000, ".0f"),
        ("rerun, median (ms)", "median", 1000, ".0f"),
        ("rerun, slowest (ms)", "max", 1000, ".0f"),
        ("map data sent (KB)", "bytes", 1 / 1000, ".0f"),
    ):
        print(f"{label:<44}{atlas[key] * scale:>12{unit}}{naive[key] * scale:>12{unit}}")
    print(f"\ntargets: rerun < 300 ms (atlas median {atlas['median'] * 1000:.0f} ms); national "
          f"map data < 600 KB (atlas {atlas['bytes'] / 1000:.0f} KB)")  # fmt: skip
    print(json.dumps({"atlas": atlas, "naive": naive}))


if __name__ == "__main__":
    main()
