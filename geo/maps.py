"""Map builders: pure functions that return a ``folium.Map``.

Commune polygons travel to the browser as a topology (``geo.topology``: each shared border
once, integer coordinates) in the compact text of ``geo.encode``; a small script of our own
decodes it into one Leaflet GeoJSON layer, with the borders, outlines and points a map draws
over it, so the national map stays small on the wire. Leaflet itself is served locally
(``geo.assets``).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geo.assets import use_local_assets
from geo.encode import encode_topology
from geo.topology import build_topology
from i18n import t

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
    """The words a map shows, in the user's language (``lang`` is ``en`` or ``km``), and the
    ``digits`` 0 to 9 it writes its numbers, codes and scale with (``t("digits", lang)``)."""

    lang: str = "en"
    district: str = field(default_factory=lambda: t("district", "en"))
    province: str = field(default_factory=lambda: t("province", "en"))
    code: str = field(default_factory=lambda: t("commune_code", "en"))
    nocode: str = field(default_factory=lambda: t("no_code", "en"))
    digits: str = "0123456789"


@dataclass(frozen=True)
class LayerStyle:
    """Stroke and fill of a polygon layer."""

    color: str = "#4a4a4a"
    weight: float = 0.4
    opacity: float = 0.75
    interactive: bool = True
    colors: tuple[str, ...] = field(default_factory=tuple)


class CompactPolygonLayer(MacroElement):
    """The map's communes (a Leaflet GeoJSON layer) and what is drawn over them, shipped as
    one compact topology (``commune_payload``)."""

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
    ``{{``, ``}}``, ``{%`` or ``{#`` (the arcs' alphabet has no braces, labels are made
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


PLACE_COLUMNS = ["district_name_en", "district_name_km", "province_name_en", "province_name_km"]


@dataclass(frozen=True)
class CommuneRows:
    """What a commune layer's payload holds whatever the colours, column by column (a column
    compresses better than rows that mix names and numbers): per commune its code (None
    without), names, index into ``places`` and polygons (rings of arc tokens, ``geo.encode``);
    the topology's ``arcs`` and ``scale`` (integers per degree); and the mesh of the borders
    built with it (empty without). Worth caching per layer."""

    codes: list
    names_en: list[str]
    names_km: list[str]
    place_index: list[int]
    places: list[list[str]]
    shapes: list
    arcs: str
    scale: int
    borders: list[int] = field(default_factory=list)

    def without_borders(self) -> CommuneRows:
        """The same layer, its borders not drawn."""
        return dataclasses.replace(self, borders=[])


def commune_rows(
    communes: gpd.GeoDataFrame, precision: int, borders: gpd.GeoSeries | None = None
) -> CommuneRows:
    """The fixed part of ``commune_payload`` for ``communes`` (``query.commune_layer``), with
    the ``borders`` to draw over them (district or province outlines) in the same topology.

    Raises:
        ValueError: if a geometry is not polygonal, or ``precision`` is not 0 to 7.
    """
    layers = [communes.geometry] if borders is None else [communes.geometry, borders]
    encoded = encode_topology(build_topology(layers, precision))
    places = communes[PLACE_COLUMNS].fillna("").map(_plain)
    place_index = {p: i for i, p in enumerate(dict.fromkeys(places.itertuples(index=False)))}
    return CommuneRows(
        codes=[c if isinstance(c, str) else None for c in communes["commune_code"]],
        names_en=[_plain(n) for n in communes["commune_name_en"]],
        names_km=[_plain(n) if isinstance(n, str) else "" for n in communes["commune_name_km"]],
        place_index=[place_index[p] for p in places.itertuples(index=False)],
        places=[list(p) for p in place_index],
        shapes=encoded.shapes,
        arcs=encoded.arcs,
        scale=encoded.scale,
        borders=encoded.meshes[0] if encoded.meshes else [],
    )


BORDER_STYLE = LayerStyle(color="#333333", weight=1.0, interactive=False)
OUTLINE_STYLE = LayerStyle(color="#111111", weight=2.2, interactive=False)


@dataclass(frozen=True)
class Overlays:
    """What a map draws over its communes: the borders its ``CommuneRows`` carry (in
    ``border_style``), the communes at positions ``outlined`` outlined, and ``points``
    (lat, lon, tooltip text) as dots of ``point_colour``."""

    border_style: LayerStyle = BORDER_STYLE
    outlined: Sequence[int] = ()
    outline_style: LayerStyle = OUTLINE_STYLE
    points: Sequence[tuple[float, float, str]] = ()
    point_colour: str = "#6a1b9a"
    selected: int | None = None  # the commune drawn with a heavy outline (its story is open)
    #: Rings (lists of (lat, lon)) of a place chosen in the search that is not one of the
    #: map's units (a district on a map of communes): drawn with the heavy outline.
    focus: Sequence[Sequence[tuple[float, float]]] = ()


def commune_payload(
    communes: gpd.GeoDataFrame,
    fill_index: pd.Series,
    style: LayerStyle,
    labels: MapLabels,
    precision: int,
    *,
    encoded: CommuneRows | None = None,
    extras: list[list[str]] | None = None,
    extra_labels: tuple[str, ...] = (),
    overlays: Overlays | None = None,
) -> dict:
    """The data the compact layer script decodes: arcs, places, colours, polygons, labels and
    the overlays.

    ``communes`` carries the columns of ``query.commune_layer``; ``fill_index`` gives, per row,
    an index into ``style.colors``. ``encoded`` is ``commune_rows`` of the layer, when already
    known. ``extras`` are more tooltip lines per row, labelled by ``extra_labels``; each
    distinct text is written once.

    Raises:
        ValueError: if a geometry is not polygonal, ``encoded``, ``fill_index`` or ``extras``
            do not have one entry per commune, or an outlined position is not a commune's.
    """
    fixed = encoded if encoded is not None else commune_rows(communes, precision)
    overlays = overlays or Overlays()
    for name, given in (("encoded", fixed.codes), ("fill_index", fill_index), ("extras", extras)):
        if given is not None and len(given) != len(communes):
            raise ValueError(f"{name} has {len(given)} entries for {len(communes)} communes")
    if any(not 0 <= i < len(communes) for i in overlays.outlined):
        raise ValueError("an outlined position is not one of the communes")
    if overlays.selected is not None and not 0 <= overlays.selected < len(communes):
        raise ValueError("the selected position is not one of the communes")
    words: dict[str, int] = {}
    tails = [] if extras is None else [[words.setdefault(_plain(x), len(words)) for x in row]
                                       for row in extras]  # fmt: skip
    fills = [int(f) for f in fill_index]
    return _layer_payload(fixed, fills, tails, words, style, labels, extra_labels, overlays)


def _style(style: LayerStyle) -> dict:
    return {"color": style.color, "weight": style.weight, "opacity": style.opacity}


def _layer_payload(
    fixed: CommuneRows,
    fills: list[int],
    tails: list[list[int]],
    words: dict[str, int],
    style: LayerStyle,
    labels: MapLabels,
    extra_labels: tuple[str, ...],
    overlays: Overlays,
) -> dict:
    """The layer data the script decodes, a column per key (keys kept short: the national map
    carries ~1,600 communes). The last key is a scalar so that the JSON never ends in ``}}``
    (see payload_json)."""
    texts: dict[str, int] = {}
    points = [
        [round(lat, 5), round(lon, 5), texts.setdefault(_plain(text), len(texts))]
        for lat, lon, text in overlays.points
    ]
    return {
        "s": fixed.scale,
        "a": fixed.arcs,
        "k": fixed.codes,
        "n": fixed.names_en,
        "m": fixed.names_km,
        "pi": fixed.place_index,
        "d": fixed.places,
        "g": fixed.shapes,
        "fi": fills,
        "c": list(style.colors),
        "l": labels.__dict__,
        "x": tails,  # per commune, its tooltip lines as indices into "xv"
        "xl": [_plain(label) for label in extra_labels],
        "xv": list(words),  # tooltip texts, each written once
        "st": _style(style),
        "b": fixed.borders,
        "bs": _style(overlays.border_style),
        "ol": [int(i) for i in overlays.outlined],
        "os": _style(overlays.outline_style),
        "p": points,
        "pv": list(texts),
        "pc": overlays.point_colour,
        "sl": -1 if overlays.selected is None else int(overlays.selected),
        "fr": [[[[round(lat, 4), round(lon, 4)] for lat, lon in ring]] for ring in overlays.focus],
        "interactive": style.interactive,
    }


class WheelAfterClick(MacroElement):
    """The wheel scrolls the page over a map until the map is clicked (then it zooms the map,
    until the pointer leaves it); with Ctrl held the wheel zooms at once."""

    _template = Template(
        """{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }}, box = map.getContainer();
  box.addEventListener("mousedown", function () { map.scrollWheelZoom.enable(); });
  box.addEventListener("mouseleave", function () { map.scrollWheelZoom.disable(); });
  box.addEventListener("wheel", function (e) {
    if (!e.ctrlKey || map.scrollWheelZoom.enabled()) { return; }
    e.preventDefault();
    map.setZoomAround(map.mouseEventToContainerPoint(e), map.getZoom() + (e.deltaY < 0 ? 1 : -1));
  }, {passive: false});
})();
{% endmacro %}"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "WheelAfterClick"


def base_map(bounds: tuple[float, float, float, float], tiles: str | None) -> folium.Map:
    """An empty map fitted to ``bounds`` (minx, miny, maxx, maxy), Leaflet served locally;
    the wheel zooms it only after a click on it, or with Ctrl (``WheelAfterClick``): before,
    it scrolls the page.

    ``tiles`` is a tile URL template, or None for a plain background (offline briefings).
    """
    minx, miny, maxx, maxy = bounds
    m = folium.Map(
        tiles=None, control_scale=True, zoom_snap=0.25, prefer_canvas=False, scroll_wheel_zoom=False
    )
    use_local_assets(m)
    m.add_child(WheelAfterClick())
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
    encoded: CommuneRows | None = None,
    tiles: str | None = None,
    precision: int = 4,
) -> folium.Map:
    """Communes coloured by province, with tooltips in both scripts, and ``borders`` drawn
    over them; or ``encoded`` (``commune_rows`` of the communes, with their borders) when
    already known.

    Raises:
        ValueError: if ``communes`` is empty or not in EPSG:4326, or both ``borders`` and
            ``encoded`` are given (the borders travel inside ``encoded``).
    """
    if communes.empty:
        raise ValueError("no communes to draw")
    if communes.crs is None or communes.crs.to_epsg() != 4326:
        raise ValueError(f"communes must be in EPSG:4326, got {communes.crs}")
    if encoded is not None and borders is not None:
        raise ValueError("give the borders inside encoded (commune_rows), not beside it")
    colours = province_colours(communes["province_code"])
    palette = tuple(colours.values())
    fill = communes["province_code"].map({c: i for i, c in enumerate(colours)})
    style = LayerStyle(colors=palette)
    m = base_map(tuple(communes.total_bounds), tiles)
    fixed = encoded if encoded is not None else commune_rows(communes, precision, borders)
    overlays = Overlays(border_style=LayerStyle(color="#222222", weight=1.2, interactive=False))
    payload = commune_payload(
        communes, fill, style, labels, precision, encoded=fixed, overlays=overlays
    )
    m.add_child(CompactPolygonLayer(payload, background=None if tiles else PLAIN_BACKGROUND))
    return m


def map_html_bytes(m: folium.Map) -> int:
    """Bytes of the map's standalone HTML (its script carries all the map data)."""
    return len(m.get_root().render().encode("utf-8"))
