"""The evaluation page's figures (pure: data and words in, a figure or a map out): the event
study, the pilot and comparison groups over time, and the map of the groups."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import folium
import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go
from branca.element import MacroElement

from geo.explore_map import LegendControl
from geo.maps import (
    PLAIN_BACKGROUND,
    CommuneRows,
    CompactPolygonLayer,
    LayerStyle,
    MapLabels,
    Overlays,
    base_map,
    commune_payload,
)
from geo.ticks import LATIN_DIGITS, local, number_ticks, year_ticks

#: Pilot, comparison, not compared: the map's fills and the series' lines.
GROUP_COLOURS = ("#d95f02", "#1f78b4", "#eeeeee")
ESTIMATE_COLOUR = "#333333"
BAND_COLOURS = ("#b2182b", "#5e3c99", "#1a9850")


@dataclass(frozen=True)
class Band:
    """A span to shade on a chart (``start`` to ``end``, in the chart's x units), labelled."""

    start: float | date
    end: float | date
    label: str
    colour: str = "#b2182b"


@dataclass(frozen=True)
class EventStudyWords:
    """The event-study chart's words, in the user's language."""

    x_axis: str
    y_axis: str
    estimate: str
    reference: str
    pooled: str
    bin_label: str  # with {label}: the hover's name of a bin ("Months {label}")


def _bands(fig: go.Figure, bands: Sequence[Band], x_range: tuple[float, float] | None) -> None:
    """Shade each band (clipped to ``x_range`` when given; a band outside it is left out)."""
    for i, band in enumerate(bands):
        start, end = band.start, band.end
        if x_range is not None:
            if end < x_range[0] or start > x_range[1]:
                continue
            start, end = max(start, x_range[0]), min(end, x_range[1])
        fig.add_vrect(
            x0=start, x1=end, fillcolor=band.colour, opacity=0.12, line_width=0, layer="below",
            annotation_text=band.label, annotation_position="top left",
            annotation_font={"size": 10, "color": band.colour}, annotation_y=1 - 0.08 * i,
        )  # fmt: skip


def _estimates(fig: go.Figure, part: pd.DataFrame, name: str, symbol: str,
               words: EventStudyWords, digits: str) -> None:  # fmt: skip
    """Estimates as percentage points with asymmetric 95 % error bars (their hover written
    with ``digits``)."""
    pct = {k: (part[k] * 100).round(6) for k in ("estimate", "low", "high")}  # no float noise
    hover = [local(f"{words.bin_label.format(label=v)}: {e:+.0f} % ({lo:+.0f} – {hi:+.0f} %)",
                   digits)
             for v, e, lo, hi in zip(part["label"], pct["estimate"], pct["low"], pct["high"],
                                     strict=True)]  # fmt: skip
    fig.add_scatter(
        x=part["x"], y=pct["estimate"], mode="markers", name=name,
        marker={"color": ESTIMATE_COLOUR, "size": 8, "symbol": symbol},
        error_y={"type": "data", "symmetric": False, "array": pct["high"] - pct["estimate"],
                 "arrayminus": pct["estimate"] - pct["low"]},
        customdata=hover, hovertemplate="%{customdata}<extra></extra>",
    )  # fmt: skip


def event_study_chart(
    table: pd.DataFrame,
    words: EventStudyWords,
    bands: Sequence[Band] = (),
    bin_months: int = 3,
    digits: str = LATIN_DIGITS,
) -> go.Figure:
    """Estimates by months since the start (``analysis.event_study.fit_event_study``'s table:
    ``rel_month``, ``label``, ``estimate``, ``low``, ``high``, ``reference``, ``binned``) as
    percentage changes with their 95 % intervals, each bin drawn at its middle month; the
    reference bin at 0, hollow; the end bins, which pool earlier or later months, as
    diamonds; ``bands`` (months since the start) shaded behind. Bins without an estimate are
    left out. Its numbers are written with ``digits`` (the reader's ten digits). The table's
    other columns (its incident counts) are never read."""
    rows = table[table["estimate"].notna()].copy()
    rows["x"] = rows["rel_month"] + bin_months / 2
    fig = go.Figure()
    for binned, name, symbol in (
        (False, words.estimate, "circle"),
        (True, words.pooled, "diamond"),
    ):
        part = rows[~rows["reference"] & (rows["binned"] == binned)]
        _estimates(fig, part, name, symbol, words, digits)
    reference = rows[rows["reference"]]
    fig.add_scatter(
        x=reference["x"], y=[0.0] * len(reference), mode="markers", name=words.reference,
        marker={"color": "white", "size": 10, "line": {"color": ESTIMATE_COLOUR, "width": 2}},
        hovertemplate=words.reference.replace("%", "%%") + "<extra></extra>",
    )  # fmt: skip
    lo = float(rows["rel_month"].min()) if len(rows) else -bin_months
    hi = float(rows["rel_month"].max()) + bin_months if len(rows) else bin_months
    _bands(fig, bands, (lo, hi))
    fig.add_hline(y=0, line_color="#999999", line_width=1)
    fig.add_vline(x=0, line_color="#999999", line_dash="dot")
    fig.update_layout(
        height=380, margin={"l": 50, "r": 10, "t": 30, "b": 40},
        legend={"orientation": "h", "y": -0.25},
        xaxis={"title": words.x_axis, "range": [lo - 1, hi + 1],
               **number_ticks([lo, hi], digits)},
        yaxis={"title": words.y_axis,
               **number_ticks(pd.concat([rows["low"], rows["high"]]) * 100, digits,
                              suffix=" %")},
    )  # fmt: skip
    return fig


@dataclass(frozen=True)
class Line:
    """A dated vertical line: its short label on the chart and the full one on hover."""

    day: date
    short: str
    label: str


def _lines(fig: go.Figure, lines: Sequence[Line]) -> None:
    """Dashed dated lines, in ``BAND_COLOURS`` order (the event study's bands' colours)."""
    for i, line in enumerate(lines):
        colour = BAND_COLOURS[i % len(BAND_COLOURS)]
        fig.add_vline(x=pd.Timestamp(line.day).timestamp() * 1000, line_dash="dash",
                      line_color=colour)  # fmt: skip
        fig.add_annotation(
            x=pd.Timestamp(line.day), y=0.02 + 0.09 * i, yref="paper", showarrow=False,
            text=line.short, hovertext=line.label, xanchor="left", yanchor="bottom",
            bgcolor="rgba(255,255,255,0.8)", font={"size": 10, "color": colour},
        )  # fmt: skip


def group_series_chart(
    series: pd.DataFrame,
    names: dict[str, str],
    *,
    lines: Sequence[Line] = (),
    bands: Sequence[Band] = (),
    x_axis: str = "",
    y_axis: str = "",
    digits: str = LATIN_DIGITS,
) -> go.Figure:
    """One line per group (``names``: group key to its label, in drawing order) of published
    twelve-month counts per commune: ``series`` has ``group``, ``end`` (the window's last
    month), ``per_commune`` (NaN where the count is not shown: no point there) and ``text``
    (the published count as it reads). Dated ``lines`` and ``bands`` drawn over them; its
    numbers written with ``digits``."""
    fig = go.Figure()
    for i, (key, name) in enumerate(names.items()):
        rows = series[series["group"] == key]
        fig.add_scatter(
            x=pd.to_datetime(rows["end"]), y=rows["per_commune"], mode="lines+markers",
            name=name, connectgaps=False, marker={"size": 4, "color": GROUP_COLOURS[i % 2]},
            line={"color": GROUP_COLOURS[i % 2]},
            customdata=_series_hover(rows, digits),
            hovertemplate="%{customdata[0]}: %{customdata[2]}(%{customdata[1]})<extra>"
            + name.replace("%", "%%") + "</extra>",
        )  # fmt: skip
    _bands(fig, [Band(pd.Timestamp(b.start), pd.Timestamp(b.end), b.label, b.colour)
                 for b in bands], None)  # fmt: skip
    _lines(fig, lines)
    fig.update_layout(
        height=340, margin={"l": 50, "r": 10, "t": 30, "b": 40},
        legend={"orientation": "h", "y": -0.25},
        xaxis={"title": x_axis, **year_ticks(series["end"], digits)},
        yaxis={"title": y_axis, "rangemode": "tozero",
               **number_ticks(series["per_commune"], digits)},
    )  # fmt: skip
    return fig


def _series_hover(rows: pd.DataFrame, digits: str) -> list[tuple[str, str, str]]:
    """Each point's hover: its window's last month, the published count as it reads and the
    count per commune, written with ``digits``."""
    out = []
    for end, y, text in zip(pd.to_datetime(rows["end"]), rows["per_commune"], rows["text"],
                            strict=True):  # fmt: skip
        value = "" if pd.isna(y) else f"{y:.2f} "
        out.append((local(f"{end:%Y-%m}", digits), local(text, digits), local(value, digits)))
    return out


class GroupLegend(LegendControl):
    """The map's legend: one swatch per group (the Explore legend's control, other HTML)."""

    def __init__(self, items: Sequence[tuple[str, str]]) -> None:
        MacroElement.__init__(self)
        self._name = "LegendControl"
        swatch = (
            '<span style="display:inline-block;width:16px;height:12px;background:{};'
            'border:1px solid #888;vertical-align:middle;margin-right:4px"></span>'
        )
        rows = "".join(f"<div>{swatch.format(c)}{html.escape(label)}</div>" for label, c in items)
        self.html = (
            '<div class="atlas-legend" style="background:rgba(255,255,255,0.92);padding:6px 8px;'
            'border-radius:4px;box-shadow:0 0 4px rgba(0,0,0,0.3);font:12px sans-serif">'
            f"{rows}</div>"
        )


def build_group_map(
    communes: gpd.GeoDataFrame,
    groups: pd.Series,
    labels: MapLabels,
    group_labels: tuple[str, str, str],
    tooltip_label: str,
    *,
    encoded: CommuneRows | None = None,
    tiles: str | None = None,
    precision: int = 4,
) -> folium.Map:
    """Communes filled by their group (``groups``: 0 pilot, 1 comparison, 2 not compared,
    one per commune), with the group in each tooltip and a legend: no count anywhere.

    Raises:
        ValueError: if ``communes`` is empty or not in EPSG:4326, or ``groups`` does not have
            one entry per commune or holds another value than 0, 1 or 2.
    """
    if communes.empty:
        raise ValueError("no communes to draw")
    if communes.crs is None or communes.crs.to_epsg() != 4326:
        raise ValueError(f"communes must be in EPSG:4326, got {communes.crs}")
    if len(groups) != len(communes) or not groups.isin([0, 1, 2]).all():
        raise ValueError("groups needs one value of 0, 1 or 2 per commune")
    style = LayerStyle(colors=GROUP_COLOURS, opacity=0.85, weight=0.3)
    tooltips = [[group_labels[int(g)]] for g in groups]
    m = base_map(tuple(communes.total_bounds), tiles)
    payload = commune_payload(
        communes, groups, style, labels, precision, encoded=encoded, extras=tooltips,
        extra_labels=(tooltip_label,),
        overlays=Overlays(border_style=LayerStyle(color="#555555", weight=0.8, interactive=False)),
    )  # fmt: skip
    m.add_child(CompactPolygonLayer(payload, background=None if tiles else PLAIN_BACKGROUND))
    m.add_child(GroupLegend(list(zip(group_labels, GROUP_COLOURS, strict=True))))
    return m
