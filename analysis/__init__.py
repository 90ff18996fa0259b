"""Analyses of the atlas's data: pure functions over DataFrames, no SQL, no streamlit.

The query layer reads the database; the pages, the CLI (``python -m analysis``) and the
briefing pack call these functions on what it returns.
"""
