"""Shared state of a session: language, the filters and the Explore options, mirrored in the
URL.

The filters (``query.view.Filters``) and the Explore page's options (``query.links.
ExploreOptions``) are frozen values kept under session-state keys that no widget owns (Streamlit
forgets the state of a widget that a page did not draw). Widgets have their own ``w_`` keys:
they are seeded from the values when drawn and write back in an ``on_change`` callback, which
replaces the value as a whole. A widget is named by its filter's key; the field it edits, its
link parameters and what it holds for None come from the filter table (``query.filter_table``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import streamlit as st

from i18n import LANGUAGES
from query import filter_table
from query.grid import on_level, window_starts
from query.links import (
    OPTION_PARAMS,
    ExploreOptions,
    Problem,
    default_filters,
    default_level,
    parse_params,
    to_params,
)
from query.view import Filters
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
    item = filter_table.by_key(name)
    if item is not None:
        return getattr(current_filters(), item.field)
    value = getattr(current_options(), name)
    return list(value) if isinstance(value, tuple) else value


def _blank(name: str) -> object:
    """What the widget of ``name`` holds for None (a selectbox shows None as "nothing
    chosen": the province's holds "" for the whole country; ``filter_table``)."""
    item = filter_table.by_key(name)
    return None if item is None else item.blank


def set_value(name: str, value: object) -> None:
    """Change one part of the view (a filter's key, or an option). Moving to a level that
    does not offer a filter's choice sets that filter back to its default (``query.grid``).
    Choosing a province, or the whole country, moves the map to the level that suits it
    (``query.links.default_level``: communes within a province, districts nationally)."""
    item = filter_table.by_key(name)
    if item is not None:
        before = current_filters()
        st.session_state[FILTERS_KEY] = after = replace(before, **{item.field: value})
        if before.province != after.province:  # the level that suits the new extent
            st.session_state[OPTIONS_KEY] = replace(current_options(), level=default_level(after))
        return
    stored = tuple(value) if isinstance(value, list) else value
    st.session_state[OPTIONS_KEY] = replace(current_options(), **{name: stored})
    if name == "level":
        st.session_state[FILTERS_KEY] = on_level(current_filters(), str(value))


def widget_key(name: str) -> str:
    """The key of the widget that edits ``name``, seeded with the view's value on every run
    (a widget whose label changes, as on a language switch, would otherwise start empty)."""
    key = f"w_{name}"
    value = _value(name)
    st.session_state[key] = _blank(name) if value is None else value
    return key


def copy_from_widget(name: str) -> None:
    """``on_change`` callback: the widget's new value becomes the view's."""
    value = st.session_state[f"w_{name}"]
    blank = _blank(name)
    set_value(name, None if blank is not None and value == blank else value)


def set_view(name: str, value: object) -> None:
    """Change the view from a callback (a button): the view and its widget both follow."""
    set_value(name, value)
    blank = _blank(name)
    st.session_state[f"w_{name}"] = blank if value is None and blank is not None else value


def page_filters(filters: tuple[str, ...]) -> tuple[str, ...]:
    """A page's filter list (``dashboard.PageSpec.filters``) with ``EVERY_FILTER`` spelled
    out: the keys of every filter of the table, in its order."""
    if filter_table.EVERY_FILTER not in filters:
        return filters
    every = tuple(f.key for f in filter_table.table())
    return (*every, *(name for name in filters if name not in {*every, filter_table.EVERY_FILTER}))


def link_params(name: str) -> tuple[str, ...]:
    """The link parameters of one of a page's filters (``options``: the Explore options').

    Raises:
        KeyError: if ``name`` is neither a filter's key nor ``options``.
    """
    if name == "options":
        return OPTION_PARAMS
    item = filter_table.by_key(name)
    if item is None:
        raise KeyError(f"no filter {name!r} in the filter table")
    return item.params


def sync_url(bounds: tuple[date, date], filters: tuple[str, ...]) -> None:
    """Write the view's parts that the page uses (``filters``) and the language into the URL
    (only when they differ from it)."""
    kept = {param for name in page_filters(filters) for param in link_params(name)}
    view = to_params(current_filters(), current_options(), bounds)
    wanted = {k: v for k, v in view.items() if k in kept}
    if st.session_state.get(LANGUAGE_KEY, "en") != "en":
        wanted["lang"] = st.session_state[LANGUAGE_KEY]
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
