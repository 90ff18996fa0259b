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
        "partnership_start": [None] * n,
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
    ("kp_per_service", {"services": [10, 5, 1]}, "up"),
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
    assert criterion.direction == "higher"


def test_raw_criteria_in_their_units() -> None:
    """One province alone: its empirical-Bayes rate is its own (no spread to shrink towards
    but itself), the others in their units."""
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
    assert raw["disruption_rate"] == pytest.approx(15.0, rel=1e-3)
    assert raw["disruption_change"] == pytest.approx(15.0 / 9.5, rel=1e-3)
    assert raw["kp_per_service"] == pytest.approx(2000 / 6)
    assert raw["police_readiness"] == pytest.approx(300 * 6 / 9 * 0.34)


def test_no_academy_is_zero_readiness_and_incomplete_academy_is_missing() -> None:
    frame = small_frame(2, trainees=[0, 120], modules_delivered=[0, 9])
    readiness = compute_criteria(frame)["police_readiness"]
    assert readiness.iloc[0] == 0.0  # no academy, no position: nothing within reach
    assert readiness.iloc[1] == 0.0  # an academy whose tests are not reported adds nothing
    frame = small_frame(2, trainees=[np.nan] * 2, modules_delivered=[np.nan] * 2)
    assert compute_criteria(frame)["police_readiness"].isna().all()  # no academies file


def test_readiness_is_graded_by_the_distance_to_an_academy() -> None:
    """Three provinces without an academy at 50, 150 and 400 km east of one that has one:
    readiness falls with the distance, not to a cliff."""
    degrees = np.array([0.0, 50, 150, 400]) / 111.2  # km per degree of longitude at 0°
    frame = small_frame(
        4,
        trainees=[200, 0, 0, 0],
        modules_delivered=[9, 0, 0, 0],
        pre_test_mean=[50, np.nan, np.nan, np.nan],
        post_test_mean=[84, np.nan, np.nan, np.nan],
        lon=list(100 + degrees),
        lat=[0.0] * 4,
    )
    ready = compute_criteria(frame)["police_readiness"].to_numpy()
    own = 200 * 0.34
    assert ready[0] == pytest.approx(own)
    assert ready[1:] == pytest.approx(own * np.exp(-np.array([50, 150, 400]) / 150), rel=0.01)
    assert ready[0] > ready[1] > ready[2] > ready[3] > 0


def test_a_small_denominator_is_shrunk_not_the_maximum() -> None:
    """A province of 120 members with 7 incidents (raw 58 per 1,000) against provinces with
    30 per 1,000 and large sizes: its empirical-Bayes rate is pulled towards the others, so
    the big province with the highest raw rate among them is first on the rate."""
    sizes = [120, 5000, 6000, 7000, 8000]
    counts = [7, 150, 200, 230, 290]
    frame = small_frame(5, incidents_12m=counts, kp_size=sizes, kp_size_before=sizes)
    rate = compute_criteria(frame)["disruption_rate"]
    raw = np.array(counts) / np.array(sizes) * 1000
    assert raw.argmax() == 0
    assert rate.to_numpy().argmax() == 4
    assert rate.iloc[0] < raw[0] / 1.5


def test_an_outlier_is_capped() -> None:
    """One province ten times the others' size per service point: capped at median + 3 MAD,
    so the others keep their spread between 0 and 1."""
    services = [10, 11, 12, 13, 14, 15, 16, 0]
    frame = small_frame(8, services=services, kp_size=[1000] * 7 + [20000])
    values = normalise_criteria(compute_criteria(frame))["kp_per_service"].to_numpy()
    assert values[-1] == 1.0
    assert values[6] == 0.0
    assert values[0] > 0.3  # without the cap the others would sit below 0.1


def test_equal_values_are_half_and_missing_stays_missing() -> None:
    frame = small_frame(3, services=[5, 5, 5], kp_size=[1000, np.nan, 1000])
    normalised = normalise_criteria(compute_criteria(frame))
    assert normalised["kp_per_service"].tolist()[0::2] == [0.5, 0.5]
    assert normalised["kp_per_service"].isna().tolist() == [False, True, False]


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
    assert weights["disruption_rate"] == pytest.approx(0.85 / 1.3)
    assert weights["police_readiness"] == 0.0


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({n: 0 for n in CRITERION_NAMES}, "all weights are zero"),
        ({"kp_per_service": -1}, "kp_per_service=-1 is negative"),
        ({"kp_per_service": float("nan")}, "kp_per_service=nan is not a finite number"),
        ({"kp_per_service": "high"}, "kp_per_service='high' is not a finite number"),
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
        resolve_weights({"rate": 1, "kp_per_service": -2})
    assert "unknown criteria: rate" in str(caught.value)
    assert "kp_per_service=-2 is negative" in str(caught.value)


def test_weight_arguments() -> None:
    assert parse_weight_args(["kp_per_service=2", " police_readiness = 0.5"]) == {
        "kp_per_service": 2.0,
        "police_readiness": 0.5,
    }
    with pytest.raises(WeightError) as caught:
        parse_weight_args(["kp_per_service", "disruption_rate=lots", "a=1", "a=2"])
    text = str(caught.value)
    assert "'kp_per_service' is not NAME=VALUE" in text
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
    with pytest.raises(MethodError, match="the methods are: weighted_sum, spotis, topsis"):
        rank_provinces(small_frame(), method="ahp", draws=FEW)
    assert set(INPUT_COLUMNS) <= set(small_frame().columns)


# --- Missing values -------------------------------------------------------------------------


@pytest.mark.parametrize("method", list(METHODS))
def test_a_missing_value_is_not_scored_as_zero(method: str) -> None:
    """Province 01 is best on the rate and lacks a size for the services; as 0 it would score
    0.5, not 1."""
    frame = small_frame(incidents_12m=[90, 40, 10], services=[np.nan, 9, 0])
    weights = only("disruption_rate", "kp_per_service")
    ranking = rank_provinces(frame, weights, method=method, draws=FEW)
    first = next(p for p in ranking.provinces if p.province_code == "01")
    assert first.criteria["kp_per_service"] is None
    assert first.missing == ("kp_per_service",)
    assert first.score == pytest.approx(1.0)
    if method != "topsis":  # TOPSIS compares 01 on the rate alone with the others
        assert first.rank == 1
    assert json.loads(ranking.to_json())["provinces"][0]["criteria"]["kp_per_service"] is None


def test_a_province_without_weighted_data_is_listed_unranked_last() -> None:
    frame = small_frame(kp_size=[1000, np.nan, 1000], services=[1, 5, 9])
    ranking = rank_provinces(frame, only("kp_per_service"), draws=FEW)
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


def test_topsis_here_is_pymcdm_topsis() -> None:
    """The Monte Carlo's vectorised TOPSIS gives pymcdm's scores, draw by draw."""
    from pymcdm.methods import TOPSIS

    from analysis.ranking_uncertainty import topsis

    rng = np.random.default_rng(4)
    stack = rng.random((20, 4, 9))  # draws, criteria, provinces
    w = rng.dirichlet(np.ones(4), size=20)
    share = np.repeat(w[:, :, None], 9, axis=2)
    ours = topsis(stack, share, np.ones(9, bool))
    for d in range(20):
        theirs = TOPSIS()(stack[d].T, w[d], np.ones(4))
        assert ours[d] == pytest.approx(theirs)


# --- Uncertainty and the result -------------------------------------------------------------


def test_every_rank_has_an_interval_holding_the_median(country: pd.DataFrame) -> None:
    ranking = rank_provinces(country)
    assert len(ranking.provinces) == 25
    assert [p.rank for p in ranking.provinces] == list(range(1, 26))
    for p in ranking.provinces:
        assert p.rank_low <= p.rank_median <= p.rank_high
    assert sum(p.p_top3 for p in ranking.provinces) == pytest.approx(3.0)
    assert ranking.draws == 5000


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
    data = json.loads(rank_provinces(country, {"kp_per_service": 0.3}, draws=FEW).to_json())
    assert set(data["weights"]) == set(CRITERION_NAMES)
    assert data["weights"]["kp_per_service"] == pytest.approx(0.3 / 1.05, abs=1e-4)
    assert data["method"] == "weighted_sum"
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


def test_the_partnership_is_listed_apart_unless_included(country: pd.DataFrame) -> None:
    starts = [None] * 25
    starts[0], starts[11], starts[17] = "2011-04-01", "2012-06-01", "2013-06-01"
    frame = country.assign(partnership_start=starts)
    ranking = rank_provinces(frame, draws=FEW)
    assert len(ranking.provinces) == 22
    assert not any(p.in_partnership for p in ranking.provinces)
    assert [(p.province_code, p.start) for p in ranking.partnership] == [
        ("01", "2011-04-01"),
        ("12", "2012-06-01"),
        ("18", "2013-06-01"),
    ]
    assert ranking.excluded == ("01", "12", "18")
    data = ranking.to_dict()
    assert data["include_partnership"] is False
    assert data["partnership"][2] == {
        "province_code": "18", "name_en": "Province 18", "name_km": "ខេត្ត 18",
        "start": "2013-06-01",
    }  # fmt: skip
    everyone = rank_provinces(frame, include_partnership=True, draws=FEW)
    assert len(everyone.provinces) == 25
    assert {p.province_code for p in everyone.provinces if p.in_partnership} == {"01", "12", "18"}
    left = rank_provinces(frame, exclude=["02"], draws=FEW)
    assert len(left.provinces) == 21


def test_a_frame_that_does_not_say_leaves_the_pilots_out(country: pd.DataFrame) -> None:
    ranking = rank_provinces(country.drop(columns="partnership_start"), draws=FEW)
    assert {p.province_code for p in ranking.partnership} == set(PILOT_PROVINCES)
    assert all(p.start is None for p in ranking.partnership)


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
        services=[5, 6, 5, 4, 5],
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
