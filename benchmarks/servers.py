"""The real parts the browser tests and the wire benchmark start themselves: a Streamlit
server on a free local port, and Debian's headless Chromium (never a downloaded browser)."""

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


class ServerDidNotStart(RuntimeError):
    """Streamlit exited or did not answer its health check in time (the message names its
    log)."""


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def streamlit_server(
    script: str, db: Path, log_dir: Path, *options: str,
    env: Mapping[str, str] | None = None, timeout: float = 120,
) -> Iterator[int]:  # fmt: skip
    """Run ``streamlit run script`` from the project root against the atlas database ``db``
    (no basemap tiles), with further ``streamlit run`` options and environment variables,
    its output in ``log_dir``; yield its port once it answers, and stop it after.

    Raises:
        ServerDidNotStart: if it exits or does not answer within ``timeout`` seconds.
    """
    port = free_port()
    env = {**os.environ, "ATLAS_DB_PATH": str(db), "ATLAS_TILES": "off",
           "PYTHONPATH": str(PROJECT_ROOT), **(env or {})}  # fmt: skip
    command = [
        sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false", *options,
    ]  # fmt: skip
    log = (log_dir / f"streamlit-{port}.log").open("wb")
    proc = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + timeout
        while not _healthy(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise ServerDidNotStart(f"streamlit did not start for {script}; see {log.name}")
            time.sleep(0.3)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
