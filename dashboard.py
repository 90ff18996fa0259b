"""The router: page config, the shared sidebar, and every page registered with st.navigation."""

from __future__ import annotations

import streamlit as st

from ui.i18n import LANGUAGES, t
from ui.state import language, set_language

PAGES = (
    ("pages/national_map.py", "page_map", ":material/map:", True),
    ("pages/about.py", "page_about", ":material/info:", False),
)


def main() -> None:
    """Draw the sidebar and run the chosen page."""
    st.set_page_config(
        page_title="Enabling Environment Atlas", page_icon=":material/map:", layout="wide"
    )
    lang = language()
    with st.sidebar:
        choice = st.radio(
            f"{t('language', 'en')} / {t('language', 'km')}",
            list(LANGUAGES),
            index=list(LANGUAGES).index(lang),
            format_func=LANGUAGES.get,
            horizontal=True,
            key="language_choice",
        )
        if choice != lang:
            set_language(choice)
            st.rerun()
    pages = [
        st.Page(path, title=t(label, lang), icon=icon, default=default)
        for path, label, icon, default in PAGES
    ]
    st.navigation(pages).run()


main()
