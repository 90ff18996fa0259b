"""Callaway and Sant'Anna's difference-in-differences in levels (moderndid ``att_gt`` and
``aggte``), the evaluation's robustness line.

``callaway_santanna`` is generic (any panel, any column names) so that it can be checked
against the R ``did`` package's published results on ``mpdta``; ``relative_change`` turns
its effect on the demo panel into the same scale as the Poisson estimate.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import moderndid
import numpy as np
import pandas as pd

from analysis.poisson import Z95

CONTROLS = ("nevertreated", "notyettreated")


@dataclass(frozen=True)
class LevelsEstimate:
    """Group-time effects and their aggregations, each an (estimate, standard error) pair:
    ``simple`` (every treated unit-period alike), ``group`` (by cohort, then cohorts by size),
    ``dynamic`` (by time since the start)."""

    att_gt: pd.DataFrame
    simple: tuple[float, float]
    group: tuple[float, float]
    dynamic: tuple[float, float]


@dataclass(frozen=True)
class RelativeChange:
    """A levels effect as a relative change on the treated, with its 95 % interval."""

    effect: float
    low: float
    high: float
    att: float
    se: float
    control: str


def callaway_santanna(
    frame: pd.DataFrame,
    y: str,
    unit: str,
    time: str,
    cohort: str,
    control: str = "nevertreated",
) -> LevelsEstimate:
    """ATT(g, t) by outcome-regression DiD without covariates, and its aggregations. Without
    covariates this equals the R package's doubly robust default (and is faster); the other
    settings are the package's defaults too: varying base period, analytical standard errors,
    no simultaneous band. ``cohort`` is the first treated period, 0 for units never treated;
    ``unit`` and ``time`` are integers.

    Raises:
        ValueError: if ``control`` is unknown, or moderndid refuses the panel (e.g. no unit
            that could serve as a control).
    """
    if control not in CONTROLS:
        raise ValueError(f"unknown control group {control!r}: expected one of {CONTROLS}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = moderndid.att_gt(
            data=frame[[y, unit, time, cohort]],
            yname=y,
            tname=time,
            idname=unit,
            gname=cohort,
            control_group=control,
            est_method="reg",
            cband=False,
        )
        aggregated = {
            kind: moderndid.aggte(result, type=kind, cband=False)
            for kind in ("simple", "group", "dynamic")
        }
    table = pd.DataFrame(
        {
            "cohort": np.asarray(result.groups).astype(int),
            "time": np.asarray(result.times).astype(int),
            "att": np.asarray(result.att_gt, dtype=float),
            "se": np.asarray(result.se_gt, dtype=float),
        }
    )
    pairs = {k: (float(a.overall_att), float(a.overall_se)) for k, a in aggregated.items()}
    return LevelsEstimate(table, pairs["simple"], pairs["group"], pairs["dynamic"])


def relative_change(frame: pd.DataFrame, control: str = "nevertreated") -> RelativeChange:
    """Callaway-Sant'Anna on a ``designs.Sample`` frame (counts in levels), as a relative
    change on the treated.

    The simple aggregation ATT is incidents per pilot commune-month; the counterfactual mean
    is the pilot communes' mean after their start minus ATT, and the effect is ATT over it.
    The interval is ATT +- 1.96 SE over the same counterfactual (held fixed).

    Raises:
        ValueError: if moderndid refuses the panel.
    """
    data = frame[["y", "t", "g"]].astype({"y": float})
    data["unit"] = pd.factorize(frame["unit"])[0]
    estimate = callaway_santanna(data, "y", "unit", "t", "g", control)
    att, se = estimate.simple
    after = (frame["g"] > 0) & (frame["t"] >= frame["g"])
    base = float(frame.loc[after, "y"].mean()) - att
    if not base > 0:
        nan = float("nan")
        return RelativeChange(nan, nan, nan, att, se, control)
    return RelativeChange(
        effect=att / base,
        low=(att - Z95 * se) / base,
        high=(att + Z95 * se) / base,
        att=att,
        se=se,
        control=control,
    )
