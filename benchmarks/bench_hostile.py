"""Hostile workbooks against a normal one, in one run: the time and the peak memory of reading
(or refusing) each, every one in a fresh process so the figures do not mix.

Run: .venv/bin/python -m benchmarks.bench_hostile [--rows 20000] [--bomb-mb 480]
     [--parts-mb 190] [--xfd-mb 23]

The cases (made by ``benchmarks.hostile_workbooks`` in a temporary folder):
- normal: a header and ``--rows`` incidents;
- claimed dimension: the same rows on a sheet claiming A1:XFD1048576 (read: the claim is
  ignored);
- claimed dimension, last cell filled: the same, with a value in XFD1048576 (refused at the
  row limit, ATLAS_XLSX_MAX_ROWS);
- zip bomb: a sheet of a few MB in the file that expands to ``--bomb-mb`` MB of XML (refused
  before openpyxl opens it, ATLAS_XLSX_MAX_SHEET_MB);
- styles bomb: the same rows, and ``--parts-mb`` MB of cell formats in the styles part (a few
  hundred KB in the file; openpyxl would parse it whole as it opens the file: refused before,
  ATLAS_XLSX_MAX_PART_MB);
- shared-strings bomb: the same rows, and ``--parts-mb`` MB of shared strings (the same,
  ATLAS_XLSX_MAX_STRINGS_MB);
- formatted to XFD: a header, then rows of one incident followed by empty formatted cells out
  to column XFD, ``--xfd-mb`` MB of sheet XML (refused at the cap on such cells, under
  ATLAS_XLSX_MAX_COLUMNS).

Time is the wall time of ``etl.partners.read_workbook``; memory is the process's peak
resident set (``resource.getrusage``), and that peak above the process's size once the reader
is imported.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import hostile_workbooks as hostile
from config import PROJECT_ROOT


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def measure(path: Path) -> dict:
    """Read ``path`` here (the child's side): outcome, seconds, peak and added memory."""
    from etl.partners import FileRejected, read_workbook

    base = _rss_mb()
    started = time.perf_counter()
    try:
        rows = read_workbook(path, "incidents")
        outcome = f"read {rows.count():,} rows"
    except FileRejected as exc:
        why = str(exc).split(": ", 2)[-1]  # after the file's name and "refused (...)"
        outcome = "refused: " + why[:100]
    seconds = time.perf_counter() - started
    return {"outcome": outcome, "seconds": seconds, "peak": _rss_mb(), "added": _rss_mb() - base}


def _child(path: Path) -> dict:
    command = [sys.executable, "-m", "benchmarks.bench_hostile", "--measure", str(path)]
    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    """Make the workbooks, measure each in its own process, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--bomb-mb", type=float, default=480)
    parser.add_argument("--parts-mb", type=float, default=190)
    parser.add_argument("--xfd-mb", type=float, default=23)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = {
            "normal": hostile.normal_workbook(folder / "normal.xlsx", args.rows),
            "claimed A1:XFD1048576": hostile.claimed_dimension(folder / "claim.xlsx", args.rows),
            "claimed, XFD1048576 filled": hostile.claimed_dimension(
                folder / "far.xlsx", args.rows, far_cell=True
            ),
            "zip bomb": hostile.zip_bomb(folder / "bomb.xlsx", args.bomb_mb),
            "styles bomb": hostile.styles_bomb(folder / "styles.xlsx", args.parts_mb, args.rows),
            "shared-strings bomb": hostile.strings_bomb(
                folder / "strings.xlsx", args.parts_mb, args.rows
            ),
            "formatted to XFD": hostile.styled_to_xfd(folder / "xfd.xlsx", args.xfd_mb),
        }
        print(f"{'case':<28}{'file MB':>8}{'s':>8}{'peak MB':>9}{'added MB':>9}  outcome")
        for name, path in cases.items():
            got = _child(path)
            size = path.stat().st_size / 1024 / 1024
            print(f"{name:<28}{size:>8.2f}{got['seconds']:>8.2f}{got['peak']:>9.0f}"
                  f"{got['added']:>9.0f}  {got['outcome']}")  # fmt: skip


if __name__ == "__main__":
    main()
