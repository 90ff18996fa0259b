"""A Streamlit server started by the tests, and headless Chromium that may reach only it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect, sync_playwright

from benchmarks import servers
from benchmarks.servers import CHROMIUM, CHROMIUM_ARGS

LOCAL_PREFIXES = ("http://localhost:", "http://127.0.0.1:", "ws://localhost:", "data:", "blob:")
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


@contextlib.contextmanager
def streamlit_server(
    db: Path, *options: str, env: Mapping[str, str] | None = None
) -> Iterator[str]:
    """Run ``streamlit run dashboard.py`` on a free port against ``db`` (with further
    ``streamlit run`` options and environment variables); yield its URL."""
    try:
        with servers.streamlit_server("dashboard.py", db, db.parent, *options, env=env,
                                      timeout=60) as port:  # fmt: skip
            yield f"http://localhost:{port}"
    except servers.ServerDidNotStart as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def server(built_db: Path) -> Iterator[str]:
    """One server for the browser tests, started by them and stopped after."""
    with streamlit_server(built_db) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/setup.sh --browser")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def settled(tab: Page) -> None:
    """Wait until Streamlit has finished running the page (its status widget is gone)."""
    expect(tab.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=60_000)


def only_local(tab: Page, route: Route) -> None:
    """Let a request to the local server through; abort any other and record it in
    ``tab.blocked``."""
    if route.request.url.startswith(LOCAL_PREFIXES):
        route.continue_()
    else:
        tab.blocked.append(route.request.url)  # type: ignore[attr-defined]
        route.abort()


@contextlib.contextmanager
def local_page(browser: Browser, width: int, height: int) -> Iterator[Page]:
    """A page of ``width`` x ``height`` in a new context whose every request not addressed to
    localhost is aborted (and recorded in ``tab.blocked``)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.blocked = []  # type: ignore[attr-defined]
    tab.route("**/*", lambda route: only_local(tab, route))
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    """A tall page reaching only the local server."""
    with local_page(browser, 1400, 1400) as tab:
        yield tab


# Elements whose text would be cut short with an ellipsis (text-overflow) if it did not fit.
CUT_SHORT = """() => {
  const cut = [];
  const all = '[data-testid="stMain"] *, [data-testid="stSidebar"] *';
  for (const el of document.querySelectorAll(all)) {
    const text = el.textContent.trim();
    if (!text || el.scrollWidth <= el.clientWidth + 1) continue;
    const style = getComputedStyle(el);
    const leaf = !el.childElementCount;
    if (style.textOverflow === 'ellipsis' || (leaf && style.overflow === 'hidden')) {
      cut.push(text);
    }
  }
  return cut;
}"""
# Boxes of the page (not a map's frame, not a data grid) that scroll sideways, with their sizes.
SIDEWAYS = """() => {
  const found = [];
  const all = '[data-testid="stMain"] *, [data-testid="stSidebarContent"]';
  for (const el of document.querySelectorAll(all)) {
    if (el.closest('[data-testid="stDataFrame"]') || el.scrollWidth <= el.clientWidth + 1) continue;
    if (['auto', 'scroll'].includes(getComputedStyle(el).overflowX)) {
      const name = el.getAttribute('data-testid') || el.className.toString().slice(0, 40);
      found.push(`${name} ${el.scrollWidth}>${el.clientWidth}: ${el.innerText.slice(0, 40)}`);
    }
  }
  return found;
}"""
