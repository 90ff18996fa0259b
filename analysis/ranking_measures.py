"""The measures behind the ranking's criteria: empirical-Bayes rates, the outlier cap, the
distance from each province to the police academies, and the three normalisations.

Pure numpy: every function works on the last axis (the provinces) of arrays of any shape, so
the same code serves the nominal ranking and a stack of Monte Carlo draws.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

#: Readiness decays with the distance to an academy: at this distance it is 1/e of its value.
ACADEMY_REACH_KM = 150.0
#: The outlier cap: a value further than this many (scaled) median absolute deviations from
#: the median of the candidates is set to that bound (on the criterion's scale).
CAP_MADS = 3.0
#: The three normalisations the uncertainty analysis draws from; the first is the nominal one.
NORMALISATIONS = ("minmax", "zscore", "rank")
_EARTH_KM = 6371.0


@dataclass(frozen=True)
class GammaPrior:
    """The empirical-Bayes prior of a rate per unit of exposure: Gamma(shape, rate)."""

    shape: float
    rate: float


def gamma_prior(counts: np.ndarray, exposure: np.ndarray) -> GammaPrior:
    """The Gamma prior of the rates counts / exposure fitted by the method of moments
    (Clayton and Kaldor 1987; Marshall 1991) over the provinces with both values: mean m =
    Σy / ΣE; between-province variance = the exposure-weighted variance of the raw rates minus
    the Poisson part m / mean(E), at least (m / 100)² (so a set with no spread shrinks fully
    but stays defined). Raises ValueError when no province has a count and a positive exposure."""
    usable = ~np.isnan(counts) & ~np.isnan(exposure) & (exposure > 0)
    if not usable.any():
        raise ValueError("no province has both a count and a positive exposure")
    y, e = counts[usable], exposure[usable]
    mean = y.sum() / e.sum()
    spread = np.sum(e * (y / e - mean) ** 2) / e.sum() - mean / e.mean()
    variance = max(spread, (mean / 100.0) ** 2)
    return GammaPrior(mean**2 / variance, mean / variance)


def shrunk_rate(counts: np.ndarray, exposure: np.ndarray, prior: GammaPrior) -> np.ndarray:
    """The posterior mean rate (y + shape) / (E + rate): a small denominator borrows strength
    from the others. NaN where the count or a positive exposure is missing. Raises nothing."""
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = (counts + prior.shape) / (exposure + prior.rate)
    return np.where(np.isnan(counts) | ~(exposure > 0), np.nan, rate)


def cap_outliers(values: np.ndarray, candidates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Values capped at median ± ``CAP_MADS`` × 1.4826 × MAD of the candidates (last axis),
    and which were capped. A set whose MAD is 0 is left as it is. Raises nothing."""
    chosen = np.where(candidates, values, np.nan)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        median = np.nanmedian(chosen, axis=-1, keepdims=True)
        mad = 1.4826 * np.nanmedian(np.abs(chosen - median), axis=-1, keepdims=True)
    low, high = median - CAP_MADS * mad, median + CAP_MADS * mad
    usable = mad > 0
    capped = np.where(usable, np.clip(values, low, high), values)
    changed = usable & ~np.isnan(values) & (capped != values)
    return capped, changed


def distances_km(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """The great-circle distance (km) between every pair of points: (P, P). Raises nothing."""
    lo, la = np.radians(lon), np.radians(lat)
    dlat = la[:, None] - la[None, :]
    dlon = lo[:, None] - lo[None, :]
    h = np.sin(dlat / 2) ** 2 + np.cos(la[:, None]) * np.cos(la[None, :]) * np.sin(dlon / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def academy_reach(capacity: np.ndarray, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Each province's readiness: Σ over the provinces with an academy of its capacity ×
    exp(−distance / ``ACADEMY_REACH_KM``), the province's own academy at distance 0. Capacity
    NaN counts as 0 when another academy is known; a province without coordinates keeps only
    its own capacity. All NaN when no capacity is known. Raises nothing."""
    if np.isnan(capacity).all():
        return np.full(capacity.shape, np.nan)
    own = np.nan_to_num(capacity)
    distance = distances_km(lon, lat)
    decay = np.exp(-distance / ACADEMY_REACH_KM)
    decay = np.where(np.isnan(decay), np.eye(len(own)), decay)
    return decay @ own


def normalise(values: np.ndarray, kind: str, candidates: np.ndarray) -> np.ndarray:
    """Values (last axis = provinces, higher = more reason) normalised over the candidates:
    ``minmax`` to [0, 1], ``zscore`` (mean 0, sd 1), ``rank`` (mid-ranks scaled to [0, 1]).
    NaN stays NaN; a criterion with no spread among the candidates gets 0.5 (0 for a z-score).
    Raises ValueError for another kind."""
    chosen = np.where(candidates, values, np.nan)
    present = ~np.isnan(values)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        if kind == "minmax":
            low = np.nanmin(chosen, axis=-1, keepdims=True)
            span = np.nanmax(chosen, axis=-1, keepdims=True) - low
            out = np.where(span > 0, (values - low) / span, 0.5)
        elif kind == "zscore":
            mean = np.nanmean(chosen, axis=-1, keepdims=True)
            sd = np.nanstd(chosen, axis=-1, keepdims=True)
            out = np.where(sd > 0, (values - mean) / sd, 0.0)
        elif kind == "rank":
            out = _mid_ranks(values, chosen)
        else:
            raise ValueError(f"unknown normalisation {kind!r}; expected {NORMALISATIONS}")
    return np.where(present, out, np.nan)


def _mid_ranks(values: np.ndarray, chosen: np.ndarray) -> np.ndarray:
    """Share of the candidates below each value plus half of those equal: 0 to 1."""
    n = np.sum(~np.isnan(chosen), axis=-1, keepdims=True)
    below = np.sum(chosen[..., None, :] < values[..., :, None], axis=-1)
    equal = np.sum(chosen[..., None, :] == values[..., :, None], axis=-1)
    with np.errstate(all="ignore"):
        share = (below + (equal - 1) / 2) / (n - 1)
    return np.where(n > 1, np.clip(share, 0.0, 1.0), 0.5)
