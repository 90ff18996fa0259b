"""The province ranking: criteria directions, weights, missing values, methods, uncertainty."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.ranking import (
    CRITERIA,
    CRITERION_NAMES,
    DEFAULT_WEIGHTS,
    INPUT_COLUMNS,
    PILOT_EFFECT,
    MethodError,
    RankingInputError,
    WeightError,
    aggregate_academies,
    compute_criteria,
    normalise_criteria,
    parse_weight_args,
    rank_provinces,
    resolve_weights,
    score_matrix,
)
from analysis.ranking_methods import METHODS
from vocabulary import PILOT_PROVINCES

FEW = 200  # draws for the tests that do not look at the intervals


def small_frame(n: int = 3, **columns: list) -> pd.DataFrame:
    """``n`` alike provinces (codes 01, 02, ...), with the given columns replaced."""
    base = {
        "province_code": [f"{i + 1:02d}" for i in range(n)],
        "name_en": [f"Province {i + 1}" for i in range(n)],
        "name_km": [f"ខេត្ត {i + 1}" for i in range(n)],
        "incidents_12m": [20] * n,
        "incidents_before": [10] * n,
        "kp_size": [1000] * n,
        "kp_size_before": [1000] * n,
        "services": [5] * n,
        "communes": [10] * n,
        "communes_without_partnership": [5] * n,
        "trainees": [0] * n,
        "modules_delivered": [0] * n,
        "pre_test_mean": [np.nan] * n,
        "post_test_mean": [np.nan] * n,
    }
    base.update(columns)
    return pd.DataFrame(base)


@pytest.fixture(scope="module")
def country() -> pd.DataFrame:
    """25 provinces with varied, made-up figures (six with an academy)."""
    rng = np.random.default_rng(7)
    n = 25
    kp = rng.integers(500, 20000, n).astype(float)
    trainees = np.zeros(n)
    modules = np.zeros(n)
    pre = np.full(n, np.nan)
    post = np.full(n, np.nan)
    academies = rng.choice(n, 6, replace=False)
    trainees[academies] = rng.integers(50, 400, 6)
    modules[academies] = rng.integers(3, 10, 6)
    pre[academies] = 50.0
    post[academies] = 50.0 + rng.integers(0, 40, 6)
    communes = rng.integers(20, 100, n)
    return small_frame(
        n,
        incidents_12m=list(rng.poisson(kp * rng.uniform(0.005, 0.04, n))),
        incidents_before=list(rng.poisson(kp * 0.012)),
        kp_size=list(kp),
        kp_size_before=list(kp * 0.9),
        services=list(rng.integers(0, 40, n)),
        communes=list(communes),
        communes_without_partnership=list(np.round(communes * rng.random(n))),
        trainees=list(trainees),
        modules_delivered=list(modules),
        pre_test_mean=list(pre),
        post_test_mean=list(post),
    )


def only(*names: str) -> dict[str, float]:
    """Weights that score only the named criteria, equally."""
    return {n: (1.0 if n in names else 0.0) for n in CRITERION_NAMES}


# --- Criteria and their directions ---------------------------------------------------------

ACADEMY = {"modules_delivered": [9, 9, 9], "pre_test_mean": [50] * 3, "post_test_mean": [80] * 3}
DIRECTIONS = [
    ("disruption_rate", {"incidents_12m": [10, 20, 40]}, "up"),
    ("disruption_change", {"incidents_before": [40, 20, 10]}, "up"),
    ("kp_size", {"kp_size": [1000, 2000, 4000], "kp_size_before": [1000, 2000, 4000]}, "up"),
    ("services_per_kp", {"services": [1, 5, 10]}, "down"),
    ("communes_without_partnership", {"communes_without_partnership": [2, 5, 9]}, "up"),
    ("police_readiness", {"trainees": [0, 50, 200], **ACADEMY}, "up"),
]


def test_every_criterion_has_its_direction_test() -> None:
    assert {name for name, _, _ in DIRECTIONS} == set(CRITERION_NAMES)
    assert abs(sum(DEFAULT_WEIGHTS.values()) - 1) < 1e-12


@pytest.mark.parametrize(("name", "columns", "way"), DIRECTIONS)
def test_normalisation_direction(name: str, columns: dict, way: str) -> None:
    """The input grows from province 1 to 3; the normalised criterion follows its direction."""
    values = normalise_criteria(compute_criteria(small_frame(**columns)))[name].to_numpy()
    expected_ends = [0.0, 1.0] if way == "up" else [1.0, 0.0]
    assert [values[0], values[2]] == expected_ends
    assert values[0] < values[1] < values[2] if way == "up" else values[0] > values[1] > values[2]
    criterion = next(c for c in CRITERIA if c.name == name)
    assert criterion.direction == ("lower" if name == "services_per_kp" else "higher")


def test_raw_criteria_in_their_units() -> None:
    frame = small_frame(
        1, incidents_12m=[30], incidents_before=[9.5], kp_size=[2000], kp_size_before=[1000]
    )
    frame.loc[0, ["trainees", "modules_delivered", "pre_test_mean", "post_test_mean"]] = [
        300,
        6,
        40,
        74,
    ]
    raw = compute_criteria(frame).iloc[0]
    assert raw["disruption_rate"] == pytest.approx(15.0)
    assert raw["disruption_change"] == pytest.approx((30.5 / 2000) / (10 / 1000))
    assert raw["services_per_kp"] == pytest.approx(2.5)
    assert raw["communes_without_partnership"] == pytest.approx(0.5)
    assert raw["police_readiness"] == pytest.approx(300 * 6 / 9 * 0.34)


def test_no_academy_is_zero_readiness_and_incomplete_academy_is_missing() -> None:
    frame = small_frame(2, trainees=[0, 120], modules_delivered=[0, 9])
    readiness = compute_criteria(frame)["police_readiness"]
    assert readiness.iloc[0] == 0.0
    assert np.isnan(readiness.iloc[1])  # an academy whose tests are not reported


def test_equal_values_are_half_and_missing_stays_missing() -> None:
    frame = small_frame(3, services=[5, np.nan, 5])
    normalised = normalise_criteria(compute_criteria(frame))
    assert normalised["communes_without_partnership"].tolist() == [0.5, 0.5, 0.5]
    assert normalised["services_per_kp"].isna().tolist() == [False, True, False]


def test_academies_are_combined_by_trainees() -> None:
    academies = pd.DataFrame(
        {
            "province_code": ["12", "12", "01"],
            "trainees": [100, 300, 50],
            "modules_delivered": [9, 5, 7],
            "pre_test_mean": [40, 60, 50],
            "post_test_mean": [80, 80, 70],
        }
    )
    out = aggregate_academies(academies).set_index("province_code")
    assert out.loc["12", "trainees"] == 400
    assert out.loc["12", "modules_delivered"] == pytest.approx(6.0)
    assert out.loc["12", "pre_test_mean"] == pytest.approx(55.0)
    assert out.loc["01", "post_test_mean"] == 70


# --- Weights --------------------------------------------------------------------------------


def test_weights_merge_onto_defaults_and_sum_to_one() -> None:
    weights = resolve_weights({"disruption_rate": 0.85, "police_readiness": 0})
    assert list(weights) == list(CRITERION_NAMES)
    assert sum(weights.values()) == pytest.approx(1.0)
    assert weights["disruption_rate"] == pytest.approx(0.85 / 1.45)
    assert weights["police_readiness"] == 0.0


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({n: 0 for n in CRITERION_NAMES}, "all weights are zero"),
        ({"kp_size": -1}, "kp_size=-1 is negative"),
        ({"kp_size": float("nan")}, "kp_size=nan is not a finite number"),
        ({"kp_size": "high"}, "kp_size='high' is not a finite number"),
        ({"pilot_effect": 1}, "pilot_effect is shown as context, not scored"),
        (
            {"rate": 1, "size": 2},
            "unknown criteria: rate, size; the criteria are: " + ", ".join(CRITERION_NAMES),
        ),
    ],
)
def test_weight_problems_are_named(weights: dict, message: str) -> None:
    with pytest.raises(WeightError) as caught:
        resolve_weights(weights)
    assert message in str(caught.value)


def test_every_weight_problem_is_reported_at_once() -> None:
    with pytest.raises(WeightError) as caught:
        resolve_weights({"rate": 1, "kp_size": -2})
    assert "unknown criteria: rate" in str(caught.value)
    assert "kp_size=-2 is negative" in str(caught.value)


def test_weight_arguments() -> None:
    assert parse_weight_args(["kp_size=2", " police_readiness = 0.5"]) == {
        "kp_size": 2.0,
        "police_readiness": 0.5,
    }
    with pytest.raises(WeightError) as caught:
        parse_weight_args(["kp_size", "disruption_rate=lots", "a=1", "a=2"])
    text = str(caught.value)
    assert "'kp_size' is not NAME=VALUE" in text
    assert "disruption_rate: 'lots' is not a number" in text
    assert "a is given twice" in text


def test_ranking_refuses_bad_weights() -> None:
    with pytest.raises(WeightError, match="all weights are zero"):
        rank_provinces(small_frame(), {n: 0.0 for n in CRITERION_NAMES}, draws=FEW)


# --- Bad input ------------------------------------------------------------------------------


def test_bad_input_is_named() -> None:
    with pytest.raises(RankingInputError, match="lacks the columns services; expected: "):
        rank_provinces(small_frame().drop(columns="services"), draws=FEW)
    with pytest.raises(RankingInputError, match="province 02, trainees: -3 is negative"):
        compute_criteria(small_frame(trainees=[0, -3, 0]))
    with pytest.raises(RankingInputError, match="province 01, services: 'many' is not a number"):
        compute_criteria(small_frame(services=["many", 1, 2]))
    with pytest.raises(RankingInputError, match="modules_delivered: 12 exceeds 9"):
        compute_criteria(small_frame(modules_delivered=[12, 0, 0]))
    with pytest.raises(RankingInputError, match="repeats the provinces 01"):
        compute_criteria(small_frame(province_code=["01", "01", "02"]))
    with pytest.raises(RankingInputError, match="cannot exclude 99"):
        rank_provinces(small_frame(), exclude=["99"], draws=FEW)
    with pytest.raises(RankingInputError, match="at least 100"):
        rank_provinces(small_frame(), draws=10)
    with pytest.raises(MethodError, match="the methods are: spotis, topsis, weighted_sum"):
        rank_provinces(small_frame(), method="ahp", draws=FEW)
    assert set(INPUT_COLUMNS) <= set(small_frame().columns)


# --- Missing values -------------------------------------------------------------------------


@pytest.mark.parametrize("method", list(METHODS))
def test_a_missing_value_is_not_scored_as_zero(method: str) -> None:
    """Province 01 is best on the share and lacks services; as 0 it would score 0.5, not 1."""
    frame = small_frame(
        communes_without_partnership=[10, 8, 0], services=[np.nan, 0, 10], kp_size=[1000] * 3
    )
    weights = only("communes_without_partnership", "services_per_kp")
    ranking = rank_provinces(frame, weights, method=method, draws=FEW)
    first = next(p for p in ranking.provinces if p.province_code == "01")
    assert first.criteria["services_per_kp"] is None
    assert first.missing == ("services_per_kp",)
    assert first.score == pytest.approx(1.0)
    if method != "topsis":  # TOPSIS also gives 02 (best on both it compares) 1.0
        assert first.rank == 1
    assert json.loads(ranking.to_json())["provinces"][0]["criteria"]["services_per_kp"] is None


def test_a_province_without_weighted_data_is_listed_unranked_last() -> None:
    frame = small_frame(communes=[10, np.nan, 10], communes_without_partnership=[1, 5, 9])
    ranking = rank_provinces(frame, only("communes_without_partnership"), draws=FEW)
    last = ranking.provinces[-1]
    assert last.province_code == "02"
    assert (last.rank, last.rank_low, last.rank_high, last.score) == (None, None, None, None)
    assert [p.rank for p in ranking.provinces[:2]] == [1, 2]


# --- Methods --------------------------------------------------------------------------------


def test_spotis_orders_as_the_weighted_sum(country: pd.DataFrame) -> None:
    matrix = normalise_criteria(compute_criteria(country)).to_numpy(copy=True)
    matrix[3, 1] = np.nan
    weights = np.array(list(DEFAULT_WEIGHTS.values()))
    spotis = score_matrix(matrix, weights, "spotis")
    assert np.allclose(spotis, score_matrix(matrix, weights, "weighted_sum"))


@pytest.mark.parametrize("method", list(METHODS))
def test_a_dominated_province_never_ranks_first(method: str) -> None:
    rng = np.random.default_rng(3)
    matrix = rng.random((6, len(CRITERIA)))
    matrix[0] = np.minimum(matrix[0] + 0.3, 1.0)
    matrix[1] = matrix[0] - 0.05  # dominated by province 0 on every criterion
    for _ in range(200):
        scores = score_matrix(matrix, rng.dirichlet(np.ones(len(CRITERIA))), method)
        assert np.argmax(scores) != 1
        assert scores[0] > scores[1]


def test_topsis_reverses_ranks_when_a_province_is_left_out_and_spotis_does_not() -> None:
    """Normalised (share, services): 01 (0.4, 0), 02 (1, 0.625), 03 (0, 1), 04 (0, 0.625).
    TOPSIS puts 04 before 01, but 01 before 04 once 02 is left out."""
    frame = small_frame(4, communes_without_partnership=[4, 10, 0, 0], services=[8, 3, 0, 3])
    weights = only("communes_without_partnership", "services_per_kp")

    def order(method: str, exclude: tuple[str, ...] = ()) -> list[str]:
        ranking = rank_provinces(frame, weights, method=method, exclude=exclude, draws=FEW)
        return [p.province_code for p in ranking.provinces if p.province_code in ("01", "04")]

    assert order("topsis") == ["04", "01"]
    assert order("topsis", ("02",)) == ["01", "04"]
    assert order("spotis") == order("spotis", ("02",)) == ["04", "01"]


# --- Uncertainty and the result -------------------------------------------------------------


def test_every_rank_has_an_interval_holding_the_median(country: pd.DataFrame) -> None:
    ranking = rank_provinces(country)
    assert len(ranking.provinces) == 25
    assert [p.rank for p in ranking.provinces] == list(range(1, 26))
    for p in ranking.provinces:
        assert p.rank_low <= p.rank_median <= p.rank_high
    assert sum(p.p_top3 for p in ranking.provinces) == pytest.approx(3.0)
    assert ranking.draws == 2000


def test_top3_chances_sum_to_the_places(country: pd.DataFrame) -> None:
    for method in METHODS:
        ranking = rank_provinces(country, method=method, draws=FEW, seed=1)
        assert sum(p.p_top3 for p in ranking.provinces) == pytest.approx(3.0)
    two = rank_provinces(small_frame(2, incidents_12m=[5, 50]), draws=FEW)
    assert [p.p_top3 for p in two.provinces] == [1.0, 1.0]


def test_same_inputs_and_seed_give_the_same_output(country: pd.DataFrame) -> None:
    first = rank_provinces(country, draws=FEW, seed=5).to_json()
    assert rank_provinces(country.copy(), draws=FEW, seed=5).to_json() == first
    assert rank_provinces(country, draws=FEW, seed=6).to_json() != first


def test_the_json_has_the_issue_keys(country: pd.DataFrame) -> None:
    data = json.loads(rank_provinces(country, {"kp_size": 0.3}, draws=FEW).to_json())
    assert set(data["weights"]) == set(CRITERION_NAMES)
    assert data["weights"]["kp_size"] == pytest.approx(0.3 / 1.15, abs=1e-4)
    assert data["method"] == "spotis"
    for row in data["provinces"]:
        assert {
            "province_code",
            "name_en",
            "name_km",
            "rank",
            "rank_low",
            "rank_high",
            "score",
            "criteria",
            "p_top3",
            "in_partnership",
        } <= set(row)
        assert set(row["criteria"]) == set(CRITERION_NAMES)
        assert all(v is None or 0 <= v <= 1 for v in row["criteria"].values())
    assert all(row["name_km"].startswith("ខេត្ត ") for row in data["provinces"])


def test_pilot_provinces_are_marked_or_left_out(country: pd.DataFrame) -> None:
    kept = rank_provinces(country, draws=FEW)
    marked = {p.province_code for p in kept.provinces if p.in_partnership}
    assert marked == set(PILOT_PROVINCES)
    left = rank_provinces(country, exclude=PILOT_PROVINCES, draws=FEW)
    assert len(left.provinces) == 22
    assert left.excluded == tuple(sorted(PILOT_PROVINCES))
    assert not any(p.in_partnership for p in left.provinces)


def test_the_pilot_effect_is_context_not_score(country: pd.DataFrame) -> None:
    with_effect = country.assign(pilot_effect=[np.nan] * 24 + [-0.4])
    plain = rank_provinces(country, draws=FEW)
    shown = rank_provinces(with_effect, draws=FEW)
    assert [p.score for p in shown.provinces] == [p.score for p in plain.provinces]
    row = next(p for p in shown.to_dict()["provinces"] if p["province_code"] == "25")
    assert row["pilot_effect"] == -0.4


def test_the_explanation_names_what_the_leader_leads_on() -> None:
    frame = small_frame(
        5,
        incidents_12m=[200, 20, 22, 18, 21],
        communes_without_partnership=[5, 6, 5, 4, 5],
    )
    ranking = rank_provinces(frame, draws=FEW)
    leader = ranking.explanation.leaders[0]
    assert leader.province_code == "01"
    assert leader.main[0] == "disruption_rate"
    assert leader.contributions[0][0] == "disruption_rate"
    assert len(ranking.explanation.leaders) == 3
    first = ranking.provinces[0]
    assert ranking.explanation.sentence.startswith(
        f"Province 1 (rank 1, 90 % interval {first.rank_low}–{first.rank_high}, in the top 3 in"
    )
    assert "mainly on disruption rate" in ranking.explanation.sentence


def test_the_ranking_document_defines_every_criterion() -> None:
    doc = Path(__file__).resolve().parents[2] / "docs" / "ranking.md"
    text = doc.read_text(encoding="utf-8")
    for criterion in (*CRITERIA, PILOT_EFFECT):
        assert f"| `{criterion.name}` | {criterion.definition} |" in text
