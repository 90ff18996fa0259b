"""Shared state of a session: language and the view's filters, mirrored in the URL.

The view lives under one session-state key that no widget owns (Streamlit forgets the state
of a widget that a page did not draw). Widgets have their own ``w_`` keys: they are seeded from
the view when drawn and copy their value back in an ``on_change`` callback.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from ui.filters import Problem, defaults, parse_params, to_params
from ui.i18n import LANGUAGES
from vocabulary import PILOT_SITES

# The partnership's pilot sites, in the order the case study gives them, with their English
# label and the i18n key of what happened there.
PARTNERSHIP_SITES = tuple(
    (s.province_code, s.name_en, f"site_{s.province_code}") for s in PILOT_SITES
)

LANGUAGE_KEY = "lang"
# A selectbox shows None as "nothing chosen": the province widget holds "" for the country.
NONE_IN_WIDGET = {"province": ""}
VIEW_KEY = "_view"
PROBLEMS_KEY = "_view_problems"


def language() -> str:
    """The language chosen in the sidebar (``en`` or ``km``); the URL decides on first run."""
    if LANGUAGE_KEY not in st.session_state:
        wanted = st.query_params.get("lang", "en")
        st.session_state[LANGUAGE_KEY] = wanted if wanted in LANGUAGES else "en"
    return st.session_state[LANGUAGE_KEY]


def view_state(bounds: tuple[date, date], provinces: set[str]) -> dict:
    """The session's view (see ``ui.filters.defaults`` for its keys), read from the URL on the
    session's first run; what the URL got wrong is kept for ``take_problems``."""
    if VIEW_KEY not in st.session_state:
        state, problems = parse_params(st.query_params.to_dict(), bounds, provinces)
        st.session_state[VIEW_KEY] = state
        st.session_state[PROBLEMS_KEY] = problems
    state = st.session_state[VIEW_KEY]
    start, end = state["period"]
    if start < bounds[0] or end > bounds[1]:  # the database was rebuilt with other months
        state["period"] = defaults(bounds)["period"]
        st.session_state.pop("w_period", None)
    return state


def current_view() -> dict:
    """The session's view, which the shared sidebar has read before any page runs (mutating
    it changes the view: the sidebar writes it into the URL on the next run)."""
    return st.session_state[VIEW_KEY]


def take_problems() -> list[Problem]:
    """What the URL got wrong on this session's first run (returned once)."""
    return st.session_state.pop(PROBLEMS_KEY, [])


def widget_key(name: str) -> str:
    """The key of the widget that edits ``name``, seeded with the view's value on every run
    (a widget whose label changes, as on a language switch, would otherwise start empty)."""
    key = f"w_{name}"
    st.session_state[key] = _to_widget(name, st.session_state[VIEW_KEY][name])
    return key


def _to_widget(name: str, value: object) -> object:
    return NONE_IN_WIDGET[name] if value is None and name in NONE_IN_WIDGET else value


def _from_widget(name: str, value: object) -> object:
    return None if name in NONE_IN_WIDGET and value == NONE_IN_WIDGET[name] else value


def copy_from_widget(name: str) -> None:
    """``on_change`` callback: the widget's new value becomes the view's."""
    st.session_state[VIEW_KEY][name] = _from_widget(name, st.session_state[f"w_{name}"])


def set_view(name: str, value: object) -> None:
    """Change the view from a callback (a button): the view and its widget both follow."""
    st.session_state[VIEW_KEY][name] = value
    st.session_state[f"w_{name}"] = _to_widget(name, value)


def sync_url(bounds: tuple[date, date]) -> None:
    """Write the view and the language into the URL (only when they differ from it)."""
    wanted = to_params(st.session_state[VIEW_KEY], bounds)
    if st.session_state.get(LANGUAGE_KEY, "en") != "en":
        wanted["lang"] = st.session_state[LANGUAGE_KEY]
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
