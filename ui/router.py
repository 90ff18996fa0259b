"""Making every page go through the router, even on a deep link to a fresh server."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from geo.assets import assets_installed
from ui.i18n import t
from ui.state import language


def ensure_router() -> None:
    """Rerun through ``dashboard.py`` when Streamlit ran this page without it.

    Because the project has a ``pages/`` folder, Streamlit emulates its old folder-based
    navigation until ``st.navigation`` has been called once in the server process: a deep link
    (``/about``) as a fresh server's first request would run the page alone, without the shared
    sidebar. (streamlit.testing's AppTest resets that flag before every run, so there every
    run after the first would.) The flag is cleared here, as ``st.navigation`` itself does,
    and the run starts again through the router. Widget callbacks have already run by then,
    so a widget change is kept; the pages' buttons act through callbacks for that reason.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def start_page(title_key: str, question_key: str) -> str:
    """What every map page does first: go through the router, draw its title and question,
    and stop with a message when the local map scripts are missing. Returns the language."""
    ensure_router()
    lang = language()
    st.title(t(title_key, lang))
    st.caption(t(question_key, lang))
    if not assets_installed():
        st.error(t("assets_missing", lang))
        st.stop()
    return lang
