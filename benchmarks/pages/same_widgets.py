"""The benchmark's floor for the Explore page: the kinds of element Explore draws on its first
view (a sidebar of a language switch and five select boxes, four metrics, a folium map of one
polygon through streamlit-folium with Leaflet served locally, a search box, rows of buttons,
pills, a toggle, an HTML legend and table, captions, a collapsed note, two download buttons),
with no data behind them: what Streamlit's own session and the front-end code of those
elements cost a new visitor's session, whatever a page does."""

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.assets import use_local_assets

with st.sidebar:
    st.radio("Language", ["English", "Khmer"], horizontal=True)
    st.subheader("Filters")
    for name in ("Period", "Province", "Type", "Population", "Actor"):
        st.selectbox(name, ["All", "One", "Two"])
st.title("Explore")
for column, label in zip(st.columns(4), ("Incidents", "Units", "Share", "Change"), strict=True):
    column.metric(label, "120", help="A note")
left, right = st.columns([3, 2])
with left:
    fmap = folium.Map(location=[12.6, 104.9], zoom_start=7, tiles=None)
    use_local_assets(fmap)
    folium.GeoJson({"type": "Feature", "properties": {}, "geometry": {
        "type": "Polygon", "coordinates": [[[104, 12], [105, 12], [105, 13], [104, 12]]]}},
    ).add_to(fmap)  # fmt: skip
    st_folium(fmap, height=560, use_container_width=True, returned_objects=[])
    st.caption("How numbers are protected.")
    with st.expander("Method note"):
        st.caption("Methods.")
with right:
    st.text_input("Search", placeholder="A province, district or commune")
    st.html('<div class="legend"><b>Legend</b><br>High · Medium · Low</div>')
    st.radio("Measure", ["Count", "Rate"], horizontal=True)
    st.pills("Layers", ["Borders", "Partnership", "Services"], selection_mode="multi")
    st.markdown("**Units**")
    st.toggle("Show all 210")
    st.html("<table><tr><th>Unit</th><th>Incidents</th></tr><tr><td>A</td><td>5</td></tr></table>")
st.download_button("Download the table", "a,b\n1,2", file_name="table.csv")
st.download_button("Download the map", "<html></html>", file_name="map.html")
