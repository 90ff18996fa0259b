"""The bivariate map's classes, from published numbers only: disruption (low, middle, high) and
partnership (none, some, full). Pure pandas on ``query.published.units`` frames."""

from __future__ import annotations

import numpy as np
import pandas as pd

from query.cellkey import State

HIDDEN_CLASS = -1  # a rate whose count reads "<5": no disruption class (grey)
NO_RATE_CLASS = -2  # no population estimate for this unit (white)


def disruption_classes(units: pd.DataFrame, measure: str, threshold: int
                       ) -> tuple[pd.Series, list[float]]:  # fmt: skip
    """Three disruption classes (0 low, 1 middle, 2 high) and their two breaks (a value at a
    break belongs to the class above), for ``measure`` ``count`` or ``rate``.

    Breaks are the terciles of the numbers shown. For counts they are whole numbers never below
    the threshold, so every unit reading ``<5`` (or 0) is low. For rates, a rate hidden with its
    count gets ``HIDDEN_CLASS``, a unit without an estimate ``NO_RATE_CLASS``.

    Raises:
        ValueError: if ``measure`` is neither ``count`` nor ``rate``.
    """
    if measure == "count":
        values, shown = units["count"], units["state"] == State.SHOWN.value
        floor = float(threshold)
    elif measure == "rate":
        values, shown = units["rate"], units["rate_state"] == "shown"
        floor = 0.0
    else:
        raise ValueError(f"measure must be count or rate, got {measure!r}")
    visible = values[shown].to_numpy(dtype=float)
    low, high = np.quantile(visible, [1 / 3, 2 / 3]) if len(visible) else (floor, 2 * floor)
    if measure == "count":
        low, high = np.ceil(low), np.ceil(high)
    low = max(float(low), floor)
    high = max(float(high), low + (1.0 if measure == "count" else max(low * 0.5, 0.1)))
    number = values.fillna(0).to_numpy(dtype=float)
    classes = np.select([shown & (number >= high), shown & (number >= low)], [2, 1], default=0)
    if measure == "rate":
        classes = np.where(units["rate_state"] == "hidden", HIDDEN_CLASS, classes)
        classes = np.where(units["rate_state"] == "missing", NO_RATE_CLASS, classes)
    return pd.Series(classes, index=units.index), [low, high]


def partnership_classes(units: pd.DataFrame, cover: str, months: int) -> pd.Series:
    """Partnership class per unit (0 none, 1 some, 2 full). ``cover`` ``status``: for a commune
    none / started in the period / active in every month; for a district or province none /
    some of its communes / all of them. ``share``: the share of the period's months covered (a
    commune) or of the communes with partnership (a district or province): 0, under half,
    half or more.

    Raises:
        ValueError: if ``cover`` is neither ``status`` nor ``share``.
    """
    if cover == "status":
        return units["status"].map({"none": 0, "started": 1, "active": 2}).astype(int)
    if cover != "share":
        raise ValueError(f"partnership measure must be status or share, got {cover!r}")
    if "months_covered" in units:
        share = units["months_covered"] / months
    else:
        share = units["communes_partnered"] / units["n_communes"]
    return pd.Series(np.select([share >= 0.5, share > 0], [2, 1], default=0), index=units.index)


def cover_share(units: pd.DataFrame, months: int) -> pd.Series:
    """The share the ``share`` classes are made of (months of a commune, communes of a unit)."""
    if "months_covered" in units:
        return units["months_covered"] / months
    return units["communes_partnered"] / units["n_communes"]
