"""Map builders: pure functions that return a ``folium.Map``.

Commune polygons travel to the browser in the compact encoding of ``geo.encode`` and are
decoded by a small script of our own into one Leaflet GeoJSON layer, so the national map stays
a few hundred kilobytes. Leaflet itself is served locally (``geo.assets``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geo.assets import use_local_assets
from geo.encode import OFFSET, encode_geometry

PROVINCE_PALETTE = (
    "#8dd3c7", "#e6c84f", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
    "#bc80bd", "#ccebc5", "#6fa8a0", "#d9a3a3", "#9ab0d6", "#c7a76c", "#a6cee3", "#b2df8a",
    "#fb9a99", "#fdbf6f", "#cab2d6", "#e0b0ff", "#ffd92f", "#66c2a5", "#fc8d62", "#8da0cb",
    "#e78ac3",
)  # fmt: skip
PLAIN_BACKGROUND = "#e9eef2"
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "&copy; OpenStreetMap contributors"
_TEMPLATE = Template(Path(__file__).with_name("compact_layer.js").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class MapLabels:
    """The words a map shows, in the user's language (``lang`` is ``en`` or ``km``)."""

    lang: str = "en"
    district: str = "District"
    province: str = "Province"
    code: str = "Commune code"
    nocode: str = "no official code"


@dataclass(frozen=True)
class LayerStyle:
    """Stroke and fill of a polygon layer."""

    color: str = "#4a4a4a"
    weight: float = 0.4
    opacity: float = 0.75
    interactive: bool = True
    colors: tuple[str, ...] = field(default_factory=tuple)


class CompactPolygonLayer(MacroElement):
    """A Leaflet GeoJSON layer shipped in the compact polygon encoding."""

    _template = _TEMPLATE

    def __init__(self, payload: dict, background: str | None = None) -> None:
        super().__init__()
        self._name = "CompactPolygonLayer"
        self.payload = payload_json(payload)
        self.background = background


def _plain(text: str) -> str:
    """A label without braces (they would read as template syntax); names never have any."""
    return text.replace("{", "(").replace("}", ")")


def payload_json(payload: dict) -> str:
    """Serialise a layer payload for a script that may pass through Jinja once more.

    folium renders element scripts through branca, which reads them as templates again, while
    streamlit-folium does not: the text must read the same either way, so it may hold no
    ``{{``, ``}}``, ``{%`` or ``{#`` (the polyline alphabet has no braces, labels are made
    plain, and the payload's last key is a scalar). ``</`` is escaped for HTML.

    Raises:
        ValueError: if the serialised payload would still contain template syntax.
    """
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    for marker in ("{{", "}}", "{%", "{#"):
        if marker in text:
            raise ValueError(f"map payload contains template syntax {marker!r}")
    return text


def province_colours(codes: pd.Series) -> dict[str, str]:
    """A fixed colour for each province code (same colour on every page and every run)."""
    return {
        code: PROVINCE_PALETTE[i % len(PROVINCE_PALETTE)]
        for i, code in enumerate(sorted(set(codes)))
    }


def encode_polygons(geoms: gpd.GeoSeries, precision: int) -> list[list[list[str]]]:
    """Every geometry in the compact encoding (the costly part of a payload, worth caching).

    Raises:
        ValueError: if a geometry is not polygonal.
    """
    return [encode_geometry(g, precision) for g in geoms]


PLACE_COLUMNS = ["district_name_en", "district_name_km", "province_name_en", "province_name_km"]


@dataclass(frozen=True)
class CommuneRows:
    """What a commune layer's payload holds whatever the colours: per commune its code, names,
    place index and encoded polygon, and the table of places. Worth caching per layer."""

    rows: list
    places: list


def commune_rows(
    communes: gpd.GeoDataFrame, precision: int, encoded: list | None = None
) -> CommuneRows:
    """The fixed part of ``commune_payload`` for ``communes`` (``query.commune_layer``).

    Raises:
        ValueError: if a geometry is not polygonal, or ``encoded`` has not one entry per
            commune.
    """
    if encoded is None:
        encoded = encode_polygons(communes.geometry, precision)
    if len(encoded) != len(communes):
        raise ValueError(f"encoded has {len(encoded)} entries for {len(communes)} communes")
    places = communes[PLACE_COLUMNS].fillna("").map(_plain)
    place_index = {p: i for i, p in enumerate(dict.fromkeys(places.itertuples(index=False)))}
    rows = [
        [
            code if isinstance(code, str) else None,
            _plain(name_en),
            _plain(name_km) if isinstance(name_km, str) else "",
            place_index[place],
            geometry,
        ]
        for code, name_en, name_km, place, geometry in zip(
            communes["commune_code"], communes["commune_name_en"], communes["commune_name_km"],
            places.itertuples(index=False), encoded, strict=True,
        )
    ]  # fmt: skip
    return CommuneRows(rows, [list(p) for p in place_index])


def commune_payload(
    communes: gpd.GeoDataFrame,
    fill_index: pd.Series,
    style: LayerStyle,
    labels: MapLabels,
    precision: int,
    *,
    encoded: list | CommuneRows | None = None,
    extras: list[list[str]] | None = None,
    extra_labels: tuple[str, ...] = (),
) -> dict:
    """The data the compact layer script decodes: places, colours, encoded polygons, labels.

    ``communes`` carries the columns of ``query.commune_layer``; ``fill_index`` gives, per row,
    an index into ``style.colors``. ``encoded`` is ``encode_polygons`` of the geometry, or
    ``commune_rows`` of the layer, when already known. ``extras`` are more tooltip lines per
    row, labelled by ``extra_labels``; each distinct text is written once.

    Raises:
        ValueError: if a geometry is not polygonal, or ``encoded``, ``fill_index`` or
            ``extras`` do not have one entry per commune.
    """
    fixed = encoded if isinstance(encoded, CommuneRows) else commune_rows(
        communes, precision, encoded
    )  # fmt: skip
    for name, given in (("encoded", fixed.rows), ("fill_index", fill_index), ("extras", extras)):
        if given is not None and len(given) != len(communes):
            raise ValueError(f"{name} has {len(given)} entries for {len(communes)} communes")
    words: dict[str, int] = {}
    if extras is None:
        tails: list[list] = [[] for _ in fixed.rows]
    else:
        tails = [[[words.setdefault(_plain(x), len(words)) for x in row]] for row in extras]
    rows = [
        [*row[:4], int(fill), row[4], *tail]
        for row, fill, tail in zip(fixed.rows, fill_index, tails, strict=True)
    ]
    payload = _layer_payload(rows, fixed.places, style, labels, precision)
    payload["xl"] = [_plain(label) for label in extra_labels]
    payload["xv"] = list(words)  # tooltip texts, each written once; rows hold their indices
    return payload


def outline_payload(geoms: gpd.GeoSeries | list, style: LayerStyle, precision: int) -> dict:
    """Payload for an outline layer (district or province borders): no fill, no tooltip.

    ``geoms`` are geometries, or already their ``encode_polygons``.

    Raises:
        ValueError: if a geometry is not polygonal.
    """
    encoded = geoms if isinstance(geoms, list) else encode_polygons(geoms, precision)
    rows = [[None, "", "", 0, 0, e] for e in encoded]
    outline = LayerStyle(color=style.color, weight=style.weight, opacity=0, interactive=False)
    return _layer_payload(rows, [], outline, MapLabels(), precision)


def _layer_payload(
    rows: list, places: list, style: LayerStyle, labels: MapLabels, precision: int
) -> dict:
    """The layer data the script decodes (keys kept short: the national map carries ~1,600
    rows). The last key is a scalar so that the JSON never ends in ``}}`` (see payload_json)."""
    return {
        "s": 10**precision,
        "o": OFFSET,
        "c": list(style.colors),
        "d": places,
        "f": rows,
        "l": labels.__dict__,
        "xl": [],
        "xv": [],
        "st": {"color": style.color, "weight": style.weight, "opacity": style.opacity},
        "interactive": style.interactive,
    }


def base_map(bounds: tuple[float, float, float, float], tiles: str | None) -> folium.Map:
    """An empty map fitted to ``bounds`` (minx, miny, maxx, maxy), Leaflet served locally.

    ``tiles`` is a tile URL template, or None for a plain background (offline briefings).
    """
    minx, miny, maxx, maxy = bounds
    m = folium.Map(tiles=None, control_scale=True, zoom_snap=0.25, prefer_canvas=False)
    use_local_assets(m)
    if tiles:
        attribution = OSM_ATTRIBUTION if tiles == OSM_TILES else "tiles"
        folium.TileLayer(tiles, attr=attribution, name="basemap", opacity=0.6).add_to(m)
    m.fit_bounds([[miny, minx], [maxy, maxx]])
    return m


def build_province_map(
    communes: gpd.GeoDataFrame,
    labels: MapLabels,
    *,
    borders: gpd.GeoSeries | None = None,
    tiles: str | None = None,
    precision: int = 4,
) -> folium.Map:
    """Communes coloured by province, with tooltips in both scripts and optional borders.

    Raises:
        ValueError: if ``communes`` is empty or not in EPSG:4326.
    """
    if communes.empty:
        raise ValueError("no communes to draw")
    if communes.crs is None or communes.crs.to_epsg() != 4326:
        raise ValueError(f"communes must be in EPSG:4326, got {communes.crs}")
    colours = province_colours(communes["province_code"])
    palette = tuple(colours.values())
    fill = communes["province_code"].map({c: i for i, c in enumerate(colours)})
    style = LayerStyle(colors=palette)
    m = base_map(tuple(communes.total_bounds), tiles)
    payload = commune_payload(communes, fill, style, labels, precision)
    m.add_child(CompactPolygonLayer(payload, background=None if tiles else PLAIN_BACKGROUND))
    if borders is not None and not borders.empty:
        outline = LayerStyle(color="#222222", weight=1.2, interactive=False)
        m.add_child(CompactPolygonLayer(outline_payload(borders, outline, precision)))
    return m


def map_html_bytes(m: folium.Map) -> int:
    """Bytes of the map's standalone HTML (its script carries all the map data)."""
    return len(m.get_root().render().encode("utf-8"))
