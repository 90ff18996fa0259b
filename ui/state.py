"""Shared state of a session: language, the filters and the Explore options, mirrored in the
URL.

The filters (``query.view.Filters``) and the Explore page's options (``query.links.
ExploreOptions``) are frozen values kept under session-state keys that no widget owns (Streamlit
forgets the state of a widget that a page did not draw). Widgets have their own ``w_`` keys:
they are seeded from the values when drawn and write back in an ``on_change`` callback, which
replaces the value as a whole.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import streamlit as st

from i18n import LANGUAGES
from query.grid import off_grid, window_starts
from query.links import ExploreOptions, Problem, default_filters, parse_params, to_params
from query.view import ALL, Filters
from vocabulary import PILOT_SITES

# The partnership's pilot sites, in the order the case study gives them, with their English
# label and the i18n key of what happened there.
PARTNERSHIP_SITES = tuple(
    (s.province_code, s.name_en, f"site_{s.province_code}") for s in PILOT_SITES
)

LANGUAGE_KEY = "lang"
FILTERS_KEY = "_filters"
OPTIONS_KEY = "_options"
PROBLEMS_KEY = "_view_problems"
# Widget name → the Filters field it edits (options edit the field of their own name).
FILTER_FIELDS = {"period": "start", "type": "incident_type", "pop": "population",
                 "actor": "actor", "province": "province"}  # fmt: skip
# A selectbox shows None as "nothing chosen": the province widget holds "" for the country.
NONE_IN_WIDGET = {"province": ""}


def language() -> str:
    """The language chosen in the sidebar (``en`` or ``km``); the URL decides on first run."""
    if LANGUAGE_KEY not in st.session_state:
        wanted = st.query_params.get("lang", "en")
        st.session_state[LANGUAGE_KEY] = wanted if wanted in LANGUAGES else "en"
    return st.session_state[LANGUAGE_KEY]


def read_view(bounds: tuple[date, date], provinces: set[str]) -> None:
    """Read the session's filters and options from the URL on its first run; what the URL got
    wrong is kept for ``take_problems``. A period outside ``bounds`` (the database was rebuilt
    with other months) falls back to the default."""
    if FILTERS_KEY not in st.session_state:
        filters, options, problems = parse_params(st.query_params.to_dict(), bounds, provinces)
        st.session_state[FILTERS_KEY] = filters
        st.session_state[OPTIONS_KEY] = options
        st.session_state[PROBLEMS_KEY] = problems
    filters = current_filters()
    if filters.start not in window_starts(bounds):
        st.session_state[FILTERS_KEY] = replace(filters, start=default_filters(bounds).start)


def current_filters() -> Filters:
    """The session's filters, which the shared sidebar has read before any page runs."""
    return st.session_state[FILTERS_KEY]


def current_options() -> ExploreOptions:
    """The session's Explore options (read from the URL with the filters)."""
    return st.session_state[OPTIONS_KEY]


def take_problems() -> list[Problem]:
    """What the URL got wrong on this session's first run (returned once)."""
    return st.session_state.pop(PROBLEMS_KEY, [])


def _value(name: str) -> object:
    if name in FILTER_FIELDS:
        return getattr(current_filters(), FILTER_FIELDS[name])
    value = getattr(current_options(), name)
    return list(value) if isinstance(value, tuple) else value


def set_value(name: str, value: object) -> None:
    """Change one part of the view (a filter's widget name, or an option). Moving to a level
    that does not offer a filter's choice sets that filter back to "all" (``query.grid``)."""
    if name in FILTER_FIELDS:
        st.session_state[FILTERS_KEY] = replace(current_filters(), **{FILTER_FIELDS[name]: value})
        return
    stored = tuple(value) if isinstance(value, list) else value
    st.session_state[OPTIONS_KEY] = replace(current_options(), **{name: stored})
    if name == "level":
        reset = dict.fromkeys(off_grid(current_filters(), str(value)), ALL)
        st.session_state[FILTERS_KEY] = replace(current_filters(), **reset)


def widget_key(name: str) -> str:
    """The key of the widget that edits ``name``, seeded with the view's value on every run
    (a widget whose label changes, as on a language switch, would otherwise start empty)."""
    key = f"w_{name}"
    value = _value(name)
    st.session_state[key] = NONE_IN_WIDGET.get(name, value) if value is None else value
    return key


def copy_from_widget(name: str) -> None:
    """``on_change`` callback: the widget's new value becomes the view's."""
    value = st.session_state[f"w_{name}"]
    set_value(name, None if name in NONE_IN_WIDGET and value == NONE_IN_WIDGET[name] else value)


def set_view(name: str, value: object) -> None:
    """Change the view from a callback (a button): the view and its widget both follow."""
    set_value(name, value)
    if name in NONE_IN_WIDGET and value is None:
        st.session_state[f"w_{name}"] = NONE_IN_WIDGET[name]
    else:
        st.session_state[f"w_{name}"] = value


#: The link parameters of each shared filter (``dashboard.ALL_FILTERS``).
LINK_PARAMS = {"period": ("from", "to"), "type": ("type",), "pop": ("pop",),
               "actor": ("actor",), "province": ("province",),
               "options": ("level", "measure", "cover", "layers", "commune")}  # fmt: skip


def sync_url(bounds: tuple[date, date], filters: tuple[str, ...]) -> None:
    """Write the view's parts that the page uses (``filters``) and the language into the URL
    (only when they differ from it)."""
    kept = {param for name in filters for param in LINK_PARAMS[name]}
    view = to_params(current_filters(), current_options(), bounds)
    wanted = {k: v for k, v in view.items() if k in kept}
    if st.session_state.get(LANGUAGE_KEY, "en") != "en":
        wanted["lang"] = st.session_state[LANGUAGE_KEY]
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
