"""The map builder on the built atlas: payload budgets, local assets, tooltips' data."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import folium
import pytest

import query
from geo.encode import EncodedTopology, decode_topology
from geo.maps import MapLabels, build_province_map, map_html_bytes
from geo.topology import quantise
from tests.geo.test_topology import same_cycle

NATIONAL_BUDGET = 300_000  # 270 KB measured (406 KB before the topology)
PROVINCE_BUDGET = 30_000  # 24 KB measured for the largest (Kampong Thom)


@pytest.fixture(scope="module")
def con(built_db: Path):
    connection = query.open_database(built_db)
    yield connection
    connection.close()


def payload_of(m: folium.Map) -> dict:
    html = m.get_root().render()
    match = re.search(r"var data = (\{.*?\});\n", html)
    assert match, "the map carries its compact payload"
    return json.loads(match.group(1))


def test_national_map_fits_the_budget_and_draws_every_commune(con) -> None:
    communes = query.commune_layer(con)
    borders = query.border_layer(con, "provinces").geometry
    m = build_province_map(communes, MapLabels(), borders=borders)
    assert map_html_bytes(m) <= NATIONAL_BUDGET
    payload = payload_of(m)
    assert len(payload["k"]) == len(payload["g"]) == 1633
    codes = [code for code in payload["k"] if code]
    assert len(codes) == len(set(codes)) >= 1600
    khmer = [name for name in payload["m"] if name]
    assert all(re.search("[\u1780-\u17ff]", name) for name in khmer)
    assert len(payload["b"]) > 500  # the province borders: arcs of the communes' topology


def test_the_payload_draws_every_commune_and_border_exactly(con) -> None:
    communes = query.commune_layer(con, "12")
    borders = query.border_layer(con, "districts", "12").geometry
    payload = payload_of(build_province_map(communes, MapLabels(), borders=borders))
    encoded = EncodedTopology(payload["a"], payload["g"], [payload["b"]], payload["s"])
    shapes, (mesh,) = decode_topology(encoded)
    for geom, shape in zip(communes.geometry, shapes, strict=True):
        rings = [r for p in shape for r in p]
        expected = [r for p in quantise(geom, 4) for r in p]
        assert len(rings) == len(expected)
        assert all(same_cycle(a, b) for a, b in zip(rings, expected, strict=True))
    drawn = {frozenset(e) for arc in mesh for e in pairwise(arc)}
    lines = {
        frozenset(e)
        for g in borders
        for p in quantise(g, 4)
        for r in p
        for e in pairwise([*r, r[0]])
    }
    assert drawn == lines


def test_every_province_map_fits_its_budget(con) -> None:
    sizes = {}
    for code in query.province_list(con)["province_code"]:
        communes = query.commune_layer(con, code)
        borders = query.border_layer(con, "districts", code).geometry
        sizes[code] = map_html_bytes(build_province_map(communes, MapLabels(), borders=borders))
    assert len(sizes) == 25
    assert max(sizes.values()) <= PROVINCE_BUDGET, sizes


def test_raw_layer_as_plain_geojson_would_blow_the_budget(layers) -> None:
    m = folium.Map(tiles=None)
    folium.GeoJson(layers["communes"][["shapeName", "geometry"]]).add_to(m)
    assert map_html_bytes(m) > 5 * NATIONAL_BUDGET


def test_map_loads_only_local_leaflet_and_no_tiles_when_offline(con) -> None:
    m = build_province_map(query.commune_layer(con, "01"), MapLabels(), tiles=None)
    html = m.get_root().render()
    scripts = re.findall(r'<script src="([^"]+)"', html)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert scripts == ["/app/static/vendor/leaflet/leaflet.js"]
    assert styles == ["/app/static/vendor/leaflet/leaflet.css"]
    assert "tile.openstreetmap" not in html


def test_tiles_when_a_tile_url_is_given(con) -> None:
    url = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    m = build_province_map(query.commune_layer(con, "23"), MapLabels(), tiles=url)
    assert "tile.openstreetmap.org" in m.get_root().render()


def test_labels_follow_the_language(con) -> None:
    labels = MapLabels(lang="km", district="ស្រុក/ខណ្ឌ")
    payload = payload_of(build_province_map(query.commune_layer(con, "23"), labels))
    assert payload["l"]["lang"] == "km" and payload["l"]["district"] == "ស្រុក/ខណ្ឌ"


def test_empty_or_projected_layers_are_refused(con) -> None:
    communes = query.commune_layer(con, "23")
    with pytest.raises(ValueError, match="no communes"):
        build_province_map(communes.iloc[:0], MapLabels())
    with pytest.raises(ValueError, match="EPSG:4326"):
        build_province_map(communes.to_crs("EPSG:32648"), MapLabels())
