"""What every map page draws first: its title and question, and the check that the local map
scripts are there."""

from __future__ import annotations

import streamlit as st

from geo.assets import assets_installed
from i18n import t
from ui.state import language


def page_header(title_key: str, question_key: str, needs_map: bool = True) -> str:
    """Draw the page's title and the question it answers; stop with a message when the page
    draws a map and the local map scripts are missing. Returns the language."""
    lang = language()
    st.title(t(title_key, lang))
    if question_key:
        st.caption(t(question_key, lang))
    if needs_map and not assets_installed():
        st.error(t("assets_missing", lang))
        st.stop()
    return lang
