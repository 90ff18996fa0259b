"""The event study: bins around the start, the reference, and the pre-trend test."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.designs import select_sample
from analysis.event_study import event_bins, fit_event_study, pre_trend_p
from tests.analysis.synthetic import poisson_panel


def test_months_are_binned_with_open_ends() -> None:
    rel = np.array([-30, -13, -12, -10, -4, -3, -1, 0, 2, 3, 23, 24, 40])
    assert event_bins(rel, 3, -12, 24).tolist() == [-5, -5, -4, -4, -2, -1, -1, 0, 0, 1, 7, 8, 8]


def test_table_has_the_reference_and_the_planted_fall() -> None:
    table, p = fit_event_study(select_sample(poisson_panel(seed=3)).frame)
    ref = table[table["reference"]]
    assert ref[["rel_month", "estimate", "low", "high"]].values.tolist() == [[-3, 0.0, 0.0, 0.0]]
    assert ref["label"].item() == "-3 to -1"
    assert table.iloc[0]["label"] == "-13 or earlier" and table.iloc[0]["binned"]
    assert table.iloc[-1]["label"] == "24 or later" and table.iloc[-1]["binned"]
    after = table[table["rel_month"] >= 0]
    assert after["estimate"].between(-0.6, -0.2).all()
    assert (after["high"] < 0).all()
    before = table[(table["rel_month"] < -3)]
    assert ((before["low"] < 0) & (before["high"] > 0)).mean() >= 0.75
    assert p > 0.05


def test_pre_trend_test_sees_communes_drifting_apart_before_the_start() -> None:
    _, p = fit_event_study(select_sample(poisson_panel(seed=3, pre_trend=0.04)).frame)
    assert p < 0.001


def test_monthly_bins_and_a_bin_without_incidents() -> None:
    panel = poisson_panel(seed=4)
    rel_two = panel["start"].notna() & (
        (panel["month"].dt.year * 12 + panel["month"].dt.month)
        - (panel["start"].dt.year * 12 + panel["start"].dt.month)
        == 2
    )
    panel.loc[rel_two, "y"] = 0
    table, _ = fit_event_study(select_sample(panel).frame, bin_months=1, first=-6, last=6)
    row = table.set_index("rel_month").loc[2]
    assert row["label"] == "2" and row["incidents"] == 0 and np.isnan(row["estimate"])
    assert table.set_index("rel_month").loc[-1, "reference"]


def test_pre_trend_p_without_pre_bins_is_nan_and_bad_windows_are_refused() -> None:
    assert np.isnan(pre_trend_p(np.empty(0), np.empty((0, 0))))
    frame = select_sample(poisson_panel()).frame
    with pytest.raises(ValueError, match="multiples of 3"):
        fit_event_study(frame, first=-10)
