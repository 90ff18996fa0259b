"""The atlas's analyses: pure functions on DataFrames (no streamlit, no SQL), fed by the query
layer and shown by the pages."""
