"""The router: page config, the shared sidebar, and every page registered with st.navigation."""

from __future__ import annotations

import streamlit as st

from ui.i18n import t
from ui.sidebar import draw_sidebar
from ui.state import language

# (file, label key, default). No icons: Streamlit fetches Material icons for the favicon from a
# CDN, and the dashboard must not depend on the internet.
PAGES = (
    ("pages/explore.py", "page_explore", True),
    ("pages/national_map.py", "page_map", False),
    ("pages/about.py", "page_about", False),
)


def main() -> None:
    """Draw the sidebar and run the chosen page."""
    st.set_page_config(page_title="Enabling Environment Atlas", layout="wide")
    language()  # reads ?lang= from the URL on a session's first run
    draw_sidebar()
    lang = language()
    pages = [st.Page(path, title=t(label, lang), default=default) for path, label, default in PAGES]
    st.navigation(pages).run()


if __name__ == "__main__":  # streamlit runs the router as __main__; tests import it
    main()
