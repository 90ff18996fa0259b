"""Benchmark: the ranking's default call (SPOTIS, 2,000 draws of weights and counts) next to a
bare weighted sum without uncertainty, on 25 made-up provinces, in one run.

Run: .venv/bin/python -m benchmarks.bench_ranking
Each figure is the median of a few repeats; the load average is printed, since other work on
the machine slows every line alike.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from analysis.ranking import (
    DEFAULT_DRAWS,
    DEFAULT_WEIGHTS,
    compute_criteria,
    normalise_criteria,
    rank_provinces,
    score_matrix,
)
from analysis.ranking_methods import rank_scores

REPEATS = 5


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
            "services": rng.integers(0, 40, n),
            "communes": communes,
            "communes_without_partnership": np.round(communes * rng.random(n)),
            "trainees": 0.0,
            "modules_delivered": 0.0,
            "pre_test_mean": np.nan,
            "post_test_mean": np.nan,
        }
    )
    academies = rng.choice(n, 6, replace=False)
    frame.loc[academies, "trainees"] = rng.integers(50, 400, 6)
    frame.loc[academies, "modules_delivered"] = rng.integers(3, 10, 6)
    frame.loc[academies, "pre_test_mean"] = 50.0
    frame.loc[academies, "post_test_mean"] = 50.0 + rng.integers(0, 40, 6)
    frame.loc[3, "kp_size"] = np.nan
    return frame


def bare_weighted_sum(frame: pd.DataFrame) -> np.ndarray:
    """The baseline: criteria, normalisation, one weighted sum and its ranks; no draws."""
    matrix = normalise_criteria(compute_criteria(frame)).to_numpy()
    weights = np.array(list(DEFAULT_WEIGHTS.values()))
    return rank_scores(score_matrix(matrix, weights, "weighted_sum"))


def timed(call: Callable[[], object]) -> float:
    """Median wall time of ``REPEATS`` calls, in milliseconds (after one warm-up call)."""
    call()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print each call's median time next to the bare weighted sum's."""
    frame = made_up_provinces()
    base = timed(lambda: bare_weighted_sum(frame))
    rows = [
        ("bare weighted sum, no uncertainty (baseline)", base),
        (
            f"default call: SPOTIS, {DEFAULT_DRAWS:,} draws",
            timed(lambda: rank_provinces(frame)),
        ),
        (
            f"weighted sum, {DEFAULT_DRAWS:,} draws",
            timed(lambda: rank_provinces(frame, method="weighted_sum")),
        ),
        (f"TOPSIS, {DEFAULT_DRAWS:,} draws", timed(lambda: rank_provinces(frame, method="topsis"))),
    ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"25 provinces, median of {REPEATS} calls; load average {load} on {os.cpu_count()} cores")
    for label, ms in rows:
        print(f"  {label:<48}{ms:>10.1f} ms{ms / base:>10.0f}x")


if __name__ == "__main__":
    main()
