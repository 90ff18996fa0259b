"""The ranking's uncertainty with its method, the diagnostics and the sensitivity analysis."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.ranking import DEFAULT_WEIGHTS, compute_criteria, normalise_criteria, rank_provinces
from analysis.ranking_criteria import CRITERION_NAMES, check_inputs
from analysis.ranking_sensitivity import first_place_change
from analysis.ranking_uncertainty import Scenarios, _true_counts, evaluate, prepare
from tests.analysis.test_ranking import FEW, small_frame


@pytest.fixture(scope="module")
def country() -> pd.DataFrame:
    from tests.analysis import test_ranking

    return test_ranking.country.__wrapped__()


def fixed(setup_n: int, draws: int, normalisation: int, aggregation: int) -> Scenarios:
    """Scenarios at the default weights, one normalisation and aggregation, median numbers."""
    w = np.tile(np.array(list(DEFAULT_WEIGHTS.values())), (draws, 1))
    half = np.full((draws, setup_n), 0.5)
    return Scenarios(
        w,
        np.full(draws, normalisation),
        np.full(draws, aggregation),
        half,
        np.full((draws, 2, setup_n), 0.5),
        np.full((draws, 2, setup_n), 0.5),
    )


def test_the_scenarios_vary_the_method(country: pd.DataFrame) -> None:
    """Each normalisation and aggregation gives its own order of the same provinces."""
    data = check_inputs(country)
    setup = prepare(data, np.ones(len(data), bool))
    orders = set()
    for norm in range(3):
        for agg in range(3):
            scores = evaluate(setup, fixed(len(data), 1, norm, agg))[0]
            orders.add(tuple(np.argsort(-scores)))
    assert len(orders) >= 4


def test_each_count_is_drawn_from_the_range_its_reading_stands_for() -> None:
    """A ``<5`` stands for 0 to 4, a shown 40 (with a greatest move of 4) for 36 to 44; a
    count without a range is taken as given."""
    frame = small_frame(2, incidents_12m=[2.0, 40]).assign(
        incidents_12m_low=[0.0, 36.0], incidents_12m_high=[4.0, 44.0]
    )
    setup = prepare(check_inputs(frame), np.ones(2, bool))
    u = np.linspace(0, 0.999, 1000)
    noise = np.broadcast_to(u[:, None, None], (1000, 2, 2))
    counts = _true_counts(setup, noise)
    assert set(counts[:, 0, 0]) == {0.0, 1.0, 2.0, 3.0, 4.0}
    assert set(counts[:, 0, 1]) == set(np.arange(36.0, 45.0))
    assert np.bincount(counts[:, 0, 1].astype(int) - 36).min() >= 100  # each about equally
    before = frame["incidents_before"].to_numpy(float)
    assert np.array_equal(counts[:, 1], np.broadcast_to(before, (1000, 2)), equal_nan=True)


def test_the_interval_includes_the_method(country: pd.DataFrame) -> None:
    """The full analysis (weights, method, sizes, counts) moves some province by five places
    or more, and says what it varies."""
    full = rank_provinces(country, draws=FEW, seed=3)
    widths = [p.rank_high - p.rank_low for p in full.provinces]
    assert max(widths) >= 5
    assert full.to_dict()["uncertainty"]["varies"][1].startswith("normalisation")


def test_the_diagnostics_give_weights_beside_effective_weights(country: pd.DataFrame) -> None:
    ranking = rank_provinces(country, draws=FEW)
    rows = {d.criterion: d for d in ranking.diagnostics}
    assert list(rows)[: len(CRITERION_NAMES)] == list(CRITERION_NAMES)
    for name in CRITERION_NAMES:
        assert rows[name].weight == pytest.approx(DEFAULT_WEIGHTS[name])
        assert -1 <= rows[name].effective <= 1
    assert sum(rows[n].share for n in CRITERION_NAMES) == pytest.approx(1.0)
    assert ("shrunk", {}) in rows["disruption_rate"].decisions
    assert rows["communes_without_partnership"].decisions == (("dropped", {}),)
    assert rows["kp_size"].decisions == (("merged", {}),)


def test_a_constant_criterion_is_named() -> None:
    frame = small_frame(5, incidents_12m=[10, 20, 30, 40, 50])
    ranking = rank_provinces(frame, draws=FEW)
    rows = {d.criterion: d for d in ranking.diagnostics}
    assert ("constant", {}) in rows["kp_per_service"].decisions
    assert rows["kp_per_service"].effective is None


def test_the_sensitivity_names_inputs_and_what_changes_first_place(country: pd.DataFrame) -> None:
    ranking = rank_provinces(country, draws=FEW, sensitivity=True)
    report = ranking.sensitivity
    sobol = report["sobol"]
    assert sobol["inputs"][:4] == [f"weight of {n}" for n in CRITERION_NAMES]
    assert {"normalisation", "aggregation", "kp_sizes", "rates", "protection_noise"} <= set(
        sobol["inputs"]
    )
    assert set(sobol["provinces"]) == {p.province_code for p in ranking.provinces[:3]}
    for key in ("S1", "ST"):
        assert all(0 <= v <= 1.5 for v in sobol["mean"][key])
    assert set(sobol["moves"]) <= set(sobol["inputs"])
    assert [row["criterion"] for row in report["leave_one_out"]] == list(CRITERION_NAMES)
    change = report["first_place"]
    first = ranking.provinces[0].province_code
    if change is not None:
        assert change["first"] == first != change["new_first"]


def test_the_first_place_change_is_real(country: pd.DataFrame) -> None:
    data = check_inputs(country)
    matrix = normalise_criteria(compute_criteria(data)).to_numpy()
    w = np.array(list(DEFAULT_WEIGHTS.values()))
    change = first_place_change(matrix, w, "weighted_sum", np.ones(len(data), bool))
    assert change is not None
    j = CRITERION_NAMES.index(change["criterion"])
    moved = w * (1 - change["to"]) / (1 - w[j])
    moved[j] = change["to"]
    scores = (matrix * moved).sum(axis=1)
    assert int(np.argmax(scores)) == change["new_first"] != change["first"]


def test_the_sensitivity_of_a_ranking_with_no_rank_is_all_zero() -> None:
    """No province can be ranked (no size estimate nor academies file, as in the tiny atlas):
    the Sobol' summary says nothing moves, with indices of 0 (never NaN, which the JSON could
    not hold)."""
    gone = [np.nan] * 3
    frame = small_frame(3, kp_size=gone, kp_size_before=gone, trainees=gone, modules_delivered=gone)
    ranking = rank_provinces(frame, draws=FEW, sensitivity=True)
    sobol = ranking.sensitivity["sobol"]
    assert sobol["provinces"] == {} and sobol["moves"] == []
    assert all(v == 0.0 for key in ("S1", "ST") for v in sobol["mean"][key])
