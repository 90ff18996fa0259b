"""The naive Explore page, for the benchmark only: on every rerun it reads the raw incident
rows, filters and counts them in pandas, and sends the full-resolution commune layer as plain
GeoJSON with a style per feature. It shows no protected counts: it is never served to users.

Run by ``benchmarks/bench_explore.py`` through AppTest, against ``ATLAS_DB_PATH``.
"""

from __future__ import annotations

import os

import duckdb
import folium
import geopandas as gpd
import shapely
import streamlit as st
from streamlit_folium import st_folium

from geo.assets import use_local_assets
from vocabulary import INCIDENT_TYPES, POPULATIONS

con = duckdb.connect(os.environ["ATLAS_DB_PATH"], read_only=True)
types = st.multiselect("Incident type", INCIDENT_TYPES, key="w_type")
pops = st.multiselect("Population", POPULATIONS, key="w_pop")
incidents = con.execute(
    "SELECT polygon_id, date, CAST(incident_type AS VARCHAR) AS incident_type, "
    "CAST(population AS VARCHAR) AS population FROM incidents"
).df()
chosen = incidents[
    (incidents["date"] >= "2014-01-01")
    & incidents["incident_type"].isin(types or INCIDENT_TYPES)
    & incidents["population"].isin(pops or POPULATIONS)
]
counts = chosen.groupby("polygon_id").size()
frame = con.execute("SELECT source_id, commune_name_en, ST_AsWKB(geom) AS wkb FROM communes").df()
layer = gpd.GeoDataFrame(
    frame.drop(columns="wkb"), geometry=shapely.from_wkb(frame["wkb"].map(bytes)), crs=4326
)
layer["incidents"] = layer["source_id"].map(counts).fillna(0).astype(int)
st.metric("Incidents in the period", f"{int(counts.sum()):,}")
fmap = use_local_assets(folium.Map(location=[12.5, 105], zoom_start=7, tiles=None))
folium.GeoJson(
    layer,
    style_function=lambda f: {
        "fillColor": "#d7482f" if f["properties"]["incidents"] >= 10 else "#f4ece6",
        "weight": 0.3,
    },
    tooltip=folium.GeoJsonTooltip(["commune_name_en", "incidents"]),
).add_to(fmap)
st_folium(fmap, height=620, returned_objects=[], key="naive_map")
