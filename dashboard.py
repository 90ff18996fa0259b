"""The router: page config, the shared sidebar, and every page registered with st.navigation."""

from __future__ import annotations

import streamlit as st

from ui import data
from ui.i18n import LANGUAGES, t
from ui.router import mark_router_run
from ui.state import LANGUAGE_KEY, language, sync_language_to_url

# (file, label key, default). No icons: Streamlit fetches Material icons for the favicon from a
# CDN, and the dashboard must not depend on the internet.
PAGES = (
    ("pages/national_map.py", "page_map", True),
    ("pages/about.py", "page_about", False),
)


def main() -> None:
    """Draw the sidebar and run the chosen page."""
    st.set_page_config(page_title="Enabling Environment Atlas", layout="wide")
    mark_router_run()
    language()  # reads ?lang= from the URL on a session's first run
    with st.sidebar:
        st.radio(
            f"{t('language', 'en')} / {t('language', 'km')}",
            list(LANGUAGES),
            format_func=LANGUAGES.get,
            horizontal=True,
            key=LANGUAGE_KEY,
            on_change=sync_language_to_url,
        )
    lang = language()
    if data.is_synthetic():
        st.sidebar.warning(t("synthetic", lang))
    pages = [st.Page(path, title=t(label, lang), default=default) for path, label, default in PAGES]
    st.navigation(pages).run()


if __name__ == "__main__":  # streamlit runs the router as __main__; tests import it
    main()
