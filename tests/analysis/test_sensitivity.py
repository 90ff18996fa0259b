"""The smoothness sensitivity (Rambachan and Roth): a steady drift the pre-trend test misses
is removed, a planted fall survives it with a breakdown value, and the parts it is made of."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.designs import select_sample
from analysis.event_study import fit_event_study
from analysis.poisson import fit_etwfe
from analysis.sensitivity import breakdown, folded_cv, sensitivity, worst_bias
from benchmarks.honest_flci import atlas_interval, draw
from tests.analysis.synthetic import poisson_panel


def drifting(seed: int, effect: float, rate: float = -0.01) -> pd.DataFrame:
    """``poisson_panel`` with the pilot communes trending by ``rate`` a month throughout."""
    panel = poisson_panel(seed=seed, effect=effect)
    months = (panel["month"].dt.year * 12 + panel["month"].dt.month).to_numpy()
    trend = np.where(panel["start"].notna(), np.exp(rate * (months - months.min())), 1.0)
    rng = np.random.default_rng(seed + 1000)
    return panel.assign(y=rng.poisson(panel["mu"].to_numpy() * trend))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_steady_drift_with_no_effect_is_no_fall_once_the_drift_is_carried_on(seed: int) -> None:
    frame = select_sample(drifting(seed, effect=0.0)).frame
    main = fit_etwfe(frame)
    assert main.high < 0  # the main estimate takes the drift for a fall
    result = sensitivity(frame)
    assert result is not None and result.low <= 0 <= result.high
    assert result.breakdown is None
    assert result.pre_slope == pytest.approx(np.expm1(-0.03), abs=0.02)  # 1 % a month


def test_the_pre_trend_test_does_not_see_the_drift_the_sensitivity_removes() -> None:
    frame = select_sample(drifting(1, effect=0.0, rate=-0.005)).frame
    assert fit_event_study(frame)[1] > 0.10
    result = sensitivity(frame)
    assert result is not None and result.low <= 0 <= result.high


@pytest.mark.parametrize("seed", [1, 2])
def test_a_planted_fall_survives_with_a_breakdown_value(seed: int) -> None:
    result = sensitivity(select_sample(poisson_panel(seed=seed)).frame)
    assert result is not None
    assert result.high < 0 and result.effect == pytest.approx(-0.4, abs=0.1)
    assert result.breakdown is not None and result.breakdown > 0
    assert (result.pre_bins, result.post_bins) == (7, 4)


def test_too_few_quarters_before_the_start_give_no_sensitivity() -> None:
    panel = poisson_panel(seed=1, starts=("2011-01-01",))
    assert sensitivity(select_sample(panel).frame) is None  # 4 months before the start


def test_folded_normal_critical_value() -> None:
    assert folded_cv(0.0) == pytest.approx(stats.norm.ppf(0.975))
    assert folded_cv(5.0) == pytest.approx(5.0 + stats.norm.ppf(0.95), abs=1e-3)
    t = 1.3
    c = folded_cv(t)
    assert stats.norm.cdf(c - t) - stats.norm.cdf(-c - t) == pytest.approx(0.95)


def test_worst_bias_of_a_straight_line_extrapolation() -> None:
    # pre quarter -2, reference -1, post 0: the estimator beta_0 + beta_-2 cancels a line
    # through the reference; a gap that bends by 1 a quarter biases it by 1 at most
    assert worst_bias(np.array([1.0, 1.0]), np.array([-2, 0])) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="bias programme"):
        worst_bias(np.array([1.0]), np.array([0]))  # a line through the reference biases it


def test_breakdown_is_where_the_interval_reaches_no_change() -> None:
    theta, se, b1 = -0.5, 0.1, 2.0
    value = breakdown(theta, se, b1)
    assert value is not None
    assert theta + folded_cv(value * b1 / se) * se == pytest.approx(0.0, abs=1e-9)
    assert breakdown(-0.15, 0.1, b1) is None
    assert breakdown(0.5, 0.1, b1) == pytest.approx(value)  # a rise, the same way


# moderndid 0.2.0's port of HonestDiD (``compute_flci``, with cvxpy 1.9.3 installed aside),
# printed by ``benchmarks/honest_flci.py``: its fixed-length intervals at M = 0 and M = 0.05.
HONESTDID = {
    (3, 3, 1): ((-0.6778, -0.1237), 0.9420),
    (3, 3, 2): ((-0.6804, -0.1516), 0.9498),
    (7, 4, 3): ((-0.5198, -0.1673), 1.0733),
    (7, 4, 4): ((-0.6391, -0.2233), 1.1622),
}


@pytest.mark.parametrize("case", list(HONESTDID))
def test_the_interval_is_honestdids_at_m_zero_and_no_shorter_beyond(case: tuple) -> None:
    (low, high), length = HONESTDID[case]
    drawn = draw(*case)
    assert atlas_interval(*drawn, 0.0) == pytest.approx((low, high), abs=5e-4)
    wider = atlas_interval(*drawn, 0.05)
    assert wider[1] - wider[0] >= length - 1e-3
