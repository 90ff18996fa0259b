"""The event study: effects by months relative to each pilot commune's start, and the
pre-trend test.

A Poisson with commune and month fixed effects and one indicator per bin of months relative
to the start (``bin_months`` wide, from ``first`` to ``last``; months before ``first`` and from
``last`` on are pooled into two end bins). The bin just before the start (months -bin_months
to -1) is the reference: each estimate is the relative change against it, with a 95 %
interval from standard errors clustered by commune. Comparison communes (``g`` = 0) carry no
indicator, so the month effects come from them and from pilot communes' own months.

The bins are pooled over cohorts (one coefficient per bin, not per cohort and bin): with
never-started comparison communes and every relative month in a bin of its own or an end
bin, no started commune serves as another's comparison, and cohort x bin cells would be too
sparse to show (a cohort can be one commune). The pooled effect itself comes from the
cohort-saturated model in ``analysis.poisson``.

The pre-trend test is the joint Wald test that every bin before the reference is zero
(chi-squared with as many degrees of freedom as bins); a small p-value says the pilot and
comparison communes were already drifting apart before the start.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from analysis.poisson import fepois_coefficients, ratio_from_log

REFERENCE_BIN = -1


def event_bins(rel: np.ndarray, bin_months: int, first: int, last: int) -> np.ndarray:
    """Bin codes of months relative to the start: ``rel // bin_months`` inside
    [first, last), ``first // bin_months - 1`` before and ``last // bin_months`` from last on."""
    codes = np.floor_divide(rel, bin_months)
    codes = np.where(rel < first, first // bin_months - 1, codes)
    return np.where(rel >= last, last // bin_months, codes)


def _label(code: int, bin_months: int, first: int, last: int) -> tuple[int, str, bool]:
    """Plot position (the bin's first month), label, and whether it is an end bin."""
    if code < first // bin_months:
        return first - bin_months, f"{first - 1} or earlier", True
    if code >= last // bin_months:
        return last, f"{last} or later", True
    lo = code * bin_months
    text = str(lo) if bin_months == 1 else f"{lo} to {lo + bin_months - 1}"
    return lo, text, False


def fit_event_study(
    frame: pd.DataFrame, bin_months: int = 3, first: int = -12, last: int = 24
) -> tuple[pd.DataFrame, float]:
    """The event-study table and the pre-trend p-value (NaN when no bin precedes the
    reference).

    The table has one row per bin present in the data: ``rel_month`` (first month of the bin;
    ``first - bin_months`` for the lower end bin), ``label``, ``estimate``, ``low``, ``high``
    (relative changes; 0 for the reference; NaN for a bin with no incident, whose rows are
    left out of the fit), ``reference``, ``binned`` (an end bin) and ``incidents``.

    Raises:
        ValueError: if ``first`` or ``last`` is not a multiple of ``bin_months`` or
            ``first >= 0 >= last``.
        analysis.designs.InsufficientDataError: if a bin cannot be estimated.
    """
    bins = fit_bins(frame, bin_months, first, last)
    table = _table(bins.incidents, bins.codes, bins.coef, bins.vcov, (bin_months, first, last))
    pre = [i for i, c in enumerate(bins.codes) if c < REFERENCE_BIN]
    return table, pre_trend_p(bins.coef[pre], bins.vcov[np.ix_(pre, pre)])


@dataclass(frozen=True)
class Bins:
    """The event study's fitted bins: ``codes`` (bin codes with a coefficient, in order; the
    reference, -1, and bins with no incident have none), their log-scale coefficients and
    clustered covariance, and the treated incidents by bin code (``incidents``)."""

    codes: list[int]
    coef: np.ndarray
    vcov: np.ndarray
    incidents: pd.Series


def fit_bins(frame: pd.DataFrame, bin_months: int = 3, first: int = -12, last: int = 24) -> Bins:
    """The event-study Poisson on a ``designs.Sample`` frame: one indicator per bin of months
    relative to the start (see ``fit_event_study``), coefficients on the log scale.

    Raises:
        ValueError: if ``first`` or ``last`` is not a multiple of ``bin_months`` or
            ``first >= 0 >= last``.
        analysis.designs.InsufficientDataError: if a bin cannot be estimated.
    """
    if first % bin_months or last % bin_months or not first < 0 < last:
        raise ValueError(f"event window {first}..{last} must be multiples of {bin_months} around 0")
    treated = frame["g"].to_numpy() > 0
    rel = frame["t"].to_numpy() - frame["g"].to_numpy()
    codes = np.where(treated, event_bins(rel, bin_months, first, last), REFERENCE_BIN)
    sums = pd.Series(frame["y"].to_numpy()[treated]).groupby(codes[treated]).sum()
    empty = [int(c) for c in sums.index[sums.to_numpy() == 0] if c != REFERENCE_BIN]
    keep = ~np.isin(codes, empty)
    estimated = [int(c) for c in sums.index if c != REFERENCE_BIN and c not in empty]
    names = [f"_bin{i}" for i in range(len(estimated))]
    data = frame.loc[keep, ["unit", "t", "y"]].copy()
    for name, code in zip(names, estimated, strict=True):
        data[name] = (codes[keep] == code).astype(float)
    coef, vcov = fepois_coefficients(data, names) if names else (np.empty(0), np.empty((0, 0)))
    return Bins(estimated, coef, vcov, sums)


def _table(
    sums: pd.Series,
    estimated: list[int],
    coef: np.ndarray,
    vcov: np.ndarray,
    binning: tuple[int, int, int],
) -> pd.DataFrame:
    """One row per bin in ``sums`` (incidents by bin code): the reference at 0, a bin that was
    not estimated (no incident) as NaN, the others as relative changes with 95 % intervals."""
    rows = []
    for code in sums.index:
        pos, label, binned = _label(int(code), *binning)
        row = {"rel_month": pos, "label": label, "reference": code == REFERENCE_BIN}
        row |= {"binned": binned, "incidents": int(sums[code])}
        if code == REFERENCE_BIN:
            row |= {"estimate": 0.0, "low": 0.0, "high": 0.0}
        elif int(code) not in estimated:
            row |= {"estimate": np.nan, "low": np.nan, "high": np.nan}
        else:
            i = estimated.index(int(code))
            r = ratio_from_log(float(coef[i]), float(np.sqrt(vcov[i, i])))
            row |= {"estimate": r.effect, "low": r.low, "high": r.high}
        rows.append(row)
    columns = ["rel_month", "label", "estimate", "low", "high", "reference", "binned", "incidents"]
    return pd.DataFrame(rows, columns=columns)


def pre_trend_p(coef: np.ndarray, vcov: np.ndarray) -> float:
    """p-value of the joint Wald test that ``coef`` are all zero (NaN for no coefficient)."""
    if len(coef) == 0:
        return float("nan")
    wald = float(coef @ np.linalg.pinv(vcov) @ coef)
    return float(stats.chi2.sf(wald, df=len(coef)))
