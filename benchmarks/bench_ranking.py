"""Benchmark: the ranking's uncertainty analysis (5,000 draws that vary the weights, the
normalisation, the aggregation, the key-population sizes and the counts) next to a bare
weighted sum without uncertainty, on 25 made-up provinces, in one run; then how often the top
three change when only the protection's noise is redrawn; then the briefing pack.

Run: .venv/bin/python -m benchmarks.bench_ranking [--secrets N]
Each time is the median of a few repeats; the load average is printed, since other work on the
machine slows every line alike. The protection part builds the demo, then (1) simulates another
record-key secret 200 times on its published inputs (a true count drawn within the range each
reading stands for, ``query.ranking.count_range`` from ``query.cellkey.greatest_move``, and
published again by ``query.cellkey.publish`` with a random cell key) and (2) builds the demo N
times (default 3), each with a new record-key secret (the real redraw: a build each), and
compares the published candidates' top three and order with the base build's, beside the
figure before issue 21 (Spearman 0.94). The pack part makes the briefing pack of the base build
in each language with ``python -m briefing`` and counts its pages, beside the limits (4 pages,
10 s).
"""

from __future__ import annotations

import argparse
import os
import re
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
from briefing.__main__ import read_pack
from briefing.pack import render_pack
from query import cellkey, published
from query import ranking as ranking_query

REPEATS = 5
DRAWS = 5000
REDRAWS = 200
MAX_PAGES = 4
MAX_SECONDS = 10


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


def redrawn(frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The published counts as another record-key secret could publish them: a true count
    drawn within the range each reading stands for (``query.ranking.count_range``, from
    ``query.cellkey.greatest_move``), published again by ``query.cellkey.publish`` with a
    random key sum and cell; a reading below the threshold enters as the stand-in."""
    out = frame.copy()
    threshold = published.threshold()
    for column in ("incidents_12m", "incidents_before"):
        low, high = out[f"{column}_low"].to_numpy(float), out[f"{column}_high"].to_numpy(float)
        known = ~np.isnan(low)
        true = np.floor(low[known] + rng.random(known.sum()) * (high[known] - low[known] + 1))
        keys = rng.integers(0, cellkey.KEY_RANGE, known.sum())
        cells = rng.integers(0, 2**63, known.sum()).astype(np.uint64)
        again = cellkey.publish(true.astype(np.int64), keys, cells, threshold)
        small = again.state == cellkey.State.SMALL.value
        values = out[column].to_numpy(float, copy=True)
        values[known] = np.where(small, ranking_query.stand_in(), again.value)
        out[column] = values
    return out


def demo_inputs(folder: Path, secret: str) -> pd.DataFrame:
    """Build the demo in ``folder`` with the record-key secret file ``secret`` and read its
    published ranking inputs."""
    subprocess.run([sys.executable, "-m", "etl", "build", "--quiet"], env=demo_env(folder, secret),
                   check=True, capture_output=True)  # fmt: skip
    import duckdb

    with duckdb.connect(str(folder / "atlas_briefing.duckdb"), read_only=True) as con:
        return con.execute("SELECT * FROM ranking_inputs").df()


def demo_env(folder: Path, secret: str) -> dict[str, str]:
    """The settings of a demo build in ``folder`` with the secret file ``secret``."""
    return {
        **os.environ,
        "ATLAS_DB_PATH": str(folder / "atlas.duckdb"),
        "ATLAS_DEMO_DIR": str(folder / "demo"),
        "ATLAS_REPORT_DIR": str(folder / "reports"),
        "ATLAS_SECRET_FILE": secret,
        "ATLAS_AUDIT_LOG": str(folder / "audit.jsonl"),
    }


def simulated(base: pd.DataFrame, candidates: np.ndarray) -> None:
    """Print how often the top three change over ``REDRAWS`` simulated redraws of the noise."""
    first, ranks = top3(base, candidates)
    rng = np.random.default_rng(21)
    changed, rho = 0, []
    for _ in range(REDRAWS):
        other, other_ranks = top3(redrawn(base, rng), candidates)
        changed += other != first
        rho.append(spearmanr(ranks, other_ranks).statistic)
    print(f"  simulated (truth within each reading's range, published again, {REDRAWS} times, "
          f"rounded to multiples of {published.threshold()}): top three changed in "
          f"{changed / REDRAWS:.0%}, "
          f"Spearman median {np.median(rho):.3f} (min {min(rho):.3f})")  # fmt: skip


def rebuilt(tmp: str, base: pd.DataFrame, candidates: np.ndarray, secrets: int) -> None:
    """Print how often the top three change over ``secrets`` rebuilds with new secrets."""
    first, ranks = top3(base, candidates)
    changed, rho = 0, []
    for k in range(secrets):
        folder = Path(tmp) / f"secret{k}"
        found, other_ranks = top3(demo_inputs(folder, str(folder / "secret" / "k")), candidates)
        changed += found != first
        rho.append(spearmanr(ranks, other_ranks).statistic)
        print(
            f"  rebuilt with another record-key secret ({k + 1}): top three "
            f"{'the same' if found == first else sorted(found)}, Spearman {rho[-1]:.3f}"
        )
    if secrets:
        print(
            f"  another record-key secret, {secrets} rebuilds: top three changed in {changed} "
            f"of {secrets}, Spearman median {np.median(rho):.3f} (min {min(rho):.3f}); "
            f"baseline before issue 21 (every province, 12-month windows): Spearman 0.94"
        )


def protection(tmp: str, secrets: int) -> Path:
    """How often the top three change when only the protection's noise is redrawn; the base
    build's folder (for the pack)."""
    base_dir = Path(tmp) / "base"
    base = demo_inputs(base_dir, str(base_dir / "secret" / "k"))
    candidates = base["partnership_start"].isna().to_numpy()
    print(f"demo, candidates only: top three {sorted(top3(base, candidates)[0])}")
    simulated(base, candidates)
    rebuilt(tmp, base, candidates, secrets)
    return base_dir


def pack(folder: Path) -> None:
    """Time the briefing pack in each language (the command, as a user runs it, and the
    rendering alone) and count its pages, beside the limits (4 pages, 10 s)."""
    env = demo_env(folder, str(folder / "secret" / "k"))
    print(f"briefing pack on the demo (limits: {MAX_PAGES} pages, {MAX_SECONDS} s)")
    ranking, data = read_pack(folder / "atlas_briefing.duckdb", {}, "weighted_sum")
    for lang in ("en", "km"):
        out = folder / f"pack_{lang}.pdf"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "briefing", "--lang", lang, "--out", str(out)],
                       env=env, check=True, capture_output=True)  # fmt: skip
        command = time.perf_counter() - started
        render = timed(lambda lang=lang: render_pack(ranking, data, lang)) / 1000
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", out.read_bytes()))
        print(f"  {lang}: {pages} pages; the command {command:.1f} s (reading, ranking, "
              f"rendering, audit), rendering alone {render:.2f} s")  # fmt: skip


def main() -> None:
    """Time the analysis, measure the protection's effect on the top three, then the pack."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--secrets", type=int, default=3, help="rebuilds with new secrets")
    args = parser.parse_args()
    speed()
    with tempfile.TemporaryDirectory() as tmp:
        pack(protection(tmp, args.secrets))


if __name__ == "__main__":
    main()
