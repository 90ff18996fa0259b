"""The imputation estimator (Borusyak, Jaravel and Spiess) for counts: the evaluation's second
estimator, which uses every month before each pilot commune's start.

A log-linear Poisson model with commune and month effects, ``E[y_it] = exp(a_i + b_t)``, is
fitted on the untreated commune-months only (every comparison commune-month and every pilot
commune-month before its start), by alternating the two sets of effects until they agree
(iterative proportional fitting: the Poisson maximum-likelihood equations of a two-way model
are its row and column sums). The counterfactual of each treated commune-month is its
imputed ``exp(a_i + b_t)``, and the effect on the treated is

    theta = log(sum of treated counts / sum of imputed counterfactuals),   effect = e^theta - 1,

the same quantity as the main estimate's, but each pilot commune's level ``a_i`` comes from all
its months before the start (not one base month, as in Callaway and Sant'Anna), so the
interval is narrower. A pilot commune with no incident before its start has no level and is
left out (a note says how many).

The interval comes from a cluster bootstrap by commune (communes drawn with replacement within
the pilot and the comparison group, ``BOOTSTRAP_DRAWS`` times, a fixed seed), as a normal
interval on the log scale; all draws are fitted at once as matrix products.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.poisson import Ratio, ratio_from_log

METHOD = "imputation_poisson"
BOOTSTRAP_DRAWS = 299
BOOTSTRAP_SEED = 20_240
_ITERATIONS = 2_000
_TOLERANCE = 1e-10


@dataclass(frozen=True)
class Imputation:
    """The imputation estimate as a relative change with its 95 % interval (``ratio``), and
    the pilot communes it could impute and those left out (no incident before their start)."""

    ratio: Ratio
    pilots: int
    left_out: int


def _matrices(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counts (units x months), the treated mask and whether each unit is a pilot commune."""
    units, unit_idx = np.unique(frame["unit"].to_numpy(), return_inverse=True)
    months, month_idx = np.unique(frame["t"].to_numpy(), return_inverse=True)
    y = np.zeros((len(units), len(months)))
    np.add.at(y, (unit_idx, month_idx), frame["y"].to_numpy(float))
    g = np.zeros(len(units))
    g[unit_idx] = frame["g"].to_numpy()
    treated = (g[:, None] > 0) & (months[None, :] >= g[:, None])
    return y, treated, g > 0


def _fit(y: np.ndarray, free: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Imputed counterfactual sums over the treated cells, one per row of ``weights``
    (draws x units): the two-way Poisson fitted on the cells in ``free`` by alternating its
    unit and month equations. Units are weighted (a bootstrap draw); a unit's own level does
    not depend on its weight."""
    yf = y * free
    row = yf.sum(axis=1)  # a unit's untreated incidents
    weighted_cols = weights @ yf  # draws x months
    exp_b = np.ones((weights.shape[0], y.shape[1]))
    exp_a = np.ones_like(weights)
    for _ in range(_ITERATIONS):
        exp_a = row[None, :] / np.maximum(exp_b @ free.T, 1e-300)
        denom = (weights * exp_a) @ free
        new_b = np.where(denom > 0, weighted_cols / np.maximum(denom, 1e-300), 0.0)
        change = np.max(np.abs(new_b - exp_b) / np.maximum(new_b, 1e-12))
        exp_b = new_b
        if change < _TOLERANCE:
            break
    exp_a = row[None, :] / np.maximum(exp_b @ free.T, 1e-300)
    treated = ~free
    return ((weights * exp_a) * (exp_b @ treated.T)).sum(axis=1)


def impute(frame: pd.DataFrame, draws: int = BOOTSTRAP_DRAWS, seed: int = BOOTSTRAP_SEED):
    """The imputation estimate on a ``designs.Sample`` frame (``unit, t, y, g``; ``g`` = 0 for
    a comparison commune).

    Returns:
        Imputation.

    Raises:
        ValueError: if no pilot commune has an incident before its start, or no treated
            commune-month shares a month with an untreated one.
    """
    y, treated, pilot = _matrices(frame)
    keep = ~pilot | ((y * ~treated).sum(axis=1) > 0)
    left_out = int((pilot & ~keep).sum())
    y, treated, pilot = y[keep], treated[keep], pilot[keep]
    if not pilot.any():
        raise ValueError("no pilot commune has an incident before its start")
    # a treated month that no untreated commune-month shares cannot be imputed
    if (treated.any(axis=0) & ~(~treated).any(axis=0)).any():
        raise ValueError("a treated month has no untreated commune-month to impute from")
    observed = (y * treated).sum(axis=1)
    weights = np.vstack([np.ones(len(y)), _draws(pilot, draws, seed)])
    counterfactual = _fit(y, ~treated, weights)
    logs = np.log((weights @ observed) / counterfactual)
    if not np.isfinite(logs[0]):
        raise ValueError("the imputed counterfactual is zero")
    se = float(np.std(logs[1:][np.isfinite(logs[1:])], ddof=1))
    return Imputation(ratio_from_log(float(logs[0]), se), int(pilot.sum()), left_out)


def _draws(pilot: np.ndarray, draws: int, seed: int) -> np.ndarray:
    """Cluster bootstrap weights (draws x units): how often each commune is drawn, drawing as
    many pilot and comparison communes as there are, with replacement, within each group."""
    rng = np.random.default_rng(seed)
    weights = np.zeros((draws, len(pilot)))
    for group in (np.flatnonzero(pilot), np.flatnonzero(~pilot)):
        picks = rng.integers(0, len(group), size=(draws, len(group)))
        for d in range(draws):
            weights[d] += np.bincount(group[picks[d]], minlength=len(pilot))
    return weights
