"""Callaway-Sant'Anna in levels against the R ``did`` package's published results on the
``mpdta`` panel that moderndid ships (the README of did: att_gt with xformla = ~1)."""

from __future__ import annotations

import moderndid
import pandas as pd
import pytest

from analysis.designs import select_sample
from analysis.levels import callaway_santanna, relative_change
from tests.analysis.synthetic import poisson_panel


@pytest.fixture(scope="module")
def mpdta() -> pd.DataFrame:
    frame = moderndid.load_mpdta().to_pandas()
    return frame.rename(columns={"first.treat": "first_treat"})


def test_reproduces_the_r_did_package_on_mpdta(mpdta: pd.DataFrame) -> None:
    estimate = callaway_santanna(mpdta, "lemp", "countyreal", "year", "first_treat")
    cell = estimate.att_gt.set_index(["cohort", "time"]).loc[(2004, 2006)]
    assert cell["att"] == pytest.approx(-0.1373, abs=1e-4)
    assert estimate.group[0] == pytest.approx(-0.0310, abs=1e-4)
    assert estimate.group[1] == pytest.approx(0.0123, abs=0.002)  # R: bootstrap SE
    assert estimate.dynamic[0] == pytest.approx(-0.0772, abs=1e-4)
    assert len(estimate.att_gt) == 12


def test_unknown_control_group_is_refused(mpdta: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="unknown control group"):
        callaway_santanna(mpdta, "lemp", "countyreal", "year", "first_treat", "everyone")


def test_relative_change_recovers_a_planted_fall() -> None:
    frame = select_sample(poisson_panel(seed=2, pilots=60, base=6.0)).frame
    change = relative_change(frame)
    assert change.low < -0.4 < change.high < 0
    assert change.att < 0 and change.control == "nevertreated"
