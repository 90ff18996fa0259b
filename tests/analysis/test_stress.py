"""The evaluation under stress (``tests/analysis/stress.py``), on the demo's truth: a drift, a
reporting change and pilots chosen after a spike end in "cannot tell" or an interval that
covers the truth, and the planted fall still reads "fell"."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

from analysis.evaluation import Evaluation, evaluate
from analysis.verdict import CANNOT_TELL, FELL
from tests.analysis.stress import SCENARIOS, stressed
from vocabulary import NEGATIVE_CONTROL_TYPES

pytestmark = pytest.mark.integration

Pair = Callable[[int, float], tuple[pd.DataFrame, pd.DataFrame]]


def _evaluate(outcome: pd.DataFrame, control: pd.DataFrame) -> Evaluation:
    return evaluate(outcome, control=control, control_types=NEGATIVE_CONTROL_TYPES)


@pytest.mark.parametrize("seed", [2010, 101])
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_a_stressed_panel_cannot_tell_or_covers_the_truth(
    truth_pair: Pair, name: str, seed: int
) -> None:
    scenario = SCENARIOS[name]
    result = _evaluate(*stressed(scenario, *truth_pair(seed, scenario.planted), seed))
    assert result.verdict == CANNOT_TELL or result.low <= scenario.truth <= result.high
    assert result.verdict != FELL or scenario.truth < 0


def test_each_stress_is_caught_by_the_check_built_for_it(truth_pair: Pair) -> None:
    """The naive reading is wrong in each scenario, and the reason names the threat."""
    reasons = {}
    for name, scenario in SCENARIOS.items():
        result = _evaluate(*stressed(scenario, *truth_pair(2010, scenario.planted), 2010))
        assert not result.low <= scenario.truth <= result.high, name  # the main interval misses
        reasons[name] = result.verdict_reasons
    assert "drift" in reasons["drift"]
    assert "control_changed" in reasons["reporting"]
    assert "pre_trend" in reasons["spike"]


@pytest.mark.parametrize("seed", [2010, 101, 102])
def test_the_planted_fall_still_reads_fell(truth_pair: Pair, seed: int) -> None:
    result = _evaluate(*truth_pair(seed, 0.40))
    assert result.verdict == FELL, result.verdict_reasons
    assert result.low <= -0.40 <= result.high
    assert result.sensitivity is not None and result.sensitivity.breakdown > 0
    control = result.negative_control
    assert control is not None and control.low <= 0 <= control.high
