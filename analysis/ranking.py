"""Which province next? The ranking's pure core: criteria, weights, method and uncertainty.

``rank_provinces`` takes one row per province (``INPUT_COLUMNS``, read by the caller through
the protected query layer), computes and normalises the criteria (``CRITERIA``: higher always
means more reason to choose the province, missing stays missing), scores them with the chosen
method (``METHODS``; SPOTIS by default) and always measures the ranking's uncertainty:

- weights: ``draws`` weight vectors from a Dirichlet distribution centred on the chosen
  weights, with concentration ``concentration`` (the Dirichlet parameters are concentration ×
  weight; at 50 a weight of 0.15 has a standard deviation of 0.05). A weight of 0 stays 0.
- counts: in each draw every incident count y (the latest calendar year, and the year before
  the policy) is replaced by a draw from Gamma(y + 0.5, 1), the Jeffreys posterior of a Poisson
  mean; the rate and change criteria are recomputed and renormalised from the drawn counts.

Each province gets its nominal rank, its median rank and 90 % interval over the draws and its
chance of being in the top 3; no rank is returned without its interval. Provinces already in
the partnership are marked; ``exclude`` leaves provinces out of the ranking while they still
set the normalisation bounds (so, with SPOTIS or the weighted sum, leaving them out does not
change the order of the others).
"""

from __future__ import annotations

import warnings
from collections.abc import Collection, Mapping

import numpy as np
import pandas as pd

from analysis.ranking_criteria import (
    CONTINUITY,
    COUNT_CRITERIA,
    CRITERIA,
    CRITERION_NAMES,
    DEFAULT_WEIGHTS,
    INPUT_COLUMNS,
    PILOT_EFFECT,
    Criterion,
    RankingInputError,
    aggregate_academies,
    check_inputs,
    compute_criteria,
    count_criteria,
    normalise_criteria,
    normalise_values,
)
from analysis.ranking_methods import (
    DEFAULT_METHOD,
    METHODS,
    MethodError,
    check_method,
    rank_scores,
    score_matrix,
)
from analysis.ranking_result import (
    INTERVAL,
    TOP,
    Explanation,
    LeaderReason,
    ProvinceRank,
    Ranking,
    explain_leaders,
)
from analysis.ranking_weights import WeightError, parse_weight_args, resolve_weights
from vocabulary import PILOT_PROVINCES

__all__ = [
    "CRITERIA",
    "CRITERION_NAMES",
    "DEFAULT_CONCENTRATION",
    "DEFAULT_DRAWS",
    "DEFAULT_METHOD",
    "DEFAULT_SEED",
    "DEFAULT_WEIGHTS",
    "INPUT_COLUMNS",
    "INTERVAL",
    "METHODS",
    "PILOT_EFFECT",
    "TOP",
    "Criterion",
    "Explanation",
    "LeaderReason",
    "MethodError",
    "ProvinceRank",
    "Ranking",
    "RankingInputError",
    "WeightError",
    "aggregate_academies",
    "compute_criteria",
    "normalise_criteria",
    "parse_weight_args",
    "rank_provinces",
    "resolve_weights",
    "score_matrix",
]

DEFAULT_DRAWS = 2000
DEFAULT_CONCENTRATION = 50.0
DEFAULT_SEED = 2010
#: Fewer draws than this give intervals that are mostly noise.
MIN_DRAWS = 100


def rank_provinces(
    frame: pd.DataFrame,
    weights: Mapping[str, float] | None = None,
    *,
    method: str = DEFAULT_METHOD,
    exclude: Collection[str] = (),
    partnership: Collection[str] = PILOT_PROVINCES,
    draws: int = DEFAULT_DRAWS,
    concentration: float = DEFAULT_CONCENTRATION,
    seed: int = DEFAULT_SEED,
) -> Ranking:
    """Rank the provinces of ``frame`` (columns ``INPUT_COLUMNS``) with their uncertainty.

    ``weights`` override the defaults by name (relative; scaled to sum to 1). ``exclude``:
    province codes left out of the ranking; ``partnership``: codes marked as already in it.
    The same inputs and seed give the same result.

    Raises RankingInputError for a bad frame, an unknown code in ``exclude``, too few draws
    or a concentration that is not positive; WeightError for bad weights; MethodError for an
    unknown method."""
    data = check_inputs(frame)
    chosen = resolve_weights(weights)
    check_method(method)
    codes = data["province_code"].tolist()
    left_out = {exclude} if isinstance(exclude, str) else {str(c) for c in exclude}
    _check_settings(codes, left_out, draws, concentration)
    candidates = ~np.isin(codes, sorted(left_out))
    matrix = normalise_criteria(compute_criteria(data)).to_numpy()
    w = np.array([chosen[n] for n in CRITERION_NAMES])
    point = score_matrix(matrix, w, method, candidates)
    nominal = rank_scores(point)

    rng = np.random.default_rng(seed)
    drawn_w = _draw_weights(rng, w, draws, concentration)
    stack = _draw_matrices(rng, data, matrix, draws)
    drawn_scores = score_matrix(stack, drawn_w, method, candidates)
    ranks = rank_scores(drawn_scores, tiebreak=rng.random(drawn_scores.shape))
    rows = _province_rows(data, matrix, point, nominal, ranks, partnership)
    ranked = [r for r in rows if r.province_code not in left_out]
    ranked.sort(key=lambda r: (r.rank is None, r.rank or 0))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a criterion no province has
        middle = np.nanmedian(matrix[candidates], axis=0)
    median = dict(zip(CRITERION_NAMES, middle, strict=True))
    return Ranking(
        method=method,
        weights=chosen,
        provinces=tuple(ranked),
        excluded=tuple(c for c in codes if c in left_out),
        explanation=explain_leaders(tuple(ranked), chosen, median),
        draws=draws,
        concentration=float(concentration),
        seed=seed,
    )


def _check_settings(codes: list[str], exclude: set[str], draws: int, concentration: float) -> None:
    """Raise RankingInputError naming unknown excluded codes or unusable draw settings."""
    unknown = sorted(exclude - set(codes))
    if unknown:
        raise RankingInputError(
            f"cannot exclude {', '.join(unknown)}: not in the ranking input "
            f"(its provinces: {', '.join(codes)})"
        )
    if len(exclude) >= len(codes):
        raise RankingInputError("every province is excluded: nothing is left to rank")
    if isinstance(draws, bool) or not isinstance(draws, int) or draws < MIN_DRAWS:
        raise RankingInputError(f"draws must be a whole number of at least {MIN_DRAWS}")
    if not concentration > 0:
        raise RankingInputError("the weight concentration must be a positive number")


def _draw_weights(
    rng: np.random.Generator, w: np.ndarray, draws: int, concentration: float
) -> np.ndarray:
    """(draws, criteria) weight vectors from Dirichlet(concentration × w); zero weights stay 0."""
    out = np.zeros((draws, w.size))
    positive = w > 0
    if positive.sum() == 1:
        out[:, positive] = 1.0
    else:
        out[:, positive] = rng.dirichlet(concentration * w[positive], size=draws)
    return out


def _draw_matrices(
    rng: np.random.Generator, data: pd.DataFrame, matrix: np.ndarray, draws: int
) -> np.ndarray:
    """(draws, provinces, criteria): the normalised matrix with the count criteria recomputed
    from Gamma(y + 0.5, 1) draws of each incident count (missing counts stay missing)."""
    drawn = {}
    for column in ("incidents_12m", "incidents_before"):
        y = data[column].to_numpy(dtype=float)
        known = ~np.isnan(y)
        shape = np.where(known, y + CONTINUITY, 1.0)
        drawn[column] = np.where(known, rng.gamma(shape, size=(draws, y.size)), np.nan)
    kp, kp_before = (data[c].to_numpy(dtype=float) for c in ("kp_size", "kp_size_before"))
    rate, change = count_criteria(drawn["incidents_12m"], drawn["incidents_before"], kp, kp_before)
    stack = np.repeat(matrix[None], draws, axis=0)
    by_name = {c.name: c for c in CRITERIA}
    for name, values in zip(COUNT_CRITERIA, (rate, change), strict=True):
        stack[:, :, CRITERION_NAMES.index(name)] = normalise_values(values, by_name[name])
    return stack


def _province_rows(
    data: pd.DataFrame,
    matrix: np.ndarray,
    point: np.ndarray,
    nominal: np.ndarray,
    ranks: np.ndarray,
    partnership: Collection[str],
) -> list[ProvinceRank]:
    """One ProvinceRank per input row, with the draws' median, interval and top-3 chance."""
    rows = []
    for i, record in enumerate(data.itertuples(index=False)):
        values = matrix[i]
        summary = _rank_summary(ranks[:, i])
        effect = getattr(record, PILOT_EFFECT.name)
        rows.append(
            ProvinceRank(
                province_code=record.province_code,
                name_en=record.name_en,
                name_km=record.name_km,
                rank=None if np.isnan(nominal[i]) else int(nominal[i]),
                **summary,
                score=None if np.isnan(point[i]) else float(point[i]),
                criteria={
                    n: (None if np.isnan(v) else float(v))
                    for n, v in zip(CRITERION_NAMES, values, strict=True)
                },
                missing=tuple(
                    n for n, v in zip(CRITERION_NAMES, values, strict=True) if np.isnan(v)
                ),
                in_partnership=record.province_code in set(partnership),
                pilot_effect=None if np.isnan(effect) else float(effect),
            )
        )
    return rows


def _rank_summary(ranks: np.ndarray) -> dict[str, object]:
    """Median rank, 90 % interval (draws' quantiles, whole ranks) and P(top 3) of one province."""
    if np.isnan(ranks).all():
        return {"rank_median": None, "rank_low": None, "rank_high": None, "p_top3": None}
    tail = (1.0 - INTERVAL) / 2.0
    low, median, high = np.quantile(ranks, [tail, 0.5, 1.0 - tail], method="inverted_cdf")
    return {
        "rank_median": int(median),
        "rank_low": int(low),
        "rank_high": int(high),
        "p_top3": float(np.mean(ranks <= TOP)),
    }
