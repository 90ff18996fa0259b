"""Extract, validate, conflate and load: everything that writes the atlas's DuckDB file.

Nothing in this package imports streamlit; the CLI (``python -m etl``) and the tests call it.
"""
