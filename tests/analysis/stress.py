"""The evaluation's stress scenarios, built in code on a demo panel (``tests.analysis.truth``):
threats the pre-trend test alone does not see, each with the change the partnership truly made.

- ``drift``: the pilot communes' arrests and confiscations trend down 1 % a month, before and
  after their start, and the partnership does nothing (truth: no change). Only the outcome
  drifts, so the negative control cannot give it away: the drift check must.
- ``reporting``: after the start, reporting in the pilot communes rises 30 % (every type: a
  second report of 30 % of incidents), on top of the planted 40 % fall (truth: -40 %).
- ``spike``: the pilot communes were chosen after a spike: their arrests and confiscations
  were 50 % higher in the 6 months before the start, and the partnership does nothing
  (truth: no change).

Counts are thinned (binomial) or added to (a binomial share of them), so each scenario is the
demo's own draws changed by a known factor in expectation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.designs import month_index


@dataclass(frozen=True)
class Scenario:
    """A stress scenario: its name, the demo's planted fall it starts from, the true change
    (a relative change), and how it changes the outcome and the control panels."""

    name: str
    planted: float
    truth: float
    outcome: Callable[[pd.DataFrame, np.random.Generator], pd.DataFrame]
    control: Callable[[pd.DataFrame, np.random.Generator], pd.DataFrame]


def _months_since_start(panel: pd.DataFrame) -> np.ndarray:
    """Months from each row's commune start (NaN for a commune without one)."""
    return (month_index(panel["month"]) - month_index(panel["start"])).to_numpy(float)


def _scaled(panel: pd.DataFrame, factor: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
    """The panel with each count scaled by ``factor`` in expectation: thinned where it is
    below 1, a binomial share added where it is above (at most doubled)."""
    y = panel["y"].to_numpy()
    down = rng.binomial(y, np.clip(factor, 0.0, 1.0))
    up = y + rng.binomial(y, np.clip(factor - 1.0, 0.0, 1.0))
    return panel.assign(y=np.where(factor < 1.0, down, np.where(factor > 1.0, up, y)))


def drift(panel: pd.DataFrame, rng: np.random.Generator, rate: float = -0.01) -> pd.DataFrame:
    """Pilot communes trending by ``rate`` a month over the whole panel."""
    months = month_index(panel["month"]).to_numpy(float)
    factor = np.where(panel["start"].notna(), np.exp(rate * (months - months.min())), 1.0)
    return _scaled(panel, factor, rng)


def reporting(panel: pd.DataFrame, rng: np.random.Generator, rise: float = 0.30) -> pd.DataFrame:
    """Reporting up by ``rise`` in pilot communes from their start."""
    factor = np.where(_months_since_start(panel) >= 0, 1.0 + rise, 1.0)
    return _scaled(panel, factor, rng)


def spike(
    panel: pd.DataFrame, rng: np.random.Generator, rise: float = 0.50, months: int = 6
) -> pd.DataFrame:
    """A spike of ``rise`` in the ``months`` before each pilot commune's start."""
    since = _months_since_start(panel)
    factor = np.where((since >= -months) & (since < 0), 1.0 + rise, 1.0)
    return _scaled(panel, factor, rng)


def _same(panel: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    return panel


SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario("drift", 0.0, 0.0, drift, _same),
        Scenario("reporting", 0.40, -0.40, reporting, reporting),
        Scenario("spike", 0.0, 0.0, spike, _same),
    )
}


def stressed(
    scenario: Scenario, outcome: pd.DataFrame, control: pd.DataFrame, seed: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The outcome and control panels changed as ``scenario`` says (``seed`` for the draws)."""
    rng = np.random.default_rng(seed)
    return scenario.outcome(outcome, rng), scenario.control(control, rng)
