"""The Explore page's layout at 1440×900 and 800×600, in English and Khmer: a screenshot of
each is kept (``test-artifacts/screenshots``, CI keeps the folder), and where the DOM shows it,
nothing is cut short: no chip or label ends in an ellipsis, the legend's headings take at most
two lines, the legend fits the panel's column beside the map, and the panel's tables fit their
column."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from config import PROJECT_ROOT
from tests.browser.conftest import CUT_SHORT, MAP_FRAME, local_page

pytestmark = pytest.mark.browser
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
SIZES = {"1440x900": (1440, 900), "800x600": (800, 600)}
# Everything drawn: partnership outlines, services and borders, a commune's story open.
VIEW = "province=12&layers=partnership,services,borders&commune=120203"

TABLES = '[data-testid="stColumn"] [data-testid="stDataFrame"], ' \
    '[data-testid="stColumn"] [data-testid="stTable"]'  # fmt: skip
# The legend's column headings: how many lines each takes.
HEADING_LINES = """() => [...document.querySelectorAll('.atlas-legend th')].map(th => {
  const style = getComputedStyle(th);
  const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
  return [th.textContent.trim(), Math.round(th.getBoundingClientRect().height / line)];
})"""


def box(page: Page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found, f"{selector} is not drawn"
    return found


def overlap(a: dict, b: dict) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])  # fmt: skip


@pytest.fixture(params=list(SIZES))
def sized(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[Page, str]]:
    """A page of each size, reaching only the local server."""
    with local_page(browser, *SIZES[request.param]) as tab:
        yield tab, request.param


@pytest.mark.parametrize("lang", ["en", "km"])
def test_the_explore_page_fits_at_each_size_in_each_language(
    sized: tuple[Page, str], server: str, lang: str
) -> None:
    page, size = sized
    page.goto(f"{server}/?lang={lang}&{VIEW}")
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator("path.leaflet-interactive").first).to_be_attached(timeout=60_000)
    expect(page.locator('[data-testid="stPlotlyChart"] .barlayer').first).to_be_attached(
        timeout=60_000)  # fmt: skip
    expect(page.locator('[data-testid="stDataFrame"], [data-testid="stTable"]').last
           ).to_be_visible(timeout=30_000)  # fmt: skip
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"explore_{size}_{lang}_screen.png")

    assert page.evaluate(CUT_SHORT) == []
    lines = page.evaluate(HEADING_LINES)
    assert lines and [(text, n) for text, n in lines if n > 2] == []
    legend = box(page, ".atlas-legend")
    panel = box(page, '[data-testid="stColumn"]:has(button:has-text("Close")), '
                      '[data-testid="stColumn"]:has([data-testid="stPlotlyChart"])')  # fmt: skip
    column_right = panel["x"] + panel["width"]
    # the legend sits in the panel's column, beside the map: within it, never over the map
    assert not overlap(legend, box(page, MAP_FRAME))
    assert legend["x"] >= panel["x"] - 1 and legend["x"] + legend["width"] <= column_right + 1
    for table in page.locator(TABLES).all():
        drawn = table.bounding_box()
        if drawn and drawn["x"] >= panel["x"] - 1:  # a table of the panel
            assert drawn["x"] + drawn["width"] <= column_right + 1
    # A table's own toolbar offers no download (every download is an audited button).
    page.locator('[data-testid="stDataFrame"]').last.hover()
    toolbar = page.locator('[data-testid="stElementToolbar"]').last
    expect(toolbar.get_by_role("button", name="Fullscreen")).to_be_visible()
    expect(toolbar.get_by_role("button", name="Download as CSV")).to_be_hidden()
    assert page.blocked == []  # type: ignore[attr-defined]
    # The whole page as one image: the main area scrolls inside the window, so the window is
    # made as tall as its content (same width) for this picture only, after the checks.
    tall = page.evaluate(
        "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")  # fmt: skip
    page.set_viewport_size({"width": SIZES[size][0], "height": max(tall, SIZES[size][1])})
    page.screenshot(path=SCREENSHOTS / f"explore_{size}_{lang}_page.png")
