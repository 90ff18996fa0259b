"""Benchmark: the bytes a browser receives when it opens the Explore page, and how soon the
map's polygons are visible, next to the naive page, in headless Chromium.

Run: .venv/bin/python -m benchmarks.bench_wire [--db PATH] [--runs N]

Without ``--db`` it builds a database with the default synthetic demo set in a temporary
folder. It starts three Streamlit servers on that database: the atlas (``dashboard.py``, the
national Explore view with every layer: partnership outlines, public services, borders), the
same with websocket compression turned off, and the naive page
(``benchmarks/naive_explore.py``: raw rows, full-resolution GeoJSON), each run as its own
Streamlit script with the project's ``.streamlit/config.toml``. A small TCP proxy sits between
Chromium and each server and counts the bytes the server sends, as the browser receives them
(after websocket compression, before decompression), in total and on the websocket.

Each run opens each page in a fresh browser context (cold: empty cache), then once more in the
same context (warm), and times navigation to the first visible polygon inside the map frame.
The pages are measured in turn within each run, so a busy machine weighs on every side alike;
the figures are medians over the runs. Every server serves its page once before the runs (its
own caches filled), so the cold figures are those of a new visitor, not of a new server.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from benchmarks import servers
from config import PROJECT_ROOT
from etl import build
from geo.assets import install_assets

CHROMIUM_ARGS = [
    *servers.CHROMIUM_ARGS,
    # No internet here: a name that is not local fails at once (routing requests through
    # Playwright instead would turn the browser's cache off).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
POLYGON = "path.leaflet-interactive"
WEBSOCKET_PATH = b"/_stcore/stream"
QUIET_SECONDS = 1.0  # the page is done when the server has sent nothing for this long


class CountingProxy:
    """A TCP proxy on 127.0.0.1 that forwards to ``target_port`` and counts what the server
    sends back: on every connection, and on the websocket connections alone."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = servers.free_port()
        self.total = self.websocket = 0
        self.last_byte = time.monotonic()
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        ready = threading.Event()
        threading.Thread(target=self._serve, args=(ready,), daemon=True).start()
        ready.wait()

    def _serve(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(
            asyncio.start_server(self._connection, "127.0.0.1", self.port)
        )
        ready.set()
        with contextlib.suppress(RuntimeError):
            self._loop.run_until_complete(server.serve_forever())

    def reset(self) -> None:
        """Start counting from zero."""
        with self._lock:
            self.total = self.websocket = 0

    def counts(self) -> tuple[int, int]:
        """Bytes sent by the server since the last reset: in total, and on websockets."""
        with self._lock:
            return self.total, self.websocket

    def quiet_for(self) -> float:
        """Seconds since the server last sent a byte."""
        return time.monotonic() - self.last_byte

    def _count(self, n: int, websocket: bool) -> None:
        with self._lock:
            self.total += n
            self.websocket += n if websocket else 0
            self.last_byte = time.monotonic()

    async def _connection(self, client_r, client_w) -> None:
        try:
            server_r, server_w = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            client_w.close()
            return
        kind = {"websocket": False}

        async def upstream() -> None:  # browser -> server: spot the websocket's handshake
            while data := await client_r.read(65536):
                if data.startswith(b"GET " + WEBSOCKET_PATH):
                    kind["websocket"] = True
                server_w.write(data)
                await server_w.drain()
            server_w.close()

        async def downstream() -> None:  # server -> browser: count
            while data := await server_r.read(65536):
                self._count(len(data), kind["websocket"])
                client_w.write(data)
                await client_w.drain()
            client_w.close()

        with contextlib.suppress(OSError):
            await asyncio.gather(upstream(), downstream())


@contextlib.contextmanager
def streamlit_server(script: str, db: Path, folder: Path, *flags: str) -> Iterator[int]:
    """Run ``streamlit run script`` against ``db``; yield its port (exits if it cannot)."""
    try:
        with servers.streamlit_server(script, db, folder, *flags) as port:
            yield port
    except servers.ServerDidNotStart as exc:
        raise SystemExit(str(exc)) from exc


@dataclass(frozen=True)
class Side:
    """One page to measure: its label, the proxy before its server, and the path to open."""

    label: str
    proxy: CountingProxy
    path: str


def load(context: BrowserContext, side: Side) -> dict:
    """Open the page in ``context``; the seconds to its first visible polygon and the bytes
    the server sent until it fell quiet."""
    side.proxy.reset()
    tab = context.new_page()
    started = time.perf_counter()
    tab.goto(f"http://127.0.0.1:{side.proxy.port}{side.path}", wait_until="commit")
    polygon = tab.frame_locator(MAP_FRAME).locator(POLYGON).first
    try:
        polygon.wait_for(state="visible", timeout=180_000)
    except PlaywrightTimeout:
        shot = Path(tempfile.gettempdir()) / f"bench_wire_{side.label.replace(' ', '_')}.png"
        tab.screenshot(path=shot)
        raise SystemExit(f"{side.label}: no polygon after 180 s (screenshot: {shot})") from None
    seconds = time.perf_counter() - started
    while side.proxy.quiet_for() < QUIET_SECONDS:
        time.sleep(0.05)
    total, websocket = side.proxy.counts()
    tab.close()
    return {"seconds": seconds, "total": total, "websocket": websocket}


def measure(browser: Browser, sides: list[Side], runs: int) -> dict[str, dict[str, list]]:
    """Cold and warm loads of every side, ``runs`` times, the sides in turn within a run."""
    for side in sides:  # each server serves its page once: its own caches are filled
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        _progress(side, "first load (not counted)", load(context, side))
        context.close()
    results: dict[str, dict[str, list]] = {s.label: {"cold": [], "warm": []} for s in sides}
    for run in range(1, runs + 1):
        for side in sides:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            for phase in ("cold", "warm"):
                results[side.label][phase].append(load(context, side))
                _progress(side, f"run {run} {phase}", results[side.label][phase][-1])
            context.close()
    return results


def _progress(side: Side, what: str, figures: dict) -> None:
    kb = {key: f"{figures[key] / 1000:,.0f} KB" for key in ("total", "websocket")}
    line = f"{side.label}, {what}: {figures['seconds']:.2f} s, {kb['total']} ({kb['websocket']} ws)"
    print(f"  {line}", file=sys.stderr, flush=True)


def _median(loads: list[dict], key: str) -> float:
    return statistics.median(x[key] for x in loads)


def report(results: dict[str, dict[str, list]]) -> None:
    """Print medians side by side."""
    labels = list(results)
    print(f"\n{'median of ' + str(len(results[labels[0]]['cold'])) + ' runs':<34}"
          + "".join(f"{label:>26}" for label in labels))  # fmt: skip
    for phase in ("cold", "warm"):
        for key, name, scale, unit in (
            ("total", "all bytes on the wire (KB)", 1 / 1000, ",.0f"),
            ("websocket", "websocket bytes (KB)", 1 / 1000, ",.0f"),
            ("seconds", "open to map visible (s)", 1, ".2f"),
        ):
            cells = "".join(
                f"{_median(results[label][phase], key) * scale:>26{unit}}" for label in labels
            )
            print(f"{phase + ': ' + name:<34}{cells}")


def naive_script(folder: Path) -> str:
    """The naive page, linked into ``folder`` beside its own copy of Leaflet: Streamlit serves
    ``static/`` from the folder of the script it runs."""
    install_assets(folder / "static" / "vendor")
    script = folder / "naive_explore.py"
    script.symlink_to(PROJECT_ROOT / "benchmarks" / "naive_explore.py")
    return str(script)


def _build(folder: Path) -> Path:
    started = time.perf_counter()
    result = build.build(
        db_path=folder / "atlas.duckdb", report_dir=folder / "reports", demo_dir=folder / "demo"
    )
    print(f"built a database with the demo set in {time.perf_counter() - started:.0f} s")
    return result.db_path


def main() -> None:
    """Build (or open) the database, start the servers and proxies, measure, print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, help="an atlas database to use instead of building")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"({os.cpu_count()} cores)")  # fmt: skip
    every_layer = "/?layers=partnership,services,borders"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = args.db or _build(folder)
        with (
            streamlit_server(naive_script(folder), db, folder) as naive,
            streamlit_server(
                "dashboard.py", db, folder, "--server.enableWebsocketCompression", "false"
            ) as plain,
            streamlit_server("dashboard.py", db, folder) as atlas,
            sync_playwright() as pw,
        ):
            browser = pw.chromium.launch(executable_path=servers.CHROMIUM, args=CHROMIUM_ARGS)
            sides = [
                Side("naive page", CountingProxy(naive), "/"),
                Side("atlas, no ws compression", CountingProxy(plain), every_layer),
                Side("atlas", CountingProxy(atlas), every_layer),
            ]
            results = measure(browser, sides, args.runs)
            browser.close()
    report(results)
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
