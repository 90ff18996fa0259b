"""The ranking's uncertainty, method included: one vectorised evaluation of many scenarios.

A scenario fixes every input the ranking's result depends on and that nobody knows exactly:

- the weights (Monte Carlo: Dirichlet around the chosen ones);
- the normalisation: min-max, z-score or rank (``ranking_measures.NORMALISATIONS``);
- the aggregation: arithmetic (weighted mean), geometric (weighted geometric mean of the
  values rescaled to [0.1, 1]) or TOPSIS (pymcdm's, computed here for every scenario at once;
  a test checks it against ``pymcdm.methods.TOPSIS``);
- each province's key-population size: a point of the triangular distribution between the
  published low and high ends with its mode at the estimate (the same point for both windows);
- the published counts' noise: the count behind a published one is any whole number of the
  range its reading stands for, each equally likely (the ``*_low`` and ``*_high`` columns the
  query layer gives from the protection's greatest move m, ``query.cellkey.greatest_move``:
  n − m … n + m for a shown n, 0 … t − 1 for ``<t``; without them, the count as given);
- the rates' own uncertainty: each rate is a quantile of its empirical-Bayes posterior
  Gamma(count + shape, exposure + rate).

Each of these is given by uniform numbers in [0, 1), so the same evaluation serves the Monte
Carlo (random numbers) and the variance-based sensitivity analysis (SALib's Sobol' design).
Police readiness does not vary: the academies file gives no ranges.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import gammaincinv

from analysis.ranking_criteria import (
    CRITERIA,
    Priors,
    fit_priors,
    kp_per_service,
    readiness,
    scaled,
)
from analysis.ranking_measures import NORMALISATIONS, cap_outliers, normalise

AGGREGATIONS = ("arithmetic", "geometric", "topsis")
#: The input's counts, each with its optional range of true counts (``{count}_low``,
#: ``{count}_high``).
COUNTS = ("incidents_12m", "incidents_before")
_FLOOR = 0.1


@dataclass(frozen=True)
class Scenarios:
    """D scenarios as uniform numbers (and weights): ``weights`` (D, C), ``normalisation``
    and ``aggregation`` (D,) indices, ``kp`` (D, P), ``rate`` and ``noise`` (D, 2, P)."""

    weights: np.ndarray
    normalisation: np.ndarray
    aggregation: np.ndarray
    kp: np.ndarray
    rate: np.ndarray
    noise: np.ndarray


@dataclass(frozen=True)
class Setup:
    """What every scenario starts from (one province per column, candidates marked)."""

    candidates: np.ndarray
    counts: np.ndarray  # (2, P): published counts, the stand-in where small
    low: np.ndarray  # (2, P): the least true count the reading stands for
    high: np.ndarray  # (2, P): the greatest
    kp: np.ndarray
    kp_low: np.ndarray
    kp_high: np.ndarray
    kp_before: np.ndarray
    services: np.ndarray
    readiness: np.ndarray
    priors: Priors | None


def prepare(data: pd.DataFrame, candidates: np.ndarray) -> Setup:
    """The setup from a checked input frame (``check_inputs``; the ``*_low`` and ``*_high``
    columns, when present, give the range of true counts each published count stands for).
    Raises KeyError for a missing column."""
    counts = np.vstack([data[c].to_numpy(float) for c in COUNTS])
    low, high = count_ranges(data, counts)
    return Setup(
        candidates=np.asarray(candidates, bool),
        counts=counts,
        low=low,
        high=high,
        kp=data["kp_size"].to_numpy(float),
        kp_low=np.fmin(data["kp_low"].to_numpy(float), data["kp_size"].to_numpy(float)),
        kp_high=np.fmax(data["kp_high"].to_numpy(float), data["kp_size"].to_numpy(float)),
        kp_before=data["kp_size_before"].to_numpy(float),
        services=data["services"].to_numpy(float),
        readiness=readiness(data),
        priors=fit_priors(data),
    )


def random_scenarios(
    rng: np.random.Generator,
    weights: np.ndarray,
    draws: int,
    concentration: float,
    provinces: int,
) -> Scenarios:
    """``draws`` Monte Carlo scenarios: Dirichlet(concentration × w) weights (a zero weight
    stays 0), every normalisation and aggregation equally likely, uniform numbers for the
    sizes, rates and noise of ``provinces``. Raises nothing."""
    w = np.zeros((draws, weights.size))
    positive = weights > 0
    if positive.sum() == 1:
        w[:, positive] = 1.0
    else:
        w[:, positive] = rng.dirichlet(concentration * weights[positive], size=draws)
    return Scenarios(
        weights=w,
        normalisation=rng.integers(len(NORMALISATIONS), size=draws),
        aggregation=rng.integers(len(AGGREGATIONS), size=draws),
        kp=rng.random((draws, provinces)),
        rate=rng.random((draws, 2, provinces)),
        noise=rng.random((draws, 2, provinces)),
    )


def evaluate(setup: Setup, s: Scenarios) -> np.ndarray:
    """The scores (D, P; NaN for a province not ranked) of every scenario. Raises nothing."""
    raw = _raw_criteria(setup, s)  # (D, C, P)
    values = np.empty_like(raw)
    for j, criterion in enumerate(CRITERIA):
        values[:, j] = scaled(raw[:, j], criterion)
        if criterion.direction == "lower":
            values[:, j] = -values[:, j]
    values, _ = cap_outliers(values, setup.candidates)
    normalised = np.empty_like(values)
    for k, kind in enumerate(NORMALISATIONS):
        picked = s.normalisation == k
        if picked.any():
            normalised[picked] = normalise(values[picked], kind, setup.candidates)
    scores = np.full(normalised.shape[::2], np.nan)
    for k, method in enumerate(AGGREGATIONS):
        picked = s.aggregation == k
        if picked.any():
            scores[picked] = _aggregate(normalised[picked], s.weights[picked], method, setup)
    scores[:, ~setup.candidates] = np.nan
    return scores


def _raw_criteria(setup: Setup, s: Scenarios) -> np.ndarray:
    """(D, C, P): every criterion in its own units for every scenario."""
    kp = _triangular(s.kp, setup.kp_low, setup.kp, setup.kp_high)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(setup.kp > 0, kp / setup.kp, np.nan)
    sizes = (kp, setup.kp_before * ratio)
    counts = _true_counts(setup, s.noise)
    rates = []
    for window in (0, 1):
        prior = None if setup.priors is None else (setup.priors.latest, setup.priors.before)[window]
        if prior is None:
            rates.append(np.full(kp.shape, np.nan))
            continue
        exposure = sizes[window] / 1000.0
        with np.errstate(divide="ignore", invalid="ignore"):
            drawn = gammaincinv(counts[:, window] + prior.shape, s.rate[:, window])
            rates.append(np.where(exposure > 0, drawn / (exposure + prior.rate), np.nan))
    with np.errstate(divide="ignore", invalid="ignore"):
        change = rates[0] / rates[1]
    ready = np.broadcast_to(setup.readiness, kp.shape)
    columns = {
        "disruption_rate": rates[0],
        "disruption_change": change,
        "kp_per_service": kp_per_service(kp, setup.services),
        "police_readiness": ready,
    }
    return np.stack([columns[c.name] for c in CRITERIA], axis=1)


def count_ranges(data: pd.DataFrame, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(2, P) each: the least and greatest true count behind each count of ``counts`` (rows
    ``COUNTS``), from the frame's ``{count}_low`` and ``{count}_high`` columns; the count
    itself where they are absent or missing. Raises nothing."""
    ends = []
    for end in ("low", "high"):
        given = [
            data[f"{c}_{end}"].to_numpy(float)
            if f"{c}_{end}" in data
            else np.full(len(data), np.nan)
            for c in COUNTS
        ]
        ends.append(np.where(np.isnan(np.vstack(given)), counts, np.vstack(given)))
    return ends[0], ends[1]


def _true_counts(setup: Setup, noise: np.ndarray) -> np.ndarray:
    """(D, 2, P): a whole count of each reading's range, picked by ``noise`` in [0, 1)
    (NaN stays NaN)."""
    width = setup.high - setup.low + 1
    return setup.low + np.minimum(np.floor(noise * width), width - 1)


def _triangular(u: np.ndarray, low: np.ndarray, mode: np.ndarray, high: np.ndarray) -> np.ndarray:
    """The u-quantile of the triangular distribution (low, mode, high); mode when degenerate."""
    span = high - low
    with np.errstate(divide="ignore", invalid="ignore"):
        cut = np.where(span > 0, (mode - low) / span, 0.5)
        left = low + np.sqrt(u * span * (mode - low))
        right = high - np.sqrt((1 - u) * span * (high - mode))
    return np.where(span > 0, np.where(u < cut, left, right), mode)


def _aggregate(x: np.ndarray, w: np.ndarray, method: str, setup: Setup) -> np.ndarray:
    """Scores (D, P) from normalised values (D, C, P) and weights (D, C); each province's
    weights rescaled over the criteria it has."""
    present = ~np.isnan(x)
    weights = np.where(present, w[:, :, None], 0.0)
    total = weights.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = weights / total[:, None, :]
    if method == "arithmetic":
        score = np.nansum(share * np.nan_to_num(x), axis=1)
    elif method == "geometric":
        unit = normalise(x, "minmax", setup.candidates)
        unit = np.clip(np.nan_to_num(unit), 0.0, 1.0)
        score = np.exp(np.sum(share * np.log(_FLOOR + (1 - _FLOOR) * unit), axis=1))
    else:
        score = topsis(x, share, setup.candidates)
    return np.where(total > 0, score, np.nan)


def topsis(x: np.ndarray, share: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """TOPSIS as ``pymcdm.methods.TOPSIS`` computes it (min-max normalisation of each
    criterion over the candidates, weighted; distances to the best and worst weighted values),
    for a stack (D, C, P) with per-province weights (D, C, P); missing criteria add nothing
    to either distance. Raises nothing."""
    unit = normalise(x, "minmax", candidates)
    weighted = share * unit
    chosen = np.where(candidates, weighted, np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        best = np.nanmax(chosen, axis=-1, keepdims=True)
        worst = np.nanmin(chosen, axis=-1, keepdims=True)
    plus = np.sqrt(np.nansum((weighted - best) ** 2, axis=1))
    minus = np.sqrt(np.nansum((weighted - worst) ** 2, axis=1))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(plus + minus > 0, minus / (plus + minus), 0.5)
