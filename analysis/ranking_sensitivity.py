"""What moves the ranking: a variance-based sensitivity analysis (Sobol' first and total
order, SALib), leaving one criterion out, and what it would take to change first place.

The Sobol' analysis uses the scenarios of ``ranking_uncertainty``: each criterion's weight
(multiplied by a factor between 0.5 and 1.5, then all rescaled to sum to 1), the
normalisation, the aggregation, and three groups of per-province numbers (the key-population
sizes within their ranges, the rates within their posteriors, the protection's noise). Its
outputs are the ranks of the nominal top three; an input's total order index is the share of
the variance of those ranks it is involved in.
"""

from __future__ import annotations

import numpy as np
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import sobol as sobol_sample

from analysis.ranking_criteria import CRITERION_NAMES
from analysis.ranking_measures import NORMALISATIONS
from analysis.ranking_methods import rank_scores, score_matrix
from analysis.ranking_uncertainty import AGGREGATIONS, Scenarios, Setup, evaluate

#: Base samples of the Sobol' design (N × (groups + 2) evaluations).
SOBOL_BASE = 256
#: A total order index at or above this names the input as one that moves the top three.
MOVES = 0.05
GROUPS = ("normalisation", "aggregation", "kp_sizes", "rates", "protection_noise")


def sobol_indices(setup: Setup, weights: np.ndarray, top: list[int], seed: int) -> dict:
    """First and total order Sobol' indices of each input for the ranks of the provinces at
    positions ``top`` (the nominal top three), and their mean over those provinces:
    {"inputs": [...], "provinces": {index: {"S1": [...], "ST": [...]}}, "mean": {...},
    "moves": [inputs with mean ST ≥ MOVES, largest first], "evaluations": n}. Weights of 0
    are not inputs. Raises ValueError when nothing varies."""
    active = [j for j in range(weights.size) if weights[j] > 0]
    n_prov = setup.kp.size
    names, groups = [], []
    for j in active:
        names.append(f"w_{CRITERION_NAMES[j]}")
        groups.append(f"weight of {CRITERION_NAMES[j]}")
    for name in ("normalisation", "aggregation"):
        names.append(name)
        groups.append(name)
    for group, count in (("kp_sizes", n_prov), ("rates", 2 * n_prov),
                         ("protection_noise", 2 * n_prov)):  # fmt: skip
        names += [f"{group}_{i}" for i in range(count)]
        groups += [group] * count
    problem = {
        "num_vars": len(names),
        "names": names,
        "bounds": [[0.0, 1.0]] * len(names),
        "groups": groups,
    }
    x = sobol_sample.sample(problem, SOBOL_BASE, calc_second_order=False, seed=seed)
    ranks = rank_scores(evaluate(setup, _scenarios(x, weights, active, n_prov)))
    result: dict = {"inputs": list(dict.fromkeys(groups)), "provinces": {}}
    for i in top:
        y = ranks[:, i]
        if np.nanstd(y) == 0:
            zeros = [0.0] * len(result["inputs"])
            result["provinces"][int(i)] = {"S1": zeros, "ST": zeros}
            continue
        found = sobol_analyze.analyze(problem, y, calc_second_order=False, seed=seed)
        result["provinces"][int(i)] = {
            "S1": [round(float(v), 3) for v in np.clip(found["S1"], 0, None)],
            "ST": [round(float(v), 3) for v in np.clip(found["ST"], 0, None)],
        }
    return _summarise(result, len(x))


def _summarise(result: dict, evaluations: int) -> dict:
    """Mean indices over the top provinces and the inputs that move them (none, with all
    indices 0, when no province is ranked)."""
    parts = list(result["provinces"].values()) or [
        {key: [0.0] * len(result["inputs"]) for key in ("S1", "ST")}
    ]
    mean = {
        key: [round(float(np.mean([p[key][k] for p in parts])), 3) for k in
              range(len(result["inputs"]))]
        for key in ("S1", "ST")
    }  # fmt: skip
    order = np.argsort(mean["ST"])[::-1]
    moves = [result["inputs"][k] for k in order if mean["ST"][k] >= MOVES]
    return {**result, "mean": mean, "moves": moves, "evaluations": evaluations}


def _scenarios(x: np.ndarray, weights: np.ndarray, active: list[int], n_prov: int) -> Scenarios:
    """The Sobol' design's rows as scenarios."""
    k = len(active)
    w = np.zeros((len(x), weights.size))
    w[:, active] = weights[active] * (0.5 + x[:, :k])
    w /= w.sum(axis=1, keepdims=True)
    rest = x[:, k + 2 :]
    return Scenarios(
        weights=w,
        normalisation=np.minimum((x[:, k] * len(NORMALISATIONS)).astype(int), 2),
        aggregation=np.minimum((x[:, k + 1] * len(AGGREGATIONS)).astype(int), 2),
        kp=rest[:, :n_prov],
        rate=rest[:, n_prov : 3 * n_prov].reshape(len(x), 2, n_prov),
        noise=rest[:, 3 * n_prov :].reshape(len(x), 2, n_prov),
    )


def leave_one_out(
    matrix: np.ndarray, weights: np.ndarray, method: str, candidates: np.ndarray
) -> list[dict]:
    """For each weighted criterion, the ranking without it (its weight spread over the others
    by rescaling): {"criterion", "first" (index of the first province), "top3" (indices),
    "largest_shift" (places), "shifted" (index of the province that moved most)}. Raises
    MethodError for an unknown method."""
    nominal = rank_scores(score_matrix(matrix, weights, method, candidates))
    out = []
    for j in np.flatnonzero(weights > 0):
        if np.count_nonzero(weights) < 2:
            break
        w = weights.copy()
        w[j] = 0.0
        ranks = rank_scores(score_matrix(matrix, w / w.sum(), method, candidates))
        shift = np.abs(np.nan_to_num(ranks - nominal))
        out.append(
            {
                "criterion": CRITERION_NAMES[j],
                "first": int(np.nanargmin(np.where(np.isnan(ranks), np.inf, ranks))),
                "top3": [int(i) for i in np.argsort(np.where(np.isnan(ranks), np.inf, ranks))[:3]],
                "largest_shift": int(shift.max()),
                "shifted": int(shift.argmax()),
            }
        )
    return out


def first_place_change(
    matrix: np.ndarray, weights: np.ndarray, method: str, candidates: np.ndarray
) -> dict | None:
    """The smallest change of one criterion's weight (the others rescaled in proportion) that
    gives first place to another province: {"criterion", "from", "to" (weights), "first",
    "new_first" (indices)}; None when no single weight between 0 and 1 changes it. Raises
    MethodError for an unknown method."""
    first = _first(matrix, weights, method, candidates)
    best: dict | None = None
    grid = np.round(np.arange(0.0, 1.0001, 0.01), 2)
    for j in range(weights.size):
        rest = weights.sum() - weights[j]
        for target in sorted(grid, key=lambda t: abs(t - weights[j])):
            if best is not None and abs(target - weights[j]) >= abs(best["to"] - best["from"]):
                break
            if rest <= 0 and target < 1:
                continue
            w = weights * ((1 - target) / rest if rest > 0 else 0.0)
            w[j] = target
            new = _first(matrix, w, method, candidates)
            if new is not None and new != first:
                best = {"criterion": CRITERION_NAMES[j], "from": round(float(weights[j]), 2),
                        "to": float(target), "first": first, "new_first": new}  # fmt: skip
                break
    return best


def _first(matrix: np.ndarray, w: np.ndarray, method: str, candidates: np.ndarray) -> int | None:
    """Index of the first-ranked province, or None when none is ranked."""
    if w.sum() <= 0:
        return None
    ranks = rank_scores(score_matrix(matrix, w / w.sum(), method, candidates))
    return None if np.isnan(ranks).all() else int(np.nanargmin(ranks))
