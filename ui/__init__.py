"""Streamlit-side helpers shared by the router and the pages (not pages themselves)."""
