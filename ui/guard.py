"""The page this run draws, and what a visitor sees of a page the access rule refuses them.

The router (``dashboard.py``) records the page it is about to run (``record_page``: the audited
downloads name it in their link, ``current_page``) and asks the access rule before running it;
a refused visitor gets a plain "not available for this audience" and a link to their home page
(``refuse``), and nothing of the page is read or drawn. Pages do not call this module.
"""

from __future__ import annotations

from typing import NoReturn

import streamlit as st

from i18n import t

PAGE_KEY = "_page"


def record_page(url_path: str) -> None:
    """Remember ``url_path`` as the page this run draws (the router, before the page runs)."""
    st.session_state[PAGE_KEY] = url_path


def current_page() -> str:
    """The URL path of the page this run draws (set by the router), "" before any page."""
    return st.session_state.get(PAGE_KEY, "")


def refuse(home: st.Page, home_title: str, lang: str) -> NoReturn:
    """Say the page is not available for this audience, link the visitor's ``home`` page
    (titled ``home_title``) and stop the run."""
    st.warning(t("not_for_audience", lang))
    st.page_link(home, label=t("go_home", lang, page=home_title))
    st.stop()
    raise AssertionError("unreachable: st.stop() ends the script run")
