"""Making every page go through the router, even on a deep link to a fresh server."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

ROUTER_RAN = "_router_ran"


def mark_router_run() -> None:
    """Called by ``dashboard.py``: the session has been through the router."""
    st.session_state[ROUTER_RAN] = True


def ensure_router() -> None:
    """Rerun through ``dashboard.py`` when Streamlit ran this page without it.

    Because the project has a ``pages/`` folder, Streamlit emulates its old folder-based
    navigation until ``st.navigation`` has been called once in the server process: a deep link
    (``/about``) as a fresh server's first request would run the page alone, without the shared
    sidebar. The flag Streamlit keeps for that is cleared here (as ``st.navigation`` itself
    does) and, for a session that has not yet been through the router, the run starts again.
    (streamlit.testing's AppTest resets the flag before every run; its sessions have been
    through the router on their first run, so they are not rerun and lose no widget event.)
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        if not st.session_state.get(ROUTER_RAN):
            st.rerun()
