"""Making every page go through the router, even on a deep link to a fresh server."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_router() -> None:
    """Rerun through ``dashboard.py`` when Streamlit ran this page without it.

    Because the project has a ``pages/`` folder, Streamlit emulates its old folder-based
    navigation until ``st.navigation`` has been called once in the server process: a deep link
    (``/about``) as a fresh server's first request would run the page alone, without the shared
    sidebar. The flag Streamlit keeps for that is cleared here (as ``st.navigation`` itself
    does), and the run starts again, now through the router.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
