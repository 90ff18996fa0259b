"""Benchmark: the audit log's hash chain, against the plain locked append it replaced, in the
same run: lines written per second by one writer and by four processes at once, and the time
to verify a log of N lines beside the time to only read and parse it.

Run: .venv/bin/python -m benchmarks.bench_audit [--lines N]
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import audit
from config import PROJECT_ROOT

WRITERS = 4
ONE_LINE = {"user": "analyst@example.org", "role": "analyst", "link": "/explore?province=12",
            "file": "synthetic_atlas_12_commune_2014-01_2014-12.csv", "rows": 98,
            "sha256": "ab" * 32}  # fmt: skip


def plain_append(path: Path, lines: int) -> None:
    """The log before the chain: one JSON line appended under the log's lock, fsynced."""
    for _ in range(lines):
        line = json.dumps({"time": "2026-01-01T00:00:00+00:00", "action": "download",
                           **ONE_LINE}, separators=(",", ":")) + "\n"  # fmt: skip
        with path.open("a", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
            fcntl.flock(handle, fcntl.LOCK_UN)


def chained_append(path: Path, lines: int) -> None:
    """The log now: ``audit.record`` (numbered, chained, head updated)."""
    for _ in range(lines):
        audit.record("download", path=path, **ONE_LINE)


def _rate(fn, path: Path, lines: int) -> float:
    started = time.perf_counter()
    fn(path, lines)
    return lines / (time.perf_counter() - started)


def _concurrent(side: str, path: Path, lines: int) -> float:
    started = time.perf_counter()
    workers = [subprocess.Popen([sys.executable, "-m", "benchmarks.bench_audit", "--side", side,
                                 "--log", str(path), "--lines", str(lines)], cwd=PROJECT_ROOT)
               for _ in range(WRITERS)]  # fmt: skip
    for worker in workers:
        worker.wait()
    return WRITERS * lines / (time.perf_counter() - started)


def _verify_times(lines: int, folder: Path) -> tuple[float, float, bool]:
    """Seconds to read and parse a chained log of ``lines`` entries, and to verify it."""
    log = folder / "big.jsonl"
    chained_append(log, lines)
    started = time.perf_counter()
    audit.read_entries(log)
    parsed = time.perf_counter() - started
    started = time.perf_counter()
    intact = audit.verify(log).intact
    return parsed, time.perf_counter() - started, intact


def main(argv: list[str] | None = None) -> int:
    """Print the figures; returns 0 (``--side`` runs one writer of the concurrent case)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_audit")
    parser.add_argument("--lines", type=int, default=20_000, help="lines of the verified log")
    parser.add_argument("--writes", type=int, default=300, help="lines per writer")
    parser.add_argument("--side", choices=("plain", "chained"), help=argparse.SUPPRESS)
    parser.add_argument("--log", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.side:
        (plain_append if args.side == "plain" else chained_append)(args.log, args.lines)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as scratch:
        folder = Path(scratch)
        for side, fn in (("plain", plain_append), ("chained", chained_append)):
            one = _rate(fn, folder / f"{side}_one.jsonl", args.writes)
            four = _concurrent(side, folder / f"{side}_four.jsonl", args.writes)
            print(f"{side:8} append: {one:7.0f} lines/s one writer, {four:7.0f} lines/s with "
                  f"{WRITERS} processes")  # fmt: skip
        intact = audit.verify(folder / "chained_four.jsonl").intact
        print(f"chain of the {WRITERS} processes' log intact: {intact}")
        parsed, verified, whole = _verify_times(args.lines, folder)
        print(f"{args.lines:,} lines: read and parse {parsed:.2f} s, verify {verified:.2f} s "
              f"(intact: {whole})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
