"""The page registry: every page of the atlas, declared once, with the audiences that may see it.

``dashboard.py`` builds ``st.navigation`` from it (the visitor's pages shown, the others hidden
so that a link to one reaches the page's own check, ``ui.guard.require``), the tests check it
against the files in ``pages/``, and the page list of a role is ``pages_for(role)``. Each page
is a module of ``pages/`` with a ``render()`` function, registered as ``st.Page(render,
url_path=...)``. A new page is one line here; a province-level page (one the briefing audience
may see) takes ``PROVINCE_LEVEL``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from i18n import t
from pages import about, admin, evaluation, explore, national_map, ranking
from query.filter_table import EVERY_FILTER
from ui.roles import ADMIN, ANALYST, BRIEFING, ROLES

#: Pages that show communes: never the briefing audience.
COMMUNE_LEVEL = frozenset({ANALYST, ADMIN})
#: Pages that show provinces at most: every audience.
PROVINCE_LEVEL = frozenset({BRIEFING, ANALYST, ADMIN})
#: The upload page and the audit log.
ADMIN_ONLY = frozenset({ADMIN})
#: The shared sidebar's filters: every filter of the table (``query.filter_table``) and the
#: Explore page's own options (in the link too). A page lists those it uses, by key; the
#: sidebar draws and links only those.
ALL_FILTERS = (EVERY_FILTER, "options")


@dataclass(frozen=True)
class PageSpec:
    """One page: its URL path (also its module's name), the label key of its title, the
    function that draws it, the roles that may see it, the roles whose home it is, and the
    shared filters it uses (``ALL_FILTERS``)."""

    url_path: str
    title_key: str
    render: Callable[[], None]
    audiences: frozenset[str]
    home_of: frozenset[str] = frozenset()
    filters: tuple[str, ...] = ()


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "explore",
        "page_explore",
        explore.render,
        COMMUNE_LEVEL,
        frozenset({ANALYST, ADMIN}),
        ALL_FILTERS,
    ),
    PageSpec("national_map", "page_map", national_map.render, COMMUNE_LEVEL, filters=("province",)),
    # Commune-level (the map of pilot and comparison communes), with its own choices; the
    # briefing audience gets the headline in the briefing pack (analysis.headline).
    PageSpec("evaluation", "page_evaluation", evaluation.render, COMMUNE_LEVEL),
    # Province-level: the briefing audience's home (it reads the briefing store).
    PageSpec("ranking", "page_ranking", ranking.render, PROVINCE_LEVEL, frozenset({BRIEFING})),
    PageSpec("about", "page_about", about.render, PROVINCE_LEVEL),
    PageSpec("admin", "page_admin", admin.render, ADMIN_ONLY),
)


def pages_for(role: str) -> tuple[PageSpec, ...]:
    """The pages ``role`` may see, in the registry's order (none for an unknown role)."""
    return tuple(p for p in PAGES if role in p.audiences)


def home_for(role: str) -> PageSpec:
    """The page a visitor of ``role`` lands on (and is sent back to from a page refused).

    Raises:
        KeyError: if ``role`` is not one of ``ui.roles.ROLES``.
    """
    if role not in ROLES:
        raise KeyError(f"no role {role!r}")
    return next(p for p in pages_for(role) if role in p.home_of)


def page_spec(url_path: str) -> PageSpec | None:
    """The registered page with this URL path, or None."""
    return next((p for p in PAGES if p.url_path == url_path), None)


def as_page(spec: PageSpec, lang: str, *, default: bool = False, hidden: bool = False) -> st.Page:
    """The ``st.Page`` of a registered page, titled in ``lang`` (the router's and the links').

    No icons: Streamlit fetches Material icons for the favicon from a CDN, and the dashboard
    must not depend on the internet.
    """
    return st.Page(
        spec.render, title=t(spec.title_key, lang), url_path=spec.url_path, default=default,
        visibility="hidden" if hidden else "visible",
    )  # fmt: skip
