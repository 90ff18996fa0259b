"""The Explore map and chart builders: colours, legend, layers, standalone file, timeline."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import query
from geo.assets import LEAFLET_JS, STATIC_DIR, assets_installed, standalone_html
from geo.charts import (
    SUPPRESSED_COLOUR,
    TYPE_COLOURS,
    Event,
    events_key,
    story_chart,
    tick_step,
)
from geo.explore_map import BIVARIATE, Legend, build_explore_map, fill_index, legend_html, palette
from geo.maps import MapLabels, commune_rows

LEGEND = Legend(
    title="Disruption × partnership", disruption="disruption", partnership="partnership",
    rows=("Low (0–4)", "Middle (5–9)", "High (≥ 10)"), columns=("none", "started", "active"),
    hidden="hidden", no_rate="no estimate", note="Synthetic <demo> & data",
)  # fmt: skip


@pytest.fixture(scope="module")
def kep(built_db: Path):
    con = query.open_database(built_db)
    layer = query.commune_layer(con, "23")
    con.close()
    return layer


def payload_of(html: str) -> dict:
    match = re.search(r"var data = (\{.*?\});\n", html)
    assert match
    return json.loads(match.group(1))


def test_fill_index_puts_high_disruption_without_partnership_in_the_red_corner() -> None:
    disruption = pd.Series([2, 0, 1, -1, -2])
    partnership = pd.Series([0, 2, 1, 0, 2])
    assert fill_index(disruption, partnership).tolist() == [6, 2, 4, 9, 10]
    colours = palette()
    assert colours[6] == BIVARIATE[2][0] == "#d7482f" and len(colours) == 11


def test_the_legend_is_escaped_and_complete() -> None:
    text = legend_html(LEGEND)
    assert "&lt;demo&gt; &amp; data" in text and "<demo>" not in text
    assert all(c in text for row in BIVARIATE for c in row)
    assert text.index("High (≥ 10)") < text.index("Low (0–4)")  # high at the top
    assert "display:flex" in legend_html(LEGEND, inline=True)


def test_the_map_carries_tooltips_layers_and_legend(kep) -> None:
    fills = pd.Series([6, 0, 9, 2, 10])
    services = pd.DataFrame({"lon": [104.32], "lat": [10.48], "label": ["HIV testing <x>"]})
    m = build_explore_map(
        kep, fills, MapLabels(), legend=LEGEND,
        tooltips=[["<5", "No partnership"]] * 4 + [["12", "Active"]],
        tooltip_labels=("Incidents", "Partnership"), outlined=[0],
        borders=kep.geometry, services=services,
    )  # fmt: skip
    html = m.get_root().render()
    payload = payload_of(html)
    assert payload["fi"] == fills.tolist()
    assert payload["xl"] == ["Incidents", "Partnership"]
    assert [payload["xv"][i] for i in payload["x"][4]] == ["12", "Active"]
    assert html.count("var data = ") == 1  # one topology: communes, borders, outlines, points
    assert payload["ol"] == [0] and len(payload["b"]) > 0
    assert payload["p"] == [[10.48, 104.32, 0]] and payload["pv"] == ["HIV testing <x>"]
    assert "esc(data.pv[point[2]])" in html  # the script escapes the label it shows
    assert "atlas-legend" in html
    plain = payload_of(build_explore_map(kep, fills, MapLabels()).get_root().render())
    assert plain["b"] == plain["ol"] == plain["p"] == []
    assert "atlas-legend" not in build_explore_map(kep, fills, MapLabels()).get_root().render()
    with pytest.raises(ValueError, match="extras has 1 entries for 5 communes"):
        build_explore_map(kep, fills, MapLabels(), tooltips=[["x"]])
    with pytest.raises(ValueError, match="not one of the communes"):
        build_explore_map(kep, fills, MapLabels(), outlined=[5])


def test_borders_travel_inside_the_cached_layer(kep) -> None:
    fills = pd.Series([0] * 5)
    encoded = commune_rows(kep, 4, kep.geometry)
    with_borders = payload_of(
        build_explore_map(kep, fills, MapLabels(), encoded=encoded).get_root().render()
    )
    assert with_borders["b"] == encoded.borders != []
    without = build_explore_map(kep, fills, MapLabels(), encoded=encoded.without_borders())
    assert payload_of(without.get_root().render())["b"] == []
    with pytest.raises(ValueError, match="inside encoded"):
        build_explore_map(kep, fills, MapLabels(), encoded=encoded, borders=kep.geometry)


def test_the_standalone_file_needs_no_server(kep) -> None:
    assert assets_installed(), "run python -m geo.assets (the set-up does)"
    m = build_explore_map(kep, pd.Series([0] * 5), MapLabels(), legend=LEGEND)
    html = standalone_html(m)
    assert LEAFLET_JS not in html and "/app/static" not in html
    leaflet = (STATIC_DIR / "leaflet" / "leaflet.js").read_text(encoding="utf-8")
    assert leaflet[-2000:].replace("</script", "<\\/script") in html  # written in whole
    assert "<script src=" not in html and "<link rel" not in html  # nothing to fetch


def test_the_chart_draws_the_timeline_and_no_small_bar() -> None:
    series = pd.DataFrame({
        "series": ["all", "all", "all", "ac", "ac", "ac"],
        "start": [date(2010, 1, 1), date(2011, 1, 1), date(2012, 1, 1)] * 2,
        "count": [7.0, None, None, 5.0, None, None],
        "state": ["shown", "small", "small", "shown", "small", "small"],
        "text": ["7", "<5", "<5", "5", "<5", "<5"],
    })  # fmt: skip
    # given out of date order: the marks are numbered in date order
    events = [Event(date(2011, 11, 1), "curriculum"), Event(date(2010, 8, 16), "policy")]
    fig = story_chart(
        series.iloc[::-1], {"all": "All", "ac": "Arrests"}, events,
        period=(date(2011, 1, 1), date(2011, 12, 1)), threshold=5,
        small_label="<5 (drawn at 4)", period_label="period", axis_label="Year",
    )  # fmt: skip
    drawn = [trace for trace in fig.data if trace.customdata is not None]
    bars = {trace.name: list(trace.y) for trace in drawn}
    assert bars == {"All": [7, 4, 4], "Arrests": [5, 4, 4]}  # in date order
    assert all(trace.showlegend is False for trace in drawn)
    # the legend: each series in its own colour (a bar's is grey where it reads "<5")
    keyed = {trace.name: trace.marker.color for trace in fig.data if trace.showlegend is not False}
    assert keyed == {"All": TYPE_COLOURS[0], "Arrests": TYPE_COLOURS[1],
                     "<5 (drawn at 4)": SUPPRESSED_COLOUR, "period": "#fff3c4"}  # fmt: skip
    hover = [c[1] for trace in drawn for c in trace.customdata]
    assert hover == ["7", "<5", "<5", "5", "<5", "<5"]  # the published texts, never a count
    assert len(fig.layout.shapes) == 3  # the period and two dated lines
    # Marks above the plot, the words under it: labels never overlap.
    assert [a.text for a in fig.layout.annotations] == ["①", "②"]
    assert [a.hovertext for a in fig.layout.annotations] == ["policy", "curriculum"]
    assert events_key(events) == "① policy · ② curriculum"
    # the legend below the axis title, which stands off the ticks
    assert fig.layout.legend.yanchor == "top" and fig.layout.legend.y <= -0.3
    assert fig.layout.yaxis.dtick == 5


def test_the_count_axis_steps_by_multiples_of_the_threshold_in_at_most_six_steps() -> None:
    steps = {top: tick_step(top, 5) for top in (0, 4, 30, 31, 60, 150, 1200)}
    assert steps == {0: 5, 4: 5, 30: 5, 31: 10, 60: 10, 150: 25, 1200: 250}
    assert tick_step(float("nan"), 5) == 5 and tick_step(7, 1) == 2  # no count shown


def test_the_chart_writes_its_numbers_in_the_readers_digits() -> None:
    series = pd.DataFrame({
        "series": ["all"] * 3, "start": [date(2012, 1, 1), date(2013, 1, 1), date(2014, 1, 1)],
        "count": [12.0, None, 31.0], "state": ["shown", "small", "shown"],
        "text": ["12", "<5", "31"],
    })  # fmt: skip
    words = {"period": (date(2014, 1, 1), date(2014, 12, 1)), "threshold": 5,
             "small_label": "<៥", "period_label": "p", "axis_label": "y"}  # fmt: skip
    khmer = story_chart(series, {"all": "All"}, [], **words, digits="០១២៣៤៥៦៧៨៩")
    assert list(khmer.layout.xaxis.ticktext) == ["២០១២", "២០១៣", "២០១៤"]  # under each bar
    assert list(khmer.layout.yaxis.tickvals)[:3] == [0, 10, 20]
    assert list(khmer.layout.yaxis.ticktext)[:3] == ["០", "១០", "២០"]
    (bars,) = [trace for trace in khmer.data if trace.customdata is not None]
    assert [list(c) for c in bars.customdata] == [["២០១២", "១២"], ["២០១៣", "<៥"],
                                                  ["២០១៤", "៣១"]]  # fmt: skip
    latin = story_chart(series, {"all": "All"}, [], **words)
    assert list(latin.layout.xaxis.ticktext) == ["2012", "2013", "2014"]


def test_the_map_carries_the_readers_digits_for_its_tooltips_and_scale(kep) -> None:
    fills = pd.Series([0] * len(kep))
    labels = MapLabels(lang="km", digits="០១២៣៤៥៦៧៨៩")
    html = build_explore_map(kep, fills, labels).get_root().render()
    assert payload_of(html)["l"]["digits"] == "០១២៣៤៥៦៧៨៩"
    assert "function local(text)" in html and "leaflet-control-scale-line" in html
    assert payload_of(build_explore_map(kep, fills, MapLabels()).get_root().render())["l"][
        "digits"] == "0123456789"  # fmt: skip
