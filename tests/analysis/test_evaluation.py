"""evaluate(): the result, its JSON, and bad input on small panels made in code."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from analysis.evaluation import (
    DESIGNS,
    METHODS,
    Evaluation,
    InsufficientDataError,
    evaluate,
    robustness_check,
)
from tests.analysis.synthetic import poisson_panel


@pytest.fixture(scope="module")
def result() -> Evaluation:
    return evaluate(poisson_panel(seed=7))


def test_result_holds_the_effect_the_comparison_and_the_event_study(result: Evaluation) -> None:
    assert result.low < -0.4 < result.high < 0
    assert result.method == "etwfe_poisson" and result.design == "shared_shock"
    assert (result.pilot_communes, result.comparison_communes) == (30, 60)
    assert result.why == DESIGNS["shared_shock"].why
    assert 0 <= result.pre_trend_p <= 1
    assert {"rel_month", "estimate", "low", "high"} <= set(result.event_study.columns)
    assert result.robustness is not None and result.robustness.high < 0
    assert result.seconds >= sum(result.timings.values()) * 0.99
    assert set(result.timings) == {"sample", "estimate", "event_study", "robustness", "checks"}


def test_the_robustness_line_alone_is_the_one_evaluate_gives(result: Evaluation) -> None:
    alone = robustness_check(poisson_panel(seed=7))
    assert alone == result.robustness


def test_json_has_what_the_cli_promises(result: Evaluation) -> None:
    data = json.loads(result.to_json())
    for key in ("effect", "low", "high", "method", "pilot_communes", "comparison_communes"):
        assert data[key] == getattr(result, key)
    assert data["pre_trend_p"] == pytest.approx(result.pre_trend_p)
    assert data["first_month"] == "2010-09" and data["provinces"] == ["12"]
    assert data["event_study"][0]["label"] == "-13 or earlier"
    assert data["robustness"]["method"] == "imputation_poisson"
    assert data["verdict"] == "cannot_tell" and data["verdict_reasons"] == ["no_control"]
    assert data["sensitivity"]["breakdown"] == pytest.approx(result.sensitivity.breakdown)
    assert data["negative_control"] is None


def test_nan_becomes_null_and_robustness_can_be_skipped() -> None:
    # a window whose pilots have fewer months before the start than the reference bin
    panel = poisson_panel(seed=7, starts=("2012-01-01",))
    quick = evaluate(panel, window=(date(2011, 11, 1), date(2014, 12, 1)), robustness=False)
    assert quick.robustness is None and quick.window == "custom"
    data = json.loads(quick.to_json())
    assert data["pre_trend_p"] is None and data["robustness"] is None


def test_every_method_runs_and_unknown_ones_are_refused() -> None:
    panel = poisson_panel(seed=7)
    for method in METHODS:
        assert evaluate(panel, method=method, robustness=False).high < 0
    with pytest.raises(ValueError, match="unknown method"):
        evaluate(panel, method="ols")


def test_bad_input_gives_the_plain_message_and_no_estimate() -> None:
    with pytest.raises(InsufficientDataError, match="too few comparison communes"):
        evaluate(poisson_panel(comparison=2))
    assert issubclass(InsufficientDataError, ValueError)
    assert isinstance(pd.Timestamp("2010-09-01"), pd.Timestamp)


def test_the_verdict_reads_fell_with_a_quiet_negative_control() -> None:
    panel, control = poisson_panel(seed=7), poisson_panel(seed=8, effect=0.0)
    result = evaluate(panel, control=control, control_types=("venue_raid",))
    assert (result.verdict, result.verdict_reasons) == ("fell", ())
    assert result.negative_control is not None
    assert result.negative_control.types == ("venue_raid",)
    assert result.negative_control.low <= 0 <= result.negative_control.high
    assert result.negative_control.adjusted_high < 0
    data = json.loads(result.to_json())
    assert data["negative_control"]["types"] == ["venue_raid"]
    assert set(data["sensitivity"]) == {
        "effect", "low", "high", "pre_slope", "breakdown", "pre_bins", "post_bins"
    }  # fmt: skip


def test_a_reporting_rise_in_the_control_types_turns_the_verdict_to_cannot_tell() -> None:
    panel = poisson_panel(seed=7)
    louder = poisson_panel(seed=8, effect=0.3)  # incidents the partnership should not change rise
    result = evaluate(panel, control=louder, control_types=("venue_raid",))
    assert result.verdict == "cannot_tell"
    assert "control_changed" in result.verdict_reasons


def test_without_the_robustness_line_there_is_no_verdict() -> None:
    quick = evaluate(poisson_panel(seed=7), control=poisson_panel(seed=8), robustness=False)
    assert quick.verdict is None and quick.sensitivity is None and quick.negative_control is None
