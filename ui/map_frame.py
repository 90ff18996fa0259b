"""Every folium map a page shows, drawn through streamlit-folium's component, with what
``st_folium`` computes for a map (its Leaflet script, HTML, header, bounds and links) made
once per map and kept for every session.

``st_folium`` renders the map's Jinja templates and rewrites its script at every call; most
visitors open the same views (the national map of the latest year, a pilot province), so a
map with a ``signature`` (every input that shapes it) is rendered on the first visit only and
later sessions send the arguments kept (docs/explore.md#measured).

The arguments are those ``st_folium`` itself passes to its component: it is run with its
component function replaced by one that records them (under a lock; every map of the atlas
goes through ``show_map``, so no other call can meet the replacement), then the component is
called with them.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Hashable
from typing import Any

import folium
import streamlit as st
import streamlit_folium

from ui import data

#: The component ``st_folium`` calls (declared when streamlit_folium was imported).
_COMPONENT = streamlit_folium._component_func
_LOCK = threading.Lock()
#: Maps kept (their arguments hold the map's script: about 0.1 to 1 MB each).
KEPT = 48


def component_args(fmap: folium.Map, **options: Any) -> dict[str, Any]:
    """What ``st_folium(fmap, **options)`` passes to its component, computed by it.

    Raises:
        RuntimeError: if ``st_folium`` did not call its component.
    """
    seen: dict[str, Any] = {}

    def record(**kwargs: Any) -> None:
        seen.update(kwargs)

    with _LOCK:
        streamlit_folium._component_func = record
        try:
            streamlit_folium.st_folium(fmap, render=False, **options)
        finally:
            streamlit_folium._component_func = _COMPONENT
    if not seen:
        raise RuntimeError("st_folium did not call its component")
    return seen


@st.cache_resource(show_spinner=False, max_entries=KEPT)
def _kept_args(signature: Hashable, _make: Callable[[], folium.Map], options: tuple
               ) -> dict[str, Any]:  # fmt: skip
    return component_args(_make(), **dict(options))


def show_map(
    make: Callable[[], folium.Map], signature: Hashable | None = None, **options: Any
) -> Any:
    """Draw the map ``make()`` builds with ``st_folium``'s ``options`` (``height``,
    ``use_container_width``, ``returned_objects``, ``key``) and return what the component
    returns (the last click, as ``st_folium`` does). With a ``signature`` (a tuple of every
    input the map depends on besides the database, which is added here: this session's file
    and its version, ``data.file_key``), the map is built and rendered once for every session
    that asks for the same signature and options.

    Raises:
        RuntimeError: if ``st_folium`` did not call its component.
    """
    if signature is None:
        args = component_args(make(), **options)
    else:
        frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v)
                              for k, v in options.items()))  # fmt: skip
        args = _kept_args((data.file_key(), signature), make, frozen)
    return _COMPONENT(**{**args, "default": copy.deepcopy(args["default"])})
