"""Coverage study: how often the evaluation's 95 % interval covers the truth and how often its
verdict ("fell", "did not fall", "cannot tell") is false, for the demo's planted effects and
the three stress scenarios (``tests/analysis/stress.py``: pilot communes drifting down 1 % a
month with no effect; reporting up 30 % after the start over a 40 % fall; pilots chosen after
a 50 % spike, no effect), over many seeds.

Run: .venv/bin/python -m benchmarks.coverage_evaluation [--seeds 100-119] [--effects 0.4,0.2,0]

Each seed draws the demo's 20,000 incidents with the demo generator's functions on the real
boundaries (as the tests do): arrests and confiscations (the outcome) and the negative control's
types from the same draw, and runs the whole ``evaluate`` (default design and window, second
estimator, sensitivity, negative control, verdict). A false verdict is "fell" when the truth is
no fall, or "did not fall" when the truth is a fall. About 10 s a seed on a busy 2-core machine
(six evaluations of about 1.5 s, and the panels); the default 20 seeds take 3 to 4 minutes.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter

import config
from analysis.evaluation import Evaluation, evaluate
from analysis.verdict import DID_NOT_FALL, FELL, VERDICTS
from etl import reference
from tests.analysis.stress import SCENARIOS, stressed
from tests.analysis.truth import truth_panels
from vocabulary import NEGATIVE_CONTROL_TYPES, PILOT_TYPES

TYPES = (PILOT_TYPES, NEGATIVE_CONTROL_TYPES)


def false_verdict(result: Evaluation, truth: float) -> bool:
    """A verdict the truth contradicts: a fall that is not there, or a fall denied."""
    return (result.verdict == FELL and truth >= 0) or (result.verdict == DID_NOT_FALL and truth < 0)


def summary(label: str, truth: float, results: list[Evaluation]) -> str:
    """One line: coverage, mean estimate, verdicts, false verdicts, and how often the verdict
    is "cannot tell" or the interval covers the truth (what the stress scenarios need)."""
    n = len(results)
    covered = sum(r.low <= truth <= r.high for r in results)
    verdicts = Counter(r.verdict for r in results)
    reasons = Counter(code for r in results for code in r.verdict_reasons)
    safe = sum(r.verdict == "cannot_tell" or r.low <= truth <= r.high for r in results)
    second = sum(r.robustness is not None and r.robustness.low <= truth <= r.robustness.high
                 for r in results)  # fmt: skip
    return (
        f"  {label:<34} truth {truth:+.2f}  covers {covered:>2}/{n} (second estimator "
        f"{second:>2}/{n})  mean {statistics.fmean(r.effect for r in results):+.3f}  "
        + "  ".join(f"{v} {verdicts[v]:>2}" for v in VERDICTS)
        + f"  false {sum(false_verdict(r, truth) for r in results):>2}/{n}"
        f"  cannot tell or covers {safe:>2}/{n}\n"
        + f"  {'':<34} why cannot tell: "
        + (", ".join(f"{code} {k}" for code, k in reasons.most_common()) or "-")
    )


def main() -> None:
    """Print coverage and verdicts per planted effect and stress scenario."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="100-119", help="first-last seed, inclusive")
    parser.add_argument("--effects", default="0.4,0.2,0", help="planted falls, comma-separated")
    args = parser.parse_args()
    first, last = (int(s) for s in args.seeds.split("-"))
    effects = [float(e) for e in args.effects.split(",")]
    _, _, tables = reference.read_and_conflate(config.get_path("ATLAS_REFERENCE_DIR"))
    runs: dict[tuple[str, float], list[Evaluation]] = {}
    started = time.perf_counter()
    for seed in range(first, last + 1):
        panels = {p: truth_panels(tables.communes, seed, p, TYPES) for p in set(effects) | {0.0}}
        panels.setdefault(0.4, truth_panels(tables.communes, seed, 0.4, TYPES))
        for planted in effects:
            outcome, control = panels[planted]
            result = evaluate(outcome, control=control, control_types=NEGATIVE_CONTROL_TYPES)
            runs.setdefault((f"planted fall {planted:.0%}", -planted or 0.0), []).append(result)
        for scenario in SCENARIOS.values():
            outcome, control = stressed(scenario, *panels[scenario.planted], seed)
            result = evaluate(outcome, control=control, control_types=NEGATIVE_CONTROL_TYPES)
            runs.setdefault((f"stress: {scenario.name}", scenario.truth), []).append(result)
    seconds = time.perf_counter() - started
    print(f"Seeds {first}-{last}: default design and window, 20,000 incidents a seed")
    for (label, truth), results in runs.items():
        print(summary(label, truth, results))
    print(f"  {seconds:.0f} s for {sum(map(len, runs.values()))} evaluations and their panels")


if __name__ == "__main__":
    main()
