"""The Poisson estimators: the pooled effect's arithmetic, the cohort cells, and recovery of
a planted effect on small panels made in code."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.designs import select_sample
from analysis.poisson import aggregate_cells, cohort_cells, fit_etwfe, fit_twfe, warm_up
from tests.analysis.synthetic import poisson_panel


def test_one_cell_gives_its_own_ratio_and_standard_error() -> None:
    r = aggregate_cells(np.array([40.0]), np.array([-0.5]), np.array([[0.04]]))
    assert r.effect == pytest.approx(np.expm1(-0.5))
    assert r.se == pytest.approx(0.2)
    assert r.low == pytest.approx(np.expm1(-0.5 - 1.959964 * 0.2))
    assert r.high == pytest.approx(np.expm1(-0.5 + 1.959964 * 0.2))


def test_cells_pool_by_their_counterfactual_counts() -> None:
    y = np.array([30.0, 10.0])
    delta = np.log([0.5, 1.0])  # the first cell halved (60 expected), the second unchanged
    vcov = np.array([[0.01, 0.0], [0.0, 0.09]])
    r = aggregate_cells(y, delta, vcov)
    assert r.effect == pytest.approx(40 / 70 - 1)
    w = np.array([60, 10]) / 70
    assert r.se == pytest.approx(np.sqrt(w @ vcov @ w))


def test_a_cell_without_incidents_shares_the_parameter_before_it() -> None:
    # cohort 100: years 0 (y=3), 1 (y=0), 2 (y=2); cohort 106: year 0 (y=0), year 1 (y=1)
    frame = pd.DataFrame(
        {
            "g": [100, 100, 100, 106, 106, 0],
            "t": [100, 112, 124, 106, 118, 110],
            "y": [3, 0, 2, 0, 1, 5],
        }
    )
    cells = cohort_cells(frame, cell_months=12)
    assert list(cells.index) == [0, 1, 2, 3, 4]
    assert cells["cell"].tolist() == [0, 0, 1, 1, 2]
    leading = frame.assign(y=[0, 4, 2, 0, 1, 5])
    assert cohort_cells(leading, 12)["cell"].tolist() == [0, 0, 1, 1, 2]


@pytest.mark.parametrize("effect", [-0.4, 0.0])
def test_extended_twfe_recovers_a_planted_effect(effect: float) -> None:
    sample = select_sample(poisson_panel(seed=11, effect=effect))
    r = fit_etwfe(sample.frame)
    assert r.low < effect < r.high
    assert (r.high < 0) == (effect < 0)
    assert r.effect == pytest.approx(effect, abs=0.06)


def test_extended_twfe_recovers_the_effect_on_the_treated_when_cohorts_differ() -> None:
    """Effects of -10 %, -40 % and -70 % for the three cohorts: the target is the fall of all
    treated incidents against their expected count without the partnership."""
    panel = poisson_panel(seed=5, pilots=60, effect=(-0.1, -0.4, -0.7))
    treated = panel["start"].notna() & (panel["month"] >= panel["start"])
    truth = panel.loc[treated, "mu"].sum() / panel.loc[treated, "mu0"].sum() - 1
    r = fit_etwfe(select_sample(panel).frame)
    assert r.low < truth < r.high
    assert r.effect == pytest.approx(truth, abs=0.05)


def test_plain_twfe_has_the_same_interface() -> None:
    r = fit_twfe(select_sample(poisson_panel(seed=11)).frame)
    assert r.low < r.effect < r.high < 0


def test_warm_up_fits_a_tiny_panel() -> None:
    assert warm_up() > 0
