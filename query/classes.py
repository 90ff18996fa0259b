"""The bivariate map's classes, from published numbers only: disruption (low, middle, high) and
partnership (none, some, full). Pure pandas on ``query.published.units`` frames."""

from __future__ import annotations

import numpy as np
import pandas as pd

from query.cellkey import State

HIDDEN_CLASS = -1  # a rate whose count reads "<5": no disruption class (grey)
NO_RATE_CLASS = -2  # no population estimate for this unit (white)


def reachable_breaks(values: np.ndarray, floor: float) -> tuple[float, float]:
    """Two breaks over the published ``values`` shown (a value at a break belongs to the class
    above) such that every class that can be reached is: the terciles, each moved up to a value
    that is shown, the high break above the low one and both above the lowest value shown, so
    the top class holds at least the highest value. Few distinct values fill the classes from
    the top. Never below ``floor``. Raises nothing."""
    distinct = np.unique(values[values >= floor])
    if len(distinct) == 0:
        return floor, floor + 1.0
    if len(distinct) <= 2:  # the highest value is high; a second one is middle
        high = float(distinct[-1])
        low = float(distinct[0]) if len(distinct) == 2 else high
        return max(low, floor), high
    q_low, q_high = np.quantile(values[values >= floor], [1 / 3, 2 / 3])
    above_first = distinct[1:]  # the lowest value shown stays in the low class
    low = (
        float(above_first[np.searchsorted(above_first, q_low)])
        if q_low <= above_first[-2]
        else float(above_first[-2])
    )
    rest = distinct[distinct > low]
    high = float(rest[min(np.searchsorted(rest, q_high), len(rest) - 1)])
    return max(low, floor), high


def disruption_classes(units: pd.DataFrame, measure: str, threshold: int
                       ) -> tuple[pd.Series, list[float]]:  # fmt: skip
    """Three disruption classes (0 low, 1 middle, 2 high) and their two breaks (a value at a
    break belongs to the class above), for ``measure`` ``count`` or ``rate``.

    Breaks are the terciles of the published numbers shown, moved onto shown values so that
    each class holds at least one unit (``reachable_breaks``). For counts they are never below
    the threshold, so every unit reading ``<5`` is low. For rates, a rate hidden with its count
    gets ``HIDDEN_CLASS``, a unit without an estimate ``NO_RATE_CLASS``.

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
    low, high = reachable_breaks(values[shown].to_numpy(dtype=float), floor)
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
