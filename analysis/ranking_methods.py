"""Scoring the provinces on their normalised criteria: a weighted sum, and SPOTIS and TOPSIS
from ``pymcdm``; and turning scores into ranks.

Every method gives a score where higher means more reason to choose the province. The input
is the normalised matrix (provinces × criteria, values in [0, 1], higher = more reason, NaN =
missing), or a stack of them (draws × provinces × criteria) with one weight vector per draw.

Missing values: a province is scored on the criteria it has, the weights of its missing
criteria spread over its other criteria in proportion to their weights (its weights are
rescaled to sum to 1); the result lists what is missing. For SPOTIS and the weighted sum this
is exact per province (a province's score depends on its own values only). TOPSIS compares
provinces with each other: a province that lacks some criteria is compared, on the criteria it
has, with the ranked provinces that have all of those. A province with no weighted criterion
is not scored (NaN) and not ranked.
"""

from __future__ import annotations

import warnings

import numpy as np
from pymcdm.methods import SPOTIS, TOPSIS

METHODS: dict[str, str] = {
    "weighted_sum": "Weighted sum (the nominal method): the sum of weight × criterion over the "
    "criteria a province has, divided by the sum of those weights.",
    "spotis": "SPOTIS (pymcdm): 1 minus the weighted distance to the ideal province, every "
    "criterion measured against the fixed bounds [0, 1] of its normalisation over all "
    "provinces; a province's score does not depend on which other provinces are ranked, so "
    "leaving one out cannot reverse the others' order. On these criteria it orders the "
    "provinces exactly as the weighted sum does.",
    "topsis": "TOPSIS (pymcdm): relative closeness to the best and the worst values among the "
    "provinces ranked; leaving a province out can reverse the order of others.",
}
DEFAULT_METHOD = "weighted_sum"


class MethodError(ValueError):
    """An unknown ranking method."""


def check_method(method: str) -> str:
    """``method`` if it is one of ``METHODS``. Raises MethodError listing the methods."""
    if method not in METHODS:
        raise MethodError(f"unknown method {method!r}; the methods are: {', '.join(METHODS)}")
    return method


def score_matrix(
    matrix: np.ndarray, weights: np.ndarray, method: str, candidates: np.ndarray | None = None
) -> np.ndarray:
    """Scores (higher = more reason) of the provinces in ``matrix`` ((P, C) with weights (C,),
    or (D, P, C) with weights (D, C)); NaN for a province that is not a candidate or has no
    weighted criterion. ``candidates`` (bool, (P,)) are the provinces ranked; the others only
    set the normalisation bounds, already applied. Raises MethodError for an unknown method."""
    check_method(method)
    single = matrix.ndim == 2
    stack = matrix[None] if single else matrix
    w = np.atleast_2d(weights).astype(float)
    n_provinces = stack.shape[1]
    chosen = np.ones(n_provinces, bool) if candidates is None else np.asarray(candidates, bool)
    if method == "weighted_sum":
        scores = _weighted_sum(stack, w)
    else:
        scores = _pymcdm_scores(stack, w, method, chosen)
    scores[:, ~chosen] = np.nan
    return scores[0] if single else scores


def _weighted_sum(stack: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Σ w x / Σ w over the criteria each province has, for every draw at once."""
    present = ~np.isnan(stack)
    numerator = np.einsum("dpc,dc->dp", np.where(present, stack, 0.0), w)
    denominator = np.einsum("dpc,dc->dp", present.astype(float), w)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, numerator / denominator, np.nan)


def _pymcdm_scores(stack: np.ndarray, w: np.ndarray, method: str, chosen: np.ndarray) -> np.ndarray:
    """SPOTIS or TOPSIS, called once per draw and per pattern of present weighted criteria
    (missing values sit in the same places in every draw: only present counts are drawn)."""
    n_draws, n_provinces, _ = stack.shape
    scores = np.full((n_draws, n_provinces), np.nan)
    present = ~np.isnan(stack[0])
    pattern = present & (w > 0).any(axis=0)
    for found in sorted({tuple(row) for row in pattern[chosen] if row.any()}):
        columns = np.array(found)
        rows = chosen & (pattern == columns).all(axis=1)
        if method == "spotis":
            compare = rows
            body = SPOTIS(np.tile([0.0, 1.0], (int(columns.sum()), 1)))
        else:
            compare = chosen & present[:, columns].all(axis=1)
            body = TOPSIS()
        compared = _call_per_draw(body, stack[:, compare][:, :, columns], w[:, columns])
        scores[:, rows] = compared[:, rows[compare]]
    return scores


def _call_per_draw(body: SPOTIS | TOPSIS, stack: np.ndarray, w: np.ndarray) -> np.ndarray:
    """One pymcdm call per draw (validation off: the matrix is built in [0, 1] here and the
    weights are rescaled to sum to 1); scores with higher = more reason."""
    types = np.ones(stack.shape[2])
    out = np.empty(stack.shape[:2])
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        for d in range(stack.shape[0]):
            out[d] = body(stack[d], w[d] / w[d].sum(), types, validation=False)
    if isinstance(body, SPOTIS):
        return 1.0 - out  # SPOTIS gives a distance to the ideal: smaller is better
    return np.nan_to_num(out, nan=0.5)  # TOPSIS: 0/0 when every province is alike


def rank_scores(scores: np.ndarray, tiebreak: np.ndarray | None = None) -> np.ndarray:
    """Ranks 1, 2, ... by descending score along the last axis, each rank given once (ties
    broken by ``tiebreak``, larger first, else by position); NaN scores get NaN ranks.
    Raises nothing."""
    keys = np.where(np.isnan(scores), -np.inf, scores)
    second = np.zeros_like(keys) if tiebreak is None else -np.asarray(tiebreak, float)
    order = np.lexsort((second, -keys), axis=-1)
    ranks = np.empty(keys.shape, float)
    positions = np.broadcast_to(np.arange(1, keys.shape[-1] + 1, dtype=float), keys.shape)
    np.put_along_axis(ranks, order, positions, axis=-1)
    return np.where(np.isnan(scores), np.nan, ranks)
