"""Analyses of the atlas's data: pure functions over DataFrames, no SQL, no duckdb, no
streamlit (the contracts in pyproject.toml hold it).

The query layer reads the database; the publish stage (``publish``, and its command line
``python -m publish evaluate|rank``), the pages and the briefing pack call these functions on
what it returns.
"""
