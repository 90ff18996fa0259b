"""The router: page config, the visitor's role, the shared sidebar, and every page of the atlas.

The only module that knows the pages: their table (``PAGES``: URL path, title, the function
that draws it, the shared filters it uses) and each role's home (``HOMES``). Every page is
registered with ``st.navigation``, the role's pages shown and the others hidden; before a page
runs, the router asks the access rule (``access.allowed(role, "view_page", url_path)``), so a
link to a page the role may not see gets a plain "not available for this audience" and a link
home, and nothing of the page is read or drawn. A new page is a module of ``pages/`` with a
``render()``, one line here and one in the rule (``access.ACTIONS["view_page"]``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

import access
from i18n import CatalogError, check_catalogs, t
from pages import about, admin, evaluation, explore, national_map, ranking
from query.filter_table import EVERY_FILTER
from ui import data
from ui.guard import record_page, refuse
from ui.identity import draw_identity, role_or_stop
from ui.layout import PAGE_STYLE
from ui.sidebar import draw_sidebar
from ui.startup import settings_or_stop
from ui.state import language

#: The shared sidebar's filters (``options``: the Explore page's own, in the link too). A page
#: lists those it uses; the sidebar draws and links only those.
ALL_FILTERS = (EVERY_FILTER, "options")


@dataclass(frozen=True)
class PageSpec:
    """One page: its URL path (also its module's name), the label key of its title, the
    function that draws it and the shared filters it uses (``ALL_FILTERS``)."""

    url_path: str
    title_key: str
    render: Callable[[], None]
    filters: tuple[str, ...] = ()


PAGES: tuple[PageSpec, ...] = (
    PageSpec("explore", "page_explore", explore.render, ALL_FILTERS),
    PageSpec("national_map", "page_map", national_map.render, ("province",)),
    # The briefing audience gets the evaluation's headline in the briefing pack.
    PageSpec("evaluation", "page_evaluation", evaluation.render),
    # Province-level: the briefing audience's home (it reads the briefing store).
    PageSpec("ranking", "page_ranking", ranking.render),
    PageSpec("about", "page_about", about.render),
    PageSpec("admin", "page_admin", admin.render),
)
#: The page each role lands on (and is sent back to from a page refused).
HOMES = {access.BRIEFING: "ranking", access.ANALYST: "explore", access.ADMIN: "explore"}


def pages_for(role: str) -> tuple[PageSpec, ...]:
    """The pages the access rule lets ``role`` see, in the table's order (none for an unknown
    role)."""
    return tuple(p for p in PAGES if access.allowed(role, "view_page", p.url_path))


def home_for(role: str) -> PageSpec:
    """The page a visitor of ``role`` lands on.

    Raises:
        KeyError: if ``role`` is not one of ``access.ROLES``.
    """
    if role not in HOMES:
        raise KeyError(f"no role {role!r}")
    return next(p for p in PAGES if p.url_path == HOMES[role])


def page_spec(url_path: str) -> PageSpec | None:
    """The page with this URL path, or None."""
    return next((p for p in PAGES if p.url_path == url_path), None)


def as_page(spec: PageSpec, lang: str, *, default: bool = False, hidden: bool = False) -> st.Page:
    """The ``st.Page`` of a page, titled in ``lang`` (the router's and the links').

    No icons: Streamlit fetches Material icons for the favicon from a CDN, and the dashboard
    must not depend on the internet.
    """
    return st.Page(
        spec.render, title=t(spec.title_key, lang), url_path=spec.url_path, default=default,
        visibility="hidden" if hidden else "visible",
    )  # fmt: skip


def main() -> None:
    """Read the visitor's role, draw the sidebar and run the chosen page if the access rule
    lets the role see it (otherwise say so and link the role's home)."""
    st.set_page_config(page_title=t("app_title", "en"), layout="wide")
    # No table's own CSV button nor copy, even if .streamlit/config.toml was not read (a server
    # started from another folder): every file leaves through the audited buttons.
    st.set_option("client.disableDataExport", True)
    st.html(PAGE_STYLE)  # labels wrap
    try:
        check_catalogs()  # a translation not compiled stops here, with the command to run
    except CatalogError as exc:
        st.error(str(exc))
        st.stop()
    lang = language()  # reads ?lang= from the URL on a session's first run
    settings_or_stop(lang)  # a setting of the wrong form stops here, named with its form
    role = role_or_stop(lang)  # a roles file that does not parse stops here, with its line
    data.use_store_of(role)  # the briefing audience reads the province-level store only
    shown, home = pages_for(role), home_for(role)
    pages = [as_page(p, lang, default=p is home, hidden=p not in shown) for p in PAGES]
    page = st.navigation(pages)
    spec = page_spec(page.url_path) or home  # the home page's path is the root
    record_page(spec.url_path)
    draw_sidebar(spec.filters)  # the filters the chosen page uses, and no other
    lang = language()
    draw_identity(lang, role)
    if not access.allowed(role, "view_page", spec.url_path):
        refuse(as_page(home, lang), t(home.title_key, lang), lang)
    page.run()


if __name__ == "__main__":  # streamlit runs the router as __main__; tests import it
    main()
