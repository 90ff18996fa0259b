"""Benchmark: the evaluation's fit times on the 1,000,000-incident demo, next to the bare read
of the panel and a plain fepois, in the same run.

Run: .venv/bin/python -m benchmarks.bench_evaluation [--incidents N] [--seed S] [--repeat K]
     .venv/bin/python -m benchmarks.bench_evaluation --database [--incidents N] [--db PATH]

With ``--database``, the same through the atlas database and the query layer's panel, at the
demo's default size and at N incidents (``benchmarks.bench_evaluation_db``); otherwise:

The truth panel is drawn with the demo generator's own functions on the real commune
boundaries (no ETL, no database): arrests and confiscations in their true commune. The
baselines are the pandas groupby that turns the incidents into the commune x month panel
(what the page reads before it can estimate) and a plain two-way fixed-effects ``fepois``
(one after-start indicator) on the same sample. Fits are timed warm (best of ``--repeat``),
after ``poisson.warm_up()`` has paid pyfixest's one-time start-up (printed apart).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

import config
from analysis import event_study, imputation, levels, poisson, sensitivity
from analysis.designs import select_sample
from analysis.evaluation import Evaluation, evaluate
from benchmarks import bench_evaluation_db
from etl import reference
from tests.analysis.truth import demo_truth, to_panel
from vocabulary import NEGATIVE_CONTROL_TYPES


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The shortest wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    """Print the panel read, the plain fit and the evaluation's steps, in seconds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2010)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database", action="store_true", help="through the atlas database")
    parser.add_argument("--db", type=Path, help="with --database: this database, not built ones")
    args = parser.parse_args()
    if args.database:
        _through_database(args)
        return
    _, _, tables = reference.read_and_conflate(config.get_path("ATLAS_REFERENCE_DIR"))
    truth = demo_truth(tables.communes, args.seed, incidents=args.incidents)
    panel = to_panel(truth)
    control = to_panel(
        demo_truth(
            tables.communes, args.seed, incidents=args.incidents, types=NEGATIVE_CONTROL_TYPES
        )
    )
    frame = select_sample(panel).frame
    first_fit = poisson.warm_up()
    rows = [
        ("panel from the incidents, pandas groupby (baseline)", lambda: to_panel(truth)),
        ("plain fepois, one after-start indicator (baseline)", lambda: poisson.fit_twfe(frame)),
        ("sample: design and window", lambda: select_sample(panel)),
        ("estimate: extended TWFE Poisson + pooled effect", lambda: poisson.fit_etwfe(frame)),
        ("event study + pre-trend test", lambda: event_study.fit_event_study(frame)),
        (
            "one-base-month Callaway-Sant'Anna (the former line)",
            lambda: levels.relative_change(frame),
        ),
        ("second estimator: imputation, 299 bootstrap draws", lambda: imputation.impute(frame)),
        ("sensitivity: smoothness, breakdown value", lambda: sensitivity.sensitivity(frame)),
        ("page estimate: evaluate(robustness=False)", lambda: evaluate(panel, robustness=False)),
        ("whole evaluate(), negative control, verdict", lambda: _whole(panel, control)),
    ]
    result = _whole(panel, control)
    print(
        f"Evaluation on the demo truth: {len(truth.incidents):,} arrests and confiscations "
        f"of {args.incidents:,} incidents, panel {len(panel):,} rows, sample {len(frame):,} rows "
        f"({result.pilot_communes} pilot, {result.comparison_communes} comparison communes)"
    )
    print(f"  warm_up(): first fepois of the process, tiny panel    {first_fit:>7.2f} s")
    for label, run in rows:
        print(f"  {label:<54}{best_of(args.repeat, run):>7.2f} s")
    print(
        f"  effect {result.effect:+.3f} (95 % {result.low:+.3f} to {result.high:+.3f}), "
        f"planted -0.400; pre-trend p = {result.pre_trend_p:.2f}; verdict {result.verdict}"
    )


def _whole(panel: pd.DataFrame, control: pd.DataFrame) -> Evaluation:
    """The whole evaluation with its negative control."""
    return evaluate(panel, control=control, control_types=NEGATIVE_CONTROL_TYPES)


def _through_database(args: argparse.Namespace) -> None:
    """The evaluation through built databases (the demo's default size, then ``--incidents``)
    or through ``--db``."""
    print(f"warm_up(): first fepois of the process, tiny panel {poisson.warm_up():.2f} s")
    if args.db:
        bench_evaluation_db.measure(args.db, args.repeat, best_of)
        return
    for incidents in dict.fromkeys((config.get_int("ATLAS_DEMO_INCIDENTS"), args.incidents)):
        with tempfile.TemporaryDirectory() as tmp:
            db = bench_evaluation_db.build_database(incidents, Path(tmp))
            bench_evaluation_db.measure(db, args.repeat, best_of)


if __name__ == "__main__":
    main()
