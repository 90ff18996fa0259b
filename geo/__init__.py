"""Geometry and map builders: display geometry, compact encodings, folium maps.

Pure functions; nothing here imports streamlit.
"""
