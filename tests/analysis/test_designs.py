"""Designs and windows: who is compared with whom, over which months, and what is refused."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis.designs import (
    DESIGNS,
    WINDOWS,
    InsufficientDataError,
    first_month_after,
    select_sample,
)
from tests.analysis.synthetic import poisson_panel
from vocabulary import POLICY_DAY


def _group(panel: pd.DataFrame, prefix: str, province: str, urban: bool) -> pd.DataFrame:
    out = panel.copy()
    out["unit"] = prefix + out["unit"]
    out["province_code"] = province
    out["urban"] = urban
    return out


@pytest.fixture(scope="module")
def mixed() -> pd.DataFrame:
    """Pilots in 12 (12 communes) and 01 (6); never-started urban communes in 12 (7) and 01
    (5); urban (8) and rural (9) communes of province 02; one 2008-2014 panel."""
    span = {"first": "2008-01-01", "last": "2014-12-01"}
    parts = [
        _group(poisson_panel(1, pilots=12, comparison=7, **span), "pp", "12", True),
        _group(
            poisson_panel(2, pilots=6, comparison=5, starts=("2011-04-01",), **span),
            "bm",
            "01",
            True,
        ),
        _group(poisson_panel(3, pilots=0, comparison=8, **span), "uo", "02", True),
        _group(poisson_panel(4, pilots=0, comparison=9, **span), "ro", "02", False),
    ]
    return pd.concat(parts, ignore_index=True)


def test_every_design_and_window_has_a_reason() -> None:
    for item in (*DESIGNS.values(), *WINDOWS.values()):
        assert item.label and item.why.endswith(".")


@pytest.mark.parametrize(
    ("design", "comparison"),
    [("shared_shock", 8), ("not_yet_treated", 12), ("all_communes", 29)],
)
def test_designs_choose_their_comparison_communes(
    mixed: pd.DataFrame, design: str, comparison: int
) -> None:
    sample = select_sample(mixed, design)
    assert sample.pilot_communes == 18
    assert sample.comparison_communes == comparison
    comparison_units = set(sample.frame.loc[sample.frame["g"] == 0, "unit"])
    if design == "shared_shock":  # urban, in a province where no commune started
        assert {u[:2] for u in comparison_units} == {"uo"}
    if design == "not_yet_treated":  # urban communes of the pilot provinces
        assert {u[:2] for u in comparison_units} == {"pp", "bm"}


def test_after_policy_window_opens_with_the_first_whole_month_after_the_policy(
    mixed: pd.DataFrame,
) -> None:
    sample = select_sample(mixed)
    assert first_month_after(POLICY_DAY) == pd.Timestamp("2010-09-01")
    assert sample.first_month == pd.Timestamp("2010-09-01")
    assert sample.frame["month"].min() == pd.Timestamp("2010-09-01")
    everything = select_sample(mixed, window="all_months")
    assert everything.first_month == pd.Timestamp("2008-01-01")


def test_a_missing_commune_month_counts_as_zero(mixed: pd.DataFrame) -> None:
    full = select_sample(mixed).frame
    sparse = select_sample(mixed[mixed["y"] > 0]).frame
    pd.testing.assert_frame_equal(full, sparse)


def test_province_choice_keeps_only_its_pilots(mixed: pd.DataFrame) -> None:
    sample = select_sample(mixed, provinces=["01"])
    assert sample.provinces == ("01",)
    assert sample.pilot_communes == 6
    with pytest.raises(InsufficientDataError, match="no commune of province 18 has a partnership"):
        select_sample(mixed, provinces=["18"])


def test_pilots_that_started_before_the_window_are_left_out_with_a_note(
    mixed: pd.DataFrame,
) -> None:
    sample = select_sample(mixed, window=(date(2011, 6, 1), date(2014, 12, 1)))
    assert sample.pilot_communes == 12
    assert "6 pilot commune(s) started before the window opens (2011-06)" in sample.notes[0]


def test_too_few_pilot_communes_is_said_plainly() -> None:
    panel = poisson_panel(pilots=2, comparison=20)
    with pytest.raises(InsufficientDataError, match="too few pilot communes: 2 with incidents"):
        select_sample(panel)


def test_too_few_comparison_communes_is_said_plainly() -> None:
    panel = poisson_panel(pilots=20, comparison=3)
    with pytest.raises(InsufficientDataError, match="too few comparison communes: 3"):
        select_sample(panel)


def test_no_pre_period_is_said_plainly() -> None:
    panel = poisson_panel(pilots=20, comparison=20)
    with pytest.raises(InsufficientDataError, match="no pre-period"):
        select_sample(panel, window=(date(2013, 1, 1), date(2014, 12, 1)))


def test_no_incidents_in_the_window_is_said_plainly() -> None:
    panel = poisson_panel(pilots=20, comparison=20).assign(y=0)
    with pytest.raises(
        InsufficientDataError, match="no incidents in the window 2010-09 to 2014-12"
    ):
        select_sample(panel)
    with pytest.raises(InsufficientDataError, match="no incidents in the window"):
        select_sample(poisson_panel(), window=(date(2016, 1, 1), date(2016, 12, 1)))


def test_no_incidents_before_the_start_is_said_plainly() -> None:
    panel = poisson_panel(pilots=20, comparison=20)
    before = panel["start"].notna() & (panel["month"] < panel["start"])
    panel.loc[before, "y"] = 0
    with pytest.raises(InsufficientDataError, match="no pre-period incidents"):
        select_sample(panel)


def test_malformed_panels_are_refused_with_the_reason() -> None:
    panel = poisson_panel()
    with pytest.raises(ValueError, match="lacks column"):
        select_sample(panel.drop(columns="urban"))
    bad = panel.copy()
    bad.loc[5, "y"] = -1
    with pytest.raises(ValueError, match="whole number >= 0, got -1 for U0000"):
        select_sample(bad)
    with pytest.raises(ValueError, match="unknown design 'rural'"):
        select_sample(panel, "rural")
    with pytest.raises(ValueError, match="unknown window"):
        select_sample(panel, window="since_2012")
