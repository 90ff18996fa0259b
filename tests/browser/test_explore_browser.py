"""The Explore page in headless Chromium, offline: the map draws, a click tells a commune's
story, a filter moves the numbers, and no count below the threshold reaches the screen or the
downloads."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import MAP_FRAME, settled

pytestmark = pytest.mark.browser
SMALL = re.compile(r"^[1-4]$")


def polygons(page: Page):
    return page.frame_locator(MAP_FRAME).locator("path.leaflet-interactive")


def metric_values(page: Page) -> dict[str, str]:
    labels = page.locator('[data-testid="stMetricLabel"]').all_inner_texts()
    values = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    return dict(zip([x.strip() for x in labels], [v.strip() for v in values], strict=True))


def tooltip_of(page: Page, i: int) -> str | None:
    """The tooltip of polygon ``i`` (None if a control covers it); the mouse leaves first."""
    page.mouse.move(0, 0)
    polygons(page).nth(i).hover(force=True)
    tooltip = page.frame_locator(MAP_FRAME).locator(".leaflet-tooltip").last
    try:
        tooltip.wait_for(timeout=2_000)
    except PlaywrightTimeout:
        return None
    return tooltip.inner_text()


def test_the_map_draws_offline_with_its_legend(page: Page, server: str) -> None:
    page.goto(f"{server}/?level=commune")  # the national commune map (districts by default)
    expect(polygons(page)).to_have_count(1633, timeout=60_000)
    legend = page.locator(".atlas-legend")
    expect(legend).to_contain_text("Disruption × partnership")
    expect(legend).to_contain_text("Synthetic demonstration data")
    assert page.blocked == []  # type: ignore[attr-defined]


def test_a_click_on_a_commune_opens_its_story(page: Page, server: str) -> None:
    page.goto(f"{server}/?province=23")
    expect(polygons(page)).to_have_count(5, timeout=60_000)
    settled(page)
    # The whole map in view first: a hover or click that scrolls the page moves what is under it.
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    target = next(i for i in range(5) if "Commune code: 230101" in (tooltip_of(page, i) or ""))
    page.mouse.move(0, 0)  # the hover's tooltip must not take the click
    expect(page.frame_locator(MAP_FRAME).locator(".leaflet-tooltip")).to_have_count(0)
    polygons(page).nth(target).click(force=True)
    panel = page.get_by_role("heading", name="Angkaol", exact=True)
    expect(panel).to_be_visible(timeout=30_000)
    expect(page.get_by_text("អង្កោល", exact=True)).to_be_visible()
    expect(page.get_by_text("District: Damnak Chang'aeu · Province: Kep")).to_be_visible()
    assert "commune=230101" in page.url


def test_a_filter_change_changes_the_numbers(page: Page, server: str) -> None:
    page.goto(server)
    expect(polygons(page)).to_have_count(210, timeout=60_000)  # the country's districts
    before = metric_values(page)["Incidents in the period"]
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Incident type").click()
    page.get_by_role("option", name="Arrests and confiscations").click()
    expect(page.locator('[data-testid="stMetricValue"]').first).not_to_have_text(
        before, timeout=30_000
    )
    assert "type=arrests_confiscations" in page.url


def test_no_count_below_the_threshold_on_screen_or_in_the_csv(page: Page, server: str) -> None:
    page.goto(f"{server}/?province=18&type=arrests_confiscations")
    expect(polygons(page)).to_have_count(27, timeout=60_000)
    shown = metric_values(page)  # the units "with 5 or more incidents" count units, not incidents
    incidents = {k: v for k, v in shown.items() if "or more incidents" not in k}
    assert len(incidents) == len(shown) - 1
    assert not [v for v in incidents.values() if SMALL.match(v)], shown
    tooltips = [tooltip_of(page, i) for i in range(27)]
    counts = [re.search(r"Incidents: (\S+)", t).group(1) for t in tooltips if t]
    assert counts and "<5" in counts and not [c for c in counts if SMALL.match(c)]
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the table (CSV)").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 27 and rows[0]["data"] == "synthetic demonstration data"
    assert not [r for r in rows if SMALL.match(r["incidents"])]
    assert {r["incidents"] for r in rows} & {"<5"}
    assert {r["incident_type"] for r in rows} == {"arrests_confiscations"}
    assert rows[0]["protection"].startswith("Counts are protected")
    rates = [r["per_1000_people"] for r in rows]
    assert all(r in ("", "<5 incidents") or float(r) >= 0 for r in rates)
    # With a commune's story open: no line of the page is a bare count below 5.
    page.goto(f"{server}/?province=18&type=arrests_confiscations&commune=180101")
    expect(page.get_by_text("Incidents per calendar year")).to_be_visible(timeout=60_000)
    expect(page.get_by_role("heading", name="Lekh Muoy")).to_be_visible()
    expect(page.locator('[data-testid="stPlotlyChart"] .barlayer').first).to_be_attached(
        timeout=30_000
    )  # the chart has drawn its bars
    lines = page.locator('[data-testid="stMain"]').inner_text().splitlines()
    numbers = [line.strip() for line in lines if re.fullmatch(r"[\d,.<%+-]+", line.strip())]
    units = next(v for k, v in metric_values(page).items() if "or more incidents" in k)
    numbers.remove(units)  # a number of communes, not of incidents
    assert "<5" in numbers and not [n for n in numbers if SMALL.match(n)], numbers


def test_the_downloaded_map_draws_with_no_server(
    page: Page, server: str, browser: Browser, tmp_path: Path
) -> None:
    page.goto(f"{server}/?province=12")
    expect(polygons(page)).to_have_count(96, timeout=60_000)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the map (HTML)").click()
    assert download.value.suggested_filename == "synthetic_atlas_12_commune_2014-01_2014-12.html"
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    offline = browser.new_context()
    requests: list[str] = []
    tab = offline.new_page()
    tab.route("**/*", lambda route: (requests.append(route.request.url), route.continue_()))
    tab.goto(path.as_uri())
    expect(tab.locator("path.leaflet-interactive")).to_have_count(96, timeout=30_000)
    expect(tab.locator(".atlas-legend")).to_contain_text("Synthetic demonstration data")
    assert [r for r in requests if not r.startswith("file:")] == []
    offline.close()


def test_the_explore_page_in_khmer(page: Page, server: str) -> None:
    page.goto(f"{server}/?lang=km&province=12")
    expect(polygons(page)).to_have_count(96, timeout=60_000)
    expect(page.get_by_role("heading", name="ស្វែងរក")).to_be_visible()
    expect(page.locator(".atlas-legend")).to_contain_text("ការរំខាន × ភាពជាដៃគូ")
    assert "ឧប្បត្តិហេតុក្នុងរយៈពេល" in metric_values(page)


def test_a_language_switch_then_a_choice_keeps_the_page(page: Page, server: str) -> None:
    """Switching the language, then choosing anything: no box may send the other language's
    text of an option it no longer has (the quick choice of period once sent "Pick one to set
    the calendar year" as a month: the page broke)."""
    page.goto(server)
    expect(polygons(page)).to_have_count(210, timeout=60_000)
    page.locator('[data-testid="stSidebar"]').get_by_text("ខ្មែរ").click()
    expect(page.get_by_role("heading", name="ស្វែងរក")).to_be_visible(timeout=60_000)
    page.locator('[data-testid="stSelectbox"]').filter(has_text="ប្រភេទឧប្បត្តិហេតុ").click()
    page.get_by_role("option").nth(1).click()
    settled(page)
    expect(polygons(page).first).to_be_attached(timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "type=" in page.url  # the choice took
    page.locator('[data-testid="stSidebar"]').get_by_text("English").click()
    expect(page.get_by_role("heading", name="Explore")).to_be_visible(timeout=60_000)
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Incident type").click()
    page.get_by_role("option", name="Arrests and confiscations").click()
    settled(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "type=arrests_confiscations" in page.url
