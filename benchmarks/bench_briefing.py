"""Benchmark: the ranking page and the briefing pack, from the briefing store, next to one
protected read of the province level (the baseline), in one run.

Run: .venv/bin/python -m benchmarks.bench_briefing [--db PATH] [--repeats N]

Without ``--db`` it builds the demo database (and its store) in a temporary folder first.
Each figure is the median of N repeats (after one warm-up); the load average is printed,
since other work on the machine slows every line alike.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

import query
from analysis.ranking import rank_provinces
from briefing.__main__ import read_pack
from briefing.pack import render_pack
from config import PROJECT_ROOT
from etl import build
from etl.schema import briefing_store_path
from query import published
from query import ranking as ranking_query


def timed(call: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``repeats`` calls, in milliseconds, after one warm-up call."""
    call()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _reads(store: Path, repeats: int) -> dict[str, float]:
    con = query.open_database(store)
    try:
        latest = ranking_query.ranking_windows(con).latest
        frame = ranking_query.province_inputs(con)
        return {
            "one protected read: published.units, provinces (baseline)": timed(
                lambda: published.units(con, latest, "province"), repeats
            ),
            "the ranking's inputs (query.ranking.province_inputs)": timed(
                lambda: ranking_query.province_inputs(con), repeats
            ),
            "the ranking: weighted sum, 5,000 draws": timed(lambda: rank_provinces(frame), repeats),
        }
    finally:
        con.close()


def _pack(store: Path, repeats: int) -> dict[str, float]:
    ranking, data = read_pack(store, {}, "weighted_sum")
    return {
        f"the pack in {lang} (render_pack: map, typst)": timed(
            lambda lang=lang: render_pack(ranking, data, lang), repeats
        )
        for lang in ("en", "km")
    }


def _page(db: Path, repeats: int) -> dict[str, float]:
    os.environ.update({"ATLAS_DB_PATH": str(db), "ATLAS_TILES": "off",
                       "ATLAS_ANONYMOUS_ROLE": "briefing"})  # fmt: skip
    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=600)
    at.switch_page("pages/ranking.py")
    started = time.perf_counter()
    at.run()
    first = (time.perf_counter() - started) * 1000
    if at.exception:
        raise SystemExit(f"the ranking page failed: {at.exception[0].message}")
    weights = iter(range(4, 21))  # slider steps of 0.05 above the default 0.15

    def move() -> None:  # a weight not seen before: a new ranking, not a cached one
        at.slider(key="w_rank_kp_per_service").set_value(round(next(weights) * 0.05, 2)).run()

    return {
        "the page's first run (briefing audience, store only)": first,
        "a rerun, nothing changed": timed(at.run, repeats),
        "a rerun after a weight changes (new ranking)": timed(move, repeats),
    }


def main(argv: list[str] | None = None) -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_briefing")
    parser.add_argument("--db", type=Path, help="an atlas database (its store beside it)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = build.build(db_path=Path(folder) / "atlas.duckdb",
                             report_dir=Path(folder) / "reports",
                             demo_dir=Path(folder) / "demo").db_path  # fmt: skip
        store = briefing_store_path(db)
        figures = {**_reads(store, args.repeats), **_pack(store, args.repeats),
                   **_page(db, args.repeats)}  # fmt: skip
    print(f"load average: {', '.join(f'{v:.1f}' for v in os.getloadavg())} on "
          f"{os.cpu_count()} cores")  # fmt: skip
    width = max(len(name) for name in figures)
    for name, ms in figures.items():
        print(f"{name:<{width}}  {ms:>8,.0f} ms")


if __name__ == "__main__":
    main()
