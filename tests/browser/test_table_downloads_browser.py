"""No table offers its own download in the browser: on the Explore page's commune panel and on
the ranking page, a table's toolbar has no "Download as CSV" button at all (not merely hidden:
``client.disableDataExport``), while the atlas's own audited buttons are there."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import MAP_FRAME, settled
from vocabulary import PILOT_PROVINCES

pytestmark = pytest.mark.browser
# A commune's story open: its partnership activities and the services around it are tables.
COMMUNE_PANEL = "province=12&commune=120203"
#: Any button a table's toolbar could offer to take its data away, in Streamlit's words.
TABLE_EXPORTS = (
    'button[aria-label="Download as CSV"], '
    '[data-testid="stElementToolbarButton"]:has(button[aria-label*="ownload"])'
)


def no_table_download(page: Page, tables: str) -> int:
    """Hover each visible table matched by ``tables`` until its toolbar shows; assert that no
    toolbar button downloads the data; return how many tables were checked (a table in a closed
    expander is not drawn, so it has no toolbar to offer)."""
    found = page.locator(tables)
    count = 0
    for i in range(found.count()):
        table = found.nth(i)
        if not table.is_visible():
            continue
        count += 1
        table.scroll_into_view_if_needed()
        table.hover()
        toolbar = page.locator('[data-testid="stElementToolbar"]').filter(
            has=page.get_by_role("button", name="Fullscreen")
        )  # the toolbar drew: the check below has something to look into
        expect(toolbar.first).to_be_visible(timeout=10_000)
        expect(page.locator(TABLE_EXPORTS)).to_have_count(0)
    return count


def test_the_commune_panel_tables_offer_no_download_of_their_own(page: Page, server: str) -> None:
    page.goto(f"{server}/?{COMMUNE_PANEL}")
    expect(page.frame_locator(MAP_FRAME).locator("path.leaflet-interactive").first
           ).to_be_attached(timeout=60_000)  # fmt: skip
    panel = '[data-testid="stColumn"]:has(button:has-text("Close")) [data-testid="stDataFrame"]'
    expect(page.locator(panel).first).to_be_visible(timeout=60_000)
    settled(page)
    assert no_table_download(page, panel) >= 1
    # The view's table still downloads, through the atlas's audited button.
    expect(page.get_by_role("button", name="Download the table (CSV)")).to_be_visible()
    assert page.blocked == []  # type: ignore[attr-defined]


def test_the_ranking_tables_offer_no_download_of_their_own(page: Page, server: str) -> None:
    page.goto(f"{server}/ranking")
    expect(page.locator(".st-key-ranking_table table").first).to_be_visible(timeout=120_000)
    settled(page)
    # the ranking, the academies and the diagnostics are static tables (ui.layout.fit_table):
    # no toolbar at all
    for key in ("ranking_table", "academies_table", "diagnostics_table"):
        table = page.locator(f".st-key-{key} table").first
        table.scroll_into_view_if_needed()
        table.hover()
        expect(page.locator(f'.st-key-{key} [data-testid="stElementToolbar"]')).to_have_count(0)
    candidates = 25 - len(PILOT_PROVINCES)  # the demo's partnership provinces are listed apart
    expect(page.locator(".st-key-ranking_table table tbody tr")).to_have_count(candidates)
    expect(page.locator(TABLE_EXPORTS)).to_have_count(0)
    # the inputs' grid, in its collapsed note: a toolbar, without a download
    inputs = page.locator('[data-testid="stExpander"]').filter(has_text="The inputs, as published")
    inputs.locator("summary").click()
    expect(inputs.locator('[data-testid="stDataFrame"]')).to_be_visible(timeout=30_000)
    assert no_table_download(page, '[data-testid="stDataFrame"]') >= 1
    for label in ("Download the ranking (CSV)", "Download the academies (CSV)"):
        expect(page.get_by_role("button", name=label)).to_be_visible()
    assert page.blocked == []  # type: ignore[attr-defined]
