"""The panel read through the query layer from the default demo database, against the demo's
truth drawn by the generator itself: the same incidents, so the same estimate."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import query
from analysis.evaluation import evaluate
from etl import demo
from query.panel import evaluation_panel
from tests.analysis.truth import loaded_truth, to_panel

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def con(built_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = query.open_database(built_db)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def params() -> demo.DemoParameters:
    """The demo parameters the test database was built with (the settings')."""
    return demo.demo_parameters_from_settings()


def units(panel: pd.DataFrame) -> pd.DataFrame:
    frame = panel.groupby("unit").agg(
        start=("start", "first"), province_code=("province_code", "first"), urban=("urban", "first")
    )
    return frame.astype({"start": "datetime64[ns]", "province_code": str}).sort_index()


def cells(panel: pd.DataFrame) -> pd.Series:
    summed = panel.groupby(["unit", "month"])["y"].sum()
    return summed[summed > 0].sort_index()


def test_the_panel_is_the_demos_truth_less_the_quarantined_rows(
    con: duckdb.DuckDBPyConnection, truth_communes: pd.DataFrame, params: demo.DemoParameters
) -> None:
    panel = evaluation_panel(con)
    truth = to_panel(
        loaded_truth(truth_communes, params.seed, params.pilot_effect, params.incidents)
    )
    pd.testing.assert_frame_equal(units(panel), units(truth))
    pd.testing.assert_series_equal(cells(panel), cells(truth), check_index_type=False)
    ours, theirs = evaluate(panel, robustness=False), evaluate(truth, robustness=False)
    for key in ("effect", "low", "high", "pre_trend_p"):
        assert getattr(ours, key) == pytest.approx(getattr(theirs, key), abs=1e-9), key
    assert (ours.pilot_communes, ours.comparison_communes) == (
        theirs.pilot_communes, theirs.comparison_communes,
    )  # fmt: skip


def test_the_quarantined_rows_barely_move_the_estimate(
    con: duckdb.DuckDBPyConnection,
    truth: Callable[[int, float], pd.DataFrame],
    params: demo.DemoParameters,
) -> None:
    """Against every drawn incident (the faulty rows included, as ``truth_panel`` has them):
    the ETL quarantines about 1.5 % of arrests and confiscations, which moves the estimate by
    well under its interval's width; both cover the planted fall."""
    panel = evaluation_panel(con)
    drawn = truth(params.seed, params.pilot_effect)
    assert 0 < drawn["y"].sum() - panel["y"].sum() < 0.02 * drawn["y"].sum()
    ours, theirs = evaluate(panel, robustness=False), evaluate(drawn, robustness=False)
    assert abs(ours.effect - theirs.effect) < 0.01
    for result in (ours, theirs):
        assert result.low <= -params.pilot_effect <= result.high
