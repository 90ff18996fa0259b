"""The evaluation through the atlas database: the page's estimate next to the bare read of the
panel, at the demo's size and at 1,000,000 incidents (``bench_evaluation --database``).

Each database is built through the ETL (the demo set written and loaded as partner files) in a
temporary folder, unless ``--db`` names one. The baseline is the bare read of the commune x
month panel through the query layer (``query.panel.evaluation_panel``), what every estimate
reads first. Then the page's steps, each timed warm (best of ``--repeat``) after
``poisson.warm_up()``; and the page itself in streamlit's AppTest (wall time of a rerun,
an upper bound of the script's own time).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

import config
import query
from etl import build
from publish.evaluation import atlas_groups, evaluate_atlas
from query import explore, published
from query.panel import evaluation_panel
from query.view import Filters


def build_database(incidents: int, folder: Path) -> Path:
    """A database with ``incidents`` synthetic incidents, built through the ETL in ``folder``."""
    os.environ["ATLAS_DEMO_INCIDENTS"] = str(incidents)  # read by the build when it runs
    started = time.perf_counter()
    result = build.build(
        db_path=folder / "atlas.duckdb", report_dir=folder / "reports", demo_dir=folder / "demo"
    )
    print(f"built a database with {incidents:,} synthetic incidents in "
          f"{time.perf_counter() - started:.0f} s")  # fmt: skip
    return result.db_path


def _steps(con) -> list[tuple[str, Callable[[], object]]]:
    bounds = explore.month_range(con)
    groups = atlas_groups(con)
    filters = Filters(bounds[0], incident_type="arrests_confiscations")
    return [
        ("panel through the query layer, bare read (baseline)", lambda: evaluation_panel(con)),
        ("page estimate: panel + evaluate(robustness=False)",
         lambda: evaluate_atlas(con, robustness=False)),
        ("pilot and comparison communes by role (the map's)", lambda: atlas_groups(con)),
        ("published series of both groups (73 windows each)",
         lambda: [published.group_series(con, filters, bounds, ids)
                  for ids in (groups.pilot, groups.comparison)]),
        ("robustness line: whole evaluate_atlas()", lambda: evaluate_atlas(con)),
    ]  # fmt: skip


def _page(db: Path) -> dict[str, float]:
    """The evaluation page in AppTest: first run, a rerun with nothing changed (cached), and a
    rerun after a design change (every part recomputed, the robustness line last)."""
    os.environ["ATLAS_DB_PATH"] = str(db)
    os.environ["ATLAS_TILES"] = "off"
    at = AppTest.from_file(str(config.PROJECT_ROOT / "dashboard.py"), default_timeout=600)
    at.switch_page("pages/evaluation.py")
    times = {}
    for label, change in (("first run", None), ("rerun, nothing changed", None),
                          ("rerun after a design change", "not_yet_treated")):  # fmt: skip
        if change:
            at.radio(key="w_eval_design").set_value(change)
        started = time.perf_counter()
        at.run()
        times[label] = time.perf_counter() - started
        if at.exception:
            raise SystemExit(f"the page failed: {at.exception[0].message}")
    return times


def measure(db: Path, repeat: int, best_of: Callable[[int, Callable[[], object]], float]) -> None:
    """Print the steps' times on ``db`` and the page's, in seconds."""
    con = query.open_database(db)
    try:
        result = evaluate_atlas(con, robustness=False)
        panel = evaluation_panel(con)
        # The panel holds true counts: their total is printed for the synthetic demo only.
        total = (f"{int(panel['y'].sum()):,} arrests and confiscations; "
                 if query.is_synthetic(con) else "")  # fmt: skip
        print(f"Through the database {db.name}: panel {len(panel):,} rows, {total}"
              f"{result.pilot_communes} pilot, {result.comparison_communes} comparison "
              "communes")  # fmt: skip
        for label, run in _steps(con):
            print(f"  {label:<54}{best_of(repeat, run):>7.2f} s")
        print(f"  effect {result.effect:+.3f} (95 % {result.low:+.3f} to {result.high:+.3f})")
    finally:
        con.close()
    for label, seconds in _page(db).items():
        print(f"  page in AppTest, {label:<37}{seconds:>7.2f} s")
