"""Explore at a glance (issue 22), at 1440×900, 1280×720 and 800×600 in English and Khmer: the
national view opens on districts with every class reached and counted in the legend, in view
without scrolling on a screen; the search forgives and fits the map to what it finds; the
wheel scrolls the page until the map is clicked; the sidebar leaves a small screen most of its
width; nobody reads "None", "nan" or "NaN"; on Explore, the ranking and the evaluation method
names are only in a collapsed note, every map has its key, the commune charts no toolbar and
the ranking table every province without an inner scroll nor a sideways one;
numbers in one numeral system per language (Khmer digits on Khmer pages: text, tables, chart
ticks, map tooltips and scale). A screenshot of each is kept in
``test-artifacts/glance`` (CI keeps the folder)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from config import PROJECT_ROOT
from tests.browser.conftest import CUT_SHORT, MAP_FRAME, SIDEWAYS, local_page, settled
from vocabulary import PILOT_PROVINCES

pytestmark = pytest.mark.browser
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "glance"
SIZES = {"1440x900": (1440, 900), "1280x720": (1280, 720), "800x600": (800, 600)}
KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
# A missing value printed as a word ("None, started, active" is a label, not one).
NOT_A_VALUE = re.compile(r"(?:^|[\s·:(])(None|nan|NaN)(?=$|[\s·:)])", re.MULTILINE)
# What the main area's scroll has moved, and how far in the map is zoomed.
SCROLLED = "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop"


@pytest.fixture(params=list(SIZES))
def sized(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[Page, str]]:
    """A page of each size, reaching only the local server."""
    with local_page(browser, *SIZES[request.param]) as tab:
        yield tab, request.param


def polygons(page: Page):
    return page.frame_locator(MAP_FRAME).locator("path.leaflet-interactive")


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png")


def zoom(page: Page) -> str:
    """The transform of the map's zoom proxy (its scale changes when the map zooms)."""
    return page.frame_locator(MAP_FRAME).locator(".leaflet-proxy").first.get_attribute("style")


@pytest.mark.parametrize("lang", ["en", "km"])
def test_the_national_view_reads_at_a_glance(
    sized: tuple[Page, str], server: str, lang: str
) -> None:
    page, size = sized
    page.goto(f"{server}/?lang={lang}")
    expect(polygons(page)).to_have_count(210, timeout=60_000)  # the country's districts
    settled(page)
    shot(page, f"national_{size}_{lang}")
    legend = page.locator(".atlas-legend").first.inner_text().translate(KHMER_DIGITS)
    held = [int(n.replace(",", "")) for n in re.findall(r": ([\d,]+) ", legend + " ")]
    assert len(held) == 3 and all(held) and sum(held) == 210, legend
    width, height = sized[0].viewport_size["width"], sized[0].viewport_size["height"]
    frame = page.locator(MAP_FRAME).bounding_box()
    assert frame and frame["y"] < height - 100  # the map shows in the first view
    sidebar = page.locator('[data-testid="stSidebar"]').bounding_box()
    assert sidebar and sidebar["width"] <= (300 if width > 1000 else 0.27 * width)
    assert not NOT_A_VALUE.findall(page.locator('[data-testid="stMain"]').inner_text())
    assert page.evaluate(CUT_SHORT) == []  # no figure, link or label ends in "…"
    assert page.evaluate(SIDEWAYS) == []  # nothing scrolls sideways (the sidebar neither)
    assert page.blocked == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("lang", "typed", "province_communes"), [("en", "Sihanoukville", 27), ("km", "កំពង់សោម", 27)]
)
def test_the_search_finds_other_names_and_fits_the_map_to_them(
    sized: tuple[Page, str], server: str, lang: str, typed: str, province_communes: int
) -> None:
    page, size = sized
    page.goto(f"{server}/?lang={lang}")
    expect(polygons(page)).to_have_count(210, timeout=60_000)
    box = page.locator('[data-testid="stTextInput"] input').first
    box.fill(typed)
    box.press("Enter")
    settled(page)
    results = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]')
    expect(results).to_have_count(1, timeout=30_000)  # the results, once found
    settled(page)
    options = page.locator('[role="option"]')
    for _ in range(3):  # a click while the small page still scrolls may miss the box
        results.scroll_into_view_if_needed()
        results.click()
        try:
            expect(options.first).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            continue
    expect(options.first).to_be_visible(timeout=5_000)
    first = options.first.inner_text()
    assert not NOT_A_VALUE.findall(first)
    assert ("Preah Sihanouk" in first) if lang == "en" else ("ព្រះសីហនុ" in first), first
    options.first.click()
    settled(page)
    expect(polygons(page)).to_have_count(province_communes, timeout=60_000)
    expect(page.frame_locator(MAP_FRAME).locator("path.atlas-selected")).to_be_attached()
    shot(page, f"search_{size}_{lang}")
    assert "province=18" in page.url


@pytest.mark.parametrize("lang", ["en", "km"])
def test_the_wheel_scrolls_the_page_until_the_map_is_clicked(
    sized: tuple[Page, str], server: str, lang: str
) -> None:
    page, size = sized
    page.goto(f"{server}/?lang={lang}&province=23")  # Kep: five communes, a small map
    expect(polygons(page)).to_have_count(5, timeout=60_000)
    settled(page)
    frame = page.locator(MAP_FRAME)
    drawn = frame.bounding_box()
    assert drawn
    before, zoomed = page.evaluate(SCROLLED), zoom(page)
    page.mouse.move(drawn["x"] + drawn["width"] / 2, drawn["y"] + min(80, drawn["height"] / 3))
    page.mouse.wheel(0, 200)
    # the page scrolls (a map that took the wheel would stop it: Leaflet cancels the event) ...
    page.wait_for_function(f"() => ({SCROLLED})() > {before}")
    assert zoom(page) == zoomed  # ... and the map did not zoom
    page.frame_locator(MAP_FRAME).locator(".leaflet-control-scale").hover()
    page.mouse.down()  # a press on the map (on its scale: it selects nothing)
    page.mouse.up()  # the map's mousedown handler has run before the next input event
    zoomed = zoom(page)
    drawn = frame.bounding_box()  # the hover may have scrolled the map into view
    assert drawn
    page.mouse.move(drawn["x"] + drawn["width"] / 2, drawn["y"] + drawn["height"] / 2)
    scrolled = page.evaluate(SCROLLED)
    page.mouse.wheel(0, -200)
    proxy = page.frame_locator(MAP_FRAME).locator(".leaflet-proxy").first
    expect(proxy).not_to_have_attribute("style", zoomed or "", timeout=30_000)  # now it zooms
    assert page.evaluate(SCROLLED) == scrolled
    shot(page, f"wheel_{size}_{lang}")


# Method names a reader meets only in a collapsed "Method note" (issue 22, point 4).
METHOD_NAMES = re.compile(r"SPOTIS|TOPSIS|log\(1|Poisson|regression|tercile|cell.key|rapidfuzz")
# Each page's address (Explore with a commune's story open: its charts).
PAGES = {
    "explore": "?province=12&commune=120203&",
    "ranking": "ranking?",
    "evaluation": "evaluation?",
}


def open_page(page: Page, server: str, name: str, lang: str) -> None:
    """Open one of ``PAGES`` in ``lang`` and wait until its map is drawn and the page settled."""
    page.goto(f"{server}/{PAGES[name]}lang={lang}")
    expect(polygons(page).first).to_be_attached(timeout=90_000)
    settled(page)


@pytest.mark.parametrize("lang", ["en", "km"])
@pytest.mark.parametrize("name", list(PAGES))
def test_pages_read_in_plain_words_with_keyed_maps(
    sized: tuple[Page, str], server: str, lang: str, name: str
) -> None:
    page, size = sized
    open_page(page, server, name, lang)
    main = page.locator('[data-testid="stMain"]')
    shot(page, f"{name}_{size}_{lang}")
    assert page.evaluate(CUT_SHORT) == []  # no figure, link or label ends in "…"
    assert page.evaluate(SIDEWAYS) == []  # no table, legend or row of pills scrolls sideways
    text = main.inner_text()  # a collapsed expander's content is not drawn, so not in it
    assert not METHOD_NAMES.findall(text), METHOD_NAMES.findall(text)
    assert not NOT_A_VALUE.findall(text)
    note = page.locator('[data-testid="stExpander"]').filter(has_text=re.compile(
        "Method note|កំណត់ចំណាំអំពីវិធីសាស្ត្រ")).first  # fmt: skip
    expect(note).to_be_attached()
    note.locator("summary").click()
    expect(note).to_contain_text(METHOD_NAMES, timeout=10_000)  # there they are
    # every map has its colour key (on the page or in the map) and no tooltip line is empty
    frame = page.frame_locator(MAP_FRAME).first
    key = page.locator(".atlas-legend").count() + frame.locator(".atlas-legend").count()
    assert key >= 1
    if name == "explore":  # the commune's charts: no toolbar over the marks
        charts = page.locator('[data-testid="stPlotlyChart"]')
        expect(charts.first).to_be_attached()
        assert page.locator('[data-testid="stPlotlyChart"] .modebar').count() == 0
    if name == "ranking":  # every candidate drawn (the partnership's provinces listed apart)
        table = page.locator(".st-key-ranking_table table").first
        table.scroll_into_view_if_needed()
        shot(page, f"ranking_table_{size}_{lang}")
        fit = page.evaluate(TABLE_FIT)
        candidates = 25 - len(PILOT_PROVINCES)  # the demo's partnership: the pilot provinces
        assert fit["rows"] == candidates and fit["scrollHeight"] <= fit["clientHeight"], fit
        assert fit["scrollWidth"] <= fit["clientWidth"], fit  # nor sideways, 800 px too
        page.locator('[data-testid="stCheckbox"]').first.click()  # the partnership's too
        expect(page.locator(".st-key-ranking_table tbody tr")).to_have_count(25, timeout=60_000)
        settled(page)
        fit = page.evaluate(TABLE_FIT)
        assert fit["scrollWidth"] <= fit["clientWidth"], fit


# The ranking table's rows and its scrolling box's sizes (the box Streamlit wraps it in).
TABLE_FIT = """() => {
  const box = document.querySelector('.st-key-ranking_table [data-testid="stTable"] > div');
  return {rows: box.querySelectorAll('tbody tr').length, scrollWidth: box.scrollWidth,
          clientWidth: box.clientWidth, scrollHeight: box.scrollHeight,
          clientHeight: box.clientHeight};
}"""


# Digits of the other language's numeral system, by the page's language.
OTHER_DIGITS = {"en": re.compile("[០-៩]"), "km": re.compile("[0-9]")}
# What keeps 0 to 9 on a Khmer page: names (a paper size) and the weights' sliders (a
# Streamlit slider writes its value itself).
KEEPS_LATIN = re.compile(r"\bA4\b")
# Khmer names an English page shows beside the English ones ("ផ្សារថ្មីទី ៣": their digits
# are the name's).
KHMER_NAME = re.compile("[\u1780-\u17dd][\u1780-\u17ff ]*")
# Every text a reader sees outside the sliders: the page, the chart ticks (SVG text).
SHOWN_TEXT = """() => {
  const hidden = document.querySelectorAll('[data-testid="stSlider"]');
  hidden.forEach(e => e.setAttribute('data-was', e.style.display));
  hidden.forEach(e => e.style.display = 'none');
  const text = document.body.innerText + '\\n' + Array.from(
    document.querySelectorAll('svg text')).map(e => e.textContent).join('\\n');
  hidden.forEach(e => e.style.display = e.getAttribute('data-was'));
  return text;
}"""


@pytest.mark.parametrize("lang", ["en", "km"])
@pytest.mark.parametrize("name", list(PAGES))
def test_numbers_are_written_in_one_numeral_system_per_language(
    sized: tuple[Page, str], server: str, lang: str, name: str
) -> None:
    page, size = sized
    open_page(page, server, name, lang)
    if name == "explore":  # the charts drawn
        expect(page.locator('[data-testid="stPlotlyChart"] svg text').first).to_be_attached()
    text = KEEPS_LATIN.sub("", page.evaluate(SHOWN_TEXT))
    if lang == "en":
        text = KHMER_NAME.sub("", text)
    wrong = OTHER_DIGITS[lang]
    assert not wrong.findall(text), [line for line in text.splitlines() if wrong.search(line)]
    # the map: its scale and a tooltip
    frame = page.frame_locator(MAP_FRAME).first
    scale = frame.locator(".leaflet-control-scale-line").first.inner_text()
    polygon = frame.locator("path.leaflet-interactive").first
    polygon.hover(force=True)
    tooltip = frame.locator(".leaflet-tooltip").first
    expect(tooltip).to_be_visible(timeout=10_000)
    words = scale + " " + tooltip.inner_text()
    assert not wrong.findall(KHMER_NAME.sub("", words) if lang == "en" else words), words
    assert re.search("[០-៩]" if lang == "km" else "[0-9]", words), words  # digits it has
    shot(page, f"numerals_{name}_{size}_{lang}")
