"""The router: page config, the shared sidebar, and every page of the registry registered with
st.navigation."""

from __future__ import annotations

import streamlit as st

from i18n import t
from ui.registry import PAGES
from ui.sidebar import draw_sidebar
from ui.state import language


def main() -> None:
    """Draw the sidebar and run the chosen page."""
    st.set_page_config(page_title="Enabling Environment Atlas", layout="wide")
    language()  # reads ?lang= from the URL on a session's first run
    draw_sidebar()
    lang = language()
    # No icons: Streamlit fetches Material icons for the favicon from a CDN, and the dashboard
    # must not depend on the internet.
    pages = [
        st.Page(p.render, title=t(p.title_key, lang), url_path=p.url_path, default=p.default)
        for p in PAGES
    ]
    st.navigation(pages).run()


if __name__ == "__main__":  # streamlit runs the router as __main__; tests import it
    main()
