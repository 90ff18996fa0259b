"""The evaluation page's figures: the event study, the groups over time, the map of the groups."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import query
from geo.evaluation import (
    GROUP_COLOURS,
    Band,
    EventStudyWords,
    GroupLegend,
    Line,
    build_group_map,
    event_study_chart,
    group_series_chart,
)
from geo.maps import MapLabels

WORDS = EventStudyWords(
    x_axis="months", y_axis="change", estimate="estimate", reference="reference 100%",
    pooled="pooled", bin_label="Months {label}",
)  # fmt: skip
TABLE = pd.DataFrame({
    "rel_month": [-15, -6, -3, 0, 3, 24],
    "label": ["-13 or earlier", "-6 to -4", "-3 to -1", "0 to 2", "3 to 5", "24 or later"],
    "estimate": [0.05, np.nan, 0.0, -0.30, -0.40, -0.45],
    "low": [-0.1, np.nan, 0.0, -0.45, -0.50, -0.60],
    "high": [0.2, np.nan, 0.0, -0.10, -0.28, -0.25],
    "reference": [False, False, True, False, False, False],
    "binned": [True, False, False, False, False, True],
})  # fmt: skip


def test_the_event_study_draws_estimates_the_reference_and_pooled_ends() -> None:
    fig = event_study_chart(TABLE, WORDS, [Band(-22, -6, "Policy"), Band(30, 40, "late")])
    estimates, pooled, reference = fig.data
    assert list(estimates.x) == [1.5, 4.5] and list(np.round(estimates.y, 6)) == [-30, -40]
    assert list(np.round(estimates.error_y.arrayminus, 6)) == [15, 10]
    assert list(np.round(estimates.error_y.array, 6)) == [20, 12]
    assert list(pooled.x) == [-13.5, 25.5] and pooled.marker.symbol == "diamond"
    assert list(reference.x) == [-1.5] and list(reference.y) == [0.0]
    assert "100%%" in reference.hovertemplate  # a literal % in plotly's template
    # the band inside the chart is clipped to it; the one beyond it is left out
    (band,) = [s for s in fig.layout.shapes if s.type == "rect"]
    assert (band.x0, band.x1) == (-15, -6)
    assert [a.text for a in fig.layout.annotations] == ["Policy"]


def test_the_event_study_reads_no_count() -> None:
    table = TABLE.assign(incidents=[123456, 0, 7, 8, 9, 10])
    text = event_study_chart(table, WORDS).to_json()
    assert "123456" not in text


def test_the_series_leaves_gaps_where_a_count_is_not_shown() -> None:
    ends = [date(2010, 12, 1), date(2011, 1, 1), date(2011, 2, 1)]
    series = pd.DataFrame({
        "group": ["pilot"] * 3 + ["comparison"] * 3, "end": ends * 2,
        "per_commune": [0.5, np.nan, 0.25, 1.0, 1.5, 0.0],
        "text": ["10", "<5", "5", "40", "60", "0"],
    })  # fmt: skip
    fig = group_series_chart(
        series, {"pilot": "Pilot (20)", "comparison": "Comparison (40)"},
        lines=[Line(date(2010, 8, 16), "Policy", "16 Aug 2010: policy")],
        bands=[Band(date(2011, 3, 1), date(2011, 9, 1), "Pilot starts")],
    )  # fmt: skip
    pilot, comparison = fig.data
    assert pilot.name == "Pilot (20)" and pilot.line.color == GROUP_COLOURS[0]
    assert np.isnan(pilot.y[1]) and not pilot.connectgaps
    assert [c[1] for c in pilot.customdata] == ["10", "<5", "5"]
    assert list(comparison.y) == [1.0, 1.5, 0.0]
    assert {a.text for a in fig.layout.annotations} == {"Policy", "Pilot starts"}


@pytest.fixture(scope="module")
def tiny_layer(tiny_db: Path):
    con = query.open_database(tiny_db)
    try:
        return query.unit_layer(con, "commune")
    finally:
        con.close()


def test_the_map_colours_communes_by_group_only(tiny_layer) -> None:
    groups = pd.Series([0, 1, 2, 1, 2])
    m = build_group_map(tiny_layer, groups, MapLabels(), ("Pilot", "Comparison", "Other <x>"),
                        "Group")  # fmt: skip
    html = m.get_root().render()
    match = re.search(r"var data = (\{.*?\});\n", html)
    assert match
    payload = json.loads(match.group(1))
    assert payload["fi"] == [0, 1, 2, 1, 2] and payload["c"] == list(GROUP_COLOURS)
    assert payload["xl"] == ["Group"]
    assert [payload["xv"][row[0]] for row in payload["x"]] == [
        "Pilot", "Comparison", "Other <x>", "Comparison", "Other <x>",
    ]  # fmt: skip
    (legend,) = [c for c in m._children.values() if isinstance(c, GroupLegend)]
    assert "Other &lt;x&gt;" in legend.html and "<x>" not in legend.html  # escaped
    with pytest.raises(ValueError, match="one value of 0, 1 or 2 per commune"):
        build_group_map(tiny_layer, pd.Series([0, 1, 3, 1, 2]), MapLabels(), ("a", "b", "c"), "g")
    with pytest.raises(ValueError, match="one value of 0, 1 or 2 per commune"):
        build_group_map(tiny_layer, pd.Series([0, 1]), MapLabels(), ("a", "b", "c"), "g")


def test_the_figures_write_their_numbers_in_the_readers_digits() -> None:
    khmer = "០១២៣៤៥៦៧៨៩"
    fig = event_study_chart(TABLE, WORDS, digits=khmer)
    assert all(not re.search("[0-9]", text) for text in fig.layout.yaxis.ticktext)
    assert "−២០ %" in fig.layout.yaxis.ticktext and "០" in fig.layout.xaxis.ticktext
    estimates = fig.data[0]
    assert list(estimates.customdata) == ["Months ០ to ២: -៣០ % (-៤៥ – -១០ %)",
                                          "Months ៣ to ៥: -៤០ % (-៥០ – -២៨ %)"]  # fmt: skip
    series = pd.DataFrame({"group": ["pilot"] * 2, "end": [date(2010, 12, 1), date(2011, 12, 1)],
                           "per_commune": [0.5, np.nan], "text": ["10", "<5"]})  # fmt: skip
    lines = group_series_chart(series, {"pilot": "Pilot"}, digits=khmer)
    assert [list(c) for c in lines.data[0].customdata] == [["២០១០-១២", "១០", "០.៥០ "],
                                                           ["២០១១-១២", "<៥", ""]]  # fmt: skip
    assert list(lines.layout.xaxis.ticktext)[:2] == ["២០១០", "២០១១"]
    latin = event_study_chart(TABLE, WORDS)
    assert "0" in latin.layout.xaxis.ticktext
