"""The benchmark's baseline for server work per session: a Streamlit page with only a title."""

import streamlit as st

st.title("Atlas")
