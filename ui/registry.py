"""The page registry: every page of the atlas, declared once.

``dashboard.py`` builds ``st.navigation`` from it, the tests check it against the files in
``pages/``, and a page list per audience is one function over it. Each page is a module of
``pages/`` with a ``render()`` function, registered as ``st.Page(render, url_path=...)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pages import about, explore, national_map


@dataclass(frozen=True)
class PageSpec:
    """One page: its URL path (also its module's name), the label key of its title, the
    function that draws it, and whether it is the home page."""

    url_path: str
    title_key: str
    render: Callable[[], None]
    default: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec("explore", "page_explore", explore.render, default=True),
    PageSpec("national_map", "page_map", national_map.render),
    PageSpec("about", "page_about", about.render),
)
