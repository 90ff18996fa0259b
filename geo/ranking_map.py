"""The ranking page's map: provinces coloured by their score, those in the partnership
outlined, and the police academies as points (public institutions: points are fine).

The academies file gives no coordinates, so each academy is drawn at its province's
representative point (a point inside the polygon), several in one province side by side.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import folium
import geopandas as gpd
import numpy as np
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
)

#: Five classes of score, light to dark (ColorBrewer YlOrRd): darker is more reason to choose.
SCORE_COLOURS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
NOT_RANKED = "#d9d9d9"
PARTNERSHIP_OUTLINE = "#08306b"
ACADEMY_COLOUR = "#1f4e9c"
#: Degrees between academies placed in the same province.
ACADEMY_SPACING = 0.12


def score_classes(scores: Sequence[float | None]) -> list[int]:
    """Each score's class: 0-4 in equal steps between the lowest and the highest score
    given, 5 (grey) for a province not ranked. Raises nothing."""
    values = np.array([np.nan if s is None else float(s) for s in scores])
    present = ~np.isnan(values)
    if not present.any():
        return [len(SCORE_COLOURS)] * len(values)
    low, high = values[present].min(), values[present].max()
    span = high - low if high > low else 1.0
    steps = np.clip(((values - low) / span * len(SCORE_COLOURS)).astype(float), 0, None)
    classes = np.minimum(np.nan_to_num(steps, nan=0).astype(int), len(SCORE_COLOURS) - 1)
    return [int(c) if ok else len(SCORE_COLOURS) for c, ok in zip(classes, present, strict=True)]


def score_key(scores: Sequence[float | None], title: str, not_ranked: str) -> list[tuple[str, str]]:
    """The map's colour key: (colour, words) for each class of ``score_classes`` (its range of
    scores, highest first), then grey for ``not_ranked`` when a province is. Raises nothing."""
    values = [float(s) for s in scores if s is not None]
    if not values:
        return [(NOT_RANKED, not_ranked)]
    low, high = min(values), max(values)
    step = (high - low) / len(SCORE_COLOURS)
    rows = [(SCORE_COLOURS[0], f"{title} {high:.2f}")]  # one score: one class
    if step:
        rows = [(colour, f"{title} {low + i * step:.2f}–{low + (i + 1) * step:.2f}")
                for i, colour in reversed(list(enumerate(SCORE_COLOURS)))]  # fmt: skip
    if len(values) < len(scores):
        rows.append((NOT_RANKED, not_ranked))
    return rows


class ScoreKey(MacroElement):
    """The ranking map's colour key, at its bottom right: a swatch and words per class."""

    _template = Template(
        """{% macro script(this, kwargs) %}
(function () {
  var key = L.control({position: "bottomright"});
  key.onAdd = function () {
    var div = L.DomUtil.create("div", "atlas-legend");
    div.innerHTML = {{ this.html|tojson }};
    return div;
  };
  key.addTo({{ this._parent.get_name() }});
})();
{% endmacro %}"""
    )

    def __init__(self, rows: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self._name = "ScoreKey"
        swatch = (
            '<span style="display:inline-block;width:16px;height:12px;background:{};'
            'border:1px solid #888;vertical-align:middle;margin-right:4px"></span>'
        )
        lines = "".join(f"<div>{swatch.format(c)}{html.escape(w)}</div>" for c, w in rows)
        self.html = ('<div style="background:rgba(255,255,255,0.92);padding:6px 8px;'
                     'border-radius:4px;box-shadow:0 0 4px rgba(0,0,0,0.3);font:12px sans-serif">'
                     f"{lines}</div>")  # fmt: skip


def academy_points(
    provinces: gpd.GeoDataFrame, academies: pd.DataFrame
) -> list[tuple[float, float, int]]:
    """(lat, lon, row of ``academies``) for each academy whose province is on the map: its
    province's representative point, moved east by ``ACADEMY_SPACING`` for each academy
    already placed there.

    Raises:
        KeyError: if either frame lacks ``province_code``."""
    places = dict(
        zip(provinces["province_code"], provinces.geometry.representative_point(), strict=True)
    )
    seen: dict[str, int] = {}
    out = []
    for i, code in enumerate(academies["province_code"]):
        if code not in places:
            continue
        k = seen[code] = seen.get(code, -1) + 1
        out.append((places[code].y, places[code].x + k * ACADEMY_SPACING, i))
    return out


def build_ranking_map(
    provinces: gpd.GeoDataFrame,
    classes: Sequence[int],
    labels: MapLabels,
    *,
    encoded: CommuneRows,
    tooltips: list[list[str]],
    tooltip_labels: tuple[str, ...],
    outlined: Sequence[int] = (),
    academies: Sequence[tuple[float, float, str]] = (),
    key: Sequence[tuple[str, str]] = (),
    tiles: str | None = None,
    precision: int = 4,
) -> folium.Map:
    """Provinces (``query.unit_layer(con, "province")``, in its order, with ``encoded`` its
    ``commune_rows``) filled by ``classes`` (``score_classes``), the provinces at positions
    ``outlined`` outlined, ``academies`` as (lat, lon, tooltip) points, and the colour
    ``key`` (``score_key``) at the bottom right when given.

    Raises:
        ValueError: if ``provinces`` is empty or not in EPSG:4326, or a per-province list does
            not have one entry per province.
    """
    if provinces.empty:
        raise ValueError("no provinces to draw")
    if provinces.crs is None or provinces.crs.to_epsg() != 4326:
        raise ValueError(f"provinces must be in EPSG:4326, got {provinces.crs}")
    style = LayerStyle(colors=(*SCORE_COLOURS, NOT_RANKED), opacity=0.9, weight=0.6)
    overlays = Overlays(
        outlined=outlined,
        outline_style=LayerStyle(color=PARTNERSHIP_OUTLINE, weight=3.0, interactive=False),
        points=academies, point_colour=ACADEMY_COLOUR,
    )  # fmt: skip
    m = base_map(tuple(provinces.total_bounds), tiles)
    payload = commune_payload(
        provinces, pd.Series(list(classes)), style, labels, precision, encoded=encoded,
        extras=tooltips, extra_labels=tooltip_labels, overlays=overlays,
    )  # fmt: skip
    m.add_child(CompactPolygonLayer(payload, background=None if tiles else PLAIN_BACKGROUND))
    if key:
        m.add_child(ScoreKey(key))
    return m
