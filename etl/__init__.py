"""Extract, validate, conflate and load: everything that writes the atlas's DuckDB file.

Three parts, each a subpackage with its public surface in ``__all__``: ``etl.reference``
(boundaries and gazetteer), ``etl.partners`` (partner files) and ``etl.demo`` (the synthetic
demonstration set); ``etl.build`` puts them together and ``python -m etl`` runs them.
Nothing here imports streamlit, and this file imports nothing, so ``etl.schema`` stays light
for the query layer.
"""
