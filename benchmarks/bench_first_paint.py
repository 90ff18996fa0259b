"""Benchmark: page open → map visible, the atlas's Explore page beside a minimal Streamlit page
showing the same commune polygons on a plain folium map (streamlit-folium), in the same run;
and the server's CPU seconds per new session over N sessions, the atlas beside a page with only
a title (and, for scale, the minimal folium page's, and a page of Explore's kinds of element with
no data: the floor any page offering those controls starts from).

Run: .venv/bin/python -m benchmarks.bench_first_paint [--db PATH] [--runs 5] [--sessions 20]
[--proxy-static]

Each open is a new browser context (no cache, no cookies) in Debian's headless Chromium,
offline; "map visible" is the first polygon drawn in the map's frame. The two pages alternate,
each run after one warm-up open (the servers' caches then hold what every session shares: the
figure a visitor meets once the server has run). CPU is the server process's user + system
time (``/proc``) across N opens, each waiting until the page has drawn, divided by N.

With ``--proxy-static`` the CPU is measured a second time with Streamlit's own front-end files
(``/static/...``: content-hashed, served "immutable") answered from disk by the browser's
router, as a reverse proxy or a CDN in front of the server would answer them
(docs/deploying.md): what is left is the server's own work for a session.
"""

from __future__ import annotations

import argparse
import contextlib
import mimetypes
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import streamlit
from playwright.sync_api import Browser, Route, sync_playwright

import config
from benchmarks.servers import CHROMIUM, CHROMIUM_ARGS, _healthy, free_port
from config import PROJECT_ROOT

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
#: Streamlit's front-end files, as a proxy in front of the server would serve them.
FRONT_END = Path(streamlit.__file__).parent / "static"
PAGES = {
    "atlas": "dashboard.py",
    "folium": "benchmarks/pages/minimal_folium.py",
    "title": "benchmarks/pages/title_only.py",
    "widgets": "benchmarks/pages/same_widgets.py",
}


@contextlib.contextmanager
def server(script: str, db: Path, log: Path) -> Iterator[tuple[str, psutil.Process]]:
    """``streamlit run script`` against ``db`` on a free port: its URL and its process."""
    port = free_port()
    env = {**os.environ, "ATLAS_DB_PATH": str(db), "ATLAS_TILES": "off",
           "PYTHONPATH": str(PROJECT_ROOT)}  # fmt: skip
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false"]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=out)
        try:
            while not _healthy(port):
                if proc.poll() is not None:
                    raise RuntimeError(f"{script} did not start; see {log}")
                time.sleep(0.3)
            yield f"http://127.0.0.1:{port}", psutil.Process(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def _from_disk(route: Route) -> None:
    """Answer a request for Streamlit's front-end file from disk (a proxy's cache)."""
    path = FRONT_END / "static" / route.request.url.split("/static/", 1)[1].split("?")[0]
    if path.is_file() and FRONT_END in path.resolve().parents:
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=path.read_bytes(), content_type=kind)
    else:
        route.continue_()


def open_once(browser: Browser, url: str, wait_map: bool, proxy: bool = False) -> float:
    """Seconds from opening ``url`` in a new context to the first polygon drawn (or, for a
    page without a map, its title); with ``proxy``, Streamlit's front-end files come from
    disk, not from the server."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    if proxy:
        context.route(f"{url.rstrip('/')}/static/**", _from_disk)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    if wait_map:
        page.frame_locator(MAP_FRAME).locator("path.leaflet-interactive").first.wait_for(
            state="attached", timeout=120_000)  # fmt: skip
    else:
        page.locator("h1").first.wait_for(timeout=60_000)
    elapsed = time.perf_counter() - started
    context.close()
    return elapsed


def cpu_per_session(browser: Browser, url: str, proc: psutil.Process, n: int, wait_map: bool,
                    proxy: bool = False) -> float:  # fmt: skip
    """The server's CPU seconds per new session, over ``n`` sessions."""
    before = proc.cpu_times()
    for _ in range(n):
        open_once(browser, url, wait_map, proxy)
    time.sleep(1.0)  # let the last session's script end
    after = proc.cpu_times()
    return (after.user - before.user + after.system - before.system) / n


def _static_beside_pages() -> None:
    """Streamlit serves ``static/`` beside the script it runs: the baseline pages get a link
    to the project's (where ``python -m geo.assets`` put Leaflet)."""
    link = PROJECT_ROOT / "benchmarks" / "pages" / "static"
    if not link.exists():
        link.symlink_to(PROJECT_ROOT / "static", target_is_directory=True)


def main(argv: list[str] | None = None) -> None:
    """Print the medians and the CPU per session."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(config.get("ATLAS_DB_PATH")))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument(
        "--proxy-static",
        action="store_true",
        help="measure the CPU again with the front-end files from a proxy",
    )
    args = parser.parse_args(argv)
    logs = Path(tempfile.mkdtemp(prefix="first_paint_"))
    _static_beside_pages()
    with contextlib.ExitStack() as stack:
        urls = {name: stack.enter_context(server(script, args.db.resolve(), logs / f"{name}.log"))
                for name, script in PAGES.items()}  # fmt: skip
        pw = stack.enter_context(sync_playwright())
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        times: dict[str, list[float]] = {"atlas": [], "folium": []}
        for name in times:  # warm-up
            open_once(browser, urls[name][0], True)
        for _ in range(args.runs):
            for name in times:
                times[name].append(open_once(browser, urls[name][0], True))
        atlas, folium_ = (statistics.median(times[k]) for k in ("atlas", "folium"))
        print(f"open -> map visible, median of {args.runs} (new context each):")
        print(f"  atlas Explore   {atlas:6.2f} s   {[round(x, 2) for x in times['atlas']]}")
        print(f"  minimal folium  {folium_:6.2f} s   {[round(x, 2) for x in times['folium']]}")
        print(f"  ratio           {atlas / folium_:6.2f}")
        open_once(browser, urls["title"][0], False)
        cpu_atlas = cpu_per_session(browser, *urls["atlas"], args.sessions, True)
        cpu_title = cpu_per_session(browser, *urls["title"], args.sessions, False)
        cpu_folium = cpu_per_session(browser, *urls["folium"], args.sessions, True)
        open_once(browser, urls["widgets"][0], True)
        cpu_widgets = cpu_per_session(browser, *urls["widgets"], args.sessions, True)
        print(f"server CPU per new session, over {args.sessions} sessions:")
        print(f"  atlas Explore   {cpu_atlas:6.3f} s")
        print(f"  title only      {cpu_title:6.3f} s")
        print(f"  ratio           {cpu_atlas / cpu_title:6.2f}")
        share = cpu_folium / cpu_title
        print(f"  (minimal folium {cpu_folium:6.3f} s: {share:.2f} x the title page)")
        floor = cpu_widgets / cpu_title
        print(f"  (Explore's kinds of element, no data: {cpu_widgets:6.3f} s, {floor:.2f} x the "
              "title page)")  # fmt: skip
        if args.proxy_static:
            _print_cpu_behind_proxy(browser, urls, args.sessions)
        browser.close()


def _print_cpu_behind_proxy(browser: Browser, urls: dict, sessions: int) -> None:
    """The CPU per session again, Streamlit's front-end files answered by a proxy."""
    atlas = cpu_per_session(browser, *urls["atlas"], sessions, True, proxy=True)
    title = cpu_per_session(browser, *urls["title"], sessions, False, proxy=True)
    widgets = cpu_per_session(browser, *urls["widgets"], sessions, True, proxy=True)
    print(f"server CPU per new session, front-end files from a proxy, over {sessions}:")
    print(f"  atlas Explore   {atlas:6.3f} s")
    print(f"  title only      {title:6.3f} s")
    print(f"  ratio           {atlas / title:6.2f}")
    print(f"  (Explore's kinds of element, no data: {widgets:6.3f} s, {widgets / title:.2f} x)")


if __name__ == "__main__":
    main()
