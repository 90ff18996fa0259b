"""A Streamlit server started by the tests, and headless Chromium that may reach only it."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect, sync_playwright

from config import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_PREFIXES = ("http://localhost:", "http://127.0.0.1:", "ws://localhost:", "data:", "blob:")
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(
    db: Path, *options: str, env: Mapping[str, str] | None = None
) -> Iterator[str]:
    """Run ``streamlit run dashboard.py`` on a free port against ``db`` (with further
    ``streamlit run`` options and environment variables); yield its URL."""
    port = _free_port()
    env = {**os.environ, "ATLAS_DB_PATH": str(db), "ATLAS_TILES": "off", **(env or {})}
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", *options,
    ]  # fmt: skip
    log = (db.parent / f"streamlit-{port}.log").open("wb")
    proc = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log)
    url = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start; see {log.name}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


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


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    """A tall page whose every request not addressed to localhost is aborted (and recorded)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    tab = context.new_page()
    tab.blocked = []  # type: ignore[attr-defined]
    tab.route("**/*", lambda route: only_local(tab, route))
    yield tab
    context.close()
