"""Structured products read back exactly as they were made: an evaluation with its event
study, the groups, a robustness line and a ranking."""

from __future__ import annotations

import dataclasses

import pandas as pd

from analysis.designs import design_groups
from analysis.evaluation import evaluate
from analysis.ranking import rank_provinces
from publish import codec
from tests.analysis.synthetic import poisson_panel
from tests.analysis.test_ranking import country  # noqa: F401  (a fixture)


def test_an_evaluation_reads_back_exactly() -> None:
    result = evaluate(poisson_panel(seed=5))
    back = codec.evaluation_from_json(codec.evaluation_to_json(result))
    for field in dataclasses.fields(result):
        if field.name != "event_study":
            assert getattr(back, field.name) == getattr(result, field.name), field.name
    pd.testing.assert_frame_equal(back.event_study, result.event_study)
    assert isinstance(back.first_month, pd.Timestamp) and back.robustness is not None


def test_groups_and_robustness_read_back_exactly() -> None:
    groups = design_groups(poisson_panel(seed=5))
    back = codec.groups_from_json(codec.dumps(groups))
    assert back == groups and isinstance(next(iter(back.starts.values())), pd.Timestamp)
    check = evaluate(poisson_panel(seed=5)).robustness
    assert codec.robustness_from_json(codec.dumps(check)) == check
    assert codec.robustness_from_json(codec.dumps(None)) is None


def test_a_ranking_reads_back_exactly(country: pd.DataFrame) -> None:  # noqa: F811
    ranking = rank_provinces(country, {"kp_per_service": 0.5}, sensitivity=True)
    back = codec.ranking_from_json(codec.dumps(ranking))
    assert back == ranking  # every float, tuple and None as it was
    assert back.to_json() == ranking.to_json()
