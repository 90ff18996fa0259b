"""Benchmark: the full ETL of 1,000,000 demo incidents with coordinates, against a bare
DuckDB read_csv plus spatial join of the same file, in the same run; peak memory of each.

Run: .venv/bin/python -m benchmarks.bench_ingest [--incidents N]
Each side runs in its own process, so its peak resident memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

import config
from etl import demo, partners, reference
from etl.database import atomic_update, load_spatial


def _bare(db: str, csv: str) -> dict:
    started = time.perf_counter()
    con = duckdb.connect(db, read_only=True)
    load_spatial(con)
    con.execute("CREATE TEMP TABLE t AS SELECT * FROM read_csv(?, header = true)", [csv])
    hits = con.execute(
        "SELECT count(*) FROM t JOIN communes c ON ST_Contains(c.geom, ST_Point(t.lon, t.lat))"
    ).fetchone()[0]
    return {"seconds": time.perf_counter() - started, "rows": hits}


def _full(db: str, csv: str) -> dict:
    started = time.perf_counter()
    with atomic_update(Path(db)) as con:
        partners.prepare(con)
        (result,) = partners.load_files(con, [("incidents", Path(csv))])
    return {"seconds": time.perf_counter() - started, "rows": result.rows_loaded}


def _run(side: str, db: Path, csv: str) -> dict:
    """Run one side in a fresh process, so its peak resident memory is its own."""
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_ingest", "--side", side, str(db), csv],
        capture_output=True, text=True, check=True, cwd=config.PROJECT_ROOT,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Generate the file, then time both sides and print them side by side."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--side", nargs=3, metavar=("SIDE", "DB", "CSV"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        side, db, csv = args.side
        result = (_bare if side == "bare" else _full)(db, csv)
        result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    source_db = config.get_path("ATLAS_DB_PATH")
    if not source_db.is_file():
        raise SystemExit(f"{source_db} is missing: run python -m etl build first")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "demo"
        started = time.perf_counter()
        params = demo.DemoParameters(incidents=args.incidents, faulty_share=0.0)
        demo.write_demo(reference.communes_with_geometry(), folder, params, all_points=True)
        csv = str(next((folder / "incidents").glob("*.csv")))
        took = time.perf_counter() - started
        print(f"generated {args.incidents:,} demo incidents with coordinates in {took:.1f} s")
        results = {}
        for side in ("bare", "full"):
            db = Path(tmp) / f"{side}.duckdb"
            shutil.copy(source_db, db)
            results[side] = _run(side, db, csv)
    bare, full = results["bare"], results["full"]
    print(f"\n{'':<52}{'seconds':>9}{'peak MiB':>10}{'rows':>11}")
    for label, r in (
        ("bare DuckDB read_csv + spatial join (baseline)", bare),
        ("full ETL: read, validate, assign, aggregate, write", full),
    ):
        print(f"{label:<52}{r['seconds']:>9.2f}{r['peak_mib']:>10.0f}{r['rows']:>11,}")
    ratio = full["seconds"] / bare["seconds"]
    peak = full["peak_mib"]
    print(f"\nfull / bare: {ratio:.2f}x (target <= 3x); full ETL peak {peak:.0f} MiB (< 2048)")


if __name__ == "__main__":
    main()
