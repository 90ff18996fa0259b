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
STEP_DAYS = {"month": 31, "quarter": 92, "year": 366}


@dataclass(frozen=True)
class Event:
    """A dated line on a timeline: a short label on the chart, the full one on hover."""

    day: date
    label: str
    colour: str = "#444444"
    short: str = ""


def monthly_chart(
    months: pd.DataFrame,
    type_labels: dict[str, str],
    events: list[Event],
    *,
    period: tuple[date, date],
    threshold: int,
    suppressed_label: str,
    period_label: str,
    axis_label: str,
    step: str = "month",
) -> go.Figure:
    """Stacked monthly bars per incident type; the policy timeline drawn as dated lines.

    ``months`` has ``month``, ``incident_type``, ``incidents`` and ``cell`` (see
    ``query.protected.protect_months``). Only cells shown in full are drawn to scale; in a month
    with any other cell, one grey bar of height ``threshold - 1`` says so, whatever their
    number, so no bar reveals a count below the threshold. ``step`` (month, quarter, year)
    sets the bars' width: each bar spans its bucket, which starts at ``month``.

    Raises:
        KeyError: if ``step`` is not a known step.
    """
    days = STEP_DAYS[step]
    width = days * 0.85 * 86_400_000  # plotly measures date widths in milliseconds
    starts = pd.to_datetime(months["month"])
    labels = {
        "month": starts.dt.strftime("%Y-%m"),
        "year": starts.dt.strftime("%Y"),
        "quarter": starts.dt.year.astype(str) + " Q" + starts.dt.quarter.astype(str),
    }
    months = months.assign(month=starts + pd.Timedelta(days=days / 2), label=labels[step])
    fig = go.Figure()
    shown = months[months["cell"] == "shown"]
    for i, (code, label) in enumerate(type_labels.items()):
        rows = shown[shown["incident_type"] == code]
        if rows.empty:
            continue
        fig.add_bar(
            x=rows["month"], y=rows["incidents"], name=label, width=width,
            marker_color=TYPE_COLOURS[i % len(TYPE_COLOURS)],
            customdata=rows["label"],
            hovertemplate="%{customdata}: %{y}<extra>" + label.replace("%", "%%") + "</extra>",
        )  # fmt: skip
    other = months.loc[months["cell"].isin(["small", "hidden"]), ["month", "label"]]
    other = other.drop_duplicates("month")
    if not other.empty:
        fig.add_bar(
            x=other["month"], y=[threshold - 1] * len(other), name=suppressed_label, width=width,
            customdata=other["label"],
            marker_color=SUPPRESSED_COLOUR, marker_pattern_shape="/",
            hovertemplate="%{customdata}<extra>" + suppressed_label.replace("%", "%%") + "</extra>",
        )  # fmt: skip
    fig.add_vrect(
        x0=pd.Timestamp(period[0]), x1=pd.Timestamp(period[1]) + pd.offsets.MonthEnd(0),
        fillcolor="#fff3c4", opacity=0.5, line_width=0, layer="below",
        annotation_text=period_label, annotation_position="top left",
    )  # fmt: skip
    for i, event in enumerate(events):
        fig.add_vline(x=pd.Timestamp(event.day).timestamp() * 1000, line_dash="dash",
                      line_color=event.colour)  # fmt: skip
        fig.add_annotation(
            x=pd.Timestamp(event.day), y=1 - 0.09 * i, yref="paper", showarrow=False,
            text=event.short or event.label, hovertext=event.label, xanchor="left",
            yanchor="top", bgcolor="rgba(255,255,255,0.8)",
            font={"size": 10, "color": event.colour},
        )  # fmt: skip
    fig.update_layout(
        barmode="stack", height=360, margin={"l": 40, "r": 10, "t": 30, "b": 40},
        legend={"orientation": "h", "y": -0.2}, xaxis_title=axis_label,
        yaxis={"rangemode": "tozero", "dtick": max(1, threshold)},
    )  # fmt: skip
    return fig
