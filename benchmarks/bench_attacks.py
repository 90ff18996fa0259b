"""The attack suite's figures: for each demo seed, each attack's hit rate on the communes' counts
of 1 to 4, next to blindly guessing their most common value (the target: at most 5 points more).

Run: .venv/bin/python -m benchmarks.bench_attacks [--seeds 2010 7 42] [--years-only]

Each seed's demo set is built from the real boundaries in a temporary folder (about 15 s), then
attacked through ``query.export`` as a user with any number of links would: every twelve-month
window the interface offers for the windows attack, the calendar years (or every window) as
targets.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date
from pathlib import Path

import query
from benchmarks.attacks import Attacker, score, true_counts
from etl import build
from query.export import Exporter
from query.grid import window_starts


def _build(seed: int, folder: Path) -> Path:
    os.environ["ATLAS_DEMO_SEED"] = str(seed)
    result = build.build(db_path=folder / "atlas.duckdb", report_dir=folder / "reports",
                         demo_dir=folder / "demo")  # fmt: skip
    return result.db_path


def attack(db: Path, years_only: bool) -> list:
    """Every attack's score on one database."""
    con = query.open_database(db)
    try:
        exporter = Exporter(con)
        starts = window_starts(exporter.bounds)
        targets = [s for s in starts if s.month == 1] if years_only else starts
        found = Attacker(exporter, starts=targets).collect()
        return score(found, true_counts(exporter, targets))
    finally:
        con.close()


def main() -> None:
    """Build each seed's demo, attack it, print the figures side by side."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[2010, 7, 42])
    parser.add_argument("--years-only", action="store_true", help="calendar years as targets")
    args = parser.parse_args()
    print(f"{'seed':>6} {'attack':<24}{'targets':>9}{'informed':>10}{'hit rate':>10}"
          f"{'blind':>8}{'advantage':>11}")  # fmt: skip
    for seed in args.seeds:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            db = _build(seed, Path(tmp))
            built = time.perf_counter() - started
            results = attack(db, args.years_only)
            took = time.perf_counter() - started - built
        for s in results:
            print(f"{seed:>6} {s.attack:<24}{s.targets:>9,}{s.informed:>10,}{s.hit_rate:>10.1%}"
                  f"{s.blind_rate:>8.1%}{s.advantage:>+10.1f}p")  # fmt: skip
        print(f"{'':>6} (built in {built:.0f} s, attacked in {took:.0f} s, {date.today()})")


if __name__ == "__main__":
    main()
