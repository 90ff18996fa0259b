"""Poisson estimators with commune and month fixed effects (pyfixest ``fepois``), standard
errors clustered by commune.

They take a ``designs.Sample`` frame (``unit, month, y, t, g``; ``g`` = 0 for comparison
communes) and return effects as relative changes (-0.40 for a 40 % fall) with 95 % intervals.

- ``fit_etwfe``: Wooldridge's extended two-way fixed effects for staggered adoption. Each
  cohort (communes that start in the same month) gets its own effect for each year since its
  start (cohort x event-year terms), so communes already treated never serve as a comparison
  and effects may differ by cohort and over time. The cohort x event-year effects are then
  pooled into one effect on the treated (see ``aggregate_cells``).
- ``fit_twfe``: the plain model, one after-start indicator; biased when effects differ by
  cohort, kept as the naive reference.
- ``fit_event_study``: effects by months relative to the start, with a pre-trend test.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyfixest as pf
from scipy import stats
from threadpoolctl import threadpool_limits

from analysis.designs import InsufficientDataError

Z95 = float(stats.norm.ppf(0.975))
VCOV = {"CRV1": "unit"}


@dataclass(frozen=True)
class Ratio:
    """An effect as a relative change with its 95 % interval, and its log-ratio and SE."""

    effect: float
    low: float
    high: float
    log_ratio: float
    se: float


def ratio_from_log(log_ratio: float, se: float) -> Ratio:
    """exp(log_ratio) - 1 with the interval exp(log_ratio +- 1.96 se) - 1."""
    return Ratio(
        effect=float(np.expm1(log_ratio)),
        low=float(np.expm1(log_ratio - Z95 * se)),
        high=float(np.expm1(log_ratio + Z95 * se)),
        log_ratio=float(log_ratio),
        se=float(se),
    )


def fepois_coefficients(frame: pd.DataFrame, regressors: list[str]):
    """fepois of y on ``regressors`` with commune and month effects, SE clustered by commune.

    Raises:
        InsufficientDataError: if a regressor cannot be estimated (collinear with the
            fixed effects, e.g. a pilot cohort whose months no comparison commune shares).
    """
    fml = f"y ~ {' + '.join(regressors)} | unit + t"
    # BLAS on one thread: the matrices are small, and on a busy machine (a server with other
    # sessions, 2 cores) its threads fight; measured 3-5x slower than one thread under load.
    with warnings.catch_warnings(), threadpool_limits(1, user_api="blas"):
        warnings.simplefilter("ignore")
        fit = pf.fepois(fml, data=frame, vcov=VCOV, copy_data=False, store_data=False)
    names = list(fit._coefnames)
    lost = [r for r in regressors if r not in names]
    if lost:
        raise InsufficientDataError("no_overlap")
    order = [names.index(r) for r in regressors]
    coef = np.asarray(fit.coef())[order]
    vcov = np.asarray(fit._vcov)[np.ix_(order, order)]  # pyfixest keeps the matrix here
    return coef, vcov


def cohort_cells(frame: pd.DataFrame, cell_months: int = 12) -> pd.DataFrame:
    """The cohort x event-time cells of the treated rows (``t >= g > 0``).

    Returns one row per treated row index with ``g``, ``bin`` (whole ``cell_months`` since the
    start) and ``cell`` (the parameter it gets). A cell with no incident has no finite
    Poisson estimate: it shares the parameter of the cell before it (in cohort, then bin
    order), or of the first cell with incidents.
    """
    post = frame.index[(frame["g"] > 0) & (frame["t"] >= frame["g"])]
    cells = pd.DataFrame(
        {
            "g": frame.loc[post, "g"],
            "bin": (frame.loc[post, "t"] - frame.loc[post, "g"]) // cell_months,
        },
        index=post,
    )
    sums = frame.loc[post, "y"].groupby([cells["g"], cells["bin"]]).sum()
    keep = np.where(sums.to_numpy() > 0, np.arange(len(sums)), -1)
    label = np.maximum.accumulate(keep)
    label[label < 0] = int(np.argmax(keep >= 0))
    codes = pd.Series(pd.factorize(label)[0], index=sums.index)
    cells["cell"] = codes.reindex(pd.MultiIndex.from_frame(cells[["g", "bin"]])).to_numpy()
    return cells


def aggregate_cells(y: np.ndarray, delta: np.ndarray, vcov: np.ndarray) -> Ratio:
    """Pool cell effects into one relative change on the treated, with a delta-method SE.

    In a cell k the model's treated mean is exp(a_i + b_t + delta_k) and its counterfactual
    (no partnership) exp(a_i + b_t), so the counterfactual count of the cell is
    Y_k exp(-delta_k), where Y_k, the cell's fitted count, equals its observed count (the
    Poisson score of the cell's indicator is zero). The effect on the treated is

        theta = log(sum_k Y_k / sum_k Y_k exp(-delta_k)),   effect = exp(theta) - 1,

    the fall of all treated incidents against what the model expects without the partnership.
    d theta / d delta_k = w_k, the cell's share of the counterfactual count, so
    se(theta) = sqrt(w' V w) with V the clustered covariance of the deltas (the counts Y_k
    held fixed); the interval exp(theta +- 1.96 se) - 1 stays above -100 %.
    """
    counterfactual = y * np.exp(-delta)
    weights = counterfactual / counterfactual.sum()
    theta = float(np.log(y.sum() / counterfactual.sum()))
    return ratio_from_log(theta, float(np.sqrt(weights @ vcov @ weights)))


def fit_etwfe(frame: pd.DataFrame, cell_months: int = 12) -> Ratio:
    """Extended TWFE Poisson (cohort x event-year terms) and its pooled effect on the treated.

    Raises:
        InsufficientDataError: if a cohort's months after the start cannot be estimated.
    """
    cells = cohort_cells(frame, cell_months)
    k = int(cells["cell"].max()) + 1
    names = [f"_cell{i}" for i in range(k)]
    dummies = np.zeros((len(frame), k))
    dummies[frame.index.get_indexer(cells.index), cells["cell"].to_numpy()] = 1.0
    data = pd.concat(
        [frame[["unit", "t", "y"]], pd.DataFrame(dummies, columns=names, index=frame.index)], axis=1
    )
    delta, vcov = fepois_coefficients(data, names)
    y = frame.loc[cells.index, "y"].groupby(cells["cell"].to_numpy()).sum().to_numpy(float)
    return aggregate_cells(y, delta, vcov)


def fit_twfe(frame: pd.DataFrame) -> Ratio:
    """Plain two-way fixed-effects Poisson: one indicator for a pilot commune after its start.

    Raises:
        InsufficientDataError: if the indicator cannot be estimated.
    """
    data = frame[["unit", "t", "y"]].copy()
    data["after_start"] = ((frame["g"] > 0) & (frame["t"] >= frame["g"])).astype(float)
    coef, vcov = fepois_coefficients(data, ["after_start"])
    return ratio_from_log(float(coef[0]), float(np.sqrt(vcov[0, 0])))


def warm_up() -> float:
    """Pay pyfixest's one-time start-up (a few seconds of compilation on the first fit of a
    process) on a tiny panel, e.g. when the app starts; return the seconds it took."""
    started = time.perf_counter()
    units, months = np.repeat(np.arange(6), 4), np.tile(np.arange(4), 6)
    frame = pd.DataFrame(
        {
            "unit": units,
            "t": months,
            "y": [3, 2, 4, 1, 2, 5, 3, 3, 4, 4, 2, 3, 2, 3, 3, 4, 5, 2, 4, 3, 3, 4, 2, 5],
            "after_start": ((units < 3) & (months >= 2)).astype(float),
        }
    )
    fepois_coefficients(frame, ["after_start"])
    return time.perf_counter() - started
