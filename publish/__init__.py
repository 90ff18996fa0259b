"""The publish stage: the products derived from the facts, made after the facts are written.

The ETL (``etl``) writes facts only, under the database's write lock. This stage, above the
query and analysis layers, makes what the pages and the pack would otherwise compute on every
first load (``publish.products`` declares each product once: what it reads, how it is made,
its checks), records per product its rows, checks, seconds and the build id of the facts it
was made from, and writes them beside the database (``atlas_products.duckdb`` and the briefing
store, ``atlas_briefing.duckdb``) under a lock of its own. ``python -m publish`` runs it.
"""
