"""Coverage study: how often the 95 % interval of the default design covers the demo's
planted change, next to the plain Poisson over all communes and all months, over many seeds.

Run: .venv/bin/python -m benchmarks.coverage_evaluation [--seeds 100-139] [--effects 0.4,0]

Each seed draws the demo's 20,000 incidents with the demo generator's functions on the real
boundaries (as the tests do) and fits both; no evaluation step beyond the effect is run.
"""

from __future__ import annotations

import argparse
import statistics

import config
from analysis.designs import select_sample
from analysis.poisson import Ratio, fit_etwfe, fit_twfe
from etl import reference
from tests.analysis.truth import truth_panel

CONTENDERS = (
    ("default: shared shock, after the policy, extended TWFE", "shared_shock", "after_policy"),
    ("plain: all communes, all months, one indicator (baseline)", "all_communes", "all_months"),
)


def summary(label: str, planted: float, fits: list[Ratio]) -> str:
    """One line: coverage, mean estimate, mean width, and how often 0 is excluded."""
    covered = sum(r.low <= -planted <= r.high for r in fits)
    excludes = sum(not r.low <= 0 <= r.high for r in fits)
    mean = statistics.fmean(r.effect for r in fits)
    width = statistics.fmean(r.high - r.low for r in fits)
    return (
        f"  {label:<58} covers {covered:>3}/{len(fits)}  mean {mean:+.3f}  "
        f"width {width:.3f}  excludes 0: {excludes}/{len(fits)}"
    )


def main() -> None:
    """Print coverage per planted effect and design."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="100-139", help="first-last seed, inclusive")
    parser.add_argument("--effects", default="0.4,0", help="planted falls, comma-separated")
    args = parser.parse_args()
    first, last = (int(s) for s in args.seeds.split("-"))
    _, _, tables = reference.read_and_conflate(config.get_path("ATLAS_REFERENCE_DIR"))
    for planted in (float(e) for e in args.effects.split(",")):
        fits: dict[str, list[Ratio]] = {label: [] for label, _, _ in CONTENDERS}
        for seed in range(first, last + 1):
            panel = truth_panel(tables.communes, seed, planted)
            for label, design, window in CONTENDERS:
                frame = select_sample(panel, design, window).frame
                fit = fit_etwfe if design == "shared_shock" else fit_twfe
                fits[label].append(fit(frame))
        print(f"Planted fall {planted:.2f}, seeds {first}-{last}")
        for label, results in fits.items():
            print(summary(label, planted, results))


if __name__ == "__main__":
    main()
