"""Benchmark: boundary build time, and map bytes against the unsimplified layer, in one run.

Run: .venv/bin/python -m benchmarks.bench_boundaries
Bytes are those of the script streamlit-folium sends to the browser for the map (the map data
lives in it), measured with streamlit-folium's own serialiser, plus their gzip size.
"""

from __future__ import annotations

import gzip
import tempfile
import time
import warnings
from pathlib import Path

import folium
import geopandas as gpd
from streamlit_folium import generate_leaflet_string

import config
import query
from etl import build, reference
from geo.maps import MapLabels, build_province_map

warnings.filterwarnings("ignore")


def script_bytes(m: folium.Map) -> tuple[int, int]:
    """Bytes of the map script streamlit-folium would send, and gzipped."""
    m.render()
    text = generate_leaflet_string(m).encode("utf-8")
    return len(text), len(gzip.compress(text))


def naive_map(frame: gpd.GeoDataFrame) -> folium.Map:
    """The unsimplified layer the usual way: folium GeoJson with a names tooltip."""
    m = folium.Map(tiles=None)
    layer = frame[["commune_name_en", "commune_name_km", "province_name_en", "geometry"]]
    folium.GeoJson(
        layer,
        tooltip=folium.GeoJsonTooltip(["commune_name_en", "commune_name_km", "province_name_en"]),
    ).add_to(m)
    return m


def raw_layer(con, province: str | None) -> gpd.GeoDataFrame:
    """Communes with the full (unsimplified) geometry, through the same names."""
    frame = query.commune_layer(con, province)
    full = con.execute("SELECT source_id, ST_AsWKB(geom) AS wkb FROM communes").df()
    full = query._to_geoframe(full).set_index("source_id").geometry
    return frame.set_geometry(full.loc[frame["source_id"]].values, crs="EPSG:4326")


def row(label: str, sizes: tuple[int, int], baseline: tuple[int, int]) -> str:
    ratio = sizes[0] / baseline[0]
    return f"  {label:<44}{sizes[0]:>12,}{sizes[1]:>12,}{ratio:>9.1%}"


def main() -> None:
    """Print build time and map bytes next to their baselines."""
    ref = config.get_path("ATLAS_REFERENCE_DIR")
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        layers = reference.load_reference_layers(ref, ref)
        read_s = time.perf_counter() - started
        started = time.perf_counter()
        reference.read_and_conflate(ref)
        boundary_s = time.perf_counter() - started
        result = build.build(
            db_path=Path(tmp) / "atlas.duckdb",
            report_dir=Path(tmp) / "reports",
            demo_dir=Path(tmp) / "demo",
        )
        print("Boundary build")
        print(f"  read and check the three layers (baseline)      {read_s:>7.2f} s")
        print(f"  read, conflate with the gazetteer, simplify      {boundary_s:>7.2f} s")
        print(f"  whole build (+ write, demo set, ingest, report)  {result.seconds:>7.2f} s")
        print(f"  polygons with an official code: {result.coded}/{result.communes}")
        con = query.open_database(result.db_path)
        labels = MapLabels()
        print("\nMap script bytes sent to the browser       raw bytes        gzip  vs naive")
        for name, province, table in (
            (f"national ({len(layers['communes'])} communes)", None, "provinces"),
            ("Phnom Penh (12)", "12", "districts"),
            ("Kampong Thom (06)", "06", "districts"),
        ):
            naive = script_bytes(naive_map(raw_layer(con, province)))
            compact_raw = script_bytes(build_province_map(raw_layer(con, province), labels))
            borders = query.border_layer(con, table, province).geometry
            ours = script_bytes(
                build_province_map(query.commune_layer(con, province), labels, borders=borders)
            )
            print(f" {name}")
            print(row("unsimplified layer, folium GeoJson (baseline)", naive, naive))
            print(row("unsimplified layer, compact encoding", compact_raw, naive))
            print(row("atlas map (simplified + compact + borders)", ours, naive))
        con.close()


if __name__ == "__main__":
    main()
