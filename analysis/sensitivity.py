"""How large a break from parallel trends would overturn the fall: a sensitivity analysis in the
manner of Rambachan and Roth ("A More Credible Approach to Parallel Trends", 2023), with
their smoothness restriction.

The event study (``analysis.event_study.fit_bins``: a Poisson with commune and month effects
and one indicator per quarter relative to the start, the quarter before the start the
reference) is refitted over eight quarters before the start and four after it, on the pilot
communes' months in that span only (pooled end bins would leave the drift within them to the
month effects, and flatten the slope). Its coefficients are
``beta_k = tau_k + delta_k``: the effect of the partnership (``tau_k``, zero before the
start) plus the gap in trends between pilot and comparison communes (``delta_k``, zero in the
reference quarter). Parallel trends says ``delta = 0`` after the start; the smoothness
restriction ``Delta_SD(M)`` says only that the gap's slope changes by at most ``M`` (log points)
from one quarter to the next: ``M = 0`` lets the gap drift along a straight line, the one its
pre-start quarters draw, and a larger ``M`` lets it bend.

The target is the first year's average effect (the four quarters after the start, weighted by
their incidents), ``theta = l' tau``. The estimate ``theta_hat = v' beta`` is unbiased when the
gap is a straight line through the reference quarter (``M = 0``): ``v`` keeps ``l`` on the post
quarters and puts on the pre-start quarters the weights of least variance (under a working
covariance, ``working_covariance``) that cancel any such line, so it removes the drift the
pre-start quarters show, carried on to the first year. Under ``Delta_SD(M)`` it is biased by at
most ``M * b1``, where ``b1`` is the largest ``v' delta`` over ``Delta_SD(1)`` (a linear
programme). Its interval is Rambachan and Roth's fixed-length confidence interval for this
affine estimator, ``theta_hat +- cv(M b1 / se) se``, with ``cv(t)`` the 95 % quantile of
``|N(t, 1)|`` and ``se`` from the clustered covariance (they choose ``v`` anew for each ``M``;
this module keeps one ``v``: still a valid interval, sometimes a wider one). The **breakdown
value** is the largest ``M`` at which that interval still excludes no change: how much the
trends may bend, quarter on quarter, before the fall (or rise) could be a drift. None when
even a straight-line drift could explain it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize, stats

from analysis.event_study import REFERENCE_BIN, fit_bins
from analysis.poisson import Z95

#: The sensitivity's event study: quarters (3-month bins), 8 before the start and the first 4 after
#: it (later months pooled into one end bin, outside the target: the further a drift is carried
#: on, the less the data say about it).
BIN_MONTHS = 3
FIRST_MONTH = -24
LAST_MONTH = 12
#: Fewer quarters than this before the reference leave the drift unchecked.
MIN_PRE_BINS = 2


@dataclass(frozen=True)
class Sensitivity:
    """The post-start quarters' average effect with the pre-start drift removed (``M = 0``),
    as a relative change with its 95 % interval (``effect``, ``low``, ``high``); the drift the
    pre-start quarters show, as a relative change per quarter (``pre_slope``); the breakdown
    value (``breakdown``: log points per quarter, per quarter; None when the interval at
    ``M = 0`` includes no change) and the quarters used."""

    effect: float
    low: float
    high: float
    pre_slope: float
    breakdown: float | None
    pre_bins: int
    post_bins: int


def folded_cv(t: float, level: float = 0.95) -> float:
    """The ``level`` quantile of ``|N(t, 1)|``: the half-width, in standard errors, of a
    fixed-length interval whose estimator may be biased by up to ``t`` standard errors."""
    t = abs(t)
    if t == 0:
        return float(stats.norm.ppf(0.5 + level / 2))

    def gap(c: float) -> float:
        return float(stats.norm.cdf(c - t) - stats.norm.cdf(-c - t)) - level

    return float(optimize.brentq(gap, 0.0, t + 10.0))


def worst_bias(weights: np.ndarray, codes: np.ndarray) -> float:
    """The largest ``weights' delta`` over ``delta`` in ``Delta_SD(1)``: ``delta`` defined on
    every quarter from the first to the last code, zero in the reference quarter, and each
    second difference within [-1, 1] (a linear programme, HiGHS).

    Raises:
        ValueError: if the programme is unbounded (the weights do not cancel a straight line
            through the reference) or fails.
    """
    span = np.arange(min(codes.min(), REFERENCE_BIN - 1), max(codes.max(), REFERENCE_BIN + 1) + 1)
    objective = np.zeros(len(span))
    objective[np.searchsorted(span, codes)] = -weights  # linprog minimises
    rows = np.zeros((len(span) - 2, len(span)))
    for i in range(len(span) - 2):
        rows[i, i : i + 3] = (1.0, -2.0, 1.0)
    bounds = [(0.0, 0.0) if k == REFERENCE_BIN else (None, None) for k in span]
    result = optimize.linprog(
        objective,
        A_ub=np.vstack([rows, -rows]),
        b_ub=np.ones(2 * len(rows)),
        bounds=bounds,
        method="highs",
    )
    if result.status != 0:
        raise ValueError(f"the bias programme failed: {result.message}")
    return float(-result.fun)


def sensitivity(frame: pd.DataFrame) -> Sensitivity | None:
    """The smoothness sensitivity on a ``designs.Sample`` frame; None when fewer than
    ``MIN_PRE_BINS`` quarters before the reference or no quarter after the start has a
    coefficient.

    Raises:
        analysis.designs.InsufficientDataError: if a quarter cannot be estimated.
        ValueError: if the bias programme fails.
    """
    rel = frame["t"] - frame["g"]
    inside = (frame["g"] == 0) | ((rel >= FIRST_MONTH) & (rel < LAST_MONTH))
    bins = fit_bins(frame[inside], BIN_MONTHS, FIRST_MONTH, LAST_MONTH)
    codes = np.asarray(bins.codes, dtype=int)
    pre = (codes < REFERENCE_BIN) & (codes >= FIRST_MONTH // BIN_MONTHS)
    post = (codes >= 0) & (codes < LAST_MONTH // BIN_MONTHS)
    if pre.sum() < MIN_PRE_BINS or not post.any():
        return None
    used = pre | post
    codes, coef = codes[used], bins.coef[used]
    vcov = bins.vcov[np.ix_(used, used)]
    pre, post = pre[used], post[used]
    working = working_covariance(vcov)
    weights = _estimator_weights(codes, pre, post, working, bins.incidents)
    theta = float(weights @ coef)
    se = float(np.sqrt(weights @ vcov @ weights))
    slope_weights = _slope_weights(codes[pre] - REFERENCE_BIN, working[np.ix_(pre, pre)])
    slope = float(slope_weights @ coef[pre])
    b1 = worst_bias(weights, codes)
    return Sensitivity(
        effect=float(np.expm1(theta)),
        low=float(np.expm1(theta - Z95 * se)),
        high=float(np.expm1(theta + Z95 * se)),
        pre_slope=float(np.expm1(slope)),
        breakdown=breakdown(theta, se, b1),
        pre_bins=int(pre.sum()),
        post_bins=int(post.sum()),
    )


def working_covariance(vcov: np.ndarray) -> np.ndarray:
    """The covariance the estimator's weights are chosen with: each coefficient's own variance
    plus one covariance shared by all (the mean of the off-diagonal ones, at least 0: the noise
    of the reference quarter every coefficient is measured against). The clustered covariance
    itself, estimated from a few dozen communes, is too noisy to weight by (its weights can
    halve a slope); the standard error still uses it."""
    k = len(vcov)
    off = (vcov.sum() - np.trace(vcov)) / (k * (k - 1)) if k > 1 else 0.0
    return np.diag(np.diag(vcov) - max(off, 0.0)) + max(off, 0.0)


def _slope_weights(x: np.ndarray, vcov: np.ndarray) -> np.ndarray:
    """Weights ``c`` of the generalised least-squares slope through the origin (the reference
    quarter): ``c' beta_pre`` is the pre-start drift per quarter, on the log scale."""
    inverse = np.linalg.pinv(vcov)
    return inverse @ x / float(x @ inverse @ x)


def _estimator_weights(
    codes: np.ndarray, pre: np.ndarray, post: np.ndarray, vcov: np.ndarray, incidents: pd.Series
) -> np.ndarray:
    """``v`` with ``theta_hat = v' beta``: the best linear unbiased estimator of the post
    quarters' average effect (weighted by incidents) when the gap in trends is a straight line
    through the reference quarter. ``v`` keeps the post weights ``l`` and takes the pre weights
    of least variance that cancel any such line (``v_pre' x_pre = -l' x_post``); they both
    remove the pre-start slope and, through the coefficients' covariance, the noise the post
    quarters share with the pre-start ones (the reference quarter's own)."""
    share = incidents.reindex(codes[post]).to_numpy(float)
    share = share / share.sum()
    x = (codes - REFERENCE_BIN).astype(float)
    inverse = np.linalg.pinv(vcov[np.ix_(pre, pre)])
    cross = vcov[np.ix_(pre, post)] @ share
    target = -float(share @ x[post])
    half_lambda = (target + float(x[pre] @ inverse @ cross)) / float(x[pre] @ inverse @ x[pre])
    weights = np.zeros(len(codes))
    weights[post] = share
    weights[pre] = inverse @ (half_lambda * x[pre] - cross)
    return weights


def breakdown(theta: float, se: float, b1: float) -> float | None:
    """The largest ``M`` at which ``theta +- cv(M b1 / se) se`` excludes zero; None when it
    includes zero at ``M = 0``; infinity when no ``M`` moves it (``b1`` = 0)."""
    margin = abs(theta) / se
    if margin <= folded_cv(0.0):
        return None
    if b1 <= 0:
        return float("inf")
    t = optimize.brentq(lambda t: folded_cv(t) - margin, 0.0, margin)
    return float(t * se / b1)
