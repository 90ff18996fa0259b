"""Small commune x month panels made in code, with a known effect (for fast unit tests)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def poisson_panel(
    seed: int = 0,
    pilots: int = 30,
    comparison: int = 60,
    effect: float | tuple[float, ...] = -0.4,
    starts: tuple[str, ...] = ("2012-01-01", "2012-07-01", "2013-01-01"),
    first: str = "2010-09-01",
    last: str = "2014-12-01",
    base: float = 3.0,
    pre_trend: float = 0.0,
) -> pd.DataFrame:
    """Pilot communes (province 12, urban, starts cycling through ``starts``) and urban
    comparison communes (province 02), counts Poisson with commune and month effects; after
    the start the rate is multiplied by 1 + ``effect`` (or by 1 + the effect of the pilot's
    start, one per start); before it by exp(``pre_trend`` x months to the start). Columns
    ``mu`` and ``mu0`` hold the expected count with and without the partnership."""
    rng = np.random.default_rng(seed)
    months = pd.date_range(first, last, freq="MS")
    n = pilots + comparison
    start = pd.to_datetime([starts[i % len(starts)] for i in range(pilots)] + [None] * comparison)
    unit_rate = base * rng.gamma(2.0, 0.5, n)
    month_rate = 1.0 + 0.3 * np.sin(np.arange(len(months)) / 2.0)
    rel = (months.year.to_numpy()[None, :] * 12 + months.month.to_numpy()[None, :]) - (
        start.year.to_numpy()[:, None] * 12 + start.month.to_numpy()[:, None]
    )
    is_pilot = np.arange(n)[:, None] < pilots
    effects = np.resize(np.atleast_1d(np.asarray(effect, dtype=float)), len(starts))
    own = np.concatenate([effects[np.arange(pilots) % len(starts)], np.zeros(comparison)])
    factor = np.where(is_pilot & (rel >= 0), 1.0 + own[:, None], 1.0)
    factor = factor * np.where(is_pilot & (rel < 0), np.exp(pre_trend * rel), 1.0)
    mu0 = unit_rate[:, None] * month_rate[None, :]
    y = rng.poisson(mu0 * factor)
    return pd.DataFrame(
        {
            "unit": np.repeat([f"U{i:04d}" for i in range(n)], len(months)),
            "month": np.tile(months, n),
            "y": y.ravel(),
            "start": np.repeat(start, len(months)),
            "province_code": np.repeat(["12"] * pilots + ["02"] * comparison, len(months)),
            "urban": True,
            "mu": (mu0 * factor).ravel(),
            "mu0": np.where(is_pilot & (rel >= 0), mu0, mu0 * factor).ravel(),
        }
    )
