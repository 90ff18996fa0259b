"""The pack's province map, drawn without tiles or a browser (geopandas + matplotlib).

Provinces are coloured by their score or rank and carry their code (small ones outside, on a
leader line; the pack names them in a key); provinces in
the partnership are hatched; police academies are triangles labelled ``A1 9/9`` (their number
in the pack's table and the modules delivered). The image holds no words, only numbers, so one
image serves both languages and no Khmer has to be shaped by matplotlib: the legend and the
names are typeset with the text. No pyplot: each map is a ``Figure`` of its own, drawn to
memory, so maps drawn in the dashboard's threads do not share state.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Literal

import geopandas as gpd
from matplotlib import colormaps, patheffects
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Colormap, Normalize, to_rgba
from matplotlib.figure import Figure
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from briefing.model import Academy, ProvinceRow
from vocabulary import CRS, CURRICULUM_MODULES

#: Sequential colours: darker means more reason to choose the province.
COLOUR_MAP = "YlOrRd"
NO_DATA_COLOUR = "#d9d9d9"
PARTNERSHIP_EDGE = "#08306b"
ACADEMY_COLOUR = "#1f4e9c"
WIDTH_CM = 17.0
HALO = "white"


class MapError(ValueError):
    """The provinces given cannot be drawn (the message says why)."""


def draw_province_map(
    provinces: gpd.GeoDataFrame,
    rows: Sequence[ProvinceRow],
    academies: Sequence[Academy] = (),
    colour_by: Literal["score", "rank"] = "score",
    fmt: Literal["png", "svg"] = "png",
    dpi: int = 200,
    modules_total: int = CURRICULUM_MODULES,
) -> bytes:
    """The map as PNG or SVG bytes, 17 cm wide.

    ``provinces`` is a GeoDataFrame in EPSG:4326 with a ``province_code`` column (the
    atlas's ``provinces`` table; pass its display geometry for a small SVG). A province with no
    row, or not ranked, is drawn grey without a number; a row with no polygon is not drawn. An
    academy without lon/lat is drawn inside its province.

    Raises:
        MapError: if the frame has no ``province_code`` column, another CRS, or no polygons;
            or for an unknown ``colour_by`` or ``fmt``.
    """
    frame = _checked(provinces)
    if colour_by not in ("score", "rank") or fmt not in ("png", "svg"):
        raise MapError(f"colour_by {colour_by!r} / fmt {fmt!r}: expected score|rank, png|svg")
    by_code = {row.province_code: row for row in rows}
    frame = frame.assign(_row=frame["province_code"].map(by_code))
    fig, ax = _figure(frame)
    _draw_provinces(ax, frame, list(rows), colour_by)
    _draw_academies(ax, frame, academies, modules_total)
    _draw_colour_bar(fig, list(rows), colour_by)
    buffer = io.BytesIO()
    fig.savefig(
        buffer, format=fmt, dpi=dpi, metadata=_metadata(fmt), bbox_inches="tight", pad_inches=0.02
    )
    return buffer.getvalue()


def _checked(provinces: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if "province_code" not in provinces.columns:
        raise MapError(f"the provinces have no province_code column (found {list(provinces)})")
    if provinces.crs is None or provinces.crs != gpd.GeoSeries(crs=CRS).crs:
        raise MapError(f"the provinces are in {provinces.crs}; expected {CRS}")
    frame = provinces[provinces.geometry.notna() & ~provinces.geometry.is_empty]
    if frame.empty:
        raise MapError("the provinces frame has no polygons")
    return frame


def _figure(frame: gpd.GeoDataFrame) -> tuple[Figure, Axes]:
    minx, miny, maxx, maxy = frame.total_bounds
    aspect = (maxy - miny) / ((maxx - minx) * 0.976)  # cos(12.5°): Cambodia's mid-latitude
    width = WIDTH_CM / 2.54
    fig = Figure(figsize=(width, width * aspect * 0.9 + 0.5))
    fig.subplots_adjust(left=0.01, right=0.88, top=0.99, bottom=0.01)
    ax = fig.subplots()
    ax.set_axis_off()
    return fig, ax


def _colours(rows: list[ProvinceRow], colour_by: str) -> tuple[Normalize, Colormap]:
    cmap = colormaps[COLOUR_MAP]
    rows = [row for row in rows if row.ranked]
    if colour_by == "score":
        scores = [row.score for row in rows] or [0.0, 1.0]
        low, high = min(scores), max(scores)
        return Normalize(low, high if high > low else low + 1), cmap
    return Normalize(1, max(len(rows), 2)), cmap.reversed()


def _draw_provinces(ax: Axes, frame: gpd.GeoDataFrame, rows: list, colour_by: str) -> None:
    norm, cmap = _colours(rows, colour_by)
    found = [row if isinstance(row, ProvinceRow) else None for row in frame["_row"]]
    colours = [
        cmap(norm(row.score if colour_by == "score" else row.rank))
        if row is not None and row.ranked
        else to_rgba(NO_DATA_COLOUR)
        for row in found
    ]
    frame.plot(ax=ax, color=colours, edgecolor="white", linewidth=0.6)
    partnership = frame[[row is not None and row.in_partnership for row in found]]
    if not partnership.empty:
        partnership.plot(
            ax=ax, facecolor="none", edgecolor=PARTNERSHIP_EDGE, hatch="////", linewidth=1.4
        )
    _draw_codes(ax, frame)


#: A province smaller than this (square degrees) gets its code outside, on a leader line.
SMALL_AREA = 0.12


def _draw_codes(ax: Axes, frame: gpd.GeoDataFrame) -> None:
    """Every province's code at its label point (the pack's key names them in either
    language); a small province's code outside it, pushed away from the country's middle on a
    leader line, so Kep's code does not sit on Kampot and Phnom Penh's not on Kandal."""
    halo = [patheffects.withStroke(linewidth=2.2, foreground=HALO)]
    middle = frame.geometry.union_all().centroid
    for geometry, code in zip(frame.geometry, frame["province_code"], strict=True):
        point = label_point(geometry)
        where = {"xy": (point.x, point.y), "ha": "center", "va": "center"}
        if geometry.area < SMALL_AREA:
            dx, dy = point.x - middle.x, point.y - middle.y
            norm = max((dx**2 + dy**2) ** 0.5, 1e-9)
            where["xytext"] = (point.x + 0.45 * dx / norm, point.y + 0.45 * dy / norm)
            where["arrowprops"] = {"arrowstyle": "-", "linewidth": 0.6, "color": "#333333"}
        ax.annotate(str(code), fontsize=7, fontweight="bold", zorder=7, path_effects=halo,
                    **where)  # fmt: skip


def label_point(geometry: BaseGeometry) -> BaseGeometry:
    """A point well inside the (largest part of the) polygon: its pole of inaccessibility, so
    Kandal's label stays out of Phnom Penh."""
    parts = getattr(geometry, "geoms", [geometry])
    largest = max(parts, key=lambda part: part.area)
    return polylabel(largest, tolerance=0.005)


def _draw_academies(
    ax: Axes, frame: gpd.GeoDataFrame, academies: Sequence[Academy], modules_total: int
) -> None:
    shapes = dict(zip(frame["province_code"], frame.geometry, strict=True))
    halo = [patheffects.withStroke(linewidth=1.8, foreground=HALO)]
    for number, academy in enumerate(academies, start=1):
        if academy.lon is not None and academy.lat is not None:
            x, y = academy.lon, academy.lat
        elif academy.province_code in shapes:
            point = shapes[academy.province_code].representative_point()
            x, y = point.x, point.y
        else:
            continue
        ax.plot(
            x,
            y,
            marker="^",
            markersize=6.5,
            color=ACADEMY_COLOUR,
            markeredgecolor=HALO,
            markeredgewidth=0.8,
            zorder=5,
        )
        modules = "?" if academy.modules_delivered is None else str(academy.modules_delivered)
        ax.annotate(
            f"A{number} {modules}/{modules_total}",
            (x, y),
            xytext=(4, 2),
            textcoords="offset points",
            fontsize=6,
            color=ACADEMY_COLOUR,
            zorder=6,
            path_effects=halo,
        )


def _draw_colour_bar(fig: Figure, rows: list[ProvinceRow], colour_by: str) -> None:
    norm, cmap = _colours(rows, colour_by)
    bar = fig.colorbar(
        ScalarMappable(norm=norm, cmap=cmap), cax=fig.add_axes((0.9, 0.2, 0.025, 0.6))
    )
    bar.ax.tick_params(labelsize=7)
    if colour_by == "rank":
        bar.ax.invert_yaxis()


def _metadata(fmt: str) -> dict[str, str | None]:
    """No creation date in the file, so the same map gives the same bytes."""
    return {"Date": None} if fmt == "svg" else {}
