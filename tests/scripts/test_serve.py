"""The shipped Streamlit config and the run script's way of starting the server
(``scripts/serve.sh``, which ``scripts/run.sh`` ends with): the dashboard listens on 127.0.0.1
only, unless the operator names another address; no table offers its own CSV download."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from benchmarks.servers import free_port
from config import PROJECT_ROOT

SERVE = PROJECT_ROOT / "scripts" / "serve.sh"


def other_address() -> str | None:
    """An IPv4 address of this machine that is not loopback (``hostname -I``, else the address
    a UDP socket would send from), or None."""
    try:
        found = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=10)
        for address in found.stdout.split():
            if "." in address and not address.startswith("127."):
                return address
    except (OSError, subprocess.SubprocessError):
        pass
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # sends nothing: only picks the outgoing address
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith(("127.", "0.")) else address


def answers(host: str, port: int) -> bool:
    """Whether Streamlit's health check answers at ``host``:``port``."""
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/_stcore/health", timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


@contextmanager
def served(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[int]:
    """``scripts/serve.sh --server.port N *args`` running; yields N once it answers on
    127.0.0.1 (or on the address the arguments name)."""
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
    environment.update({"ATLAS_DB_PATH": str(tmp_path / "atlas.duckdb"), **(env or {})})
    log = (tmp_path / f"serve-{port}.log").open("wb")
    proc = subprocess.Popen([str(SERVE), "--server.port", str(port), *args], cwd=tmp_path,
                            env=environment, stdout=log, stderr=log)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        host = "127.0.0.1"
        while not (answers(host, port) or (args and answers(args[-1], port))):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"serve.sh did not start: {(tmp_path / log.name).read_text()}")
            time.sleep(0.3)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_the_shipped_config_listens_on_loopback_and_offers_no_table_download() -> None:
    shipped = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
    assert shipped["server"]["address"] == "127.0.0.1"
    assert shipped["client"]["disableDataExport"] is True
    assert shipped["client"]["showErrorDetails"] == "none"
    run = (PROJECT_ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
    assert run.rstrip().endswith('exec scripts/serve.sh "$@"')  # run.sh starts it this way


def test_the_server_answers_on_loopback_and_not_on_the_network(tmp_path: Path) -> None:
    address = other_address()
    if address is None:
        pytest.skip("this machine has no address but loopback: nothing to listen on by mistake")
    with served(tmp_path) as port:  # started from another folder: serve.sh finds the config
        assert answers("127.0.0.1", port)
        assert not answers(address, port), f"the dashboard answers on {address}"


def test_an_address_the_operator_names_is_used(tmp_path: Path) -> None:
    address = other_address()
    if address is None:
        pytest.skip("this machine has no address but loopback")
    with served(tmp_path, "--server.address", address) as port:
        assert answers(address, port)  # the check above can see a server on that address
        assert not answers("127.0.0.1", port)
