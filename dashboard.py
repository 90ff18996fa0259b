"""The router: page config, the visitor's role, the shared sidebar, and every page of the
registry registered with st.navigation (the role's pages shown, the others hidden: a link to
one reaches that page's own check, which refuses it)."""

from __future__ import annotations

import streamlit as st

from i18n import CatalogError, check_catalogs, t
from ui import data
from ui.identity import draw_identity, role_or_stop
from ui.layout import PAGE_STYLE
from ui.registry import PAGES, as_page, home_for, page_spec, pages_for
from ui.sidebar import draw_sidebar
from ui.state import language


def main() -> None:
    """Read the visitor's role, draw the sidebar and run the chosen page."""
    st.set_page_config(page_title=t("app_title", "en"), layout="wide")
    st.html(PAGE_STYLE)  # labels wrap; no table downloads past the audit
    try:
        check_catalogs()  # a translation not compiled stops here, with the command to run
    except CatalogError as exc:
        st.error(str(exc))
        st.stop()
    lang = language()  # reads ?lang= from the URL on a session's first run
    role = role_or_stop(lang)  # a roles file that does not parse stops here, with its line
    data.use_store_of(role)  # the briefing audience reads the province-level store only
    shown, home = pages_for(role), home_for(role)
    pages = [as_page(p, lang, default=p is home, hidden=p not in shown) for p in PAGES]
    page = st.navigation(pages)
    spec = page_spec(page.url_path) or home  # the home page's path is the root
    draw_sidebar(spec.filters)  # the filters the chosen page uses, and no other
    draw_identity(language(), role)
    page.run()


if __name__ == "__main__":  # streamlit runs the router as __main__; tests import it
    main()
