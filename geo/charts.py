"""Plotly figures (pure: data and words in, a figure out)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go

TYPE_COLOURS = (
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666",
)  # fmt: skip
SUPPRESSED_COLOUR = "#c8c8c8"
#: The digits 0 to 9 as plotly writes them (a figure is given the reader's own).
LATIN_DIGITS = "0123456789"


@dataclass(frozen=True)
class Event:
    """A dated line on a timeline: a short label on the chart, the full one on hover."""

    day: date
    label: str
    colour: str = "#444444"
    short: str = ""


def story_chart(
    series: pd.DataFrame,
    series_labels: dict[str, str],
    events: list[Event],
    *,
    period: tuple[date, date],
    threshold: int,
    small_label: str,
    period_label: str,
    axis_label: str,
    digits: str = LATIN_DIGITS,
) -> go.Figure:
    """Yearly bars, one per series side by side (e.g. all incidents, arrests and confiscations),
    with the policy timeline drawn as dated lines and the chosen period shaded; every number
    on its axes and in its hover written with ``digits`` (the reader's ten digits 0 to 9).

    ``series`` has ``series`` (a key of ``series_labels``), ``start`` (the first day of the
    bar's twelve months), and the published ``count``, ``state`` and ``text``
    (``query.published``). A count shown as a number is drawn to scale; a count that reads
    ``<threshold`` is one grey bar of height ``threshold - 1`` whatever it is, so no bar says
    more than the published number.
    """
    fig = go.Figure()
    local = str.maketrans(LATIN_DIGITS, digits)
    frame = series.assign(x=pd.to_datetime(series["start"]) + pd.Timedelta(days=182),
                          label=pd.to_datetime(series["start"]).dt.strftime("%Y").str.translate(
                              local))  # fmt: skip
    frame = frame.sort_values("x", kind="stable")  # the bars in date order
    width = 365 * 0.8 / max(len(series_labels), 1) * 86_400_000
    for i, (key, name) in enumerate(series_labels.items()):
        rows = frame[frame["series"] == key]
        shown = rows["state"] == "shown"
        fig.add_bar(
            x=rows["x"], y=rows["count"].where(shown, threshold - 1),
            name=name, width=width, offsetgroup=str(i), legendgroup=key, showlegend=False,
            marker_color=[TYPE_COLOURS[i] if s else SUPPRESSED_COLOUR for s in shown],
            marker_pattern_shape=["" if s else "/" for s in shown],
            customdata=list(zip(rows["label"], rows["text"].str.translate(local), strict=True)),
            hovertemplate="%{customdata[0]}: %{customdata[1]}<extra>"
            + name.replace("%", "%%") + "</extra>",
        )  # fmt: skip
        # the legend's entry in the series' own colour (a bar's colour varies: grey for "<5")
        fig.add_bar(x=[None], y=[None], name=name, legendgroup=key, hoverinfo="skip",
                    marker_color=TYPE_COLOURS[i])  # fmt: skip
    fig.add_bar(
        x=[None],
        y=[None],
        name=small_label,
        marker_color=SUPPRESSED_COLOUR,
        marker_pattern_shape="/",
        hoverinfo="skip",
    )  # the legend's entry for "<T"
    _draw_period(fig, period, period_label)
    _draw_events(fig, sorted(events, key=lambda e: e.day))
    fig.update_layout(  # the legend below the axis title, never over it (Khmer is taller)
        barmode="group", height=380, margin={"l": 40, "r": 10, "t": 30, "b": 40},
        legend={"orientation": "h", "yanchor": "top", "y": -0.3},
        xaxis={"title": {"text": axis_label, "standoff": 6}, **year_ticks(frame, local)},
        yaxis={"rangemode": "tozero",
               **count_ticks(frame["count"].max(), threshold, local)},
    )  # fmt: skip
    return fig


def year_ticks(frame: pd.DataFrame, local: dict[int, str]) -> dict:
    """The year axis's ticks: one under each bar's year (``frame``'s ``x`` and ``label``),
    every other year when there are more than eight, written in ``local``'s digits."""
    years = frame.drop_duplicates("label").sort_values("x")
    step = 2 if len(years) > 8 else 1
    years = years.iloc[::step]
    return {"tickmode": "array", "tickvals": list(years["x"]),
            "ticktext": [str(label).translate(local) for label in years["label"]]}  # fmt: skip


def count_ticks(top: float, threshold: int, local: dict[int, str]) -> dict:
    """The count axis's ticks, every ``tick_step`` from 0 to above ``top``, written in
    ``local``'s digits (plotly writes 0 to 9 itself)."""
    step = tick_step(top, threshold)
    top = 0.0 if pd.isna(top) else float(top)
    values = list(range(0, int(top // step + 2) * step, step))
    return {"dtick": step, "tickmode": "array", "tickvals": values,
            "ticktext": [f"{v:,}".translate(local) for v in values]}  # fmt: skip


def tick_step(top: float, threshold: int, most: int = 6) -> int:
    """The count axis's step: a multiple of ``threshold`` (so no grid line sits between 0 and
    the grey bar's height, and none suggests a count below the threshold), 1, 2 or 5 times a
    power of ten times it, the smallest that draws at most ``most`` steps up to ``top``."""
    unit = max(1, threshold)
    top = 0.0 if pd.isna(top) else float(top)
    scale = 1
    while True:
        for factor in (1, 2, 5):
            step = unit * factor * scale
            if top / step <= most:
                return step
        scale *= 10


def _draw_period(fig: go.Figure, period: tuple[date, date], label: str) -> None:
    """The chosen period shaded (its name on hover of the legend's entry, not over the plot)."""
    fig.add_vrect(
        x0=pd.Timestamp(period[0]), x1=pd.Timestamp(period[1]) + pd.offsets.MonthEnd(0),
        fillcolor="#fff3c4", opacity=0.5, line_width=0, layer="below",
    )  # fmt: skip
    fig.add_bar(x=[None], y=[None], name=label, marker_color="#fff3c4", hoverinfo="skip")


#: The marks of a chart's dated lines (their words go under the chart: they never overlap).
EVENT_MARKS = ("①", "②", "③", "④", "⑤", "⑥")


def _draw_events(fig: go.Figure, events: list[Event]) -> None:
    """Each event a dashed line with its mark above the plot (``events_key`` says what the
    marks stand for), its full words on hover."""
    for i, event in enumerate(events):
        fig.add_vline(x=pd.Timestamp(event.day).timestamp() * 1000, line_dash="dash",
                      line_color=event.colour)  # fmt: skip
        fig.add_annotation(
            x=pd.Timestamp(event.day), y=1.0, yref="paper", yanchor="bottom", showarrow=False,
            text=EVENT_MARKS[i % len(EVENT_MARKS)], hovertext=event.label,
            font={"size": 13, "color": event.colour},
        )  # fmt: skip


def events_key(events: list[Event]) -> str:
    """What each mark of a chart stands for, in one line, in date order (the marks are
    numbered in it): ``① Safety policy (2010-08-16) · …``."""
    ordered = sorted(events, key=lambda e: e.day)
    return " · ".join(f"{EVENT_MARKS[i % len(EVENT_MARKS)]} {e.label}"
                      for i, e in enumerate(ordered))  # fmt: skip
