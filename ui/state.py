"""Shared state of a session: language and province focus, mirrored in the URL."""

from __future__ import annotations

import streamlit as st

from ui.i18n import LANGUAGES

# The partnership's pilot sites, in the order the case study gives them, with their English
# label (the gazetteer calls 18 "Sihanoukville") and the i18n key of what happened there.
PARTNERSHIP_SITES = (
    ("01", "Banteay Meanchey", "site_01"),
    ("12", "Phnom Penh", "site_12"),
    ("18", "Preah Sihanouk", "site_18"),
)


LANGUAGE_KEY = "lang"


def language() -> str:
    """The language chosen in the sidebar (``en`` or ``km``); the URL decides on first run."""
    if LANGUAGE_KEY not in st.session_state:
        wanted = st.query_params.get("lang", "en")
        st.session_state[LANGUAGE_KEY] = wanted if wanted in LANGUAGES else "en"
    return st.session_state[LANGUAGE_KEY]


def sync_language_to_url() -> None:
    """Put the chosen language in the URL, so a shared link keeps it."""
    st.query_params["lang"] = st.session_state[LANGUAGE_KEY]


def province_focus(valid_codes: set[str]) -> tuple[str | None, bool]:
    """The focused province from the URL (``?province=01``), or None for the whole country.

    Returns ``(code, rejected)``: ``rejected`` is True when the URL asked for a province that
    does not exist, which then falls back to the whole country.
    """
    wanted = st.query_params.get("province")
    if wanted is None or wanted == "":
        return None, False
    if wanted in valid_codes:
        return wanted, False
    del st.query_params["province"]
    return None, True


def set_province_focus(code: str | None) -> None:
    """Focus the map on a province (None: the whole country) and mirror it in the URL."""
    if code is None:
        st.query_params.pop("province", None)
    else:
        st.query_params["province"] = code
