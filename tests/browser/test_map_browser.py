"""The commune map page in headless Chromium, offline: the map draws, hovers and focuses."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from access import ANALYST
from dashboard import PAGES, home_for
from tests.browser.conftest import MAP_FRAME, streamlit_server

pytestmark = pytest.mark.browser
KHMER = re.compile("[\u1780-\u17ff]")
MAP_PAGE = "national_map"


def polygons(page: Page):
    return page.frame_locator(MAP_FRAME).locator("path.leaflet-interactive")


def hover_until_tooltip(page: Page):
    """Hover the polygons in turn until one shows its tooltip (a control may cover one)."""
    tooltip = page.frame_locator(MAP_FRAME).locator(".leaflet-tooltip")
    for i in range(polygons(page).count()):
        polygons(page).nth(i).hover(force=True)
        try:
            tooltip.wait_for(timeout=2_000)
            return tooltip
        except PlaywrightTimeout:
            continue
    pytest.fail("no polygon showed a tooltip on hover")


def test_national_map_draws_all_communes_offline(page: Page, server: str) -> None:
    page.goto(f"{server}/{MAP_PAGE}")
    expect(polygons(page)).to_have_count(1633, timeout=60_000)
    assert page.blocked == []  # type: ignore[attr-defined]
    assert page.frame_locator(MAP_FRAME).locator(".leaflet-tile").count() == 0


def test_hover_shows_khmer_and_english_names(page: Page, server: str) -> None:
    page.goto(f"{server}/{MAP_PAGE}?province=23")
    expect(polygons(page)).to_have_count(5, timeout=60_000)
    tooltip = hover_until_tooltip(page)
    expect(tooltip).to_contain_text("Kep", timeout=10_000)
    text = tooltip.inner_text()
    assert KHMER.search(text), text
    assert re.search(r"Commune code: 23\d{4}", text), text


def test_one_click_focus_on_phnom_penh(page: Page, server: str) -> None:
    page.goto(f"{server}/{MAP_PAGE}")
    expect(polygons(page)).to_have_count(1633, timeout=60_000)
    page.get_by_role("button", name="Phnom Penh").click()
    expect(polygons(page)).to_have_count(96, timeout=60_000)
    assert "province=12" in page.url


def test_khmer_interface(page: Page, server: str) -> None:
    page.goto(f"{server}/{MAP_PAGE}?lang=km&province=01")
    expect(page.get_by_role("heading", name="អាត្លាសបរិយាកាសអំណោយផល")).to_be_visible(timeout=60_000)
    expect(polygons(page)).to_have_count(65, timeout=60_000)
    expect(hover_until_tooltip(page)).to_contain_text("ស្រុក/ខណ្ឌ", timeout=10_000)


# Each page's title in Khmer, as the router names it.
TITLES_KM = {"explore": "ស្វែងរក", "national_map": "អាត្លាសបរិយាកាសអំណោយផល", "about": "អំពីទិន្នន័យ",
             "evaluation": "តើគម្រោងសាកល្បងមានប្រសិទ្ធភាពទេ?", "ranking": "ខេត្តណាបន្ទាប់?"}  # fmt: skip


@pytest.mark.parametrize("url_path", [p.url_path for p in PAGES])
def test_a_deep_link_to_a_fresh_server_goes_through_the_router(
    page: Page, built_db, url_path: str
) -> None:
    # The link is the fresh server's first request: Streamlit then runs the page's file itself.
    # The home page's link is the root (Streamlit gives the default page no path of its own).
    # The visitor is anonymous on the demo: an analyst, whom the admin page refuses.
    link = "" if url_path == home_for(ANALYST).url_path else url_path
    with streamlit_server(built_db) as url:
        page.goto(f"{url}/{link}?lang=km")
        if url_path in TITLES_KM:
            title = page.get_by_role("heading", name=TITLES_KM[url_path], exact=True)
        else:
            title = page.get_by_text("ទំព័រនេះមិនមានសម្រាប់អ្នកប្រើប្រាស់ក្រុមនេះទេ។")
        expect(title).to_be_visible(timeout=60_000)
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar).to_contain_text("ទិន្នន័យសាកល្បងសំយោគ")  # the router's synthetic label
        expect(sidebar).to_contain_text("ផែនទីឃុំ")  # the router's page list, in Khmer
        filters = next(p for p in PAGES if p.url_path == url_path).filters
        if filters:  # the filters the page uses, and only those
            expect(sidebar).to_contain_text("តម្រង")
        else:
            expect(sidebar).not_to_contain_text("តម្រង")
        assert page.url.startswith(f"{url}/{link}?")
        expect(page.get_by_text("Page not found")).to_have_count(0)
