"""The benchmark's baseline page: the atlas's commune polygons (its display geometry, read from
``ATLAS_DB_PATH``) on a plain folium map through streamlit-folium, nothing else. Leaflet is
served locally as the atlas serves it (the machine is offline)."""

import duckdb
import folium
import streamlit as st
from streamlit_folium import st_folium

import query
from config import get
from geo.assets import use_local_assets


@st.cache_data
def _layer() -> str:
    con = duckdb.connect(get("ATLAS_DB_PATH"), read_only=True)
    return query.commune_layer(con, None)[["commune_name_en", "geometry"]].to_json()


st.title("Communes")
m = folium.Map(location=[12.6, 104.9], zoom_start=7, tiles=None)
use_local_assets(m)
folium.GeoJson(_layer()).add_to(m)
st_folium(m, height=560, use_container_width=True, returned_objects=[])
