"""The imputation estimator: the Poisson fit on untreated commune-months, the effect on the
treated, its bootstrap interval, and what it leaves out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from analysis import levels
from analysis.designs import select_sample
from analysis.imputation import impute
from tests.analysis.synthetic import poisson_panel


def test_point_estimate_is_the_poisson_fit_on_untreated_months_imputed() -> None:
    frame = select_sample(poisson_panel(seed=1, pilots=10, comparison=20)).frame
    treated = (frame["g"] > 0) & (frame["t"] >= frame["g"])
    dummies = pd.get_dummies(frame[["unit", "t"]].astype(str), drop_first=True).astype(float)
    dummies.insert(0, "constant", 1.0)
    glm = sm.GLM(frame["y"][~treated], dummies[~treated], family=sm.families.Poisson()).fit()
    expected = frame["y"][treated].sum() / glm.predict(dummies[treated]).sum() - 1
    assert impute(frame).ratio.effect == pytest.approx(expected, abs=1e-8)


@pytest.mark.parametrize("seed", [3, 4])
def test_covers_the_planted_fall_with_a_narrower_interval_than_one_base_month(seed: int) -> None:
    panel = poisson_panel(seed=seed)
    frame = select_sample(panel).frame
    result = impute(frame)
    assert result.ratio.low < -0.4 < result.ratio.high < 0
    assert (result.pilots, result.left_out) == (30, 0)
    one_base = levels.relative_change(frame)  # Callaway-Sant'Anna: one month before the start
    assert (result.ratio.high - result.ratio.low) < (one_base.high - one_base.low) / 2


def test_no_effect_is_covered_and_the_bootstrap_is_reproducible() -> None:
    frame = select_sample(poisson_panel(seed=5, effect=0.0)).frame
    first, again = impute(frame), impute(frame)
    assert first.ratio.low < 0 < first.ratio.high
    assert first == again


def test_a_pilot_commune_without_incidents_before_its_start_is_left_out() -> None:
    panel = poisson_panel(seed=6)
    silent = panel["unit"].eq("U0000") & (panel["month"] < panel["start"])
    frame = select_sample(panel.assign(y=np.where(silent, 0, panel["y"]))).frame
    assert impute(frame).left_out == 1


def test_no_pilot_with_a_month_before_its_start_is_refused() -> None:
    frame = select_sample(poisson_panel(seed=6)).frame
    frame = frame.assign(y=np.where((frame["g"] > 0) & (frame["t"] < frame["g"]), 0, frame["y"]))
    with pytest.raises(ValueError, match="no pilot commune has an incident before its start"):
        impute(frame)
