"""Benchmark: the ranking's uncertainty analysis (5,000 draws that vary the weights, the
normalisation, the aggregation, the key-population sizes and the counts) next to a bare
weighted sum without uncertainty, on 25 made-up provinces, in one run; then how often the top
three change when only the protection's noise is redrawn.

Run: .venv/bin/python -m benchmarks.bench_ranking [--secrets N]
Each time is the median of a few repeats; the load average is printed, since other work on the
machine slows every line alike. The protection part redraws the noise of every published count
200 times (a count shown as n is any of n - 2 ... n + 2; below the threshold it reads <5 and
enters as the stand-in) on the demo's published inputs; with ``--secrets N`` it also builds the
demo N times, each with a new record-key secret (the real redraw: about 35 s a build), and
compares the published rankings.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from analysis.ranking import (
    DEFAULT_WEIGHTS,
    compute_criteria,
    normalise_criteria,
    rank_provinces,
    score_matrix,
)
from analysis.ranking_methods import rank_scores

REPEATS = 5
DRAWS = 5000
REDRAWS = 200


def made_up_provinces(n: int = 25, seed: int = 7) -> pd.DataFrame:
    """``n`` provinces with varied figures (six with a police academy, one without a size
    estimate), shaped like the ranking's input."""
    rng = np.random.default_rng(seed)
    kp = rng.integers(500, 20000, n).astype(float)
    communes = rng.integers(20, 100, n)
    frame = pd.DataFrame(
        {
            "province_code": [f"{i + 1:02d}" for i in range(n)],
            "name_en": [f"Province {i + 1}" for i in range(n)],
            "name_km": [f"ខេត្ត {i + 1}" for i in range(n)],
            "incidents_12m": rng.poisson(kp * rng.uniform(0.005, 0.04, n)),
            "incidents_before": rng.poisson(kp * 0.012),
            "kp_size": kp,
            "kp_size_before": kp * 0.9,
            "kp_low": kp * 0.72,
            "kp_high": kp * 1.4,
            "services": rng.integers(0, 40, n),
            "communes": communes,
            "communes_without_partnership": np.round(communes * rng.random(n)),
            "trainees": 0.0,
            "modules_delivered": 0.0,
            "pre_test_mean": np.nan,
            "post_test_mean": np.nan,
            "lon": rng.uniform(102.5, 107.5, n),
            "lat": rng.uniform(10.5, 14.5, n),
            "partnership_start": None,
        }
    )
    academies = rng.choice(n, 6, replace=False)
    frame.loc[academies, "trainees"] = rng.integers(50, 400, 6)
    frame.loc[academies, "modules_delivered"] = rng.integers(3, 10, 6)
    frame.loc[academies, "pre_test_mean"] = 50.0
    frame.loc[academies, "post_test_mean"] = 50.0 + rng.integers(0, 40, 6)
    frame.loc[3, "kp_size"] = np.nan
    return frame


def nominal_ranks(frame: pd.DataFrame, candidates: np.ndarray | None = None) -> np.ndarray:
    """The baseline: criteria, normalisation, one weighted sum and its ranks; no draws."""
    matrix = normalise_criteria(compute_criteria(frame), candidates).to_numpy()
    weights = np.array(list(DEFAULT_WEIGHTS.values()))
    return rank_scores(score_matrix(matrix, weights, "weighted_sum", candidates))


def timed(call: Callable[[], object]) -> float:
    """Median wall time of ``REPEATS`` calls, in milliseconds (after one warm-up call)."""
    call()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def speed() -> None:
    """Print each call's median time next to the bare weighted sum's."""
    frame = made_up_provinces()
    base = timed(lambda: nominal_ranks(frame))
    rows = [
        ("bare weighted sum, no uncertainty (baseline)", base),
        (f"uncertainty analysis, {DRAWS:,} draws", timed(lambda: rank_provinces(frame))),
        (
            f"{DRAWS:,} draws + Sobol', leave-one-out, first place",
            timed(lambda: rank_provinces(frame, sensitivity=True)),
        ),
    ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"25 provinces, median of {REPEATS} calls; load average {load} on {os.cpu_count()} cores")
    for label, ms in rows:
        print(f"  {label:<52}{ms:>10.1f} ms{ms / base:>8.0f}x")


def top3(frame: pd.DataFrame, candidates: np.ndarray) -> tuple[set[str], np.ndarray]:
    """The nominal top three (codes) and every candidate's rank."""
    ranks = nominal_ranks(frame, candidates)
    codes = frame["province_code"].to_numpy()
    return set(codes[ranks <= 3]), ranks[candidates]


def redrawn(frame: pd.DataFrame, rng: np.random.Generator, threshold: int = 5) -> pd.DataFrame:
    """The published counts with the protection's noise drawn again: a count shown as n
    becomes n + U{-2..2}, read as <threshold (the stand-in) when it falls below; a <threshold
    stays so."""
    out = frame.copy()
    for column in ("incidents_12m", "incidents_before"):
        small = out[f"{column}_state"] == "small"
        moved = out[column] + rng.integers(-2, 3, len(out))
        moved = moved.where(moved >= threshold, threshold / 2)
        out[column] = np.where(small, threshold / 2, moved)
    return out


def demo_inputs(folder: Path, secret: str) -> pd.DataFrame:
    """Build the demo in ``folder`` with the record-key secret file ``secret`` and read its
    published ranking inputs."""
    env = {
        **os.environ,
        "ATLAS_DB_PATH": str(folder / "atlas.duckdb"),
        "ATLAS_DEMO_DIR": str(folder / "demo"),
        "ATLAS_REPORT_DIR": str(folder / "reports"),
        "ATLAS_SECRET_FILE": secret,
        "ATLAS_AUDIT_LOG": str(folder / "audit.jsonl"),
    }
    subprocess.run([sys.executable, "-m", "etl", "build", "--quiet"], env=env, check=True,
                   capture_output=True)  # fmt: skip
    import duckdb

    with duckdb.connect(str(folder / "atlas_briefing.duckdb"), read_only=True) as con:
        return con.execute("SELECT * FROM ranking_inputs").df()


def protection(secrets: int) -> None:
    """How often the top three change when only the protection's noise is redrawn."""
    with tempfile.TemporaryDirectory() as tmp:
        base_dir = Path(tmp) / "base"
        base = demo_inputs(base_dir, str(base_dir / "secret" / "k"))
        candidates = base["partnership_start"].isna().to_numpy()
        first, ranks = top3(base, candidates)
        rng = np.random.default_rng(21)
        changed, rho = 0, []
        for _ in range(REDRAWS):
            other, other_ranks = top3(redrawn(base, rng), candidates)
            changed += other != first
            rho.append(spearmanr(ranks, other_ranks).statistic)
        print(f"demo, candidates only: top three {sorted(first)}")
        print(f"  noise redrawn on the published counts ({REDRAWS} times): top three changed in "
              f"{changed / REDRAWS:.0%}, Spearman with the published order median "
              f"{np.median(rho):.3f} (min {min(rho):.3f})")  # fmt: skip
        for k in range(secrets):
            folder = Path(tmp) / f"secret{k}"
            other = demo_inputs(folder, str(folder / "secret" / "k"))
            found, other_ranks = top3(other, candidates)
            print(f"  rebuilt with another record-key secret ({k + 1}): top three "
                  f"{'the same' if found == first else sorted(found)}, Spearman "
                  f"{spearmanr(ranks, other_ranks).statistic:.3f}")  # fmt: skip


def main() -> None:
    """Time the analysis, then measure the protection's effect on the top three."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--secrets", type=int, default=0, help="rebuilds with new secrets")
    args = parser.parse_args()
    speed()
    protection(args.secrets)


if __name__ == "__main__":
    main()
