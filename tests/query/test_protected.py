"""A view's numbers as shown: on the real database, no small count escapes, totals included."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import query
from query import explore
from query.disclosure import Cell, is_safe
from query.protected import (
    HIDDEN_CLASS,
    NO_RATE_CLASS,
    best_step,
    bucket_months,
    disruption_classes,
    partnership_classes,
    protect_communes,
    protect_months,
    rate_cells,
    summarise,
)
from query.view import Filters

T = 5
VIEWS = [
    Filters(date(2014, 1, 1), date(2014, 12, 1)),
    Filters(date(2012, 1, 1), date(2012, 6, 1), ("arrest_detention",)),
    Filters(date(2013, 3, 1), date(2013, 3, 1), (), ("tg",), province="12"),
]


@pytest.fixture(scope="module")
def cells(built_db: Path) -> dict[Filters, pd.DataFrame]:
    con = query.open_database(built_db)
    out = {
        v: protect_communes(explore.commune_view(con, v), explore.unmapped_incidents(con, v), T)
        for v in VIEWS
    }
    con.close()
    return out


@pytest.mark.parametrize("view", VIEWS, ids=["year", "arrests-half-year", "tg-one-month-pp"])
def test_every_group_total_is_safe_and_no_small_count_is_shown(
    cells: dict[Filters, pd.DataFrame], view: Filters
) -> None:
    frame = cells[view]
    shown = frame[frame["cell"] == Cell.SHOWN.value]
    assert (shown["incidents"] >= T).all()
    assert (frame.loc[frame["cell"] == Cell.SMALL.value, "incidents"].between(1, T - 1)).all()
    for _, group in frame.groupby(["province_code", frame["status"] != "none"]):
        states = [Cell(c) for c in group["cell"]]
        values = group["incidents"].astype(int).tolist()
        # Either the group can show its total, or it had too few cells to hide.
        assert is_safe(values, states, T) or Cell.SHOWN not in states


def test_the_summary_withholds_what_would_reveal_a_small_count(
    cells: dict[Filters, pd.DataFrame],
) -> None:
    year = summarise(cells[VIEWS[0]], 3196, T)
    assert year.incidents == int(cells[VIEWS[0]]["incidents"].sum())
    assert 0 < year.partnership_share < 1 and year.change is not None
    assert year.previous == 3196
    no_past = summarise(cells[VIEWS[0]], None, T)
    assert no_past.change is None and "note_no_previous" in no_past.notes
    small_past = summarise(cells[VIEWS[0]], 3, T)
    assert small_past.change is None and "note_change_small" in small_past.notes
    frame = pd.DataFrame({
        "polygon_id": ["a", "b"], "province_code": ["01", "01"], "status": ["none", "none"],
        "incidents": [12, 3], "cell": [Cell.SHOWN.value, Cell.SMALL.value],
    })  # fmt: skip
    revealing = summarise(frame, None, T)
    assert revealing.incidents is None and "note_total_hidden" in revealing.notes


def test_rates_are_shown_only_where_their_count_is(cells: dict[Filters, pd.DataFrame]) -> None:
    frame = cells[VIEWS[0]]
    rate, states = rate_cells(frame, T)
    shown = states == Cell.SHOWN.value
    assert shown.any()
    assert (frame.loc[shown, "cell"] == Cell.SHOWN.value).all()
    assert (frame.loc[shown, "kp_incidents"] >= T).all()
    others = frame["incidents"] - frame["kp_incidents"]
    assert ((others[shown] == 0) | (others[shown] >= T)).all()
    assert rate[frame["kp_size"].isna()].isna().all()
    classes, breaks = disruption_classes(rate, states, T, floor=0.0)
    assert set(classes[~shown & rate.notna() & (frame["incidents"] > 0)]) == {HIDDEN_CLASS}
    assert set(classes[rate.isna()]) == {NO_RATE_CLASS}
    assert breaks[0] < breaks[1]


def test_counts_below_the_threshold_sit_in_the_lowest_class() -> None:
    values = pd.Series([0, 2, 4, 5, 8, 12, 30, 9])
    states = pd.Series(["zero", "small", "small", "shown", "shown", "shown", "shown", "hidden"])
    classes, breaks = disruption_classes(values, states, T)
    assert breaks[0] >= T
    assert classes.tolist()[:3] == [0, 0, 0]
    assert classes.iloc[-1] == HIDDEN_CLASS and classes.iloc[6] == 2


def test_count_breaks_are_whole_numbers_that_match_the_classes() -> None:
    values = pd.Series([5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
    states = pd.Series(["shown"] * 10)
    classes, (low, high) = disruption_classes(values, states, T)
    assert low == int(low) and high == int(high) and T <= low < high
    # The legend reads "low: 0 to low-1, middle: low to high-1, high: high and more".
    assert (classes[values < low] == 0).all() and (classes[values >= high] == 2).all()
    assert (classes[(values >= low) & (values < high)] == 1).all()


def test_partnership_classes_by_status_or_share() -> None:
    frame = pd.DataFrame({"status": ["none", "started", "active"], "months_covered": [0, 3, 12]})
    assert partnership_classes(frame, 12, "status").tolist() == [0, 1, 2]
    assert partnership_classes(frame, 12, "share").tolist() == [0, 1, 2]
    with pytest.raises(ValueError, match="status or share"):
        partnership_classes(frame, 12, "both")


def test_a_commune_story_hides_what_its_map_count_would_reveal() -> None:
    months = pd.DataFrame({
        "month": pd.to_datetime(["2013-12-01", "2014-01-01", "2014-02-01", "2014-04-01"]),
        "incident_type": ["a", "a", "b", "a"], "incidents": [1, 3, 9, 9],
    })  # fmt: skip
    monthly = protect_months(months, date(2014, 1, 1), date(2014, 3, 1), T)
    # In the period: 3 and 9, whose total (12) the map shows; the 9 must hide too.
    assert monthly["cell"].tolist() == ["small", "small", "hidden", "shown"]
    quarterly = protect_months(bucket_months(months, "quarter"), date(2014, 1, 1),
                               date(2014, 3, 1), T, "quarter")  # fmt: skip
    assert quarterly[["incidents", "cell"]].values.tolist() == [
        [1, "small"],
        [3, "small"],
        [9, "hidden"],
        [9, "shown"],
    ]
    assert bucket_months(months, "year")["incidents"].tolist() == [1, 12, 9]
    assert best_step(months, T) == "month"
    with pytest.raises(ValueError, match="step must be one of"):
        bucket_months(months, "week")
    assert np.isin(monthly["cell"], ["small", "hidden", "shown"]).all()
