"""Which province next? The ranking's pure core: candidates, criteria, weights, method and
uncertainty.

``rank_provinces`` takes one row per province (``INPUT_COLUMNS``, read by the caller through
the protected query layer), leaves out the provinces already in the partnership (listed apart
with their start, unless ``include_partnership``), computes the criteria (``CRITERIA``:
empirical-Bayes rates, readiness graded by the distance to the police academies; higher always
means more reason to choose the province, missing stays missing), caps outliers, normalises
them over the ranked provinces, scores them with the chosen method (``METHODS``; the weighted
sum by default) and always measures the ranking's uncertainty with the method included
(``ranking_uncertainty``: weights, normalisation, aggregation, key-population sizes within
their ranges, the published counts' noise and the rates' posteriors). Each province gets its
nominal rank, its median rank and 90 % interval over the draws and its chance of being in the
top 3; no rank is returned without its interval. The result carries the diagnostics
(``ranking_diagnostics``) and, on request, the sensitivity analysis (``ranking_sensitivity``).
"""

from __future__ import annotations

import warnings
from collections.abc import Collection, Mapping

import numpy as np
import pandas as pd

from analysis.ranking_criteria import (
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
    normalise_criteria,
)
from analysis.ranking_diagnostics import diagnose
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
    InPartnership,
    LeaderReason,
    ProvinceRank,
    Ranking,
    explain_leaders,
)
from analysis.ranking_sensitivity import first_place_change, leave_one_out, sobol_indices
from analysis.ranking_uncertainty import Setup, evaluate, prepare, random_scenarios
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
    "InPartnership",
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

DEFAULT_DRAWS = 5000
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
    include_partnership: bool = False,
    partnership: Collection[str] | None = None,
    draws: int = DEFAULT_DRAWS,
    concentration: float = DEFAULT_CONCENTRATION,
    seed: int = DEFAULT_SEED,
    sensitivity: bool = False,
) -> Ranking:
    """Rank the candidate provinces of ``frame`` (columns ``INPUT_COLUMNS``) with their
    uncertainty.

    ``weights`` override the defaults by name (relative; scaled to sum to 1). The provinces
    already in the partnership (``partnership``; by default those with a
    ``partnership_start``, or ``vocabulary.PILOT_PROVINCES`` when the frame has no such column)
    are left out and listed apart unless ``include_partnership``; ``exclude`` leaves further
    provinces out. Only the ranked provinces set the normalisation. With ``sensitivity``,
    the result also holds the Sobol' indices, leave-one-criterion-out and what would change
    first place (``sensitivity_report``). The same inputs and seed give the same result.

    Raises RankingInputError for a bad frame, an unknown code in ``exclude``, too few draws
    or a concentration that is not positive; WeightError for bad weights; MethodError for an
    unknown method."""
    data = check_inputs(frame)
    chosen = resolve_weights(weights)
    check_method(method)
    codes = data["province_code"].tolist()
    left_out = {exclude} if isinstance(exclude, str) else {str(c) for c in exclude}
    _check_settings(codes, left_out, draws, concentration)
    if partnership is None and "partnership_start" not in frame.columns:
        partnership = [c for c in PILOT_PROVINCES if c in codes]  # a frame that does not say
    started = partnership_starts(data, partnership)
    if not include_partnership:
        left_out |= set(started)
    if len(left_out) >= len(codes):
        raise RankingInputError("every province is excluded: nothing is left to rank")
    candidates = ~np.isin(codes, sorted(left_out))
    raw = compute_criteria(data)
    matrix = normalise_criteria(raw, candidates).to_numpy()
    w = np.array([chosen[n] for n in CRITERION_NAMES])
    point = score_matrix(matrix, w, method, candidates)
    nominal = rank_scores(point)

    rng = np.random.default_rng(seed)
    setup = prepare(data, candidates)
    scenarios = random_scenarios(rng, w, draws, concentration, len(codes))
    drawn_scores = evaluate(setup, scenarios)
    ranks = rank_scores(drawn_scores, tiebreak=rng.random(drawn_scores.shape))
    rows = _province_rows(data, matrix, point, nominal, ranks, set(started))
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
        partnership=tuple(_partnership_rows(data, started)),
        include_partnership=include_partnership,
        diagnostics=diagnose(raw, matrix, point, candidates, chosen),
        sensitivity=(
            sensitivity_report(setup, matrix, w, method, nominal, codes, seed)
            if sensitivity
            else None
        ),
    )


def sensitivity_report(
    setup: Setup,
    matrix: np.ndarray,
    w: np.ndarray,
    method: str,
    nominal: np.ndarray,
    codes: list[str],
    seed: int,
) -> dict[str, object]:
    """Sobol' indices for the ranks of the nominal top three, leave-one-criterion-out and the
    smallest one-weight change of first place, provinces named by code. Raises nothing."""
    order = [int(i) for i in np.argsort(np.where(np.isnan(nominal), np.inf, nominal))]
    top = [i for i in order[:TOP] if not np.isnan(nominal[i])]
    sobol = sobol_indices(setup, w, top, seed)
    sobol["provinces"] = {codes[i]: v for i, v in sobol["provinces"].items()}
    loo = leave_one_out(matrix, w, method, setup.candidates)
    for row in loo:
        row["first"], row["shifted"] = codes[row["first"]], codes[row["shifted"]]
        row["top3"] = [codes[i] for i in row["top3"]]
    change = first_place_change(matrix, w, method, setup.candidates)
    if change is not None:
        change["first"], change["new_first"] = codes[change["first"]], codes[change["new_first"]]
    return {"sobol": sobol, "leave_one_out": loo, "first_place": change}


def partnership_starts(
    data: pd.DataFrame, partnership: Collection[str] | None = None
) -> dict[str, str | None]:
    """The provinces already in the partnership, each with its start (ISO date, or None when
    unknown): ``partnership`` when given, else those of the checked frame with a
    ``partnership_start``. Raises nothing."""
    given = dict(zip(data["province_code"], data["partnership_start"], strict=True))
    if partnership is None:
        partnership = [code for code, start in given.items() if start]
    return {str(code): given.get(str(code)) for code in partnership}


def _partnership_rows(data: pd.DataFrame, started: dict[str, str | None]) -> list[InPartnership]:
    """The provinces in the partnership, by start then code."""
    names = data.set_index("province_code")[["name_en", "name_km"]]
    rows = [
        InPartnership(code, names.at[code, "name_en"], names.at[code, "name_km"], start)
        for code, start in started.items()
        if code in names.index
    ]
    return sorted(rows, key=lambda r: (r.start or "9999", r.province_code))


def _check_settings(codes: list[str], exclude: set[str], draws: int, concentration: float) -> None:
    """Raise RankingInputError naming unknown excluded codes or unusable draw settings."""
    unknown = sorted(exclude - set(codes))
    if unknown:
        raise RankingInputError(
            f"cannot exclude {', '.join(unknown)}: not in the ranking input "
            f"(its provinces: {', '.join(codes)})"
        )
    if isinstance(draws, bool) or not isinstance(draws, int) or draws < MIN_DRAWS:
        raise RankingInputError(f"draws must be a whole number of at least {MIN_DRAWS}")
    if not concentration > 0:
        raise RankingInputError("the weight concentration must be a positive number")


def _province_rows(
    data: pd.DataFrame,
    matrix: np.ndarray,
    point: np.ndarray,
    nominal: np.ndarray,
    ranks: np.ndarray,
    partnership: set[str],
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
                in_partnership=record.province_code in partnership,
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
