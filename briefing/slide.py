"""A map slide: an Explore view's map as one PNG for a presentation, with its title, filters,
legend and notes (how numbers are protected, the sources, the synthetic label).

The map is drawn by matplotlib without a word on it (polygons in the view's colours, borders);
typst sets the words around it in either language, with the Khmer font (shaped and wrapped),
and renders the page to PNG. Pure: no streamlit, no SQL.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import typst
from matplotlib.figure import Figure

from briefing.render import BriefingError, find_khmer_font, font_order

TEMPLATE = Path(__file__).with_name("slide.typ")


@dataclass(frozen=True)
class SlideLegend:
    """The legend's words and colours: the 3×3 grid (rows high to low, each with its label and
    three colours), its axes, and the other symbols (``(fill or None, stroke, text)``)."""

    title: str
    rows_axis: str
    columns_axis: str
    columns: tuple[str, str, str]
    grid: tuple[tuple[str, tuple[str, str, str]], ...]
    symbols: tuple[tuple[str | None, str, str], ...] = ()


def _map_svg(units: gpd.GeoDataFrame, colours: Sequence[str],
             borders: gpd.GeoSeries | None) -> str:  # fmt: skip
    minx, miny, maxx, maxy = units.total_bounds
    aspect = (maxy - miny) / max(maxx - minx, 1e-9)
    fig = Figure(figsize=(8, max(8 * aspect, 2)))
    ax = fig.add_axes((0, 0, 1, 1))
    units.plot(ax=ax, color=list(colours), edgecolor="#555555", linewidth=0.15)
    if borders is not None and len(borders):
        borders.boundary.plot(ax=ax, color="#222222", linewidth=0.6)
    ax.set_axis_off()
    ax.set_aspect("equal")
    out = io.StringIO()
    fig.savefig(out, format="svg", transparent=True)
    return out.getvalue()


def map_slide_png(
    units: gpd.GeoDataFrame,
    colours: Sequence[str],
    *,
    lang: str,
    title: str,
    filters: str,
    legend: SlideLegend,
    notes: Sequence[str],
    synthetic: str | None,
    borders: gpd.GeoSeries | None = None,
    ppi: float = 150,
) -> bytes:
    """The slide as PNG bytes: ``units`` (EPSG:4326 polygons) filled with ``colours`` (one per
    unit), ``borders`` drawn over them, and the words in ``lang``.

    Raises:
        ValueError: if ``colours`` has not one colour per unit, or ``lang`` is not en or km.
        BriefingError: if no Khmer font is installed, or typst fails.
    """
    if len(colours) != len(units):
        raise ValueError(f"{len(colours)} colours for {len(units)} units")
    if lang not in ("en", "km"):
        raise ValueError(f"language {lang!r}: expected 'en' or 'km'")
    khmer = find_khmer_font()
    slide = {
        "lang": lang, "title": title, "filters": filters, "notes": list(notes),
        "synthetic": synthetic,
        "legend": {
            "title": legend.title, "rows_axis": legend.rows_axis,
            "columns_axis": legend.columns_axis, "columns": list(legend.columns),
            "grid": [{"label": label, "colours": list(c)} for label, c in legend.grid],
            "symbols": [{"fill": f, "stroke": s, "text": x} for f, s, x in legend.symbols],
        },
    }  # fmt: skip
    inputs = {"slide": json.dumps(slide, ensure_ascii=False),
              "fonts": json.dumps(font_order(lang, khmer)),
              "map": _map_svg(units, colours, borders)}  # fmt: skip
    try:
        return typst.compile(TEMPLATE.read_bytes(), format="png", ppi=ppi,
                             font_paths=[str(khmer.folder)], ignore_system_fonts=True,
                             sys_inputs=inputs)  # fmt: skip
    except typst.TypstError as error:
        raise BriefingError(f"typst could not set the slide: {error.message}") from error
