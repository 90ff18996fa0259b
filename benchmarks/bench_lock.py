"""Benchmark: how long the database's write lock is held, by a whole build and by a one-file
ingest, before (the derived products made under the lock, as the ETL did until issue 18) and
after (the facts only; the publish stage runs once the lock is released), side by side in one
run; then the publish stage's own time.

Run: .venv/bin/python -m benchmarks.bench_lock [--rows N] [--repeat K]

Each figure is measured in a fresh process, as ``python -m etl build|ingest`` runs: the old
way paid the estimator's cold start (imports, first fit) under the lock too. "Before" is
reproduced in that process: the facts written as now, then, still under the write lock, what
the old ``_replacing`` added inside it (the evaluation headline and the briefing store:
``publish.stage.publish_once`` on those two products, imported there as the old code imported
``analysis.headline`` there). The lock's hold time runs from its acquisition to its release
(waiting for it is not counted).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb

import config
from etl import build, database, partners

#: What the ETL made under the write lock before issue 18.
OLD_UNDER_LOCK = ("evaluation_headline", "briefing_store")
held: list[float] = []


def _timed_lock(original: Callable) -> Callable:
    """``etl.database.file_lock`` that records how long the outermost database lock is held."""

    @contextlib.contextmanager
    def timed(target: Path, lock_path: Path, doing: str, wait: float) -> Iterator[None]:
        outer = lock_path.resolve() not in database._held and doing == "build or ingest"
        with original(target, lock_path, doing, wait):
            started = time.perf_counter()
            try:
                yield
            finally:
                if outer:
                    held.append(time.perf_counter() - started)

    return timed


def _hold(action: Callable[[], object]) -> float:
    """Run ``action``; the seconds the database lock was held during it."""
    held.clear()
    action()
    assert len(held) == 1, held
    return held[0]


def _old_way(db: Path, write: Callable[[], object]) -> Callable[[], None]:
    """``write`` the facts, then make what the old ETL made, all under the write lock."""

    def run() -> None:
        with database.database_lock(db):
            write()
            from publish import products as declared  # imported under the lock, as before
            from publish.stage import publish_once

            publish_once(db, tuple(p for p in declared.PRODUCTS if p.name in OLD_UNDER_LOCK))

    return run


def _incidents_file(db: Path, folder: Path, name: str, rows: int) -> Path:
    """A partner's incidents CSV of ``rows`` rows in communes of the database."""
    with duckdb.connect(str(db), read_only=True) as con:
        codes = [c for (c,) in con.execute(
            "SELECT commune_code FROM communes WHERE commune_code IS NOT NULL ORDER BY 1"
        ).fetchall()]  # fmt: skip
    lines = ["incident_id,date,commune_code,incident_type,population,actor,source"]
    for i in range(rows):
        lines.append(f"{name}-{i},2014-{i % 12 + 1:02d}-15,{codes[(i * 37) % len(codes)]},"
                     "arrest_detention,fsw,police,BENCH partner")  # fmt: skip
    path = folder / f"{name}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _ingest(db: Path, path: Path) -> Callable[[], None]:
    def run() -> None:
        with database.atomic_update(db) as con:
            partners.prepare(con)
            partners.load_files(con, [("incidents", path)])

    return run


def side(name: str, folder: Path, path: Path | None) -> float:
    """One figure, in this (fresh) process."""
    db = folder / "atlas.duckdb"
    kwargs = {"db_path": db, "report_dir": folder / "reports", "demo_dir": folder / "demo"}
    database.file_lock = _timed_lock(database.file_lock)
    actions = {
        "build_after": lambda: build.build(**kwargs),
        "build_before": _old_way(db, lambda: build.build(**kwargs)),
        "ingest_after": _ingest(db, path) if path else None,
        "ingest_before": _old_way(db, _ingest(db, path)) if path else None,
    }
    if name == "publish":
        from publish.stage import publish

        started = time.perf_counter()
        publish(db)
        return time.perf_counter() - started
    return _hold(actions[name])


def _run(name: str, folder: Path, path: Path | None = None) -> float:
    command = [sys.executable, "-m", "benchmarks.bench_lock", "--side", name, str(folder),
               str(path or "")]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True,
                          cwd=config.PROJECT_ROOT)  # fmt: skip
    return float(done.stdout.strip().splitlines()[-1])


def measure(folder: Path, rows: int, repeat: int) -> dict[str, list[float]]:
    """Each figure ``repeat`` times, each in a fresh process: the lock held by a build and an
    ingest, before and after, and the publish stage alone after an ingest."""
    db = folder / "atlas.duckdb"
    build.build(db_path=db, report_dir=folder / "reports", demo_dir=folder / "demo")
    out: dict[str, list[float]] = {k: [] for k in
                                   ("build_before", "build_after", "ingest_before",
                                    "ingest_after", "publish")}  # fmt: skip
    for k in range(repeat):
        out["build_after"].append(_run("build_after", folder))
        out["build_before"].append(_run("build_before", folder))
        after = _incidents_file(db, folder, f"after{k}", rows)
        out["ingest_after"].append(_run("ingest_after", folder, after))
        out["publish"].append(_run("publish", folder))
        before = _incidents_file(db, folder, f"before{k}", rows)
        out["ingest_before"].append(_run("ingest_before", folder, before))
    return out


def main() -> None:
    """Measure and print the figures side by side."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=300, help="rows of the ingested file")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--side", nargs=3, metavar=("SIDE", "FOLDER", "FILE"),
                        help=argparse.SUPPRESS)  # fmt: skip
    args = parser.parse_args()
    if args.side:
        name, folder, path = args.side
        print(side(name, Path(folder), Path(path) if path else None))
        return
    with tempfile.TemporaryDirectory(prefix="atlas-bench-lock-") as tmp:
        os.environ.setdefault("ATLAS_SECRET_FILE", str(Path(tmp) / "record_keys.secret"))
        figures = measure(Path(tmp), args.rows, args.repeat)
    med = {k: statistics.median(v) for k, v in figures.items()}
    print(
        f"write lock held, seconds (median of {args.repeat}, each in a fresh process; "
        f"{os.cpu_count()} cores; boundaries from {config.get_path('ATLAS_REFERENCE_DIR')})"
    )
    print(f"{'':34}{'before':>8}{'after':>8}")
    print(f"{'whole build (python -m etl build)':34}{med['build_before']:8.2f}"
          f"{med['build_after']:8.2f}")  # fmt: skip
    print(f"{f'one-file ingest ({args.rows} incidents)':34}{med['ingest_before']:8.2f}"
          f"{med['ingest_after']:8.2f}")  # fmt: skip
    print(f"publish stage alone, every product, after an ingest (fresh process, not under the "
          f"write lock): {med['publish']:.2f} s")  # fmt: skip
    print("all runs:", {k: [round(x, 2) for x in v] for k, v in figures.items()})


if __name__ == "__main__":
    main()
