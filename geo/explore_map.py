"""The Explore page's map: communes in a bivariate colouring (disruption × partnership), with
optional layers and a legend, drawn beside the map on the page and inside it in a downloaded
map (which must explain itself).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geo.maps import (
    PLAIN_BACKGROUND,
    CommuneRows,
    CompactPolygonLayer,
    LayerStyle,
    MapLabels,
    Overlays,
    base_map,
    commune_payload,
    commune_rows,
)

# Rows: disruption low → high; columns: partnership none → active. High disruption with no
# partnership is the strongest red, the colour the eye finds first.
BIVARIATE = (
    ("#f4ece6", "#e4eee6", "#dde9f3"),
    ("#eeb49e", "#c7cf9f", "#97c1de"),
    ("#d7482f", "#8f8a3c", "#2f6f9e"),
)
HIDDEN_FILL = "#b5b5b5"  # count hidden (or below the threshold, on the rate measure)
NO_RATE_FILL = "#ffffff"  # no key-population estimate for this commune
PARTNERSHIP_OUTLINE = "#111111"
SERVICE_COLOUR = "#6a1b9a"


@dataclass(frozen=True)
class Legend:
    """The legend's words, in the user's language."""

    title: str
    disruption: str
    partnership: str
    rows: tuple[str, str, str]  # low, middle, high (with their ranges)
    columns: tuple[str, str, str]  # none, started / some, active / most
    hidden: str | None  # the grey swatch (rates hidden with their count), if any
    no_rate: str | None = None
    outline: str | None = None
    services: str | None = None
    note: str | None = None


def fill_index(disruption: pd.Series, partnership: pd.Series) -> pd.Series:
    """Index into ``palette()`` for each commune: 0..8 for the 3×3 grid, 9 hidden, 10 no rate."""
    grid = disruption.clip(lower=0) * 3 + partnership
    return grid.where(disruption >= 0, disruption.map({-1: 9, -2: 10})).astype(int)


def palette() -> tuple[str, ...]:
    """The eleven fill colours, in ``fill_index`` order."""
    return (*(c for row in BIVARIATE for c in row), HIDDEN_FILL, NO_RATE_FILL)


class LegendControl(MacroElement):
    """A Leaflet control holding the bivariate legend (HTML built and escaped in Python)."""

    _template = Template(
        """{% macro script(this, kwargs) %}
(function () {
  var legend = L.control({position: "bottomright"});
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "atlas-legend");
    div.innerHTML = {{ this.html|tojson }};
    return div;
  };
  legend.addTo({{ this._parent.get_name() }});
})();
{% endmacro %}"""
    )

    def __init__(self, legend: Legend) -> None:
        super().__init__()
        self._name = "LegendControl"
        self.html = legend_html(legend)


class HeadingControl(MacroElement):
    """A box at the map's top left with its title and what it shows (a downloaded map must say
    what it is): lines of text, escaped in Python, the first in bold."""

    _template = Template(
        """{% macro script(this, kwargs) %}
(function () {
  var heading = L.control({position: "topleft"});
  heading.onAdd = function () {
    var div = L.DomUtil.create("div", "atlas-heading");
    div.innerHTML = {{ this.html|tojson }};
    return div;
  };
  heading.addTo({{ this._parent.get_name() }});
})();
{% endmacro %}"""
    )

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__()
        self._name = "HeadingControl"
        first, *rest = [html.escape(line) for line in lines]
        self.html = (
            '<div style="background:rgba(255,255,255,0.92);padding:6px 8px;border-radius:4px;'
            'box-shadow:0 0 4px rgba(0,0,0,0.3);font:12px sans-serif;max-width:420px">'
            f'<b style="font-size:14px">{first}</b>'
            + "".join(f'<div style="margin-top:2px">{line}</div>' for line in rest)
            + "</div>"
        )


def _swatch(colour: str, border: str = "#888") -> str:
    return (
        f'<span style="display:inline-block;width:16px;height:12px;background:{colour};'
        f'border:1px solid {border};vertical-align:middle;margin-right:4px"></span>'
    )


def legend_html(legend: Legend, inline: bool = False) -> str:
    """The legend as HTML: the 3×3 grid with labelled axes, then the other symbols (beside the
    grid when ``inline``, for a page; below it otherwise, for a box inside the map)."""
    e = html.escape
    cell = "padding:1px 3px;font-size:11px;"
    head = "".join(f'<th style="{cell}font-weight:normal;white-space:nowrap">{e(c)}</th>'
                   for c in legend.columns)  # fmt: skip
    body = ""
    for label, colours in zip(reversed(legend.rows), reversed(BIVARIATE), strict=True):
        squares = "".join(
            f'<td style="background:{c};width:34px;height:18px;border:1px solid #fff"></td>'
            for c in colours
        )
        row_head = (
            f'<th style="{cell}font-weight:normal;text-align:right;white-space:nowrap">'
            f"{e(label)}</th>"
        )
        body += f"<tr>{row_head}{squares}</tr>"
    extra = [f"{_swatch(HIDDEN_FILL)}{e(legend.hidden)}"] if legend.hidden else []
    if legend.no_rate:
        extra.append(f"{_swatch(NO_RATE_FILL)}{e(legend.no_rate)}")
    if legend.outline:
        extra.append(f"{_swatch('transparent', PARTNERSHIP_OUTLINE)}{e(legend.outline)}")
    if legend.services:
        dot = f'<span style="color:{SERVICE_COLOUR};font-size:14px">&#9679;</span> '
        extra.append(f"{dot}{e(legend.services)}")
    if legend.note:
        extra.append(f"<i>{e(legend.note)}</i>")
    grid = (
        f"<b>{e(legend.title)}</b>"
        f'<div style="font-size:11px;margin-top:2px">&#8593; {e(legend.disruption)} · '
        f"&#8594; {e(legend.partnership)}</div>"
        f'<table style="border-collapse:collapse;margin-top:2px"><tr><th></th>{head}</tr>'
        f"{body}</table>"
    )
    symbols = "".join(f'<div style="margin-top:2px">{x}</div>' for x in extra)
    if inline:
        return (
            '<div class="atlas-legend" style="display:flex;flex-wrap:wrap;gap:4px 24px;'
            'align-items:flex-end;max-width:100%;overflow-x:auto;font:12px sans-serif">'
            f"<div>{grid}</div><div>{symbols}</div></div>"
        )
    return (
        '<div style="background:rgba(255,255,255,0.92);padding:6px 8px;border-radius:4px;'
        'box-shadow:0 0 4px rgba(0,0,0,0.3);font:12px sans-serif;max-width:330px">'
        f"{grid}{symbols}</div>"
    )


def build_explore_map(
    communes: gpd.GeoDataFrame,
    fills: pd.Series,
    labels: MapLabels,
    *,
    legend: Legend | None = None,
    encoded: CommuneRows | None = None,
    tooltips: list[list[str]] | None = None,
    tooltip_labels: tuple[str, ...] = (),
    outlined: Sequence[int] | None = None,
    borders: gpd.GeoSeries | None = None,
    services: pd.DataFrame | None = None,
    selected: int | None = None,
    focus: Sequence[Sequence[tuple[float, float]]] = (),
    heading: Sequence[str] | None = None,
    tiles: str | None = None,
    precision: int = 4,
) -> folium.Map:
    """Communes filled by ``fills`` (``fill_index``), with the ``legend`` inside the map when
    given, a ``heading`` (lines: the title, then what the map shows) at its top left, the
    commune at position ``selected`` (or the rings ``focus``, of a place chosen in the
    search) drawn with a heavy outline and the map fitted to it, and optional
    layers: the communes at positions ``outlined`` (partnership) outlined,
    district or province ``borders`` (or those ``encoded`` carries: ``commune_rows`` of the
    communes with their borders, when already known), and public ``services`` (columns
    ``lon``, ``lat``, ``label``) as dots.

    Raises:
        ValueError: if ``communes`` is empty or not in EPSG:4326, the per-commune lists do
            not have one entry per commune, or both ``borders`` and ``encoded`` are given.
    """
    if communes.empty:
        raise ValueError("no communes to draw")
    if communes.crs is None or communes.crs.to_epsg() != 4326:
        raise ValueError(f"communes must be in EPSG:4326, got {communes.crs}")
    if encoded is not None and borders is not None:
        raise ValueError("give the borders inside encoded (commune_rows), not beside it")
    if encoded is None:
        encoded = commune_rows(communes, precision, borders)
    style = LayerStyle(colors=palette(), opacity=0.85, weight=0.3)
    points = []
    if services is not None:
        points = list(zip(services["lat"], services["lon"], services["label"], strict=True))
    overlays = Overlays(
        border_style=LayerStyle(color="#333333", weight=1.0, interactive=False),
        outlined=outlined or (),
        outline_style=LayerStyle(color=PARTNERSHIP_OUTLINE, weight=2.2, interactive=False),
        points=points, point_colour=SERVICE_COLOUR, selected=selected, focus=focus,
    )  # fmt: skip
    m = base_map(tuple(communes.total_bounds), tiles)
    payload = commune_payload(
        communes, fills, style, labels, precision,
        encoded=encoded, extras=tooltips, extra_labels=tooltip_labels, overlays=overlays,
    )  # fmt: skip
    m.add_child(CompactPolygonLayer(payload, background=None if tiles else PLAIN_BACKGROUND))
    if legend is not None:
        m.add_child(LegendControl(legend))
    if heading:
        m.add_child(HeadingControl(heading))
    return m
