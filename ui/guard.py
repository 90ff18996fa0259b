"""Each page's own check of the visitor's role: a link is not a way around the page list.

Every page's ``render()`` starts with ``require("<its url path>")``. A visitor whose role may
not see the page gets a plain "not available for this audience" and a link to their home
page, and the page stops there; nothing of it is read or drawn.
"""

from __future__ import annotations

import streamlit as st

from i18n import t
from ui.identity import role_or_stop
from ui.state import language

PAGE_KEY = "_page"


def require(url_path: str) -> str:
    """Let the page ``url_path`` draw if the visitor's role may see it, and return the role;
    otherwise say it is not available for this audience, link the role's home and stop."""
    from ui import registry  # the registry imports the pages, which import this module

    lang = language()
    role = role_or_stop(lang)
    st.session_state[PAGE_KEY] = url_path
    spec = registry.page_spec(url_path)
    if spec is not None and role in spec.audiences:
        return role
    st.warning(t("not_for_audience", lang))
    home = registry.home_for(role)
    st.page_link(
        registry.as_page(home, lang), label=t("go_home", lang, page=t(home.title_key, lang))
    )
    st.stop()
    raise AssertionError("unreachable: st.stop() ends the script run")


def current_page() -> str:
    """The URL path of the page this run draws (set by ``require``), "" before any page."""
    return st.session_state.get(PAGE_KEY, "")
