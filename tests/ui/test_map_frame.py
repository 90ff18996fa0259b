"""Maps drawn once for every session (``ui.map_frame``): the arguments are st_folium's own,
its component is put back whatever happens, a map with a signature is built once and every
call gets its own copy of the default value."""

from __future__ import annotations

import threading
from typing import Any

import folium
import pytest
import streamlit_folium

from ui import map_frame


def _map(lat: float = 12.5) -> folium.Map:
    fmap = folium.Map(location=[lat, 105.0], zoom_start=7, tiles=None)
    folium.GeoJson({"type": "Feature", "properties": {"i": 0}, "geometry": {
        "type": "Polygon", "coordinates": [[[104, 12], [105, 12], [105, 13], [104, 12]]]}},
    ).add_to(fmap)  # fmt: skip
    return fmap


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What the component is called with (instead of drawing it)."""
    calls: list[dict[str, Any]] = []

    def component(**kwargs: Any) -> dict:
        calls.append(kwargs)
        return kwargs["default"]

    monkeypatch.setattr(map_frame, "_COMPONENT", component)
    map_frame._kept_args.clear()
    return calls


def test_the_arguments_are_st_folium_s_own() -> None:
    args = map_frame.component_args(_map(), height=300, returned_objects=["last_clicked"],
                                    key="k")  # fmt: skip
    assert "L.map" in args["script"] and "geo_json" in args["script"]
    assert args["height"] == 300 and args["returned_objects"] == ["last_clicked"]
    assert set(args["default"]) == {"last_clicked"}
    assert args["key"] != "k" and len(args["key"]) == 64  # st_folium's hash of the script
    assert streamlit_folium._component_func is map_frame._COMPONENT  # put back


def test_the_component_is_put_back_when_st_folium_fails() -> None:
    with pytest.raises(AttributeError):
        map_frame.component_args(object(), height=300)  # type: ignore[arg-type]
    assert streamlit_folium._component_func is map_frame._COMPONENT


def test_a_map_with_a_signature_is_built_once(sent: list) -> None:
    built: list[int] = []

    def make() -> folium.Map:
        built.append(1)
        return _map()

    for _ in range(3):
        map_frame.show_map(make, ("db", "v1", "view"), height=300, returned_objects=[], key="m")
    assert len(built) == 1 and len(sent) == 3
    assert sent[0]["script"] == sent[2]["script"]
    map_frame.show_map(make, ("db", "v2", "view"), height=300, returned_objects=[], key="m")
    assert len(built) == 2  # a new version of the database: built again
    map_frame.show_map(make, height=300, returned_objects=[], key="m")
    assert len(built) == 3  # no signature: built every time


def test_other_options_are_another_map(sent: list) -> None:
    made = [0]

    def make() -> folium.Map:
        made[0] += 1
        return _map()

    map_frame.show_map(make, ("s",), height=300, returned_objects=[], key="m")
    map_frame.show_map(make, ("s",), height=500, returned_objects=[], key="m")
    assert made[0] == 2 and [c["height"] for c in sent] == [300, 500]


def test_each_call_gets_its_own_default(sent: list) -> None:
    first = map_frame.show_map(_map, ("s",), height=300, returned_objects=["last_clicked"])
    first["last_clicked"] = {"lat": 1}  # a page changing what it got
    second = map_frame.show_map(_map, ("s",), height=300, returned_objects=["last_clicked"])
    assert second == {"last_clicked": None}


def test_sessions_building_maps_at_once_each_get_their_own(sent: list) -> None:
    """Threads (sessions) rendering different maps at the same time: each gets its own
    script, and st_folium's component is put back."""
    scripts: dict[int, str] = {}

    def run(i: int) -> None:
        args = map_frame.component_args(_map(10.0 + i), height=300, key=f"m{i}")
        scripts[i] = args["script"]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(f"{10.0 + i}, 105.0" in scripts[i] for i in range(8))
    assert streamlit_folium._component_func is map_frame._COMPONENT
